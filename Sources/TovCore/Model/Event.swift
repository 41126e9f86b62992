import Foundation

/// One dated happening: a single event, or a stored change to one meeting of a series.
///
/// When `seriesID` is set, this event overrides the occurrence of that series that was
/// originally due at `recurrenceID` (RFC 5545 RECURRENCE-ID): it may move it, cancel it,
/// or give it its own topic and people. Assignments and participation hang on it like on any event.
public struct Event: Identifiable, Hashable, Sendable {
    public var id: UUID
    public var kind: EventKind
    public var title: String
    public var schedule: Schedule
    public var status: EventStatus
    /// Aimag or district code.
    public var placeCode: String?
    public var venue: String?
    /// The public event of the aimag this one is attached to (a Naadam, a fair).
    public var publicEvent: String?
    public var topicID: UUID?
    public var notes: String?
    public var seriesID: UUID?
    public var recurrenceID: LocalDateTime?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), kind: EventKind = .event, title: String, schedule: Schedule,
        status: EventStatus = .confirmed, placeCode: String? = nil, venue: String? = nil,
        publicEvent: String? = nil, topicID: UUID? = nil, notes: String? = nil,
        seriesID: UUID? = nil, recurrenceID: LocalDateTime? = nil,
        created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.schedule = schedule
        self.status = status
        self.placeCode = placeCode
        self.venue = venue
        self.publicEvent = publicEvent
        self.topicID = topicID
        self.notes = notes
        self.seriesID = seriesID
        self.recurrenceID = recurrenceID
        self.created = created
        self.updated = updated
    }
}
