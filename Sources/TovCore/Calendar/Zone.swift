import Foundation

/// An IANA time zone by its identifier (`Asia/Ulaanbaatar`, `Asia/Hovd`), checked against the system database.
///
///     let hovd = try Zone("Asia/Hovd")
///     hovd.instant(of: try LocalDateTime(parsing: "2026-07-11T10:00:00")) // 03:00 UTC
public struct Zone: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The IANA identifier.
    public let identifier: String
    private let rules: ZoneRules

    /// Looks up a zone, or fails naming it (`Mars/Olympus`).
    public init(_ identifier: String) throws {
        // Foundation also accepts offsets such as "GMT+8" as identifiers; only names of the IANA database are zones here.
        guard Zone.looksLikeIANAName(identifier), let zone = TimeZone(identifier: identifier) else {
            throw ValidationError("'\(identifier)' is not a known time zone; use an IANA name such as Asia/Ulaanbaatar",
                                  mn: "“\(identifier)” гэсэн цагийн бүс алга; Asia/Ulaanbaatar гэх мэт IANA нэрээр бичнэ үү")
        }
        self.identifier = identifier
        self.rules = ZoneRules.rules(for: zone)
    }

    /// Foundation also takes offsets (`GMT+8`) and abbreviations (`PST`) as identifiers; they are not
    /// places with rules, so only area names (`Asia/Hovd`) and the database's plain names (`UTC`, `Japan`,
    /// `EST5EDT`) count.
    private static func looksLikeIANAName(_ identifier: String) -> Bool {
        if identifier.contains("/") || identifier == "UTC" { return true }
        let isOffset = identifier.hasPrefix("GMT") || identifier.hasPrefix("UTC")
        let isAbbreviation = TimeZone.abbreviationDictionary[identifier] != nil
        return !identifier.isEmpty && !isOffset && !isAbbreviation
    }

    /// Ulaanbaatar time, UTC+8: most of Mongolia.
    public static let ulaanbaatar = try! Zone("Asia/Ulaanbaatar")
    /// Khovd time, UTC+7: Bayan-Ölgii, Khovd and Uvs.
    public static let hovd = try! Zone("Asia/Hovd")
    /// Coordinated Universal Time.
    public static let utc = try! Zone("UTC")

    /// The zone of a Foundation time zone (the machine's, read at the edge), or UTC when it has no IANA name.
    public static func system(_ timeZone: TimeZone) -> Zone {
        (try? Zone(timeZone.identifier)) ?? .utc
    }

    public var description: String { identifier }

    public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    // MARK: - Instants

    /// Seconds since the Unix epoch of a wall time in this zone. A time skipped by a
    /// daylight-saving change moves forward by the gap; a repeated one takes the first.
    public func instant(of wall: LocalDateTime) -> Int {
        let local = wall.secondsSinceEpoch
        let offset = rules.offset(at: local)
        let guess = local - offset
        // Away from a transition the guess keeps the offset it was made with, and is the answer.
        let refined = rules.offset(at: guess)
        if refined == offset { return guess }
        // Two refinements settle the offset around a transition.
        return local - rules.offset(at: local - refined)
    }

    /// Whether a wall time happens in this zone (not skipped by a daylight-saving change).
    public func exists(_ wall: LocalDateTime) -> Bool {
        let local = wall.secondsSinceEpoch
        let offset = rules.offset(at: local)
        // Away from a transition the wall time maps to an instant and back unchanged.
        if rules.offset(at: local - offset) == offset { return true }
        return wallTime(at: instant(of: wall)) == wall
    }

    /// The wall time in this zone at an instant (seconds since the Unix epoch).
    public func wallTime(at instant: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: instant + rules.offset(at: instant))
    }

    /// Offset from UTC at an instant, in seconds.
    public func offset(at instant: Int) -> Int {
        rules.offset(at: instant)
    }

    /// A change of the zone's offset from UTC (a daylight-saving change, or a change of standard time).
    public struct Transition: Hashable, Sendable {
        /// Seconds since the Unix epoch.
        public let instant: Int
        public let offsetBefore: Int
        public let offsetAfter: Int
    }

    /// The changes of offset from `lower` up to `upper` (instants), oldest first; a VTIMEZONE is written
    /// from them. Covers 1900 to 2200.
    public func transitions(from lower: Int, to upper: Int) -> [Transition] {
        rules.transitions(from: lower, to: upper)
    }

    /// `UTC+8`, `UTC+7`, `UTC+5:30` at an instant.
    public func offsetLabel(at instant: Int) -> String {
        let offset = self.offset(at: instant)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return minutes % 60 == 0 ? "UTC\(sign)\(minutes / 60)" : "UTC\(sign)\(minutes / 60):\(pad(minutes % 60, 2))"
    }

    public init(from decoder: Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
