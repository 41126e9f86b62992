/// A rule made concrete for one DTSTART: the parts RFC 5545 takes from DTSTART filled in, each BYxxx
/// part turned into a bit set, and the rule's periods (seconds, minutes, hours, days, weeks, months or
/// years) numbered from the one that holds DTSTART.
///
/// The semantics are python-dateutil's `rrule`, our reference:
/// - a period's starts are its days that pass every day filter (BYMONTH, BYWEEKNO, BYYEARDAY,
///   BYMONTHDAY, BYDAY), each at every time of day the time parts make (BYHOUR × BYMINUTE × BYSECOND,
///   DTSTART's own where a part is absent); BYSETPOS then keeps the chosen positions among them;
/// - BYDAY ordinals count within the month (MONTHLY, or YEARLY with BYMONTH) or the year (YEARLY
///   without BYMONTH); a day that does not exist is never matched;
/// - the first WEEKLY period begins on DTSTART's day, the first MONTHLY and YEARLY ones hold the
///   whole month or year;
/// - an HOURLY, MINUTELY or SECONDLY period counts when its day passes the day filters and its hour
///   (minute, second) is in BYHOUR (BYMINUTE, BYSECOND) where those are given.
///
/// A class, so that the iterators scanning days share it rather than copy it at every call.
final class RecurrencePattern {
    let frequency: RecurrenceRule.Frequency
    let interval: Int
    /// How many periods in a row may match nothing before the rule is known never to match again.
    let periodsPerCycle: Int
    let dtstart: LocalDateTime

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
    private let hasOrdinals: Bool
    private let ordinalsCountWithinYear: Bool
    /// Bits 1…366 for BYYEARDAY's days from the start, and from the end of the year.
    private let yearDaysFromStart: SIMD8<UInt64>
    private let yearDaysFromEnd: SIMD8<UInt64>
    private let hasYearDays: Bool
    /// BYWEEKNO, and the days of the last year asked about that it matches (bit `i` for day `i + 1`).
    private let weekNumbers: [Int]
    private let weekStart: Int
    private var weekNumberYear = Int.min
    private var weekNumberDays = SIMD8<UInt64>(repeating: 0)

    /// The times of day of each matching day, in seconds from midnight, sorted: for DAILY to YEARLY.
    let timesOfDay: [Int]
    /// For HOURLY to SECONDLY: bit `h` of the hours (`m` of the minutes, `s` of the seconds) a period may
    /// start in; all bits where the part does not filter periods.
    let periodHours: UInt64
    let periodMinutes: UInt64
    let periodSeconds: UInt64
    /// For HOURLY and MINUTELY: the minutes and seconds (or seconds) each matching period holds.
    let minutesInPeriod: [Int]
    let secondsInPeriod: [Int]
    let setPositions: [Int]
    /// Period 0 as a number in the frequency's unit: a day, the first day of a week, a month
    /// (year × 12 + month − 1) or a year; for HOURLY to SECONDLY the second it starts on.
    let origin: Int
    /// The length of one period in seconds for HOURLY to SECONDLY, times INTERVAL: one step.
    let step: Int
    /// False when an HOURLY, MINUTELY or SECONDLY rule's time parts can never be met from DTSTART
    /// (BYHOUR=1 every second hour from midnight): such a rule has no starts.
    let isReachable: Bool

    /// The last day any rule can reach: `LocalDate` ends with year 9999, and so does dateutil.
    static let lastDay = LocalDate(unchecked: 9999, 12, 31).daysSinceEpoch
    /// The Gregorian calendar repeats every 400 years: a day filter that matches no day in so many
    /// days in a row never will.
    static let daysPerCycle = 146_097

