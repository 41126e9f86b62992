/// Expanding a rule into the starts of a series.
///
/// The semantics are python-dateutil's `rrule`, which the test suite checks against: DTSTART is the
/// first occurrence, and counts towards COUNT, when it matches the rule; a DTSTART off the rule is
/// not an occurrence itself. A day that does not exist (30 February) is skipped, never moved.
/// Starts are wall times in the series' zone. Expansion ends with year 9999.
extension RecurrenceRule {
    /// Checks that the rule can have starts from `dtstart`: an HOURLY, MINUTELY or SECONDLY rule whose
    /// time parts the periods never meet (BYHOUR=1 every second hour from midnight) is refused, as
    /// python-dateutil refuses it. Every other valid rule is accepted, even one that never matches.
    public func check(start dtstart: LocalDateTime) throws {
        guard !RecurrencePattern(rule: self, start: dtstart).isReachable else { return }
        let parts = [("BYHOUR", byHour), ("BYMINUTE", byMinute), ("BYSECOND", bySecond)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0)=" + $0.1.map(String.init).joined(separator: ",") }
            .joined(separator: ";")
        let unit = frequency == .hourly ? "hour" : frequency == .minutely ? "minute" : "second"
        let every = interval == 1 ? "every \(unit)" : "every \(interval) \(unit)s"
        throw ValidationError("RRULE part \(parts) can never be met: \(every) from \(dtstart.time) never reaches it")
    }

    /// Whether a start is within UNTIL (always, without one): on or before its day for a date, at or before it
    /// otherwise; `zone` is the series' zone, for a UTC UNTIL.
    public func allows(_ start: LocalDateTime, in zone: Zone) -> Bool {
        UntilLimit(until, zone: zone).allows(start)
    }

    /// The starts of a series from `dtstart` on, lazily and in order.
    ///
    ///     let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
    ///     let start = try LocalDateTime(parsing: "2026-01-15T10:00:00")
    ///     rule.occurrences(from: start, in: .ulaanbaatar).prefix(3)
    ///     // 2026-01-15T10:00:00, 2026-03-19T10:00:00, 2026-05-21T10:00:00
    ///
    /// `zone` is the series' zone; it matters only to compare starts with a UTC UNTIL.
    public func occurrences(from dtstart: LocalDateTime, in zone: Zone) -> some Sequence<LocalDateTime> {
        Occurrences(rule: self, pattern: RecurrencePattern(rule: self, start: dtstart), zone: zone,
                    from: nil, through: .max)
    }

    /// The starts `s` with `lower <= s < upper`, in order; at most `limit` of them.
    ///
    /// Without COUNT the expansion jumps straight to the period holding `lower`, so a query about
    /// next week costs the same for a series that began last month or fifty years ago.
    public func occurrences(
        from dtstart: LocalDateTime, in zone: Zone, between lower: LocalDateTime, and upper: LocalDateTime,
        limit: Int = .max
    ) -> [LocalDateTime] {
        guard lower < upper else { return [] }
        let pattern = RecurrencePattern(rule: self, start: dtstart)
        // Which start is the COUNTth depends on every start before it, so COUNT means counting from DTSTART.
        var starts: [LocalDateTime] = []
        for start in Occurrences(rule: self, pattern: pattern, zone: zone, from: count == nil ? lower : nil,
                                 through: upper.secondsSinceEpoch) {
            if start >= upper || starts.count >= limit { break }
            if start >= lower { starts.append(start) }
        }
        return starts
    }

    /// The last start of a bounded series, or nil when the rule has neither COUNT nor UNTIL (or
    /// never matches). Used to index the dates a series covers.
    public func lastOccurrence(from dtstart: LocalDateTime, in zone: Zone) -> LocalDateTime? {
        if count != nil {
            var last: LocalDateTime?
            for start in occurrences(from: dtstart, in: zone) {
                last = start
            }
            return last
        }
        guard let until else { return nil }
        // With UNTIL alone the end is known, so search back from it rather than forward from DTSTART.
        let pattern = RecurrencePattern(rule: self, start: dtstart)
        guard pattern.isReachable else { return nil }
        let limit = UntilLimit(until, zone: zone)
        let searchEnd = min(limit.lastPossibleDay, RecurrencePattern.lastDay)
        let firstDay = dtstart.date.daysSinceEpoch
        guard searchEnd >= firstDay else { return nil }
        var buffer = PeriodBuffer()

        if frequency.isSubDaily {
            // Back one matching day at a time; each day's starts come from a forward expansion of it.
            var dayNumber = searchEnd, emptyDays = 0
            while dayNumber >= firstDay, emptyDays < RecurrencePattern.daysPerCycle {
                let day = CalendarDay(LocalDate(daysSinceEpoch: dayNumber))
                if pattern.matches(day) {
                    let dayStart = LocalDateTime(date: day.date)
                    var last: LocalDateTime?
                    for start in Occurrences(rule: self, pattern: pattern, zone: zone, from: dayStart,
                                             through: dayStart.secondsSinceEpoch + 86_399) where start >= dayStart {
                        last = start
                    }
                    if let last { return last }
                }
                emptyDays += 1
                dayNumber -= 1
            }
            return nil
        }

        var period = pattern.period(containing: LocalDate(daysSinceEpoch: searchEnd))
        var emptyPeriods = 0
        while period >= 0, emptyPeriods < pattern.periodsPerCycle {
            var days = RecurrencePattern.MatchingDays(pattern: pattern, period: period, lastDay: .max)
            let (last, hasStarts) = buffer.lastStart(from: &days, pattern: pattern) { $0 >= dtstart && limit.allows($0) }
            if let last { return last }
            emptyPeriods = hasStarts ? 0 : emptyPeriods + 1
            period -= 1
        }
        return nil
    }
}

