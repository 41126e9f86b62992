/// What an event or a series is: an NGO Dialogue meeting, a Social Accountability Day, or anything else.
public enum EventKind: String, CaseIterable, Sendable, Codable {
    case dialogue
    case saDay = "sa-day"
    case event
}

/// Where an event stands.
public enum EventStatus: String, CaseIterable, Sendable, Codable {
    case tentative
    case confirmed
    case held
    case cancelled
}
