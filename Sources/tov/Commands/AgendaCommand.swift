import ArgumentParser
import TovCore

/// `tov agenda`: every occurrence overlapping a range of days, oldest first.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List what is scheduled from --from through --to (default: today and the next 30 days)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (default: today).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD, included (default: 30 days after --from).", valueName: "date"))
    var to: String?

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Show times in this IANA zone (default: the system zone).", valueName: "zone"))
    var tz: String?

    func run() throws {
        let language = try global.language()
        let zone = try tz.map(Input.zone) ?? Clock.zone()
        let first = try from.map(Input.date) ?? Clock.today()
        let last = try to.map(Input.date) ?? first.adding(days: 30)
        let store = try global.openStore(creating: false)
        let agenda = try store.read { try Agenda(from: first, through: last, zone: zone, session: $0) }
        for series in agenda.crowdedSeries {
            StandardStreams.error("tov: " + say(language,
                mn: "\(ShortID.of(series.id)) цуврал энэ хугацаанд \(Agenda.meetingsPerSeries)-аас олон уулзалттай; эхний \(Agenda.meetingsPerSeries)-ыг харуулав\n",
                en: "series \(ShortID.of(series.id)) has more than \(Agenda.meetingsPerSeries) meetings in this range; showing the first \(Agenda.meetingsPerSeries)\n"))
        }
        let presenter = AgendaPresenter(entries: agenda.entries, zone: zone, language: language)
        var output = OutputBuffer.streamingToStandardOutput()
        presenter.write(format, into: &output)
        output.flush()
    }
}
