/// Expanding a rule into the starts of a series.
///
/// The semantics are python-dateutil's `rrule`, which the test suite checks against: DTSTART is the
/// first occurrence, and counts towards COUNT, when it matches the rule; a DTSTART off the rule is
/// not an occurrence itself. Every start keeps DTSTART's wall time of day; a day that does not exist
/// (30 February) is skipped, never moved. Expansion ends with year 9999.
extension RecurrenceRule {
    /// The starts of a series from `dtstart` on, lazily and in order.
    ///
    ///     let rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
    ///     let start = try LocalDateTime(parsing: "2026-01-15T10:00:00")
    ///     rule.occurrences(from: start, in: .ulaanbaatar).prefix(3)
    ///     // 2026-01-15T10:00:00, 2026-03-19T10:00:00, 2026-05-21T10:00:00
    ///
    /// `zone` is the series' zone; it matters only to compare starts with a UTC UNTIL.
    public func occurrences(from dtstart: LocalDateTime, in zone: Zone) -> some Sequence<LocalDateTime> {
        Occurrences(rule: self, pattern: RecurrencePattern(rule: self, start: dtstart.date),
                    dtstart: dtstart, zone: zone, firstPeriod: 0, lastDay: .max)
    }

    /// The starts `s` with `lower <= s < upper`, in order.
    ///
    /// Without COUNT the expansion jumps straight to the period holding `lower`, so a query about
    /// next week costs the same for a series that began last month or fifty years ago.
    public func occurrences(
        from dtstart: LocalDateTime, in zone: Zone, between lower: LocalDateTime, and upper: LocalDateTime
    ) -> [LocalDateTime] {
        guard lower < upper else { return [] }
        let pattern = RecurrencePattern(rule: self, start: dtstart.date)
        // Which start is the COUNTth depends on every start before it, so COUNT means counting from DTSTART.
        let firstPeriod = count == nil ? max(0, pattern.period(containing: lower.date)) : 0
        var starts: [LocalDateTime] = []
        for start in Occurrences(rule: self, pattern: pattern, dtstart: dtstart, zone: zone,
                                 firstPeriod: firstPeriod, lastDay: upper.date.daysSinceEpoch) {
            if start >= upper { break }
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
        let pattern = RecurrencePattern(rule: self, start: dtstart.date)
        let limit = UntilLimit(until, time: dtstart.time, zone: zone)
        let searchEnd = min(limit.lastPossibleDay, RecurrencePattern.lastDay)
        let firstDay = dtstart.date.daysSinceEpoch
        var period = pattern.period(containing: LocalDate(daysSinceEpoch: searchEnd))
        var emptyPeriods = 0
        while period >= 0, emptyPeriods < pattern.periodsPerCycle {
            var days = RecurrencePattern.MatchingDays(pattern: pattern, period: period, lastDay: searchEnd)
            var latest: CalendarDay?
            while let day = days.nextInPeriod(), limit.allows(day) {
                if day.number >= firstDay { latest = day }
            }
            if let latest {
                return LocalDateTime(date: latest.date, time: dtstart.time)
            }
            emptyPeriods = days.periodMatched ? 0 : emptyPeriods + 1
            period -= 1
        }
        return nil
    }
}

/// The starts of a series, from one period on; both the sequence and its iterator.
private struct Occurrences: Sequence, IteratorProtocol {
    private var days: RecurrencePattern.MatchingDays
    private let time: LocalTime
    private let firstDay: Int
    private let limit: UntilLimit
    private var remaining: Int

    init(rule: RecurrenceRule, pattern: RecurrencePattern, dtstart: LocalDateTime, zone: Zone,
         firstPeriod: Int, lastDay: Int) {
        limit = UntilLimit(rule.until, time: dtstart.time, zone: zone)
        days = .init(pattern: pattern, period: firstPeriod, lastDay: Swift.min(lastDay, limit.lastPossibleDay))
        time = dtstart.time
        firstDay = dtstart.date.daysSinceEpoch
        remaining = rule.count ?? .max
    }

    mutating func next() -> LocalDateTime? {
        while remaining > 0, let day = days.next() {
            // DTSTART's period may match days before DTSTART; dateutil neither yields nor counts them.
            if day.number < firstDay { continue }
            guard limit.allows(day) else { break }
            remaining -= 1
            return LocalDateTime(date: day.date, time: time)
        }
        remaining = 0
        return nil
    }
}

/// UNTIL as day numbers, so that nearly every start is checked with one comparison.
private struct UntilLimit {
    /// Starts on this day or before are within UNTIL.
    let lastCertainDay: Int
    /// Starts after this day are past UNTIL.
    let lastPossibleDay: Int
    /// A UTC UNTIL and what is needed to compare a start with it, for the days in between.
    private let instant: Int
    private let zone: Zone
    private let time: LocalTime

    init(_ until: RecurrenceRule.Until?, time: LocalTime, zone: Zone) {
        self.time = time
        self.zone = zone
        switch until {
        case nil:
            (lastCertainDay, lastPossibleDay, instant) = (.max, .max, .max)
        case .date(let date):
            let day = date.daysSinceEpoch
            (lastCertainDay, lastPossibleDay, instant) = (day, day, .max)
        case .local(let wall):
            let day = wall.date.daysSinceEpoch - (time <= wall.time ? 0 : 1)
            (lastCertainDay, lastPossibleDay, instant) = (day, day, .max)
        case .utc(let wall):
            // A zone's offset, daylight-saving gaps included, stays within a day of UTC, so only
            // starts within a day of the UNTIL instant need the zone to decide.
            let instant = wall.secondsSinceEpoch, second = time.secondsSinceMidnight
            lastCertainDay = floorDivide(instant - second - 86_400, 86_400)
            lastPossibleDay = floorDivide(instant - second + 86_400, 86_400)
            self.instant = instant
        }
    }

    func allows(_ day: CalendarDay) -> Bool {
        if day.number <= lastCertainDay { return true }
        if day.number > lastPossibleDay { return false }
        return zone.instant(of: LocalDateTime(date: day.date, time: time)) <= instant
    }
}
