import Foundation

/// Days a person cannot take part in anything: a trip, leave. Assigning them then is a conflict.
public struct Unavailability: Identifiable, Hashable, Sendable {
    public var id: UUID
    public var personID: UUID
    /// The first and last day away, both included.
    public var from: LocalDate
    public var through: LocalDate
    public var note: String?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), personID: UUID, from: LocalDate, through: LocalDate, note: String? = nil,
        created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.personID = personID
        self.from = from
        self.through = through
        self.note = note
        self.created = created
        self.updated = updated
    }

    /// Whether the person is away on any day from `first` through `last`.
    public func overlaps(_ first: LocalDate, _ last: LocalDate) -> Bool {
        from <= last && through >= first
    }
}
