import ArgumentParser
import TovCore

/// When and where: the options shared by `event add`, `event edit` and `series add`.
struct ScheduleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Start time, HH:MM.", valueName: "time"))
    var start: String?

    @Option(help: ArgumentHelp("End time, HH:MM (default: two hours after the start).", valueName: "time"))
    var end: String?

    @Option(name: .customLong("end-date"), help: ArgumentHelp("Last day of an event over several days, YYYY-MM-DD.", valueName: "date"))
    var endDate: String?

    @Flag(name: .customLong("all-day"), help: "A whole-day event (no times).")
    var allDay = false

    @Option(help: ArgumentHelp("IANA time zone (default: the aimag's, else the system's).", valueName: "zone"))
    var tz: String?

    @Option(help: ArgumentHelp("Aimag or district: code (MN-043), or name in English or Mongolian.", valueName: "place"))
    var aimag: String?

    /// The place named by --aimag, checked.
    func place() throws -> Place? { try aimag.map(Input.place) }

    /// The zone: --tz, else the place's, else `fallback`.
    func zone(place: Place?, fallback: Zone) throws -> Zone {
        try tz.map(Input.zone) ?? place?.zone ?? fallback
    }

    /// A new schedule from these options; `--date` is required.
    func newSchedule(zone: Zone) throws -> Schedule {
        guard let date else { throw ValidationError("--date is required (YYYY-MM-DD)") }
        return try schedule(on: try Input.date(date), zone: zone, defaultStart: nil, defaultLength: 7200)
    }

    /// `existing` changed by whichever options were given.
    func edit(_ existing: Schedule, zone: Zone) throws -> Schedule {
        let hasChange = date != nil || start != nil || end != nil || endDate != nil || allDay || tz != nil || aimag != nil
        guard hasChange else { return existing }
        let day = try date.map(Input.date) ?? existing.start.date
        if existing.allDay && start == nil && end == nil {
            let length = existing.end.date.daysSinceEpoch - existing.start.date.daysSinceEpoch - 1
            let last = try endDate.map(Input.date) ?? day.adding(days: length)
            return try Schedule(allDayFrom: day, through: last, zone: zone)
        }
        if existing.allDay || allDay {
            return try schedule(on: day, zone: zone, defaultStart: nil, defaultLength: 7200)
        }
        // A timed event keeps what was not given: its times, its length, and the days between start and end.
        let shift = existing.start.date.days(until: day)
        let startAt = LocalDateTime(date: day, time: try start.map(Input.time) ?? existing.start.time)
        let endAt: LocalDateTime
        if end == nil && endDate == nil {
            endAt = start == nil ? LocalDateTime(date: existing.end.date.adding(days: shift), time: existing.end.time)
                : startAt.adding(seconds: existing.duration)
        } else {
            endAt = LocalDateTime(
                date: try endDate.map(Input.date) ?? existing.end.date.adding(days: shift),
                time: try end.map(Input.time) ?? existing.end.time
            )
        }
        return try Schedule(start: startAt, end: endAt, zone: zone)
    }

    private func schedule(on day: LocalDate, zone: Zone, defaultStart: LocalTime?, defaultLength: Int) throws -> Schedule {
        if allDay {
            guard start == nil, end == nil else { throw ValidationError("an all-day event takes no --start or --end") }
            return try Schedule(allDayFrom: day, through: try endDate.map(Input.date) ?? day, zone: zone)
        }
        guard let startTime = try start.map(Input.time) ?? defaultStart else {
            throw ValidationError("--start is required (HH:MM), or give --all-day")
        }
        let startAt = LocalDateTime(date: day, time: startTime)
        let endAt: LocalDateTime
        if let end {
            endAt = LocalDateTime(date: try endDate.map(Input.date) ?? day, time: try Input.time(end))
        } else if let endDate {
            endAt = LocalDateTime(date: try Input.date(endDate), time: startTime)
        } else {
            endAt = startAt.adding(seconds: defaultLength)
        }
        return try Schedule(start: startAt, end: endAt, zone: zone)
    }
}

/// A sentence in the user's language.
func say(_ language: Language, mn: String, en: String) -> String {
    language.pick(mn, en)
}

/// How a schedule reads in a line: "2026 оны 3-р сарын 5 10:00–12:00 (Asia/Hovd, UTC+7)".
func describe(_ schedule: Schedule, in language: Language) -> String {
    Vocabulary.describe(schedule, in: language)
}
