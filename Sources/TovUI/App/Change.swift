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

    /// Makes the change in one transaction.
    func perform(in session: any ScheduleSession) throws {
        switch self {
        case .saveEvent(let event):
            if let seriesID = event.seriesID, try session.series(seriesID) == nil {
                throw ValidationError("the series of this meeting no longer exists")
            }
            try Meetings.save(event, in: session)
        case .deleteEvent(let event):
            try Meetings.delete(event, in: session)
        case .saveSeries(let series):
            try session.save(series)
        case .deleteMeeting(let stale, let original):
            guard var series = try session.series(stale.id) else { throw ValidationError("the series no longer exists") }
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
        }
    }
}
