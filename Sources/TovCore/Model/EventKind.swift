/// What an event or a series is: an NGO Dialogue meeting, a Social Accountability Day, or anything else.
public enum EventKind: String, CaseIterable, Sendable, Codable {
    case dialogue
    case saDay = "sa-day"
    case event
}

/// Where an event stands: an idea, tentative, confirmed, held, reported on afterwards; or cancelled.
public enum EventStatus: String, CaseIterable, Sendable, Codable {
    case idea
    case tentative
    case confirmed
    case held
    /// Held, and its report (attendance, notes) written.
    case reported
    case cancelled

    /// Whether it took place: held, or held and reported.
    public var tookPlace: Bool { self == .held || self == .reported }

    /// The statuses an event may move to from this one, as an SA Day is planned, held and reported:
    /// forward a step or back a step while planning, held only from confirmed, reported only once held,
    /// cancelled at any point before it is held, and a cancelled one taken up again as an idea or tentative.
    public var moves: [EventStatus] {
        switch self {
        case .idea: [.tentative, .confirmed, .cancelled]
        case .tentative: [.idea, .confirmed, .cancelled]
        case .confirmed: [.tentative, .held, .cancelled]
        case .held: [.confirmed, .reported]
        case .reported: [.held]
        case .cancelled: [.idea, .tentative]
        }
    }
}
