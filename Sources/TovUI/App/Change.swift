import Foundation
import TovCore

/// A change the user asked for, as a value: `update` makes it, the app saves it in one undoable transaction.
public enum Change: Hashable, Sendable {
    case saveEvent(Event)
    /// Deletes an event; a changed meeting of a series is also taken out of the series, so it does not
    /// come back as the series' plain meeting.
    case deleteEvent(Event)
    case saveSeries(Series)
    /// Takes one meeting out of a series (an exception date).
    case deleteMeeting(Series, original: LocalDateTime)
    case saveOrganisation(Organisation)
    case deleteOrganisation(Organisation)
    case savePerson(Person)
    case deletePerson(Person)
    case saveTopic(Topic)
    case deleteTopic(Topic)
    /// `steps` places in the queue; negative toward the head.
    case moveTopic(Topic, steps: Int)
    case pinTopic(Topic, pinned: Bool)
    case requestTopic(Topic, organisationID: UUID, name: String, on: LocalDate)
    case withdrawTopic(Topic)
    /// The head of the queue to the series' next meeting from the day that has none, or to every one (`all`).
    case fillMeetings(seriesID: UUID, from: LocalDate, all: Bool)
    /// A person or an organisation in a role at a meeting, on the whole of it or on one programme item.
    case assign(Occurrence, Assignment.Holder, name: String, role: Assignment.Role, itemID: UUID?)
    /// The report of a day that has come; it is then reported.
    case report(Occurrence, attendance: Int?, notes: String?, today: LocalDate)
    /// A new SA Day on the date from this one: its programme and co-organisers.
    case copyEvent(Occurrence, to: LocalDate)
    case unassign(Assignment, name: String)
    case invite(Occurrence, kinds: [Organisation.Kind], organisations: [UUID], people: [UUID])
    case markAttendance(Occurrence, Assignment.Holder, name: String, Participation.Status)
    case removeParticipant(Occurrence, Assignment.Holder, name: String)
    /// A programme item added or changed; `shown` is the item as the sheet showed it (nil for a new one).
    case saveProgrammeItem(Occurrence, ProgrammeItem, shown: ProgrammeItem?)
    case removeProgrammeItem(Occurrence, ProgrammeItem)
    case addAway(Unavailability, name: String)

