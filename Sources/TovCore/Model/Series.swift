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
    public var placeCode: String?
    public var venue: String?
    public var notes: String?
    public var created: Date
    public var updated: Date

    public init(
        id: UUID = UUID(), kind: EventKind = .event, title: String, schedule: Schedule, rule: RecurrenceRule,
        exceptionDates: [LocalDateTime] = [], extraDates: [LocalDateTime] = [], status: EventStatus = .confirmed,
        placeCode: String? = nil, venue: String? = nil, notes: String? = nil,
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
        self.placeCode = placeCode
        self.venue = venue
        self.notes = notes
        self.created = created
        self.updated = updated
    }

    /// Original starts of the occurrences in `[lower, upper)`, exceptions removed and extra dates added.
    public func originalStarts(between lower: LocalDateTime, and upper: LocalDateTime) -> [LocalDateTime] {
        var starts = rule.occurrences(from: schedule.start, in: schedule.zone, between: lower, and: upper)
        starts += extraDates.filter { $0 >= lower && $0 < upper }
        let excluded = Set(exceptionDates)
        return Set(starts).subtracting(excluded).sorted()
    }

    /// The instants the series can touch: from its first start to the end of its last occurrence,
    /// open-ended (nil) when the rule has no COUNT or UNTIL. The store indexes series by it.
    public var instantRange: (start: Int, end: Int?) {
        var firstStart = schedule.start
        var lastStart = rule.lastOccurrence(from: schedule.start, in: schedule.zone)
        for extra in extraDates {
            firstStart = min(firstStart, extra)
            lastStart = lastStart.map { max($0, extra) }
        }
        let end = lastStart.map { schedule.zone.instant(of: $0.adding(seconds: schedule.duration)) }
        return (schedule.zone.instant(of: firstStart), end)
    }
}
