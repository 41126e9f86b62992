import TovCore

/// DATE, DATE-TIME, DURATION and PERIOD values (RFC 5545 section 3.3), times of day and UTC offsets, read and written.
///
///     try ICalendarValue.dateTime("20261119T100000Z") // (2026-11-19T10:00:00, utc: true)
///     ICalendarValue.text(of: wall)                  // "20261119T100000"
///     try ICalendarValue.duration("PT1H30M")          // 5400
public enum ICalendarValue {
    /// A DATE-TIME: the wall time as written, and whether it ends in Z (UTC).
    public static func dateTime(_ text: String) throws -> (wall: LocalDateTime, utc: Bool) {
        var text = text
        guard let value = text.withUTF8(dateTime(utf8:)) else {
            throw ValueError("'\(text)' is not a DATE-TIME (YYYYMMDDTHHMMSS, perhaps ending in Z)")
        }
        return value
    }

    /// A DATE: `YYYYMMDD`.
    public static func date(_ text: String) throws -> LocalDate {
        var text = text
        guard let date = text.withUTF8(date(utf8:)) else {
            throw ValueError("'\(text)' is not a DATE (YYYYMMDD)")
        }
        return date
    }

    /// A time of day: `HHMMSS`, or `HHMM` (the local times of programme items).
    public static func time(_ text: String) throws -> LocalTime {
        var text = text
        guard let time = text.withUTF8(time(utf8:)) else {
            throw ValueError("'\(text)' is not a time (HHMMSS)")
        }
        return time
    }

    /// A UTC offset in seconds east of UTC: `+0800`, `-0500`, `+053000` (TZOFFSETFROM, TZOFFSETTO).
    public static func offset(_ text: String) throws -> Int {
        var text = text
        guard let offset = text.withUTF8(offset(utf8:)) else {
            throw ValueError("'\(text)' is not a UTC offset (such as +0800)")
        }
        return offset
    }

    // The readers proper work on the text's UTF-8 in place: a file of 100,000 events has half a million
    // dates and times, and copying each into an array first took as long as reading it.

    private static func dateTime(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (wall: LocalDateTime, utc: Bool)? {
        let utc = bytes.last == UInt8(ascii: "Z")
        guard bytes.count == (utc ? 16 : 15), bytes[8] == UInt8(ascii: "T"),
              let date = date(utf8: UnsafeBufferPointer(rebasing: bytes[0..<8])),
              let hour = number(bytes[9..<11]), let minute = number(bytes[11..<13]), let second = number(bytes[13..<15]),
              // A leap second (60) is read as the last second of its minute, as most calendars do.
              let time = try? LocalTime(hour: hour, minute: minute, second: min(second, 59))
        else { return nil }
        return (LocalDateTime(date: date, time: time), utc)
    }

    private static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 8, let year = number(bytes[0..<4]), let month = number(bytes[4..<6]),
              let day = number(bytes[6..<8])
        else { return nil }
        return try? LocalDate(year: year, month: month, day: day)
    }

    private static func time(utf8 bytes: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        guard bytes.count == 6 || bytes.count == 4, let hour = number(bytes[0..<2]), let minute = number(bytes[2..<4]),
              let second = bytes.count == 6 ? number(bytes[4..<6]) : 0
        else { return nil }
        return try? LocalTime(hour: hour, minute: minute, second: second)
    }

    private static func offset(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              let hours = number(bytes[1..<3]), let minutes = number(bytes[3..<5]),
              let seconds = bytes.count == 7 ? number(bytes[5..<7]) : 0
        else { return nil }
        let offset = hours * 3600 + minutes * 60 + seconds
        return bytes[0] == UInt8(ascii: "-") ? -offset : offset
    }

    /// A DURATION in seconds: `P1D`, `PT1H30M`, `-PT15M`, `P2W`. A day counts as 86,400 seconds here; a
    /// reader that needs nominal days (across a clock change) reads `days` and `seconds` with `durationParts`.
    public static func duration(_ text: String) throws -> Int {
        let parts = try durationParts(text)
        return parts.days * 86_400 + parts.seconds
    }

