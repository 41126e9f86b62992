import Foundation

/// A body that proposes topics, presents, co-organises or takes part: an NGO, a ministry, a hospital …
public struct Organisation: Identifiable, Hashable, Sendable, Codable {
    /// What sort of body it is; the dialogue invites by kind.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case ngo
        case cso
        case ministry
        case stateAgency = "state-agency"
        case developmentProject = "development-project"
        case serviceProvider = "service-provider"
        case localAdministration = "local-administration"
        case citizenGroup = "citizen-group"
        case media
        case other
    }

    public var id: UUID
    public var name: String
    public var kind: Kind
    /// Aimag or district code (`MN-043`, `MN-1-SB`); nil for a national body.
    public var placeCode: String?
    public var phone: String?
    public var email: String?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), name: String, kind: Kind, placeCode: String? = nil,
        phone: String? = nil, email: String? = nil, created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.placeCode = placeCode
        self.phone = phone
        self.email = email
        self.created = created
        self.updated = updated
    }
}