    /// Makes the change in one transaction.
    func perform(in session: any ScheduleSession) throws {
        switch self {
        case .saveEvent(let event):
            if let seriesID = event.seriesID, try session.series(seriesID) == nil {
                throw ValidationError("the series of this meeting no longer exists", mn: "Энэ уулзалтын цуврал устсан байна")
            }
            try Meetings.save(event, in: session)
        case .deleteEvent(let event):
            try Meetings.delete(event, in: session)
        case .saveSeries(let series):
            try session.save(series)
        case .deleteMeeting(let stale, let original):
            guard var series = try session.series(stale.id) else { throw ValidationError("the series no longer exists", mn: "Цуврал устсан байна") }
            if !series.exceptionDates.contains(original) { series.exceptionDates.append(original) }
            try session.save(series)
        case .saveOrganisation(let organisation):
            try session.save(organisation)
        case .deleteOrganisation(let organisation):
            try session.delete(.organisation, id: organisation.id)
        case .savePerson(let person):
            try session.save(person)
        case .deletePerson(let person):
            try session.delete(.person, id: person.id)
        case .saveTopic(let topic):
            try session.save(topic)
        case .deleteTopic(let topic):
            try session.delete(.topic, id: topic.id)
        case .moveTopic(let topic, let steps):
            for changed in try TopicQueue.move(topic.id, by: steps, in: try session.topics()) { try session.save(changed) }
        case .pinTopic(let stale, let pinned):
            guard var topic = try session.topic(stale.id) else { throw ValidationError("the topic no longer exists", mn: "Сэдэв устсан байна") }
            topic.setPinned(pinned)
            try session.save(topic)
        case .requestTopic(let stale, let organisationID, let name, let day):
            guard var topic = try session.topic(stale.id) else { throw ValidationError("the topic no longer exists", mn: "Сэдэв устсан байна") }
            guard topic.request(by: organisationID, on: day) else { throw ValidationError("\(name) already asked for this topic", mn: "\(name) энэ сэдвийг аль хэдийн хүссэн") }
            try session.save(topic)
        case .withdrawTopic(let topic):
            try TopicRules.withdraw(topic.id, in: session)
        case .fillMeetings(let seriesID, let day, let all):
            guard let series = try session.series(seriesID) else { throw ValidationError("the series no longer exists", mn: "Цуврал устсан байна") }
            let filled = try TopicRules.fill(series: series, from: day, limit: all ? .max : 1, in: session)
            if filled.isEmpty { throw ValidationError("no meeting without a topic, or no topic in the queue",
                                                  mn: "Сэдэвгүй уулзалт эсвэл дараалалд сэдэв алга") }
        case .assign(let meeting, let holder, let name, let role, let itemID):
            let (event, item) = try itemID.map { try Programme.storedItem($0, of: meeting, in: session) }
                .map { ($0.event, $0.item.id) } ?? (try Meetings.storedEvent(for: meeting, in: session), nil)
            try Meetings.assign(holder, as: role, on: item, to: event, named: name, in: session)
        case .report(let meeting, let attendance, let notes, let today):
            try SADays.report(try Meetings.storedEvent(for: meeting, in: session), attendance: attendance, notes: notes, today: today, in: session)
        case .copyEvent(let meeting, let date):
            try SADays.copy(try Meetings.event(for: meeting, in: session), to: date, in: session)
        case .unassign(let assignment, _):
            try session.delete(.assignment, id: assignment.id)
        case .invite(let meeting, let kinds, let organisations, let people):
            let event = try Meetings.storedEvent(for: meeting, in: session)
            let added = try Attendance.invite(kinds: kinds, organisations: organisations, people: people, to: event.id, in: session)
            if added == 0 { throw ValidationError("everyone chosen is already on the list", mn: "Сонгосон бүгд жагсаалтад байна") }
        case .markAttendance(let meeting, let holder, _, let status):
            try Attendance.mark(holder, status, at: try Meetings.storedEvent(for: meeting, in: session).id, in: session)
        case .removeParticipant(let meeting, let holder, _):
            try Attendance.remove(holder, from: try Meetings.storedEvent(for: meeting, in: session).id, in: session)
        case .saveProgrammeItem(let meeting, var item, let shown):
            var event: Event
            if let shown {
                let stored: ProgrammeItem
                (event, stored) = try Programme.storedItem(shown.id, of: meeting, in: session)
                item.id = stored.id
                item.created = stored.created
            } else {
                event = try Meetings.storedEvent(for: meeting, in: session)
            }
            item.eventID = event.id
            try Programme.save(item, on: event, in: session)
        case .removeProgrammeItem(let meeting, let shown):
            let (event, stored) = try Programme.storedItem(shown.id, of: meeting, in: session)
            try Programme.remove(stored.id, from: event, in: session)
        case .addAway(let away, _):
            try session.save(away)
        }
    }