/// The starts of one period, in order: its matching days at each time of day, BYSETPOS applied.
/// Kept between periods so that expanding a rule allocates once.
private struct PeriodBuffer {
    var starts: [LocalDateTime] = []
    /// The matching days of the period, when BYSETPOS needs to count them.
    private var matched: [CalendarDay] = []

    /// The first day of a period that counts: python-dateutil begins the first WEEKLY period on DTSTART's
    /// day, so days before it are left out; every other period is whole.
    static func firstCountedDay(ofPeriod period: Int, _ pattern: RecurrencePattern) -> Int {
        pattern.frequency == .weekly && period == 0 ? pattern.dtstart.date.daysSinceEpoch : Int.min
    }

    /// The starts of one day: at each of the pattern's times.
    mutating func fill(day: CalendarDay, pattern: RecurrencePattern) {
        starts.removeAll(keepingCapacity: true)
        let date = day.date
        for time in pattern.timesOfDay {
            starts.append(LocalDateTime(date: date, time: LocalTime(unchecked: time)))
        }
    }

    /// The starts BYSETPOS chooses in the period `days` is in, leaving `days` at the end of it.
    mutating func fillChosen(from days: inout RecurrencePattern.MatchingDays, pattern: RecurrencePattern) {
        starts.removeAll(keepingCapacity: true)
        let skipBefore = Self.firstCountedDay(ofPeriod: days.period, pattern)
        let times = pattern.timesOfDay
        if pattern.frequency == .monthly && pattern.candidatesAreExact {
            // The month's matching days are one bit set: the chosen positions are picked from it directly.
            let (bits, first) = days.takeWholeMonth()
            let dayCount = bits.nonzeroBitCount
            for position in pattern.setPositions {
                let index = position > 0 ? position - 1 : dayCount * times.count + position
                guard index >= 0 && index < dayCount * times.count else { continue }
                var remaining = bits
                for _ in 0..<(index / times.count) { remaining &= remaining - 1 }
                let date = LocalDate(unchecked: first.year, first.month, remaining.trailingZeroBitCount)
                starts.append(LocalDateTime(date: date, time: LocalTime(unchecked: times[index % times.count])))
            }
            sortAndRemoveRepeats()
            return
        }
        matched.removeAll(keepingCapacity: true)
        while let day = days.nextInPeriod() {
            if day.number >= skipBefore { matched.append(day) }
        }
        let total = matched.count * times.count
        for position in pattern.setPositions {
            let index = position > 0 ? position - 1 : total + position
            guard index >= 0 && index < total else { continue }
            starts.append(LocalDateTime(date: matched[index / times.count].date,
                                        time: LocalTime(unchecked: times[index % times.count])))
        }
        sortAndRemoveRepeats()
    }

    /// The last start of the period `days` is in that `accepts` takes, without making every start of a
    /// long period; and whether the period had any start at all.
    mutating func lastStart(
        from days: inout RecurrencePattern.MatchingDays, pattern: RecurrencePattern, where accepts: (LocalDateTime) -> Bool
    ) -> (start: LocalDateTime?, periodHasStarts: Bool) {
        guard pattern.setPositions.isEmpty else {
            fillChosen(from: &days, pattern: pattern)
            return (starts.last(where: accepts), !starts.isEmpty)
        }
        let skipBefore = Self.firstCountedDay(ofPeriod: days.period, pattern)
        matched.removeAll(keepingCapacity: true)
        while let day = days.nextInPeriod() {
            if day.number >= skipBefore { matched.append(day) }
        }
        for day in matched.reversed() {
            let date = day.date
            for time in pattern.timesOfDay.reversed() {
                let start = LocalDateTime(date: date, time: LocalTime(unchecked: time))
                if accepts(start) { return (start, true) }
            }
        }
        return (nil, !matched.isEmpty)
    }

