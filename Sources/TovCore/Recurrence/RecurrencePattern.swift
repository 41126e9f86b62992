/// A rule made concrete for one DTSTART: the parts RFC 5545 takes from DTSTART filled in, each
/// BYxxx part turned into a bit set, and the rule's periods (days, weeks, months or years) numbered
/// from the one that holds DTSTART.
///
/// The semantics are python-dateutil's `rrule`, our reference: every day of a period that passes
/// every BYxxx filter is a match, BYDAY ordinals count within the month (MONTHLY, or YEARLY with
/// BYMONTH) or the year (YEARLY without BYMONTH), and a day that does not exist is never matched.
struct RecurrencePattern {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    /// How many periods in a row may match nothing before the rule is known never to match again.
    let periodsPerCycle: Int

    /// Bit `m` for each month allowed.
    private let months: UInt16
    /// Bit `w` for each weekday allowed (`Weekday.rawValue`).
    private let weekdays: UInt8
    /// Bit `d` for the `d`th day of a month; every bit when BYMONTHDAY is absent.
    private let monthDaysFromStart: UInt32
    /// Bit `d` for the `d`th day from the end of a month (1 is the last day).
    private let monthDaysFromEnd: UInt32
    /// For each weekday, bit `n` for its `n`th occurrence in the month or year; every bit when
    /// BYDAY has no ordinals.
    private let ordinalsFromStart: [UInt64]
    /// For each weekday, bit `n` for its `n`th occurrence from the end of the month or year.
    private let ordinalsFromEnd: [UInt64]
    private let ordinalsCountWithinYear: Bool
    /// Period 0 as a number in the frequency's unit: a day, the first day of a week, a month
    /// (year × 12 + month − 1) or a year.
    private let origin: Int

    /// The last day any rule can reach: `LocalDate` ends with year 9999, and so does dateutil.
    static let lastDay = LocalDate(unchecked: 9999, 12, 31).daysSinceEpoch

