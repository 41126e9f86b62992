import Foundation

/// Fills a database with a coherent year of the product's work, and optionally a load of synthetic events.
///
/// The year starts at `from`: the NGO Dialogue every two months on the third Thursday with the seed's
/// topics, keynotes and lead discussants; SA Days in aimags and Ulaanbaatar districts, attached to public
/// events, with programmes; organisations of every kind and their people; invitations and attendance on
/// the meetings already held by `today`.
///
///     let summary = try DemoData(from: jan1, today: today).write(into: session)
public struct DemoData {
    /// What was written.
    public struct Summary: Equatable, Sendable {
        public var organisations = 0
        public var people = 0
        public var topics = 0
        public var series = 0
        public var events = 0
    }

    public let from: LocalDate
    public let today: LocalDate
    private let catalogue: DemoCatalogue
    private let reference = ReferenceData.shared

    public init(from: LocalDate, today: LocalDate) throws {
        // The sample spans the year after `from` and refers to the year before it; keep both on the calendar.
        guard (1900...9000).contains(from.year) else {
            throw ValidationError("the sample year must start between 1900 and 9000, not on \(from)")
        }
        self.from = from
        self.today = today
        catalogue = try DemoCatalogue.embedded()
    }

    /// The rule of the NGO Dialogue series: every two months on the third Thursday.
    public static let dialogueRule = "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"

    // MARK: - The year

    /// Writes the demo year into `session`.
    public func write(into session: any ScheduleSession) throws -> Summary {
        var summary = Summary()
        var organisations: [String: UUID] = [:]
        for entry in catalogue.organisations {
            let id = StableID.make("demo/organisation/\(entry.key)")
            organisations[entry.key] = id
            try session.save(Organisation(
                id: id, name: entry.name, kind: entry.kind, placeCode: entry.place, phone: entry.phone, email: entry.email
            ))
            summary.organisations += 1
        }
        var people: [String: UUID] = [:]
        for entry in catalogue.people {
            let id = StableID.make("demo/person/\(entry.key)")
            people[entry.key] = id
            try session.save(Person(
                id: id, name: entry.name, organisationID: organisations[entry.organisation], title: entry.title,
                phone: entry.phone, email: entry.email, expertise: entry.expertise
            ))
            summary.people += 1
        }
        let topics = try writeTopics(organisations: organisations, into: session)
        summary.topics = topics.count
        summary.events += try writeDialogue(topics: topics, organisations: organisations, people: people, into: session)
        summary.series += 1
        summary.events += try writeSADays(organisations: organisations, people: people, into: session)
        return summary
    }

    private func writeTopics(organisations: [String: UUID], into session: any ScheduleSession) throws -> [Topic] {
        let ngos = catalogue.organisations.filter { $0.kind == .ngo || $0.kind == .cso }.compactMap { organisations[$0.key] }
        var random = SeededRandom(seed: 2)
        var topics: [Topic] = []
        for (index, seed) in reference.seedTopics.enumerated() {
            let proposedOn = from.adding(days: -60 + index * 3)
            let proposer = ngos[index % ngos.count]
            let requesters = ngos.shuffled(using: &random).prefix(index % 4 + 1)
            let topic = Topic(
                id: StableID.make("demo/topic/\(index)"), titleMn: seed.titleMn, titleEn: seed.titleEn,
                description: seed.descriptionMn, category: seed.category, proposedBy: proposer, proposedOn: proposedOn,
                requests: requesters.enumerated().map { Topic.Request(organisationID: $1, date: proposedOn.adding(days: 7 + $0)) }
            )
            topics.append(topic)
        }
        for topic in topics { try session.save(topic) }
        return topics
    }

    private func writeDialogue(
        topics: [Topic], organisations: [String: UUID], people: [String: UUID], into session: any ScheduleSession
    ) throws -> Int {
        let plan = catalogue.dialogue
        guard let place = reference.place(code: plan.place) else {
            throw ValidationError("demo.json: unknown dialogue place \(plan.place)")
        }
        let startTime = try LocalTime(parsing: plan.start_time)
        let endTime = try LocalTime(parsing: plan.end_time)
        let rule = try RecurrenceRule(parsing: DemoData.dialogueRule)
        let firstDate = DemoData.thirdThursday(onOrAfter: from)
        let series = Series(
            id: StableID.make("demo/series/dialogue"), kind: .dialogue, title: plan.title_mn,
            schedule: try Schedule(
                start: LocalDateTime(date: firstDate, time: startTime), end: LocalDateTime(date: firstDate, time: endTime),
                zone: place.zone
            ),
            rule: rule, status: .confirmed, placeCode: place.code, venue: plan.venue,
            notes: "Хоёр сар тутам зохиогддог ТББ-ын нээлттэй уулзалт. / \(plan.title_en), every two months."
        )
        try session.save(series)

        let yearEnd = LocalDateTime(date: from.adding(days: 366))
        let starts = series.originalStarts(between: series.schedule.start, and: yearEnd)
        let invited = catalogue.organisations.filter { plan.invited_kinds.contains($0.kind) }.compactMap { organisations[$0.key] }
        var random = SeededRandom(seed: 1)
        for (index, start) in starts.enumerated() {
            let meeting = plan.meetings[index % plan.meetings.count]
            let held = start.date < today
            var topic = topics[meeting.topic % topics.count]
            topic.status = held ? .held : .scheduled
            try session.save(topic)

            let event = Event(
                id: StableID.make("demo/dialogue/\(start)"), kind: .dialogue, title: series.title,
                schedule: series.schedule.moved(to: start), status: held ? .held : .confirmed,
                placeCode: series.placeCode, venue: series.venue, topicID: topic.id,
                seriesID: series.id, recurrenceID: start
            )
            try session.save(event)
            try writeDialogueProgramme(for: event, meeting: meeting, moderator: plan.moderator, people: people, into: session)
            for organisation in invited {
                let status: Participation.Status
                if !held {
                    status = start.date.days(until: today) > -30 ? .registered : .invited
                } else {
                    status = switch Int.random(in: 0..<10, using: &random) {
                    case 0..<7: .attended
                    case 7..<9: .absent
                    default: .excused
                    }
                }
                try session.save(Participation(
                    id: StableID.make("demo/participation/\(event.id)/\(organisation)"),
                    eventID: event.id, participant: .organisation(organisation), status: status
                ))
            }
        }
        return starts.count
    }

