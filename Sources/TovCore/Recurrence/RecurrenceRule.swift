import Foundation

/// An RFC 5545 recurrence rule (RRULE): how a series repeats.
///
///     let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
///     rule.description // "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"
///
/// Every part of RFC 5545 section 3.3.10 is read: FREQ (SECONDLY to YEARLY), INTERVAL, COUNT, UNTIL,
/// BYSECOND, BYMINUTE, BYHOUR, BYDAY, BYMONTHDAY, BYYEARDAY, BYWEEKNO, BYMONTH, BYSETPOS and WKST.
/// A part the RFC forbids with the frequency (BYWEEKNO with MONTHLY, say), a value out of range or an
/// unknown part is refused with a message naming it: a part read as if it were absent would put
/// meetings on the wrong days without anyone noticing.
///
/// The lists are kept sorted and without repeats, so two rules that mean the same days compare
/// equal and print the same way.
public struct RecurrenceRule: Hashable, Sendable, CustomStringConvertible {
    /// How often the rule repeats: the FREQ part.
    public enum Frequency: String, CaseIterable, Hashable, Sendable {
        /// Every second.
        case secondly = "SECONDLY"
        /// Every minute.
        case minutely = "MINUTELY"
        /// Every hour.
        case hourly = "HOURLY"
        /// Every day.
        case daily = "DAILY"
        /// Every week.
        case weekly = "WEEKLY"
        /// Every month.
        case monthly = "MONTHLY"
        /// Every year.
        case yearly = "YEARLY"

        /// Whether the periods are shorter than a day.
        var isSubDaily: Bool { self == .hourly || self == .minutely || self == .secondly }
    }

    /// Where a bounded rule stops: the UNTIL part. A start after it is not an occurrence.
    public enum Until: Hashable, Sendable, CustomStringConvertible {
        /// `UNTIL=20261231`: starts on that day still count, whatever their time of day.
        case date(LocalDate)
        /// `UNTIL=20261231T235959`: a wall time in the series' own zone.
        case local(LocalDateTime)
        /// `UNTIL=20261231T235959Z`: a UTC time, compared with each start as an instant.
        case utc(LocalDateTime)

        /// The value as written after `UNTIL=`.
        public var description: String {
            switch self {
            case .date(let date): return Self.compact(date)
            case .local(let wall): return Self.compact(wall)
            case .utc(let wall): return Self.compact(wall) + "Z"
            }
        }

        private static func compact(_ date: LocalDate) -> String {
            pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
        }

        private static func compact(_ wall: LocalDateTime) -> String {
            compact(wall.date) + "T" + pad(wall.time.hour, 2) + pad(wall.time.minute, 2) + pad(wall.time.second, 2)
        }
    }

    /// A BYDAY entry: a weekday, optionally numbered within the month or year (`MO`, `3TH`, `-1SU`).
    public struct WeekdayNumber: Hashable, Sendable, CustomStringConvertible {
        /// Which one within the month or year: 3 for the third, -1 for the last; nil for every one.
        public let ordinal: Int?
        /// The day of the week.
        public let weekday: Weekday

        /// Creates an entry; the rule that holds it checks the ordinal against its frequency.
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// `MO`, `3TH`, `-1SU`.
        public var description: String { (ordinal.map(String.init) ?? "") + weekday.rfcCode }
    }

    /// How often the rule repeats.
    public let frequency: Frequency
    /// Every how many periods: 2 with MONTHLY is every other month.
    public let interval: Int
    /// How many occurrences in all, DTSTART included; nil when unbounded or bounded by `until`.
    public let count: Int?
    /// The last moment a start may fall on; nil when unbounded or bounded by `count`.
    public let until: Until?
    /// The BYDAY part, sorted: plain weekdays, then numbered from the start, then from the end.
    public let byDay: [WeekdayNumber]
    /// The BYMONTHDAY part, sorted: days from the start (1…31), then from the end (-31…-1).
    public let byMonthDay: [Int]
    /// The BYMONTH part (1…12), sorted.
    public let byMonth: [Int]
    /// The BYYEARDAY part, sorted: days from the start of the year (1…366), then from its end (-366…-1).
    public let byYearDay: [Int]
    /// The BYWEEKNO part, sorted: weeks of the year as WKST numbers them (1…53, -53…-1).
    public let byWeekNo: [Int]
    /// The BYHOUR part (0…23), sorted.
    public let byHour: [Int]
    /// The BYMINUTE part (0…59), sorted.
    public let byMinute: [Int]
    /// The BYSECOND part (0…59), sorted. RFC 5545 allows 60 for a leap second, which no clock here shows.
    public let bySecond: [Int]
    /// The BYSETPOS part, sorted: which of each period's starts to keep (1 the first, -1 the last).
    public let bySetPos: [Int]
    /// The WKST part: the day weeks start on, which decides which weeks WEEKLY;INTERVAL=2 skips.
    public let weekStart: Weekday

