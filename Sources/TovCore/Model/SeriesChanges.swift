import Foundation

/// Changing one meeting of a series, or the series from one meeting on.
///
/// A meeting is named by its original start (RECURRENCE-ID): the start the rule or an extra date gave it,
/// whatever has been done to it since. Its changes are an override `Event` keyed by that start.
extension Series {
    /// Whether `start` is one of the series' original starts: from the rule, or an extra date. Meetings
    /// removed with an exception date count too, so that they can be restored.
    public func hasOriginalStart(_ start: LocalDateTime) -> Bool {
        if extraDates.contains(start) { return true }
        return !rule.occurrences(from: schedule.start, in: schedule.zone, between: start, and: start.adding(seconds: 1)).isEmpty
    }

    /// The original start a user means by `text`: a date-time, or a date on which the series has exactly
    /// one meeting. Fails with a sentence naming the meetings near it otherwise.
    public func originalStart(named text: String) throws -> LocalDateTime {
        if text.count > 10 {
            let start = try LocalDateTime(parsing: text)
            guard hasOriginalStart(start) else {
                throw ValidationError("the series has no meeting starting at \(start)\(nearby(start.date))")
            }
            return start
        }
        let date = try LocalDate(parsing: text)
        let day = LocalDateTime(date: date)
        var starts = rule.occurrences(from: schedule.start, in: schedule.zone, between: day,
                                      and: LocalDateTime(date: date.adding(days: 1)))
        starts += extraDates.filter { $0.date == date && !starts.contains($0) }
        switch starts.count {
        case 0:
            throw ValidationError("the series has no meeting on \(date)\(nearby(date))")
        case 1:
            return starts[0]
        default:
            let sorted = starts.sorted()
            let times = sorted.prefix(4).map(\.description).joined(separator: ", ") + (sorted.count > 4 ? ", …" : "")
            throw ValidationError("the series has \(starts.count) meetings on \(date) (\(times)); give the start as YYYY-MM-DDTHH:MM:SS")
        }
    }

    /// "; its meetings nearest that day are …", or nothing when there are none within a year.
    private func nearby(_ date: LocalDate) -> String {
        // Widening windows, so that a series meeting every minute is not expanded over a year.
        var before: LocalDateTime?
        for days in [1, 8, 32, 366] where before == nil {
            before = originalStarts(between: LocalDateTime(date: date.adding(days: -days)), and: LocalDateTime(date: date)).last
        }
        let after = originalStarts(between: LocalDateTime(date: date), and: LocalDateTime(date: date.adding(days: 366)), limit: 1).first
        let near = [before, after].compactMap { $0?.description }
        return near.isEmpty ? "" : "; its meetings nearest that day are " + near.joined(separator: " and ")
    }

    /// An override for the meeting originally at `original`: `existing` when there is one, else a new
    /// event with the series' details where the meeting is (shifted off a day off, if the series does that).
    public func override(at original: LocalDateTime, existing: Event?, workingDays: WorkingDays = .weekendsOnly) -> Event {
        if let existing { return existing }
        return Event(
            kind: kind, title: title, schedule: occurrence(at: original, workingDays: workingDays).schedule,
            status: status, placeCode: placeCode,
            venue: venue, notes: notes, seriesID: id, recurrenceID: original
        )
    }

    /// The series cut in two before the meeting originally at `original`: the meetings before it, and a
    /// new series (id `newID`) from it on with the same rule, so that changing the later one leaves the
    /// earlier meetings, their topics, people and attendance as they were ("this and all following").
    /// Exception and extra dates go with the half they fall in; a COUNT is shared out between the two.
    public func split(at original: LocalDateTime, newID: UUID = UUID()) throws -> (earlier: Series, later: Series) {
        guard hasOriginalStart(original) else {
            throw ValidationError("the series has no meeting starting at \(original)")
        }
        guard original > schedule.start else {
            throw ValidationError("\(original) is the series' first meeting: change the whole series instead of splitting it")
        }
        guard !rule.occurrences(from: schedule.start, in: schedule.zone, between: original, and: original.adding(seconds: 1)).isEmpty else {
            throw ValidationError("the meeting of \(original) was added by hand, not by the rule: split at a meeting of the rule")
        }
        var earlierRule: RecurrenceRule, laterRule = rule
        if let count = rule.count {
            var before = 0
            for start in rule.occurrences(from: schedule.start, in: schedule.zone) {
                if start >= original { break }
                before += 1
            }
            guard before > 0 else {
                throw ValidationError("no meeting of the rule comes before \(original): change the whole series instead of splitting it")
            }
            earlierRule = try rule.replacing(count: before, until: nil)
            laterRule = try rule.replacing(count: max(count - before, 1), until: nil)
        } else {
            // RFC 5545: UNTIL is a date for an all-day series and a UTC time otherwise.
            let until: RecurrenceRule.Until = schedule.allDay
                ? .date(original.date.adding(days: -1))
                : .utc(LocalDateTime(secondsSinceEpoch: schedule.zone.instant(of: original) - 1))
            earlierRule = try rule.replacing(count: nil, until: until)
        }
        var earlier = self
        earlier.rule = earlierRule
        earlier.exceptionDates = exceptionDates.filter { $0 < original }
        earlier.extraDates = extraDates.filter { $0 < original }
        var later = self
        later.id = newID
        later.schedule = schedule.moved(to: original)
        later.rule = laterRule
        later.exceptionDates = exceptionDates.filter { $0 >= original }
        later.extraDates = extraDates.filter { $0 >= original }
        later.created = .distantPast
        later.updated = .distantPast
        return (earlier, later)
    }
}

extension Series {
    /// The overrides of the meetings from `original` on, carried over to `later`, the new series of a split
    /// (perhaps at another time or by another rule): each keyed by its meeting's start in `later` and,
    /// unless it had been moved on its own, moved with it. An override whose meeting `later` no longer
    /// has becomes a single event, so that its topic, people and attendance are kept, never dropped.
    public static func carryOver(
        _ overrides: [Event], splitAt original: LocalDateTime, from series: Series, to later: Series,
        workingDays: WorkingDays = .weekendsOnly
    ) -> [Event] {
        let shift = later.schedule.start.secondsSinceEpoch - original.secondsSinceEpoch
        return overrides.compactMap { override -> Event? in
            guard let recurrenceID = override.recurrenceID, recurrenceID >= original else { return nil }
            var carried = override
            let key = recurrenceID.adding(seconds: shift)
            if later.hasOriginalStart(key) {
                // Where the series put the meeting, shifted off a day off if it does that.
                let planned = series.occurrence(at: recurrenceID, workingDays: workingDays).schedule.start
                let movedOnItsOwn = override.schedule.start != planned
                carried.seriesID = later.id
                carried.recurrenceID = key
                if !movedOnItsOwn { carried.schedule = later.occurrence(at: key, workingDays: workingDays).schedule }
            } else {
                carried.seriesID = nil
                carried.recurrenceID = nil
            }
            return carried
        }
    }
}

extension RecurrenceRule {
    /// The same rule with another COUNT or UNTIL.
    public func replacing(count: Int?, until: Until?) throws -> RecurrenceRule {
        try RecurrenceRule(
            frequency: frequency, interval: interval, count: count, until: until, byDay: byDay, byMonthDay: byMonthDay,
            byMonth: byMonth, byYearDay: byYearDay, byWeekNo: byWeekNo, byHour: byHour, byMinute: byMinute,
            bySecond: bySecond, bySetPos: bySetPos, weekStart: weekStart
        )
    }
}
