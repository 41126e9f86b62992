import Foundation

/// A time slot inside an event: a keynote, a discussion on health services, an information stand.
public struct ProgrammeItem: Identifiable, Hashable, Sendable {
    /// The components of a dialogue meeting and of an SA Day programme, as the seed names them.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case keynote
        case presentation
        case openDiscussion = "open-discussion"
        case panel
        case interview
        case seminar
        case training
        case informationStand = "information-stand"
        case survey
    }

    /// The public service an item is about.
    public enum ServiceArea: String, CaseIterable, Sendable, Codable {
        case education
        case health
        case cityServices = "city-services"
        case procurement
        case finance
        case other
    }

    public var id: UUID
    public var eventID: UUID
    public var kind: Kind
    public var title: String
    public var serviceArea: ServiceArea?
    public var start: LocalTime?
    public var end: LocalTime?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), eventID: UUID, kind: Kind, title: String, serviceArea: ServiceArea? = nil,
        start: LocalTime? = nil, end: LocalTime? = nil, created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.eventID = eventID
        self.kind = kind
        self.title = title
        self.serviceArea = serviceArea
        self.start = start
        self.end = end
        self.created = created
        self.updated = updated
    }
}