    /// The largest INTERVAL accepted: far beyond any calendar use, and it keeps period arithmetic
    /// well inside `Int`.
    public static let maximumInterval = 1_000_000
    /// The largest COUNT accepted: a million meetings is beyond any calendar, and a bounded count keeps
    /// finding a series' last start quick whatever its frequency.
    public static let maximumCount = 1_000_000

    /// Creates a rule, or fails with a message that names the bad part.
    public init(
        frequency: Frequency,
        interval: Int = 1,
        count: Int? = nil,
        until: Until? = nil,
        byDay: [WeekdayNumber] = [],
        byMonthDay: [Int] = [],
        byMonth: [Int] = [],
        byYearDay: [Int] = [],
        byWeekNo: [Int] = [],
        byHour: [Int] = [],
        byMinute: [Int] = [],
        bySecond: [Int] = [],
        bySetPos: [Int] = [],
        weekStart: Weekday = .monday
    ) throws {
        guard interval > 0 else {
            throw Self.invalid("INTERVAL", interval, Self.intervalReason)
        }
        guard interval <= Self.maximumInterval else {
            throw Self.invalid("INTERVAL", interval, "INTERVAL must be at most \(Self.maximumInterval)")
        }
        if let count, count <= 0 {
            throw Self.invalid("COUNT", count, Self.countReason)
        }
        if let count, count > Self.maximumCount {
            throw Self.invalid("COUNT", count, "COUNT must be at most \(Self.maximumCount)")
        }
        guard count == nil || until == nil else {
            throw ValidationError("RRULE has both COUNT and UNTIL; keep only one")
        }
        try Self.check(byMonth: byMonth)
        try Self.check(byMonthDay: byMonthDay, frequency: frequency)
        try Self.check(byDay: byDay, frequency: frequency, byMonth: byMonth, byWeekNo: byWeekNo)
        try Self.check(byYearDay: byYearDay, frequency: frequency)
        try Self.check(byWeekNo: byWeekNo, frequency: frequency)
        try Self.check("BYHOUR", byHour, in: 0...23)
        try Self.check("BYMINUTE", byMinute, in: 0...59)
        try Self.check("BYSECOND", bySecond, in: 0...59)
        if !bySetPos.isEmpty {
            if bySetPos.contains(where: { $0 == 0 || !(-366...366).contains($0) }) {
                throw Self.invalid("BYSETPOS", Self.list(bySetPos), "BYSETPOS values must be between 1 and 366, or -366 and -1")
            }
            let others = [byDay.count, byMonthDay.count, byMonth.count, byYearDay.count, byWeekNo.count,
                          byHour.count, byMinute.count, bySecond.count]
            if others.allSatisfy({ $0 == 0 }) {
                throw Self.invalid("BYSETPOS", Self.list(bySetPos),
                                   "BYSETPOS chooses among the starts another BY part makes, and there is none")
            }
            // A period shorter than a day holds a known number of starts: its minutes and seconds.
            let perPeriod = switch frequency {
            case .hourly: max(byMinute.count, 1) * max(bySecond.count, 1)
            case .minutely: max(bySecond.count, 1)
            case .secondly: 1
            default: Int.max
            }
            if !bySetPos.contains(where: { abs($0) <= perPeriod }) {
                throw Self.invalid("BYSETPOS", Self.list(bySetPos),
                                   "each \(frequency.rawValue) period holds \(perPeriod) start\(perPeriod == 1 ? "" : "s"), so no position chosen exists")
            }
        }

        self.frequency = frequency
        self.interval = interval
        self.count = count
        self.until = until
        self.byDay = Set(byDay).sorted { Self.sortKey($0) < Self.sortKey($1) }
        self.byMonthDay = Set(byMonthDay).sorted { Self.sortKey($0) < Self.sortKey($1) }
        self.byMonth = Set(byMonth).sorted()
        self.byYearDay = Set(byYearDay).sorted { Self.sortKey($0) < Self.sortKey($1) }
        self.byWeekNo = Set(byWeekNo).sorted { Self.sortKey($0) < Self.sortKey($1) }
        self.byHour = Set(byHour).sorted()
        self.byMinute = Set(byMinute).sorted()
        self.bySecond = Set(bySecond).sorted()
        self.bySetPos = Set(bySetPos).sorted { Self.sortKey($0) < Self.sortKey($1) }
        self.weekStart = weekStart
    }

