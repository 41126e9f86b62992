/// A day of the week, Monday first as in Mongolia and ISO 8601.
public enum Weekday: Int, CaseIterable, Sendable, Codable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The two-letter RFC 5545 code: `MO` … `SU`.
    public var rfcCode: String {
        ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue]
    }

    /// Parses an RFC 5545 two-letter code.
    public init?(rfcCode: some StringProtocol) {
        guard let index = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].firstIndex(of: String(rfcCode).uppercased())
        else { return nil }
        self = Weekday.allCases[index]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
