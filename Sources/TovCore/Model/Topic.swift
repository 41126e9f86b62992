import Foundation

/// A subject for one NGO Dialogue meeting, proposed and asked for by organisations.
public struct Topic: Identifiable, Hashable, Sendable {
    /// Where a topic stands in its life.
    public enum Status: String, CaseIterable, Sendable, Codable {
        case queued
        case scheduled
        case held
        case withdrawn
    }

    /// One organisation asking for the topic; an organisation asks once.
    public struct Request: Hashable, Sendable {
        public var organisationID: UUID
        public var date: LocalDate

        public init(organisationID: UUID, date: LocalDate) {
            self.organisationID = organisationID
            self.date = date
        }
    }

    public var id: UUID
    public var titleMn: String
    public var titleEn: String?
    public var description: String?
    public var category: String?
    public var proposedBy: UUID?
    public var proposedOn: LocalDate
    public var pinned: Bool
    /// Places a coordinator moved the topic up by hand (`J`/`K`, `tov topic move`): it outranks the request
    /// count and age, but not pinning. 0 for a topic nobody moved.
    public var handRank: Int
    public var status: Status
    public var requests: [Request]
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), titleMn: String, titleEn: String? = nil, description: String? = nil,
        category: String? = nil, proposedBy: UUID? = nil, proposedOn: LocalDate, pinned: Bool = false, handRank: Int = 0,
        status: Status = .queued, requests: [Request] = [], created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.titleMn = titleMn
        self.titleEn = titleEn
        self.description = description
        self.category = category
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
        self.pinned = pinned
        self.handRank = handRank
        self.status = status
        self.requests = requests
        self.created = created
        self.updated = updated
    }

    /// The title in a language, falling back to Mongolian.
    public func title(in language: Language) -> String {
        language == .en ? (titleEn ?? titleMn) : titleMn
    }

    /// Number of distinct organisations that asked for it.
    public var requestCount: Int { Set(requests.map(\.organisationID)).count }
}