    /// What the change did, for the status bar and the undo history: "Нэмсэн: …", "Deleted …".
    func label(in language: Language, isNew: Bool) -> String {
        let (mn, en): (String, String)
        switch self {
        case .saveEvent(let event): (mn, en) = isNew ? ("Арга хэмжээ нэмсэн", "Added event") : ("Арга хэмжээ зассан", "Changed event")
            return language.pick(mn, en) + ": " + event.title
        case .deleteEvent(let event): return language.pick("Арга хэмжээ устгасан", "Deleted event") + ": " + event.title
        case .saveSeries(let series): return language.pick("Цуврал нэмсэн", "Added series") + ": " + series.title
        case .deleteMeeting(let series, let original):
            return language.pick("Цувралын тов устгасан", "Deleted the meeting") + ": " + series.title + ", " + Vocabulary.date(original.date, in: language)
        case .saveOrganisation(let organisation):
            (mn, en) = isNew ? ("Байгууллага нэмсэн", "Added organisation") : ("Байгууллага зассан", "Changed organisation")
            return language.pick(mn, en) + ": " + organisation.name
        case .deleteOrganisation(let organisation): return language.pick("Байгууллага устгасан", "Deleted organisation") + ": " + organisation.name
        case .savePerson(let person):
            (mn, en) = isNew ? ("Хүн нэмсэн", "Added person") : ("Хүний мэдээлэл зассан", "Changed person")
            return language.pick(mn, en) + ": " + person.name
        case .deletePerson(let person): return language.pick("Хүн устгасан", "Deleted person") + ": " + person.name
        case .saveTopic(let topic):
            (mn, en) = isNew ? ("Сэдэв нэмсэн", "Added topic") : ("Сэдэв зассан", "Changed topic")
            return language.pick(mn, en) + ": " + topic.title(in: language)
        case .deleteTopic(let topic): return language.pick("Сэдэв устгасан", "Deleted topic") + ": " + topic.title(in: language)
        case .moveTopic(let topic, let steps):
            return (steps < 0 ? language.pick("Сэдвийг дээшлүүлсэн", "Moved up") : language.pick("Сэдвийг доошлуулсан", "Moved down"))
                + ": " + topic.title(in: language)
        case .pinTopic(let topic, let pinned):
            return (pinned ? language.pick("Эхэнд тогтоосон", "Pinned") : language.pick("Тогтоолтыг авсан", "Unpinned")) + ": " + topic.title(in: language)
        case .requestTopic(let topic, _, let name, _):
            return language.pick("Хүсэлт нэмсэн", "Request added") + ": " + name + " → " + topic.title(in: language)
        case .withdrawTopic(let topic): return language.pick("Сэдвийг татсан", "Withdrew topic") + ": " + topic.title(in: language)
        case .report(let meeting, _, _, _): return language.pick("Тайлан бичсэн", "Report written") + ": " + meeting.title
        case .copyEvent(let meeting, let date):
            return language.pick("Хуулж шинэ өдөрлөг үүсгэсэн", "Copied to a new day") + ": " + meeting.title + ", " + Vocabulary.date(date, in: language)
        case .assign(_, _, let name, let role, _):
            return language.pick("Үүрэг өгсөн", "Assigned") + ": " + name + ", " + Vocabulary.name(of: role, in: language)
        case .unassign(let assignment, let name):
            return language.pick("Үүргээс хассан", "Unassigned") + ": " + name + ", " + Vocabulary.name(of: assignment.role, in: language)
        case .invite: return language.pick("Урилга нэмсэн", "Invited")
        case .markAttendance(_, _, let name, let status):
            return language.pick("Ирц", "Attendance") + ": " + name + " — " + Vocabulary.name(of: status, in: language)
        case .removeParticipant(_, _, let name): return language.pick("Жагсаалтаас хассан", "Taken off the list") + ": " + name
        case .saveProgrammeItem(_, let item, let shown):
            return (shown == nil ? language.pick("Хөтөлбөрт нэмсэн", "Added to the programme")
                                 : language.pick("Хөтөлбөр зассан", "Changed the programme")) + ": " + item.title
        case .removeProgrammeItem(_, let item): return language.pick("Хөтөлбөрөөс хассан", "Taken off the programme") + ": " + item.title
        case .addAway(let away, let name):
            let days = away.from == away.through ? away.from.description : away.from.description + " – " + away.through.description
            return language.pick("Завгүй өдрүүд", "Away") + ": " + name + ", " + days
        case .fillMeetings(_, _, let all):
            return all ? language.pick("Ирэх уулзалтуудад сэдэв өгсөн", "Gave topics to the coming meetings")
                       : language.pick("Дараагийн уулзалтад сэдэв өгсөн", "Gave the next meeting a topic")
        }
    }
}