    init(rule: RecurrenceRule, start: LocalDateTime) {
        frequency = rule.frequency
        interval = rule.interval
        dtstart = start
        weekStart = rule.weekStart.rawValue
        weekNumbers = rule.byWeekNo
        setPositions = rule.bySetPos

        var byMonth = rule.byMonth, byMonthDay = rule.byMonthDay, byDay = rule.byDay
        // RFC 5545: a rule without a day-level part repeats on DTSTART's day (and, for YEARLY, its month).
        if !rule.hasDayParts {
            switch rule.frequency {
            case .yearly:
                if byMonth.isEmpty { byMonth = [start.date.month] }
                byMonthDay = [start.date.day]
            case .monthly:
                byMonthDay = [start.date.day]
            case .weekly:
                byDay = [.init(start.date.weekday)]
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
        hasOrdinals = !numbered.isEmpty
        ordinalsCountWithinYear = rule.frequency == .yearly && rule.byMonth.isEmpty
        weekdays = (0..<7)
            .filter { weekday in
                (plain.isEmpty || plain.contains { $0.weekday.rawValue == weekday })
                    && fromStart[weekday] | fromEnd[weekday] != 0
            }
            .reduce(0) { $0 | 1 << $1 }

        var yearFromStart = SIMD8<UInt64>(repeating: 0), yearFromEnd = SIMD8<UInt64>(repeating: 0)
        for day in rule.byYearDay {
            if day > 0 {
                yearFromStart[day / 64] |= 1 << (day % 64)
            } else {
                yearFromEnd[-day / 64] |= 1 << (-day % 64)
            }
        }
        yearDaysFromStart = yearFromStart
        yearDaysFromEnd = yearFromEnd
        hasYearDays = !rule.byYearDay.isEmpty

        // Time parts: DTSTART's own where absent, for every unit longer than the frequency's.
        let time = start.time
        let hours = !rule.byHour.isEmpty ? rule.byHour : frequency.isSubDaily ? [] : [time.hour]
        let minutes = !rule.byMinute.isEmpty ? rule.byMinute
            : [.minutely, .secondly].contains(frequency) ? [] : [time.minute]
        let seconds = !rule.bySecond.isEmpty ? rule.bySecond : frequency == .secondly ? [] : [time.second]
        func bits(_ values: [Int]) -> UInt64 { values.isEmpty ? .max : values.reduce(0) { $0 | 1 << $1 } }
        switch frequency {
        case .hourly:
            (periodHours, periodMinutes, periodSeconds) = (bits(rule.byHour), .max, .max)
            (minutesInPeriod, secondsInPeriod) = (minutes, seconds)
        case .minutely:
            (periodHours, periodMinutes, periodSeconds) = (bits(rule.byHour), bits(rule.byMinute), .max)
            (minutesInPeriod, secondsInPeriod) = ([], seconds)
        case .secondly:
            (periodHours, periodMinutes, periodSeconds) = (bits(rule.byHour), bits(rule.byMinute), bits(rule.bySecond))
            (minutesInPeriod, secondsInPeriod) = ([], [])
        default:
            (periodHours, periodMinutes, periodSeconds) = (.max, .max, .max)
            (minutesInPeriod, secondsInPeriod) = ([], [])
        }
        timesOfDay = frequency.isSubDaily ? [] : hours.flatMap { hour in
            minutes.flatMap { minute in seconds.map { hour * 3600 + minute * 60 + $0 } }
        }.sorted()

        // The Gregorian calendar repeats every 400 years: 146,097 days, which is 20,871 weeks or
        // 4,800 months. Periods `interval` apart come back to the same place in that cycle after
        // cycle / gcd(interval, cycle) steps.
        let cycle: Int
        let date = start.date
        switch rule.frequency {
        case .weekly:
            origin = date.daysSinceEpoch - (date.weekday.rawValue - rule.weekStart.rawValue + 7) % 7
            cycle = 20_871
            step = 0
        case .monthly:
            origin = date.year * 12 + date.month - 1
            cycle = 4_800
            step = 0
        case .yearly:
            origin = date.year
            cycle = 400
            step = 0
        case .daily:
            origin = date.daysSinceEpoch
            cycle = Self.daysPerCycle
            step = 0
        case .hourly, .minutely, .secondly:
            let unit = frequency == .hourly ? 3600 : frequency == .minutely ? 60 : 1
            origin = floorDivide(start.secondsSinceEpoch, unit) * unit
            step = unit * rule.interval
            cycle = Self.daysPerCycle
        }
        periodsPerCycle = cycle / greatestCommonDivisor(cycle, rule.interval)

        // Periods start at `origin + k × step`: within a day, only the times of day congruent to the
        // first one modulo gcd(step, 1 day) ever come up. Some of them must pass the time filters.
        if frequency.isSubDaily {
            let spacing = greatestCommonDivisor(step, 86_400)
            let first = origin - floorDivide(origin, 86_400) * 86_400
            let hoursAllowed = periodHours, minutesAllowed = periodMinutes, secondsAllowed = periodSeconds
            isReachable = stride(from: first % spacing, to: 86_400, by: spacing).contains { second in
                hoursAllowed >> (second / 3600) & 1 != 0 && minutesAllowed >> (second / 60 % 60) & 1 != 0
                    && secondsAllowed >> (second % 60) & 1 != 0
            }
        } else {
            isReachable = true
        }
    }

    // MARK: - Periods of a day or longer

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

    // MARK: - Matching days

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

    /// Whether a candidate day (one `candidateDays` gives) passes the remaining day filters: BYDAY
    /// ordinals such as 3TH or -1SU, BYYEARDAY and BYWEEKNO.
    @inline(__always)
    func passesRemainingFilters(_ day: CalendarDay) -> Bool {
        if hasOrdinals {
            let position = ordinalsCountWithinYear ? day.dayOfYear : day.day
            let length = ordinalsCountWithinYear ? day.daysInYear : day.daysInMonth
            let fromStart = (position - 1) / 7 + 1, fromEnd = (length - position) / 7 + 1
            guard (ordinalsFromStart[day.weekday] >> fromStart | ordinalsFromEnd[day.weekday] >> fromEnd) & 1 != 0 else {
                return false
            }
        }
        if hasYearDays {
            let fromStart = day.dayOfYear, fromEnd = day.daysInYear - day.dayOfYear + 1
            guard yearDaysFromStart[fromStart / 64] >> (fromStart % 64) & 1 != 0
                || yearDaysFromEnd[fromEnd / 64] >> (fromEnd % 64) & 1 != 0 else { return false }
        }
        if !weekNumbers.isEmpty {
            let days = weekNumberDays(in: day.year)
            let index = day.dayOfYear - 1
            guard days[index / 64] >> (index % 64) & 1 != 0 else { return false }
        }
        return true
    }

    /// Whether `candidateDays` alone decides which days match: no ordinals, BYYEARDAY or BYWEEKNO.
    var candidatesAreExact: Bool { !hasOrdinals && !hasYearDays && weekNumbers.isEmpty }

    /// Whether `day` passes every day filter.
    func matches(_ day: CalendarDay) -> Bool {
        candidateDays(inMonthOf: day) >> day.day & 1 != 0 && passesRemainingFilters(day)
    }

    /// The first day from `day` on (itself included) that passes every day filter, up to `lastDay`;
    /// nil when there is none, which is known after a whole 400-year cycle of days without one.
    func firstMatchingDay(from day: CalendarDay, through lastDay: Int) -> CalendarDay? {
        var day = day
        let giveUp = min(lastDay, day.number + Self.daysPerCycle)
        while day.number <= giveUp {
            let ahead = candidateDays(inMonthOf: day) >> day.day
            if ahead == 0 {
                day.advance(by: day.daysInMonth - day.day + 1)
                continue
            }
            day.advance(by: ahead.trailingZeroBitCount)
            if day.number > giveUp { break }
            if passesRemainingFilters(day) { return day }
            day.advance()
        }
        return nil
    }

    /// The days of `year` that BYWEEKNO matches, as bits 0…365 (bit `i` for the year's day `i + 1`),
    /// computed as python-dateutil does, including the days that belong to the last week of the year
    /// before and to week 1 of the next.
    private func weekNumberDays(in year: Int) -> SIMD8<UInt64> {
        if year == weekNumberYear { return weekNumberDays }
        var mask = SIMD8<UInt64>(repeating: 0)
        func set(_ index: Int) {
            if index >= 0 && index < 512 { mask[index / 64] |= 1 << (index % 64) }
        }
        let yearLength = LocalDate.isLeap(year) ? 366 : 365
        let yearWeekday = LocalDate(unchecked: year, 1, 1).weekday.rawValue
        func weekday(_ index: Int) -> Int { (yearWeekday + index) % 7 }
        func mod7(_ value: Int) -> Int { (value % 7 + 7) % 7 }

        let firstWeekStart = mod7(7 - yearWeekday + weekStart)
        var weekOneStart = firstWeekStart
        let weekYearLength: Int
        if weekOneStart >= 4 {
            weekOneStart = 0
            // The days of the year plus those it takes from the year before.
            weekYearLength = yearLength + mod7(yearWeekday - weekStart)
        } else {
            // The days of the year less those left to the year before.
            weekYearLength = yearLength - weekOneStart
        }
        let weeks = weekYearLength / 7 + weekYearLength % 7 / 4
        // Marks the week that starts at `index`: up to seven days, ending before the next WKST.
        func markWeek(from index: Int) {
            var index = index
            for _ in 0..<7 {
                set(index)
                index += 1
                if weekday(index) == weekStart { break }
            }
        }
        for number in weekNumbers {
            let week = number < 0 ? number + weeks + 1 : number
            guard week > 0 && week <= weeks else { continue }
            var index: Int
            if week > 1 {
                index = weekOneStart + (week - 1) * 7
                if weekOneStart != firstWeekStart { index -= 7 - firstWeekStart }
            } else {
                index = weekOneStart
            }
            markWeek(from: index)
        }
        if weekNumbers.contains(1) {
            // Week 1 of the next year may begin in this one.
            var index = weekOneStart + weeks * 7
            if weekOneStart != firstWeekStart { index -= 7 - firstWeekStart }
            if index < yearLength { markWeek(from: index) }
        }
        if weekOneStart != 0 {
            // The first days belong to the last week of the year before.
            let lastWeekBefore: Int
            if !weekNumbers.contains(-1) {
                let previousWeekday = LocalDate(unchecked: year - 1, 1, 1).weekday.rawValue
                let previousLength = LocalDate.isLeap(year - 1) ? 366 : 365
                if mod7(7 - previousWeekday + weekStart) >= 4 {
                    lastWeekBefore = 52 + (previousLength + mod7(previousWeekday - weekStart)) % 7 / 4
                } else {
                    lastWeekBefore = 52 + (yearLength - weekOneStart) % 7 / 4
                }
            } else {
                lastWeekBefore = -1
            }
            if weekNumbers.contains(lastWeekBefore) {
                for index in 0..<weekOneStart { set(index) }
            }
        }
        weekNumberYear = year
        weekNumberDays = mask
        return mask
    }

    // MARK: - Days of a period

    /// The days a pattern matches, period after period, up to the period holding a last day. Periods are
    /// always whole: BYSETPOS counts from the end of the period, wherever a query stops.
    struct MatchingDays {
        private let pattern: RecurrencePattern
        private let lastDay: Int
        private var cursor: CalendarDay
        private var periodEnd = 0
        /// The period the cursor is in.
        private(set) var period = 0
        /// The candidate days of the cursor's month, and which month (year × 12 + month) that is.
        private var candidates: UInt64 = 0
        private var candidatesMonth = -1

        /// Starts at the first day of period `period`; never goes past `lastDay` (a day number).
        init(pattern: RecurrencePattern, period: Int, lastDay: Int) {
            self.pattern = pattern
            self.lastDay = min(lastDay, RecurrencePattern.lastDay)
            cursor = CalendarDay(pattern.firstDay(ofPeriod: period))
            enter(period)
        }

        /// Whether the current period begins after the last day.
        var isPastLastDay: Bool { periodStart > lastDay }
        private var periodStart = 0

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
                    if pattern.passesRemainingFilters(day) {
                        return day
                    }
                }
            }
            return nil
        }