    /// The starts of one HOURLY, MINUTELY or SECONDLY period beginning at `periodStart` (seconds on the
    /// wall clock), which has passed the filters.
    mutating func fill(period periodStart: Int, pattern: RecurrencePattern) {
        starts.removeAll(keepingCapacity: true)
        switch pattern.frequency {
        case .hourly:
            for minute in pattern.minutesInPeriod {
                for second in pattern.secondsInPeriod {
                    starts.append(LocalDateTime(secondsSinceEpoch: periodStart + minute * 60 + second))
                }
            }
        case .minutely:
            for second in pattern.secondsInPeriod {
                starts.append(LocalDateTime(secondsSinceEpoch: periodStart + second))
            }
        default:
            starts.append(LocalDateTime(secondsSinceEpoch: periodStart))
        }
        guard !pattern.setPositions.isEmpty else { return }
        let all = starts
        starts.removeAll(keepingCapacity: true)
        for position in pattern.setPositions {
            let index = position > 0 ? position - 1 : all.count + position
            if index >= 0 && index < all.count { starts.append(all[index]) }
        }
        sortAndRemoveRepeats()
    }

    private mutating func sortAndRemoveRepeats() {
        guard starts.count > 1 else { return }
        starts.sort()
        var kept = 1
        for index in 1..<starts.count where starts[index] != starts[kept - 1] {
            starts[kept] = starts[index]
            kept += 1
        }
        starts.removeLast(starts.count - kept)
    }
}

/// The starts of a series, period after period; both the sequence and its iterator.
private struct Occurrences: Sequence, IteratorProtocol {
    private let pattern: RecurrencePattern
    private let dtstart: LocalDateTime
    private let limit: UntilLimit
    private var remaining: Int
    private var buffer = PeriodBuffer()
    private var index = 0
    private var isFinished = false
    /// The last second a start may fall on, on the wall clock.
    private let lastSecond: Int

    // Periods of a day or more.
    private var days: RecurrencePattern.MatchingDays?
    private var emptyPeriods = 0
    private var periodHasStarts = false
    // Shorter periods: the next one to look at, and the day last tested against the day filters.
    private var periodIndex = 0
    private var testedDay = Int.min
    private var testedDayMatches = false

    /// Expands from the period holding `from` (from DTSTART's when nil), up to the second `through`.
    init(rule: RecurrenceRule, pattern: RecurrencePattern, zone: Zone, from: LocalDateTime?, through: Int) {
        self.pattern = pattern
        dtstart = pattern.dtstart
        limit = UntilLimit(rule.until, zone: zone)
        remaining = rule.count ?? .max
        let lastDay = Swift.min(limit.lastPossibleDay, RecurrencePattern.lastDay, floorDivide(through, 86_400))
        lastSecond = Swift.min(through, lastDay * 86_400 + 86_399)
        isFinished = !pattern.isReachable
        if pattern.frequency.isSubDaily {
            if let from {
                periodIndex = Swift.max(0, floorDivide(from.secondsSinceEpoch - pattern.origin, pattern.step))
            }
        } else {
            let first = from.map { Swift.max(0, pattern.period(containing: $0.date)) } ?? 0
            days = .init(pattern: pattern, period: first, lastDay: lastDay)
        }
    }

    mutating func next() -> LocalDateTime? {
        while true {
            while index < buffer.starts.count {
                let start = buffer.starts[index]
                index += 1
                // As dateutil: a start past UNTIL ends the series; one before DTSTART is passed over.
                guard limit.allows(start) else {
                    isFinished = true
                    return nil
                }
                if start < dtstart { continue }
                guard remaining > 0 else {
                    isFinished = true
                    return nil
                }
                remaining -= 1
                return start
            }
            if isFinished { return nil }
            index = 0
            buffer.starts.removeAll(keepingCapacity: true)
            if pattern.frequency.isSubDaily { fillNextShortPeriod() } else { fillNextPeriod() }
        }
    }

    /// Fills the buffer with the next starts of periods of a day or more: a day's at a time, so that a
    /// year of every second is never made at once, or a period's choice when BYSETPOS picks.
    private mutating func fillNextPeriod() {
        guard var days else { return isFinished = true }
        defer { self.days = days }
        while !days.isPastLastDay {
            if pattern.setPositions.isEmpty {
                if let day = days.nextInPeriod() {
                    guard day.number >= PeriodBuffer.firstCountedDay(ofPeriod: days.period, pattern) else { continue }
                    periodHasStarts = true
                    buffer.fill(day: day, pattern: pattern)
                    return
                }
            } else {
                buffer.fillChosen(from: &days, pattern: pattern)
                periodHasStarts = !buffer.starts.isEmpty
            }
            // The period is over. Once a whole cycle of periods has matched nothing, no later period can
            // match either (see `periodsPerCycle`): stopping then ends a rule such as BYMONTH=2;BYMONTHDAY=30
            // at once instead of searching every period to year 9999. The first WEEKLY period, cut short
            // at DTSTART, does not count as a cycle's place.
            let partial = pattern.frequency == .weekly && days.period == 0
            if periodHasStarts { emptyPeriods = 0 } else if !partial { emptyPeriods += 1 }
            periodHasStarts = false
            days.enterNextPeriod()
            if emptyPeriods >= pattern.periodsPerCycle { break }
            if !buffer.starts.isEmpty { return }
        }
        isFinished = true
    }