    /// Parses `FREQ=…;…`, in any letter case, with or without a leading `RRULE:`.
    public init(parsing text: String) throws {
        // Trimmed by hand: Foundation's character sets take a third of a millisecond to set up, which
        // every agenda would pay for its first rule.
        let first = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? first
        var body = String(text[first..<end]).uppercased()
        if body.hasPrefix("RRULE:") {
            body.removeFirst("RRULE:".count)
        }
        var values: [String: String] = [:]
        // Empty pieces are skipped so that a trailing semicolon is harmless.
        for part in body.split(separator: ";") {
            guard let equals = part.firstIndex(of: "=") else {
                throw ValidationError("RRULE part \(part) is invalid: write each part as NAME=VALUE")
            }
            let name = String(part[..<equals])
            guard Self.partNames.contains(name) else {
                throw ValidationError("RRULE part \(name) is unknown")
            }
            guard values[name] == nil else {
                throw ValidationError("RRULE part \(name) appears twice")
            }
            values[name] = String(part[part.index(after: equals)...])
        }

        guard let frequencyText = values["FREQ"] else {
            throw ValidationError("RRULE needs FREQ")
        }
        guard let frequency = Frequency(rawValue: frequencyText) else {
            throw Self.invalid("FREQ", frequencyText,
                               "FREQ must be SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY")
        }
        try self.init(
            frequency: frequency,
            interval: try values["INTERVAL"].map { try Self.integer($0, part: "INTERVAL", Self.intervalReason) } ?? 1,
            count: try values["COUNT"].map { try Self.integer($0, part: "COUNT", Self.countReason) },
            until: try values["UNTIL"].map(Self.parseUntil),
            byDay: try values["BYDAY"].map(Self.parseByDay) ?? [],
            byMonthDay: try values["BYMONTHDAY"].map { try Self.integers($0, part: "BYMONTHDAY", Self.monthDayReason) } ?? [],
            byMonth: try values["BYMONTH"].map { try Self.integers($0, part: "BYMONTH", Self.monthReason) } ?? [],
            byYearDay: try values["BYYEARDAY"].map { try Self.integers($0, part: "BYYEARDAY", Self.yearDayReason) } ?? [],
            byWeekNo: try values["BYWEEKNO"].map { try Self.integers($0, part: "BYWEEKNO", Self.weekNoReason) } ?? [],
            byHour: try values["BYHOUR"].map { try Self.integers($0, part: "BYHOUR", Self.rangeReason("BYHOUR", 0...23)) } ?? [],
            byMinute: try values["BYMINUTE"].map { try Self.integers($0, part: "BYMINUTE", Self.rangeReason("BYMINUTE", 0...59)) } ?? [],
            bySecond: try values["BYSECOND"].map { try Self.integers($0, part: "BYSECOND", Self.rangeReason("BYSECOND", 0...59)) } ?? [],
            bySetPos: try values["BYSETPOS"].map { try Self.integers($0, part: "BYSETPOS", Self.setPosReason) } ?? [],
            weekStart: try values["WKST"].map(Self.parseWeekStart) ?? .monday
        )
    }

    /// The canonical text: `FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH`, leaving out INTERVAL=1 and WKST=MO.
    /// Parts come from the largest unit to the smallest, then BYSETPOS and WKST.
    public var description: String {
        var parts = ["FREQ=" + frequency.rawValue]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if let count { parts.append("COUNT=\(count)") }
        if let until { parts.append("UNTIL=\(until)") }
        for (name, values) in [("BYMONTH", byMonth), ("BYWEEKNO", byWeekNo), ("BYYEARDAY", byYearDay),
                               ("BYMONTHDAY", byMonthDay)] where !values.isEmpty {
            parts.append(name + "=" + Self.list(values))
        }
        if !byDay.isEmpty { parts.append("BYDAY=" + Self.list(byDay)) }
        for (name, values) in [("BYHOUR", byHour), ("BYMINUTE", byMinute), ("BYSECOND", bySecond),
                               ("BYSETPOS", bySetPos)] where !values.isEmpty {
            parts.append(name + "=" + Self.list(values))
        }
        if weekStart != .monday { parts.append("WKST=" + weekStart.rfcCode) }
        return parts.joined(separator: ";")
    }

