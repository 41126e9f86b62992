import ArgumentParser
import TovCore

/// `tov event list`: the stored events, with their ids.
struct EventList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List stored events (single events and changed series meetings) with their ids."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only events from this day, YYYY-MM-DD.", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Only events up to this day, YYYY-MM-DD.", valueName: "date")) var to: String?
    @Option(help: "Only this kind: dialogue, sa-day or event.") var kind: String?
    @Option(help: "Only this aimag or district.") var aimag: String?
    @Option(help: ArgumentHelp("Show times in this IANA zone (default: the system zone).", valueName: "zone"))
    var tz: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let kind: EventKind? = try kind.map { try Input.choice($0, "kind of event") }
        let place = try aimag.map(Input.place)
        let zone = try tz.map(Input.zone) ?? Clock.zone()
        let first = try from.map(Input.date)
        let last = try to.map(Input.date)
        let store = try global.openStore(creating: false)
        let entries = try store.read { session -> [Agenda.Entry] in
            if first == nil && last == nil {
                return try session.allEvents().map { Agenda.Entry(occurrence: Occurrence(event: $0)) }
            }
            // A range is the agenda's range: the same days, the same rules for all-day events.
            let agenda = try Agenda(
                from: first ?? (try LocalDate(year: 1, month: 1, day: 1)), through: last ?? (try LocalDate(year: 9998, month: 12, day: 31)),
                zone: zone, session: session
            )
            return agenda.entries.filter { $0.occurrence.eventID != nil }
        }
        .filter { (kind == nil || $0.occurrence.kind == kind) && (place == nil || $0.occurrence.placeCode == place?.code) }
        guard !entries.isEmpty || format != .text else {
            return emit(say(language, mn: "Арга хэмжээ алга.", en: "No events."))
        }
        var output = OutputBuffer.streamingToStandardOutput()
        AgendaPresenter(entries: entries, zone: zone, language: language).write(format, into: &output)
        output.flush()
    }
}
