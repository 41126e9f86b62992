import Foundation

/// An organisation or a person on an event's list: invited, then registered, then there or not.
public struct Participation: Identifiable, Hashable, Sendable {
    /// Where a participant stands.
    public enum Status: String, CaseIterable, Sendable, Codable {
        case invited
        case registered
        case attended
        case absent
        case excused
    }

    public var id: UUID
    public var eventID: UUID
    public var participant: Assignment.Holder
    public var status: Status
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), eventID: UUID, participant: Assignment.Holder, status: Status,
        created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.eventID = eventID
        self.participant = participant
        self.status = status
        self.created = created
        self.updated = updated
    }
}
