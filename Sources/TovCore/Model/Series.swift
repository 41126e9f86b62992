import Foundation

/// A recurring event: a first schedule, a rule, exceptions and extra dates.
///
/// Occurrences are computed, never stored; a change to one meeting is an `Event`
/// with `seriesID` and `recurrenceID` set.
///
///     let dialogue = Series(kind: .dialogue, title: "ТББ-ын диалоги", schedule: first,
///                           rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"))
public struct Series: Identifiable, Hashable, Sendable {
    public var id: UUID
    public var kind: EventKind
    public var title: String
    /// The first occurrence (DTSTART and its length).
    public var schedule: Schedule
    public var rule: RecurrenceRule
    /// Original starts removed from the series (EXDATE).
    public var exceptionDates: [LocalDateTime]
    /// Starts added to the series (RDATE).
    public var extraDates: [LocalDateTime]
    public var status: EventStatus
    /// What happens to a meeting that falls on a weekend or a public holiday.
    public var shift: ShiftPolicy
    public var placeCode: String?
    public var venue: String?
    public var notes: String?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), kind: EventKind = .event, title: String, schedule: Schedule, rule: RecurrenceRule,
        exceptionDates: [LocalDateTime] = [], extraDates: [LocalDateTime] = [], status: EventStatus = .confirmed,
        shift: ShiftPolicy = .keep, placeCode: String? = nil, venue: String? = nil, notes: String? = nil,
        created: Date = .distantPast, updated: Date = .distantPast
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.schedule = schedule
        self.rule = rule
        self.exceptionDates = exceptionDates
        self.extraDates = extraDates
        self.status = status
        self.shift = shift
        self.placeCode = placeCode
        self.venue = venue
        self.notes = notes
        self.created = created
        self.updated = updated
    }

    /// Original starts of the occurrences in `[lower, upper)`, exceptions removed and extra dates added;
    /// the rule's part at most `limit` long, so that a rule repeating every second cannot flood a query.
    public func originalStarts(between lower: LocalDateTime, and upper: LocalDateTime, limit: Int = .max) -> [LocalDateTime] {
        var starts = rule.occurrences(from: schedule.start, in: schedule.zone, between: lower, and: upper, limit: limit)
        // The rule's starts come in order, once each: only extra and excepted dates need sorting out.
        if extraDates.isEmpty && exceptionDates.isEmpty { return starts }
        starts += extraDates.filter { $0 >= lower && $0 < upper }
        let excluded = Set(exceptionDates)
        return Set(starts).subtracting(excluded).sorted()
    }

    /// The meeting originally due at `original`, on the working day its shift policy gives when it falls
    /// on a weekend or a day off; its RECURRENCE-ID stays `original`.
    public func occurrence(at original: LocalDateTime, workingDays: WorkingDays) -> Occurrence {
        var occurrence = Occurrence(series: self, start: original)
        if shift != .keep {
            occurrence.schedule = schedule.moved(to: workingDays.shifted(original, by: shift))
        }
        return occurrence
    }

    /// The instants the series can touch: from its first start to the end of its last occurrence,
    /// open-ended (nil) when the rule has no COUNT or UNTIL; widened by a shift's reach when meetings
    /// may move off days off. The store indexes series by it.
    public var instantRange: (start: Int, end: Int?) {
        var firstStart = schedule.start
        var lastStart = rule.lastOccurrence(from: schedule.start, in: schedule.zone)
        for extra in extraDates {
            firstStart = min(firstStart, extra)
            lastStart = lastStart.map { max($0, extra) }
        }
        let reach = shift == .keep ? 0 : ShiftPolicy.reach * 86_400
        let end = lastStart.map { schedule.zone.instant(of: $0.adding(seconds: schedule.duration)) + reach }
        return (schedule.zone.instant(of: firstStart) - reach, end)
    }
}