    /// A DURATION as nominal days (weeks and days) and exact seconds (hours, minutes, seconds), signed.
    public static func durationParts(_ text: String) throws -> (days: Int, seconds: Int) {
        var scalars = Substring(text.uppercased())
        var sign = 1
        if scalars.first == "+" || scalars.first == "-" {
            sign = scalars.first == "-" ? -1 : 1
            scalars = scalars.dropFirst()
        }
        guard scalars.first == "P", scalars.count > 1 else { throw badDuration(text) }
        scalars = scalars.dropFirst()
        var days = 0, seconds = 0, inTime = false, digits = "", sawUnit = false
        for character in scalars {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            if character == "T" {
                guard !inTime, digits.isEmpty else { throw badDuration(text) }
                inTime = true
                continue
            }
            guard let value = Int(digits) else { throw badDuration(text) }
            switch (character, inTime) {
            case ("W", false): days += value * 7
            case ("D", false): days += value
            case ("H", true): seconds += value * 3600
            case ("M", true): seconds += value * 60
            case ("S", true): seconds += value
            default: throw badDuration(text)
            }
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit else { throw badDuration(text) }
        return (sign * days, sign * seconds)
    }

    private static func badDuration(_ text: String) -> ValueError {
        ValueError("'\(text)' is not a DURATION (such as PT1H30M or P1D)")
    }

    // MARK: - Writing

    /// `YYYYMMDD`.
    public static func text(of date: LocalDate) -> String {
        var bytes: [UInt8] = []
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYYMMDDTHHMMSS`, with a Z when `utc`.
    public static func text(of wall: LocalDateTime, utc: Bool = false) -> String {
        var bytes: [UInt8] = []
        append(wall, utc: utc, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `HHMMSS`.
    public static func text(of time: LocalTime) -> String {
        var bytes: [UInt8] = []
        append(time, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYYMMDD` as UTF-8.
    public static func append(_ date: LocalDate, to bytes: inout [UInt8]) {
        appendDigits(date.year, 4, to: &bytes)
        appendDigits(date.month, 2, to: &bytes)
        appendDigits(date.day, 2, to: &bytes)
    }

    /// Appends `YYYYMMDDTHHMMSS`, with a Z when `utc`, as UTF-8.
    public static func append(_ wall: LocalDateTime, utc: Bool = false, to bytes: inout [UInt8]) {
        append(wall.date, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        append(wall.time, to: &bytes)
        if utc { bytes.append(UInt8(ascii: "Z")) }
    }

    /// Appends a time of day as `HHMMSS` (the local times of programme items).
    public static func append(_ time: LocalTime, to bytes: inout [UInt8]) {
        appendDigits(time.hour, 2, to: &bytes)
        appendDigits(time.minute, 2, to: &bytes)
        appendDigits(time.second, 2, to: &bytes)
    }

    /// Appends a UTC offset as `+HHMM`, or `+HHMMSS` when it has seconds (TZOFFSETFROM, TZOFFSETTO).
    public static func appendOffset(_ seconds: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: seconds < 0 ? "-" : "+"))
        let magnitude = abs(seconds)
        appendDigits(magnitude / 3600, 2, to: &bytes)
        appendDigits(magnitude / 60 % 60, 2, to: &bytes)
        if magnitude % 60 != 0 { appendDigits(magnitude % 60, 2, to: &bytes) }
    }

    /// Appends an INTEGER (SEQUENCE, an attendance).
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        appendDigits(value, 1, to: &bytes)
    }

    /// A DURATION of whole seconds: `PT1H30M`, `P1D`, `PT0S`.
    public static func durationText(seconds: Int) -> String {
        var rest = abs(seconds)
        var text = seconds < 0 ? "-P" : "P"
        if rest == 0 { return "PT0S" }
        if rest % 86_400 == 0 { return text + "\(rest / 86_400)D" }
        if rest >= 86_400 {
            text += "\(rest / 86_400)D"
            rest %= 86_400
        }
        text += "T"
        if rest >= 3600 { text += "\(rest / 3600)H"; rest %= 3600 }
        if rest >= 60 { text += "\(rest / 60)M"; rest %= 60 }
        if rest > 0 { text += "\(rest)S" }
        return text
    }

    private static func number<S: Collection>(_ digits: S) -> Int? where S.Element == UInt8 {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

/// A value that does not read as its type; the reader adds the property and line.
public struct ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
