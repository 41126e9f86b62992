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
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let kind: EventKind? = try kind.map { try Input.choice($0, "kind of event") }
        let place = try aimag.map(Input.place)
        let zone = Zone.system()
        let lower = try from.map { zone.instant(of: LocalDateTime(date: try Input.date($0))) } ?? Int.min / 2
        let upper = try to.map { zone.instant(of: LocalDateTime(date: try Input.date($0).adding(days: 1))) } ?? Int.max / 2
        let store = try global.openStore()
        let events = try store.read { session in
            try session.events(overlapping: lower, upper).filter { event in
                (kind == nil || event.kind == kind) && (place == nil || event.placeCode == place?.code)
            }
        }
        let entries = events.map { Agenda.Entry(occurrence: Occurrence(event: $0), topic: nil, people: []) }
        let presenter = AgendaPresenter(entries: entries, zone: zone, language: language)
        var output = OutputBuffer(streamingTo: .standardOutput)
        presenter.write(format, into: &output)
        output.flush()
    }
}
