import Foundation

/// A wall-clock date and time with no zone: "10:00 on 15 January", wherever that is.
///
///     let start = try LocalDateTime(parsing: "2026-01-15T10:00:00")
///     start.adding(seconds: 7200) // 2026-01-15T12:00:00
public struct LocalDateTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime = .midnight) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, `YYYY-MM-DDTHH:MM` or a bare `YYYY-MM-DD` (midnight).
    public init(parsing text: String) throws {
        // Stored values are always in the full form; read them without splitting strings.
        var text = text
        if let stored = text.withUTF8({ LocalDateTime(storedUTF8: $0) }) {
            self = stored
            return
        }
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let date = try LocalDate(parsing: String(parts[0]))
        if parts.count == 1 {
            self.init(date: date)
        } else {
            self.init(date: date, time: try LocalTime(parsing: String(parts[1])))
        }
    }

    /// Reads the full stored form `YYYY-MM-DDTHH:MM:SS` from UTF-8 bytes, as a database column holds it;
    /// nil for anything else (the caller then parses a string, which explains what is wrong).
    public init?(storedUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        guard let fields = DigitFields(utf8: utf8, layout: "dddd-dd-ddTdd:dd:dd"),
              let date = try? LocalDate(year: fields[0], month: fields[1], day: fields[2]),
              let time = try? LocalTime(hour: fields[3], minute: fields[4], second: fields[5])
        else { return nil }
        self.init(date: date, time: time)
    }

    /// Seconds since 1970-01-01T00:00:00 on the same wall clock (not an instant).
    public var secondsSinceEpoch: Int { date.daysSinceEpoch * 86_400 + time.secondsSinceMidnight }

    /// The wall time `seconds` after 1970-01-01T00:00:00.
    public init(secondsSinceEpoch seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(date: LocalDate(daysSinceEpoch: days), time: LocalTime(unchecked: seconds - days * 86_400))
    }

    /// The wall time `seconds` later on the same clock.
    public func adding(seconds: Int) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(19)
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS` as UTF-8, for output that is written byte by byte.
    public func appendText(to bytes: inout [UInt8]) {
        date.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(time.hour, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(time.minute, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(time.second, 2, to: &bytes)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.time < rhs.time
    }

    public init(from decoder: Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