    /// Whether the rule has any BY part that names days (rather than times of day).
    var hasDayParts: Bool {
        !(byDay.isEmpty && byMonthDay.isEmpty && byYearDay.isEmpty && byWeekNo.isEmpty)
    }

    // MARK: - Checks

    private static let partNames: Set = [
        "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
        "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    ]
    private static let yearDayReason = "BYYEARDAY values must be between 1 and 366, or -366 and -1"
    private static let weekNoReason = "BYWEEKNO values must be between 1 and 53, or -53 and -1"
    private static let setPosReason = "BYSETPOS values must be between 1 and 366, or -366 and -1"

    private static func rangeReason(_ part: String, _ range: ClosedRange<Int>) -> String {
        "\(part) values must be between \(range.lowerBound) and \(range.upperBound)"
    }

    private static func check(_ part: String, _ values: [Int], in range: ClosedRange<Int>) throws {
        if values.contains(where: { !range.contains($0) }) {
            throw invalid(part, list(values), rangeReason(part, range))
        }
    }

    private static func check(byYearDay: [Int], frequency: Frequency) throws {
        guard !byYearDay.isEmpty else { return }
        if byYearDay.contains(where: { $0 == 0 || !(-366...366).contains($0) }) {
            throw invalid("BYYEARDAY", list(byYearDay), yearDayReason)
        }
        if [.daily, .weekly, .monthly].contains(frequency) {
            throw invalid("BYYEARDAY", list(byYearDay), "BYYEARDAY cannot be used with FREQ=\(frequency.rawValue)")
        }
    }

    private static func check(byWeekNo: [Int], frequency: Frequency) throws {
        guard !byWeekNo.isEmpty else { return }
        if byWeekNo.contains(where: { $0 == 0 || !(-53...53).contains($0) }) {
            throw invalid("BYWEEKNO", list(byWeekNo), weekNoReason)
        }
        if frequency != .yearly {
            throw invalid("BYWEEKNO", list(byWeekNo), "BYWEEKNO needs FREQ=YEARLY")
        }
    }
    private static let intervalReason = "INTERVAL must be a positive integer"
    private static let countReason = "COUNT must be a positive integer"
    private static let monthReason = "BYMONTH values must be between 1 and 12"
    private static let monthDayReason = "BYMONTHDAY values must be between 1 and 31, or -31 and -1"

    private static func check(byMonth: [Int]) throws {
        if byMonth.contains(where: { !(1...12).contains($0) }) {
            throw invalid("BYMONTH", list(byMonth), monthReason)
        }
    }

    private static func check(byMonthDay: [Int], frequency: Frequency) throws {
        if byMonthDay.contains(where: { $0 == 0 || !(-31...31).contains($0) }) {
            throw invalid("BYMONTHDAY", list(byMonthDay), monthDayReason)
        }
        // RFC 5545 forbids it, so other calendars would refuse the rule we export.
        if frequency == .weekly, !byMonthDay.isEmpty {
            throw invalid("BYMONTHDAY", list(byMonthDay), "BYMONTHDAY cannot be used with FREQ=WEEKLY")
        }
    }

    private static func check(byDay: [WeekdayNumber], frequency: Frequency, byMonth: [Int], byWeekNo: [Int]) throws {
        let numbered = byDay.filter { $0.ordinal != nil }
        // Checked without abs(), which traps on the smallest Int a rule can spell.
        if let bad = numbered.first(where: { ($0.ordinal ?? 0) == 0 || !(-53...53).contains($0.ordinal ?? 0) }) {
            throw invalid("BYDAY", list(byDay), "\(bad) is out of range: BYDAY ordinals must be between 1 and 53, or -53 and -1")
        }
        guard let first = numbered.first else { return }
        guard frequency == .monthly || frequency == .yearly else {
            throw invalid("BYDAY", list(byDay), "BYDAY ordinals such as \(first) need FREQ=MONTHLY or YEARLY")
        }
        if !byWeekNo.isEmpty {
            throw invalid("BYDAY", list(byDay), "BYDAY ordinals such as \(first) cannot be used with BYWEEKNO")
        }
        // Ordinals count within the month for MONTHLY, and for YEARLY once BYMONTH names the months.
        let withinMonth = frequency == .monthly || !byMonth.isEmpty
        if withinMonth, let bad = numbered.first(where: { abs($0.ordinal ?? 0) > 5 }) {
            throw invalid("BYDAY", list(byDay), "\(bad) cannot match: a month has at most five of each weekday")
        }
        // python-dateutil, our reference, matches nothing for such a mix where RFC 5545 means the
        // union; refusing it keeps every accepted rule meaning the same everywhere.
        if numbered.count != byDay.count {
            throw ValidationError("RRULE part BYDAY=\(list(byDay)) is not supported yet: it mixes numbered and plain weekdays")
        }
    }

    private static func invalid(_ part: String, _ value: some CustomStringConvertible, _ reason: String) -> ValidationError {
        ValidationError("RRULE part \(part)=\(value) is invalid: \(reason)")
    }

    // MARK: - Parsing values

    private static func integer(_ text: String, part: String, _ reason: String) throws -> Int {
        guard let value = Int(text) else { throw invalid(part, text, reason) }
        return value
    }

    private static func integers(_ text: String, part: String, _ reason: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map {
            guard let value = Int($0) else { throw invalid(part, text, reason) }
            return value
        }
    }

    private static func parseByDay(_ text: String) throws -> [WeekdayNumber] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            guard item.count >= 2, let weekday = Weekday(rfcCode: item.suffix(2)) else {
                throw invalid("BYDAY", text, "'\(item)' is not a weekday such as MO, 3TH or -1SU")
            }
            let ordinalText = item.dropLast(2)
            if ordinalText.isEmpty { return WeekdayNumber(weekday) }
            guard let ordinal = Int(ordinalText) else {
                throw invalid("BYDAY", text, "'\(item)' is not a weekday such as MO, 3TH or -1SU")
            }
            return WeekdayNumber(weekday, ordinal: ordinal)
        }
    }

    private static func parseWeekStart(_ text: String) throws -> Weekday {
        guard let weekday = Weekday(rfcCode: text) else {
            throw invalid("WKST", text, "WKST must be a weekday code such as MO or SU")
        }
        return weekday
    }

    private static func parseUntil(_ text: String) throws -> Until {
        let isUTC = text.hasSuffix("Z")
        let pieces = text.dropLast(isUTC ? 1 : 0).split(separator: "T", omittingEmptySubsequences: false)
        let shapeIsRight = pieces[0].count == 8
            && (pieces.count == 1 && !isUTC || pieces.count == 2 && pieces[1].count == 6)
            && pieces.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard shapeIsRight else {
            throw invalid("UNTIL", text, "write UNTIL as YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ")
        }
        func number(_ piece: Substring, _ offset: Int, _ length: Int) -> Int {
            Int(piece.dropFirst(offset).prefix(length))!
        }
        do {
            let date = try LocalDate(year: number(pieces[0], 0, 4), month: number(pieces[0], 4, 2),
                                     day: number(pieces[0], 6, 2))
            guard pieces.count == 2 else { return .date(date) }
            let time = try LocalTime(hour: number(pieces[1], 0, 2), minute: number(pieces[1], 2, 2),
                                     second: number(pieces[1], 4, 2))
            let wall = LocalDateTime(date: date, time: time)
            return isUTC ? .utc(wall) : .local(wall)
        } catch let error as ValidationError {
            throw invalid("UNTIL", text, error.message)
        }
    }

    // MARK: - Canonical order

    private static func list(_ values: [some CustomStringConvertible]) -> String {
        values.map(\.description).joined(separator: ",")
    }

    /// Values from the start first, then values from the end, so that `1,-1` reads "first and last".
    private static func sortKey(_ position: Int) -> Int {
        position > 0 ? position : 1_000 + position
    }

    private static func sortKey(_ entry: WeekdayNumber) -> (Int, Int, Int) {
        let ordinal = entry.ordinal ?? 0
        let group = ordinal == 0 ? 0 : ordinal > 0 ? 1 : 2
        return (group, ordinal, entry.weekday.rawValue)
    }
}
