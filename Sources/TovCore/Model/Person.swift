import Foundation

/// Someone who presents, discusses, moderates or attends.
public struct Person: Identifiable, Hashable, Sendable, Codable {
    public var id: UUID
    public var name: String
    public var organisationID: UUID?
    public var title: String?
    public var phone: String?
    public var email: String?
    public var expertise: String?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), name: String, organisationID: UUID? = nil, title: String? = nil,
        phone: String? = nil, email: String? = nil, expertise: String? = nil,
        created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.name = name
        self.organisationID = organisationID
        self.title = title
        self.phone = phone
        self.email = email
        self.expertise = expertise
        self.created = created
        self.updated = updated
    }
}
