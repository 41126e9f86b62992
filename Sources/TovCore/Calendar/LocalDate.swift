import Foundation

/// A calendar date with no time and no zone: the day printed on an invitation.
///
///     let date = try LocalDate(parsing: "2026-11-23")
///     date.weekday        // .monday
///     date.adding(days: 7) // 2026-11-30
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or fails with a message when the day does not exist (`2026-02-30`).
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else {
            throw ValidationError("\(LocalDate.format(year, month, day)) is not a date on the calendar",
                                  mn: "\(LocalDate.format(year, month, day)) гэсэн огноо хуанлид байхгүй")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a date known to be valid; used by calendar arithmetic.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(parsing text: String) throws {
        if let fields = DigitFields(text, layout: "dddd-dd-dd"), let date = try? LocalDate(year: fields[0], month: fields[1], day: fields[2]) {
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else {
            throw ValidationError("'\(text)' is not a date; write it as YYYY-MM-DD", mn: "“\(text)” огноо биш; ОООО-СС-ӨӨ хэлбэрээр бичнэ үү")
        }
        do {
            try self.init(year: y, month: m, day: d)
        } catch {
            throw ValidationError("'\(text)' is not a date on the calendar", mn: "“\(text)” гэсэн огноо хуанлид байхгүй")
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String { LocalDate.format(year, month, day) }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Arithmetic

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day `months` later, or nil when that month has no such day (31 April).
    public func adding(months: Int) -> LocalDate? {
        let index = year * 12 + (month - 1) + months
        let y = index / 12, m = index % 12 + 1
        guard (1...9999).contains(y), day <= LocalDate.daysIn(month: m, year: y) else { return nil }
        return LocalDate(unchecked: y, m, day)
    }

    /// Whole days from `self` to `other`.
    public func days(until other: LocalDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    /// The first day of this date's month.
    public var firstOfMonth: LocalDate { LocalDate(unchecked: year, month, 1) }

    /// Day of the year, 1 for 1 January.
    public var dayOfYear: Int {
        daysSinceEpoch - LocalDate(unchecked: year, 1, 1).daysSinceEpoch + 1
    }

    // MARK: - Calendar facts

    /// Whether the Gregorian year has 366 days.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(10)
        LocalDate(unchecked: y, m, d).appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` as UTF-8.
    public func appendText(to bytes: inout [UInt8]) {
        appendDigits(year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, 2, to: &bytes)
    }

    // MARK: - Codable as `YYYY-MM-DD`

    public init(from decoder: Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
    var bytes = [UInt8]()
    appendDigits(value, width, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends `value` in decimal, zero-padded to `width` digits, without building intermediate strings:
/// dates and times are printed for every row of an agenda, and written for every event of an export.
public func appendDigits(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = value < 0 ? -value : value
    var count = 1, scale = 1
    while magnitude / scale >= 10 {
        scale *= 10
        count += 1
    }
    for _ in count..<max(width, count) { bytes.append(UInt8(ascii: "0")) }
    while scale > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude / scale % 10))
        scale /= 10
    }
}