    init(rule: RecurrenceRule, start: LocalDate) {
        frequency = rule.frequency
        interval = rule.interval

        var byMonth = rule.byMonth, byMonthDay = rule.byMonthDay, byDay = rule.byDay
        // RFC 5545: a rule without a day-level part repeats on DTSTART's day (and, for YEARLY, its month).
        if byDay.isEmpty, byMonthDay.isEmpty {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.month] }
                byMonthDay = [start.day]
            case .monthly:
                byMonthDay = [start.day]
            case .weekly:
                byDay = [.init(start.weekday)]
            default:
                break
            }
        }

        months = byMonth.isEmpty ? 0b1_1111_1111_1110 : byMonth.reduce(0) { $0 | 1 << $1 }
        monthDaysFromStart = byMonthDay.isEmpty
            ? ~1 : byMonthDay.filter { $0 > 0 }.reduce(0) { $0 | 1 << $1 }
        monthDaysFromEnd = byMonthDay.filter { $0 < 0 }.reduce(0) { $0 | 1 << -$1 }

        let plain = byDay.filter { $0.ordinal == nil }
        let numbered = byDay.compactMap { entry in entry.ordinal.map { (entry.weekday.rawValue, $0) } }
        weekdays = plain.isEmpty ? 0b111_1111 : plain.reduce(0) { $0 | 1 << $1.weekday.rawValue }
        var fromStart = [UInt64](repeating: numbered.isEmpty ? .max : 0, count: 7)
        var fromEnd = [UInt64](repeating: 0, count: 7)
        for (weekday, ordinal) in numbered {
            if ordinal > 0 {
                fromStart[weekday] |= 1 << ordinal
            } else {
                fromEnd[weekday] |= 1 << -ordinal
            }
        }
        ordinalsFromStart = fromStart
        ordinalsFromEnd = fromEnd
        ordinalsCountWithinYear = rule.frequency == .yearly && rule.byMonth.isEmpty

        // The Gregorian calendar repeats every 400 years: 146,097 days, which is 20,871 weeks or
        // 4,800 months. Periods `interval` apart come back to the same place in that cycle after
        // cycle / gcd(interval, cycle) steps.
        let cycle: Int
        switch rule.frequency {
        case .weekly:
            origin = start.daysSinceEpoch - (start.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
            cycle = 20_871
        case .monthly:
            origin = start.year * 12 + start.month - 1
            cycle = 4_800
        case .yearly:
            origin = start.year
            cycle = 400
        default:
            origin = start.daysSinceEpoch
            cycle = 146_097
        }
        periodsPerCycle = cycle / greatestCommonDivisor(cycle, rule.interval)
    }

    // MARK: - Periods

    /// The number of the period holding `date`; negative before DTSTART's period.
    func period(containing date: LocalDate) -> Int {
        let units: Int
        switch frequency {
        case .weekly: units = floorDivide(date.daysSinceEpoch - origin, 7)
        case .monthly: units = date.year * 12 + date.month - 1 - origin
        case .yearly: units = date.year - origin
        default: units = date.daysSinceEpoch - origin
        }
        return floorDivide(units, interval)
    }

    /// The first day of period `index`.
    func firstDay(ofPeriod index: Int) -> LocalDate {
        let unit = origin + index * interval
        switch frequency {
        case .weekly: return LocalDate(daysSinceEpoch: unit)
        case .monthly: return LocalDate(unchecked: unit / 12, unit % 12 + 1, 1)
        case .yearly: return LocalDate(unchecked: unit, 1, 1)
        default: return LocalDate(daysSinceEpoch: unit)
        }
    }

    /// The last day of the period that starts on `first`.
    func lastDay(ofPeriodStartingOn first: CalendarDay) -> Int {
        switch frequency {
        case .weekly: return first.number + 6
        case .monthly: return first.number + first.daysInMonth - 1
        case .yearly: return first.number + first.daysInYear - 1
        default: return first.number
        }
    }

    // MARK: - Matching

    @inline(__always)
    func allows(month: Int) -> Bool {
        months >> month & 1 != 0
    }

    /// Whether a day passes every filter but BYMONTH, which the scan applies a month at a time.
    @inline(__always)
    func matches(_ day: CalendarDay) -> Bool {
        guard weekdays >> day.weekday & 1 != 0,
              (monthDaysFromStart >> day.day | monthDaysFromEnd >> (day.daysInMonth - day.day + 1)) & 1 != 0
        else { return false }
        let position = ordinalsCountWithinYear ? day.dayOfYear : day.day
        let length = ordinalsCountWithinYear ? day.daysInYear : day.daysInMonth
        let fromStart = (position - 1) / 7 + 1, fromEnd = (length - position) / 7 + 1
        return (ordinalsFromStart[day.weekday] >> fromStart | ordinalsFromEnd[day.weekday] >> fromEnd) & 1 != 0
    }

    // MARK: - Matching days

    /// The days a pattern matches, in order, period after period, up to a last day.
    struct MatchingDays: IteratorProtocol {
        private let pattern: RecurrencePattern
        private let lastDay: Int
        private var cursor: CalendarDay
        private var periodEnd = 0
        private var period = 0
        private var emptyPeriods = 0
        private var isFinished = false
        /// Whether the current period has matched a day so far.
        private(set) var periodMatched = false

        /// Starts at the first day of period `period`; never goes past `lastDay` (a day number).
        init(pattern: RecurrencePattern, period: Int, lastDay: Int) {
            self.pattern = pattern
            self.lastDay = min(lastDay, RecurrencePattern.lastDay)
            cursor = CalendarDay(pattern.firstDay(ofPeriod: period))
            enter(period)
        }

        /// The next matching day of the current period, or nil at its end.
        mutating func nextInPeriod() -> CalendarDay? {
            while cursor.number <= periodEnd {
                guard pattern.allows(month: cursor.month) else {
                    cursor.advanceToNextMonth()
                    continue
                }
                let day = cursor
                cursor.advance()
                if pattern.matches(day) {
                    periodMatched = true
                    return day
                }
            }
            return nil
        }

        mutating func next() -> CalendarDay? {
            while !isFinished {
                if let day = nextInPeriod() { return day }
                emptyPeriods = periodMatched ? 0 : emptyPeriods + 1
                // Once a whole cycle of periods has matched nothing, no later period can match
                // either (see `periodsPerCycle`): stopping here ends a rule such as
                // BYMONTH=2;BYMONTHDAY=30 at once instead of searching every period to year 9999.
                if cursor.number > lastDay || emptyPeriods >= pattern.periodsPerCycle {
                    isFinished = true
                } else {
                    enter(period + 1)
                }
            }
            return nil
        }

        private mutating func enter(_ period: Int) {
            self.period = period
            periodMatched = false
            let first = pattern.firstDay(ofPeriod: period)
            // With INTERVAL=1 the scan has already arrived; otherwise jump.
            if cursor.date != first {
                cursor = CalendarDay(first)
            }
            periodEnd = min(pattern.lastDay(ofPeriodStartingOn: cursor), lastDay)
        }
    }
}

/// Division rounding towards minus infinity, so that days before an origin fall in period -1.
func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return dividend % divisor != 0 && (dividend < 0) != (divisor < 0) ? quotient - 1 : quotient
}

private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : greatestCommonDivisor(b, a % b)
}
