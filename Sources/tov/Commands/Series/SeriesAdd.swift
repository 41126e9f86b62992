import ArgumentParser
import TovCore

/// `tov series add`: a recurring event from its first meeting and an RRULE.
struct SeriesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a series: the first meeting (--date, --start, --end) and a rule.",
        discussion: "Example: tov series add --title 'ТББ-ын диалоги' --kind dialogue --date 2026-01-15 --start 14:00 --end 17:00 --rule 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH'"
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Title of the meetings.") var title: String
    @Option(help: "dialogue, sa-day or event.") var kind: String = EventKind.event.rawValue
    @Option(help: ArgumentHelp("RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH.", valueName: "rrule"))
    var rule: String
    @OptionGroup var when: ScheduleOptions
    @Option(help: "Venue.") var venue: String?
    @Option(help: "idea, tentative, confirmed, held, reported or cancelled.") var status: String = EventStatus.confirmed.rawValue
    @Option(help: "Notes.") var notes: String?
    @Option(help: "A meeting on a weekend or a day off: keep, next-working-day or previous-working-day.")
    var shift: String = ShiftPolicy.keep.rawValue

    func run() throws {
        let language = try global.language()
        let place = try when.place()
        let series = Series(
            kind: try Input.choice(kind, "kind of event"), title: try Input.requiredText(title, "title"),
            schedule: try when.newSchedule(zone: try when.zone(place: place, fallback: Clock.zone())),
            rule: try Input.rule(rule), status: try Input.choice(status, "status"),
            shift: try Input.choice(shift, "shift policy"), placeCode: place?.code,
            venue: Input.text(venue), notes: Input.text(notes)
        )
        try series.rule.check(start: series.schedule.start)
        try series.shift.check(for: series.rule)
        // The first meeting is the rule's first date: iCalendar counts DTSTART as a meeting, so one the rule
        // would skip would make other calendars show a meeting that tov does not.
        var meetings = series.rule.occurrences(from: series.schedule.start, in: series.schedule.zone).makeIterator()
        guard let first = meetings.next() else {
            throw ValidationError("the rule \(series.rule) gives no meetings from \(series.schedule.start.date)")
        }
        guard first == series.schedule.start else {
            throw ValidationError(
                "\(series.schedule.start.date) is not a day of \(series.rule); its first meeting is on \(first.date), so use --date \(first.date)"
            )
        }
        let store = try global.openStore(creating: true)
        try store.write(undoable: say(language, mn: "Цуврал нэмсэн: \(series.title)", en: "Added series \(series.title)")) { try $0.save(series) }
        // Where the first meetings are, shifted off days off if the series does that.
        let firstDay = series.schedule.start.date
        let workingDays = try store.read { try $0.workingDays(from: firstDay, through: firstDay.adding(days: 3700)) }
        let next = series.originalStarts(between: series.schedule.start, and: LocalDateTime(date: firstDay.adding(days: 3660)), limit: 3)
            .prefix(3).map { series.occurrence(at: $0, workingDays: workingDays).schedule.start.description }.joined(separator: ", ")
        emit(say(language, mn: "Нэмсэн цуврал: ", en: "Added series ") + "\(ShortID.of(series.id))  \(series.title), \(series.rule)"
            + "\n" + say(language, mn: "Эхний товууд: ", en: "First meetings: ") + (next.isEmpty ? "—" : next))
    }
}
