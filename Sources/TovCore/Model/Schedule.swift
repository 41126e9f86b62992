/// When something happens: wall-clock start and end in an IANA zone, or whole days.
///
/// All-day schedules start at midnight and end at midnight of the day after the last day,
/// exclusive, as in iCalendar.
public struct Schedule: Hashable, Sendable {
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var allDay: Bool
    public var zone: Zone

    /// A timed schedule; fails when it ends before it starts.
    public init(start: LocalDateTime, end: LocalDateTime, zone: Zone) throws {
        guard end >= start else {
            throw ValidationError("the end \(end) is before the start \(start)")
        }
        // Two checks, not a loop over [start, end]: that array would be made for every row an agenda reads.
        if !zone.exists(start) { throw Schedule.skipped(start, zone) }
        if !zone.exists(end) { throw Schedule.skipped(end, zone) }
        self.start = start
        self.end = end
        self.allDay = false
        self.zone = zone
    }

    private static func skipped(_ wall: LocalDateTime, _ zone: Zone) -> ValidationError {
        ValidationError("\(wall) does not exist in \(zone): the clocks skip it when they change")
    }

    /// Whole days from `first` through `last` inclusive.
    public init(allDayFrom first: LocalDate, through last: LocalDate, zone: Zone) throws {
        guard last >= first else {
            throw ValidationError("the last day \(last) is before the first day \(first)")
        }
        self.start = LocalDateTime(date: first)
        self.end = LocalDateTime(date: last.adding(days: 1))
        self.allDay = true
        self.zone = zone
    }

    init(unchecked start: LocalDateTime, end: LocalDateTime, allDay: Bool, zone: Zone) {
        self.start = start
        self.end = end
        self.allDay = allDay
        self.zone = zone
    }

    /// Wall-clock length in seconds.
    public var duration: Int { end.secondsSinceEpoch - start.secondsSinceEpoch }

    /// The same length starting at another wall time.
    public func moved(to newStart: LocalDateTime) -> Schedule {
        Schedule(unchecked: newStart, end: newStart.adding(seconds: duration), allDay: allDay, zone: zone)
    }

    /// Whether the instants `[lower, upper)` meet this schedule; one with no length counts when it starts inside.
    public func overlaps(lower: Int, upper: Int) -> Bool {
        let start = startInstant, end = endInstant
        return start < upper && (end > lower || (end == start && start >= lower))
    }

    /// Start as seconds since the Unix epoch.
    public var startInstant: Int { zone.instant(of: start) }
    /// End as seconds since the Unix epoch.
    public var endInstant: Int { zone.instant(of: end) }
}
