/// A wall-clock time of day, to the second.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Creates a time, or fails when it is not on a clock (`25:00`).
    public init(hour: Int, minute: Int, second: Int = 0) throws {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
            throw ValidationError("\(pad(hour, 2)):\(pad(minute, 2)) is not a time of day", mn: "\(pad(hour, 2)):\(pad(minute, 2)) гэсэн цаг байхгүй")
        }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    init(unchecked seconds: Int) {
        hour = seconds / 3600
        minute = seconds / 60 % 60
        second = seconds % 60
    }

    /// Midnight.
    public static let midnight = LocalTime(unchecked: 0)

    /// Parses `HH:MM` or `HH:MM:SS`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1])
        else {
            throw ValidationError("'\(text)' is not a time; write it as HH:MM", mn: "“\(text)” цаг биш; ЦЦ:ММ хэлбэрээр бичнэ үү")
        }
        let s = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        do {
            try self.init(hour: h, minute: m, second: s)
        } catch {
            throw ValidationError("'\(text)' is not a time of day", mn: "“\(text)” гэсэн цаг байхгүй")
        }
    }

    /// Seconds since midnight.
    public var secondsSinceMidnight: Int { hour * 3600 + minute * 60 + second }

    /// `HH:MM:SS`.
    public var description: String { pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) }

    /// `HH:MM`, as people write it.
    public var short: String { pad(hour, 2) + ":" + pad(minute, 2) }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.secondsSinceMidnight < rhs.secondsSinceMidnight
    }
}