    /// The seed's components of a dialogue: keynote, presentations, lead discussants, open discussion, interviews.
    private func writeDialogueProgramme(
        for event: Event, meeting: DemoCatalogue.Meeting, moderator: String, people: [String: UUID],
        into session: any ScheduleSession
    ) throws {
        let start = event.schedule.start.time.secondsSinceMidnight
        func slot(_ offset: Int, _ minutes: Int) -> (LocalTime, LocalTime) {
            (LocalTime(unchecked: start + offset * 60), LocalTime(unchecked: start + (offset + minutes) * 60))
        }
        let topicTitle = try session.topic(event.topicID!)?.titleMn ?? event.title
        let items: [(ProgrammeItem.Kind, String, (LocalTime, LocalTime), [(String, Assignment.Role)])] = [
            (.keynote, topicTitle, slot(0, 40), [(meeting.keynote, .keynote)]),
            (.presentation, "Туршлагын танилцуулга", slot(40, 30), meeting.presenters.map { ($0, .presenter) }),
            (.panel, "Тэргүүлэгч хэлэлцүүлэгчдийн үг", slot(70, 40), meeting.lead_discussants.map { ($0, .leadDiscussant) }),
            (.openDiscussion, "Нээлттэй хэлэлцүүлэг", slot(110, 50), [(moderator, .moderator)]),
            (.interview, "Оролцогчдын ярилцлага", slot(160, 20), []),
        ]
        for (index, (kind, title, times, holders)) in items.enumerated() {
            let item = ProgrammeItem(
                id: StableID.make("demo/programme/\(event.id)/\(index)"), eventID: event.id, kind: kind, title: title,
                start: times.0, end: times.1
            )
            try session.save(item)
            for (key, role) in holders {
                guard let person = people[key] else { throw ValidationError("demo.json: unknown person \(key)") }
                try session.save(Assignment(
                    id: StableID.make("demo/assignment/\(item.id)/\(key)"), eventID: event.id, programmeItemID: item.id,
                    holder: .person(person), role: role
                ))
            }
        }
    }

    private func writeSADays(
        organisations: [String: UUID], people: [String: UUID], into session: any ScheduleSession
    ) throws -> Int {
        for day in catalogue.sa_days {
            guard let place = reference.place(code: day.place) else {
                throw ValidationError("demo.json: unknown SA Day place \(day.place)")
            }
            var date = try LocalDate(year: from.year, month: day.month, day: day.day)
            if date < from { date = try LocalDate(year: from.year + 1, month: day.month, day: day.day) }
            let held = date < today
            let event = Event(
                id: StableID.make("demo/sa-day/\(day.place)"), kind: .saDay, title: day.title,
                schedule: try Schedule(
                    start: LocalDateTime(date: date, time: try LocalTime(parsing: day.start_time)),
                    end: LocalDateTime(date: date, time: try LocalTime(parsing: day.end_time)), zone: place.zone
                ),
                status: held ? .held : (today.days(until: date) > 90 ? .tentative : .confirmed),
                placeCode: place.code, venue: day.venue, publicEvent: day.public_event
            )
            try session.save(event)
            for key in day.co_organisers {
                guard let organisation = organisations[key] else { throw ValidationError("demo.json: unknown organisation \(key)") }
                try session.save(Assignment(
                    id: StableID.make("demo/co-organiser/\(event.id)/\(key)"), eventID: event.id,
                    holder: .organisation(organisation), role: .coOrganiser
                ))
            }
            for (index, entry) in day.programme.enumerated() {
                let item = ProgrammeItem(
                    id: StableID.make("demo/programme/\(event.id)/\(index)"), eventID: event.id, kind: entry.kind,
                    title: entry.title, serviceArea: entry.service_area,
                    start: try LocalTime(parsing: entry.start), end: try LocalTime(parsing: entry.end)
                )
                try session.save(item)
                for holder in entry.people {
                    guard let person = people[holder.person] else { throw ValidationError("demo.json: unknown person \(holder.person)") }
                    try session.save(Assignment(
                        id: StableID.make("demo/assignment/\(item.id)/\(holder.person)"), eventID: event.id,
                        programmeItemID: item.id, holder: .person(person), role: holder.role
                    ))
                }
            }
        }
        return catalogue.sa_days.count
    }

    /// The third Thursday of `date`'s month if it is not earlier than `date`, else of the next month.
    static func thirdThursday(onOrAfter date: LocalDate) -> LocalDate {
        var first = date.firstOfMonth
        while true {
            let offset = (Weekday.thursday.rawValue - first.weekday.rawValue + 7) % 7
            let third = first.adding(days: offset + 14)
            if third >= date { return third }
            first = first.adding(months: 1)!
        }
    }
}