    /// Fills the buffer with the next HOURLY, MINUTELY or SECONDLY period that passes the filters,
    /// jumping over days that fail the day filters and hours, minutes or seconds that fail theirs.
    private mutating func fillNextShortPeriod() {
        while true {
            let start = pattern.origin + periodIndex * pattern.step
            guard start <= lastSecond else {
                isFinished = true
                return
            }
            let dayNumber = floorDivide(start, 86_400)
            if dayNumber != testedDay {
                testedDay = dayNumber
                testedDayMatches = pattern.matches(CalendarDay(LocalDate(daysSinceEpoch: dayNumber)))
            }
            if !testedDayMatches {
                let from = CalendarDay(LocalDate(daysSinceEpoch: dayNumber + 1))
                guard let next = pattern.firstMatchingDay(from: from, through: floorDivide(lastSecond, 86_400)) else {
                    isFinished = true
                    return
                }
                jump(to: next.number * 86_400)
                continue
            }
            let second = start - dayNumber * 86_400
            let hour = second / 3600, minute = second / 60 % 60
            if pattern.periodHours >> hour & 1 == 0 {
                // On to the next hour allowed today, or tomorrow.
                let later = bits(of: pattern.periodHours, above: hour) & 0xFF_FFFF
                jump(to: dayNumber * 86_400 + (later == 0 ? 86_400 : later.trailingZeroBitCount * 3600))
                continue
            }
            if pattern.periodMinutes >> minute & 1 == 0 {
                let later = bits(of: pattern.periodMinutes, above: minute) & (1 << 60 - 1)
                jump(to: dayNumber * 86_400 + hour * 3600 + (later == 0 ? 3600 : later.trailingZeroBitCount * 60))
                continue
            }
            if pattern.periodSeconds >> (second % 60) & 1 == 0 {
                let secondOfMinute = second % 60
                let later = bits(of: pattern.periodSeconds, above: secondOfMinute) & (1 << 60 - 1)
                jump(to: start - secondOfMinute + (later == 0 ? 60 : later.trailingZeroBitCount))
                continue
            }
            buffer.fill(period: start, pattern: pattern)
            periodIndex += 1
            return
        }
    }

    /// Moves to the first period that starts at or after `second`.
    private mutating func jump(to second: Int) {
        periodIndex = Swift.max(periodIndex + 1, ceilingDivide(second - pattern.origin, pattern.step))
    }
}

/// UNTIL as a test on starts, with the last day any start may fall on.
private struct UntilLimit {
    /// Starts after this day are past UNTIL.
    let lastPossibleDay: Int
    private let until: RecurrenceRule.Until?
    private let zone: Zone
    /// For a UTC UNTIL: its instant.
    private let instant: Int

    init(_ until: RecurrenceRule.Until?, zone: Zone) {
        self.until = until
        self.zone = zone
        switch until {
        case nil:
            (lastPossibleDay, instant) = (.max, .max)
        case .date(let date):
            (lastPossibleDay, instant) = (date.daysSinceEpoch, .max)
        case .local(let wall):
            (lastPossibleDay, instant) = (wall.date.daysSinceEpoch, .max)
        case .utc(let wall):
            // A zone's offset, daylight-saving gaps included, stays within a day of UTC.
            instant = wall.secondsSinceEpoch
            lastPossibleDay = floorDivide(instant + 86_400, 86_400)
        }
    }

    /// Whether a start is within UNTIL: on or before its day for a date, at or before it otherwise.
    func allows(_ start: LocalDateTime) -> Bool {
        switch until {
        case nil: return true
        case .date(let date): return start.date <= date
        case .local(let wall): return start <= wall
        case .utc:
            let seconds = start.secondsSinceEpoch
            if seconds + 86_400 <= instant { return true }
            if seconds - 86_400 > instant { return false }
            return zone.instant(of: start) <= instant
        }
    }
}

/// The bits of `mask` above bit `position`.
private func bits(of mask: UInt64, above position: Int) -> UInt64 {
    position >= 63 ? 0 : mask & ~((1 << (position + 1)) - 1)
}
