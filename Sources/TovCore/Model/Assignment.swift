import Foundation

/// A person or an organisation in a role on an event or on one item of its programme.
public struct Assignment: Identifiable, Hashable, Sendable {
    /// The roles of the seed: keynote, lead discussant, moderator …
    public enum Role: String, CaseIterable, Sendable, Codable {
        case keynote
        case leadDiscussant = "lead-discussant"
        case moderator
        case presenter
        case trainer
        case interviewer
        case coOrganiser = "co-organiser"
    }

    /// Who holds the role.
    public enum Holder: Hashable, Sendable {
        case person(UUID)
        case organisation(UUID)
    }

    public var id: UUID
    public var eventID: UUID
    public var programmeItemID: UUID?
    public var holder: Holder
    public var role: Role
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), eventID: UUID, programmeItemID: UUID? = nil, holder: Holder, role: Role,
        created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.eventID = eventID
        self.programmeItemID = programmeItemID
        self.holder = holder
        self.role = role
        self.created = created
        self.updated = updated
    }
}

extension Assignment.Role {
    /// Its place in lists: keynote first, then lead discussants, then the rest, in the order declared.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Whether one holder of a role comes before another as lists show them: by role, then by name.
    public static func precedes(_ a: (role: Self, name: String), _ b: (role: Self, name: String)) -> Bool {
        a.role != b.role ? a.role.rank < b.role.rank : MongolianOrder.precedes(a.name, b.name)
    }
}
