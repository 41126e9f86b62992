import Foundation

/// One meeting on the calendar: a single event, or one computed (possibly overridden) occurrence of a series.
public struct Occurrence: Hashable, Sendable {
    /// The iCalendar UID: the series' id for its occurrences, the event's id otherwise.
    public var uid: UUID
    /// The stored event behind it (a single event or a series override); nil for a plain computed occurrence.
    public var eventID: UUID?
    public var seriesID: UUID?
    /// The occurrence's original start in the series (RECURRENCE-ID); nil for single events.
    public var recurrenceID: LocalDateTime?
    public var kind: EventKind
    public var title: String
    public var status: EventStatus
    public var schedule: Schedule
    public var placeCode: String?
    public var venue: String?
    public var publicEvent: String?
    public var topicID: UUID?
    public var notes: String?

    /// The occurrence a single event or an override stands for.
    public init(event: borrowing Event) {
        uid = event.seriesID ?? event.id
        eventID = event.id
        seriesID = event.seriesID
        recurrenceID = event.recurrenceID
        kind = event.kind
        title = event.title
        status = event.status
        schedule = event.schedule
        placeCode = event.placeCode
        venue = event.venue
        publicEvent = event.publicEvent
        topicID = event.topicID
        notes = event.notes
    }

    /// The computed occurrence of a series that starts at `start`.
    public init(series: borrowing Series, start: LocalDateTime) {
        uid = series.id
        eventID = nil
        seriesID = series.id
        recurrenceID = start
        kind = series.kind
        title = series.title
        status = series.status
        schedule = series.schedule.moved(to: start)
        placeCode = series.placeCode
        venue = series.venue
        publicEvent = nil
        topicID = nil
        notes = series.notes
    }
}
