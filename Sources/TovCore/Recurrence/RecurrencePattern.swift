/// A rule made concrete for one DTSTART: the parts RFC 5545 takes from DTSTART filled in, each
/// BYxxx part turned into a bit set, and the rule's periods (days, weeks, months or years) numbered
/// from the one that holds DTSTART.
///
/// The semantics are python-dateutil's `rrule`, our reference: every day of a period that passes
/// every BYxxx filter is a match, BYDAY ordinals count within the month (MONTHLY, or YEARLY with
/// BYMONTH) or the year (YEARLY without BYMONTH), and a day that does not exist is never matched.
///
/// A class, so that the iterators scanning days share it rather than copy its 200 bytes at every call.
final class RecurrencePattern {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    /// How many periods in a row may match nothing before the rule is known never to match again.
    let periodsPerCycle: Int

    /// Bit `m` for each month allowed.
    private let months: UInt16
    /// Bit `w` for each weekday that can match (`Weekday.rawValue`).
    private let weekdays: UInt64
    /// Bit `d` for the `d`th day of a month; every bit when BYMONTHDAY is absent.
    private let monthDaysFromStart: UInt64
    /// Bit `d` for the `d`th day from the end of a month (1 is the last day).
    private let monthDaysFromEnd: UInt64
    /// For each weekday (lanes 0…6), bit `n` for its `n`th occurrence in the month or year; every
    /// bit when BYDAY has no ordinals. A SIMD vector is a fixed table that needs no allocation.
    private let ordinalsFromStart: SIMD8<UInt64>
    /// For each weekday, bit `n` for its `n`th occurrence from the end of the month or year.
    private let ordinalsFromEnd: SIMD8<UInt64>
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
        monthDaysFromStart = byMonthDay.isEmpty ? ~1 : byMonthDay.filter { $0 > 0 }.reduce(0) { $0 | 1 << $1 }
        monthDaysFromEnd = byMonthDay.filter { $0 < 0 }.reduce(0) { $0 | 1 << -$1 }

        let plain = byDay.filter { $0.ordinal == nil }
        let numbered = byDay.compactMap { entry in entry.ordinal.map { (entry.weekday.rawValue, $0) } }
        var fromStart = SIMD8<UInt64>(repeating: numbered.isEmpty ? .max : 0)
        var fromEnd = SIMD8<UInt64>(repeating: 0)
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
        weekdays = (0..<7)
            .filter { weekday in
                (plain.isEmpty || plain.contains { $0.weekday.rawValue == weekday })
                    && fromStart[weekday] | fromEnd[weekday] != 0
            }
            .reduce(0) { $0 | 1 << $1 }

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
        case .weekly: return LocalDate(daysSinceEpoch: origin + index * interval * 7)
        case .monthly: return LocalDate(unchecked: unit / 12, unit % 12 + 1, 1)
        case .yearly: return LocalDate(unchecked: unit, 1, 1)
        default: return LocalDate(daysSinceEpoch: unit)
        }
    }

    /// The first day of period `index`, reached from `day` by stepping when it is near, which is
    /// the usual case with a small INTERVAL, and by a jump otherwise.
    func firstDay(ofPeriod index: Int, from day: CalendarDay) -> CalendarDay {
        switch frequency {
        case .monthly, .yearly:
            let first = firstDay(ofPeriod: index)
            return day.day == 1 && day.month == first.month && day.year == first.year ? day : CalendarDay(first)
        default:
            let first = origin + index * interval * (frequency == .weekly ? 7 : 1)
            guard (0...62).contains(first - day.number) else { return CalendarDay(LocalDate(daysSinceEpoch: first)) }
            var day = day
            day.advance(by: first - day.number)
            return day
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

    /// The days of `day`'s month that pass BYMONTH, BYMONTHDAY and BYDAY's weekdays, as bits 1…31.
    /// Scanning a month then jumps from one such day to the next instead of testing every day.
    func candidateDays(inMonthOf day: CalendarDay) -> UInt64 {
        guard months >> day.month & 1 != 0 else { return 0 }
        let length = day.daysInMonth
        var monthDays = monthDaysFromStart
        var fromEnd = monthDaysFromEnd
        while fromEnd != 0 {
            let distance = fromEnd.trailingZeroBitCount
            if distance <= length {
                monthDays |= 1 << (length + 1 - distance)
            }
            fromEnd &= fromEnd - 1
        }
        // The weekdays that can match as a pattern of seven days from the 1st, repeated for five weeks.
        let firstWeekday = (day.weekday - (day.day - 1) % 7 + 7) % 7
        let week = (weekdays >> firstWeekday | weekdays << (7 - firstWeekday)) & 0b111_1111
        let weekdayDays = (week &* 0b1_0000001_0000001_0000001_0000001) << 1
        let existingDays: UInt64 = (1 << (length + 1)) - 2
        return monthDays & weekdayDays & existingDays
    }

    /// Whether a candidate day is one of the numbered weekdays of BYDAY, such as 3TH or -1SU.
    @inline(__always)
    func matchesOrdinal(_ day: CalendarDay) -> Bool {
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
        /// The candidate days of the cursor's month, and which month (year × 12 + month) that is.
        private var candidates: UInt64 = 0
        private var candidatesMonth = -1
        /// Whether the current period has matched a day so far.
        private(set) var periodMatched = false

        /// Starts at the first day of period `period`; never goes past `lastDay` (a day number).
        init(pattern: RecurrencePattern, period: Int, lastDay: Int) {
            self.pattern = pattern
            self.lastDay = min(lastDay, RecurrencePattern.lastDay)
            cursor = CalendarDay(pattern.firstDay(ofPeriod: period))
            enter(period)
        }

        /// The next matching day of the current period, or nil at its end (leaving the cursor on
        /// the day after it).
        mutating func nextInPeriod() -> CalendarDay? {
            while cursor.number <= periodEnd {
                let month = cursor.year * 12 + cursor.month
                if month != candidatesMonth {
                    candidates = pattern.candidateDays(inMonthOf: cursor)
                    candidatesMonth = month
                }
                let ahead = candidates >> cursor.day
                let step = ahead == 0 ? cursor.daysInMonth - cursor.day + 1 : ahead.trailingZeroBitCount
                guard cursor.number + step <= periodEnd else {
                    cursor.advance(by: periodEnd + 1 - cursor.number)
                    return nil
                }
                cursor.advance(by: step)
                if ahead != 0 {
                    let day = cursor
                    cursor.advance()
                    if pattern.matchesOrdinal(day) {
                        periodMatched = true
                        return day
                    }
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
            cursor = pattern.firstDay(ofPeriod: period, from: cursor)
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
