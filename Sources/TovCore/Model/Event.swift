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
    /// The date of the public event it is attached to.
    public var publicEventDate: LocalDate?
    /// What happened, written after the day (an SA Day is then reported).
    public var report: Report?
    public var created: Date
    public var updated: Date

    /// An event's short report: how many came, and notes.
    public struct Report: Hashable, Sendable {
        public var attendance: Int?
        public var notes: String?

        public init(attendance: Int?, notes: String?) {
            self.attendance = attendance
            self.notes = notes
        }
    }

    public init(
        id: UUID = UUID(), kind: EventKind = .event, title: String, schedule: Schedule,
        status: EventStatus = .confirmed, placeCode: String? = nil, venue: String? = nil,
        publicEvent: String? = nil, topicID: UUID? = nil, notes: String? = nil,
        seriesID: UUID? = nil, recurrenceID: LocalDateTime? = nil,
        created: Date = .distantPast, updated: Date = .distantPast, publicEventDate: LocalDate? = nil, report: Report? = nil
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
        self.publicEventDate = publicEventDate
        self.report = report
    }
}