        /// For a MONTHLY period of a pattern whose candidates are exact: the month's matching days as bits
        /// 1…31, and its first day, leaving the cursor at the period's end.
        mutating func takeWholeMonth() -> (days: UInt64, first: CalendarDay) {
            let first = cursor
            let days = pattern.candidateDays(inMonthOf: first)
            cursor.advance(by: periodEnd + 1 - cursor.number)
            return (days, first)
        }

        /// Moves to the first day of the next period.
        mutating func enterNextPeriod() {
            enter(period + 1)
        }

        private mutating func enter(_ period: Int) {
            self.period = period
            cursor = pattern.firstDay(ofPeriod: period, from: cursor)
            periodStart = cursor.number
            periodEnd = min(pattern.lastDay(ofPeriodStartingOn: cursor), RecurrencePattern.lastDay)
        }
    }
}

/// Division rounding towards minus infinity, so that days before an origin fall in period -1.
func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return dividend % divisor != 0 && (dividend < 0) != (divisor < 0) ? quotient - 1 : quotient
}

/// Division rounding towards plus infinity, for a positive divisor.
func ceilingDivide(_ dividend: Int, _ divisor: Int) -> Int {
    -floorDivide(-dividend, divisor)
}

func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    b == 0 ? a : greatestCommonDivisor(b, a % b)
}
