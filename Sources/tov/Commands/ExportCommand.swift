import ArgumentParser
import TovCore

/// `tov export`: the schedule to publish, as a web page, Markdown or a plain announcement; organisations,
/// people and attendance lists as CSV (`CSVListExport`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the schedule to publish (an HTML page, Markdown or a plain-text announcement), or a CSV list.",
        discussion: """
            Covers --from through --to (default: the first of this month to the end of the third month after it). \
            The page is in Mongolian unless --lang en is given; cancelled meetings are listed apart, struck through.
            Example: tov export --format html --from 2026-11-01 --to 2027-02-28 --output хуваарь.html
            --format csv --table organisations|people|attendance writes a list that `tov import` reads back \
            (headers in --lang); attendance covers every list, or those of --from through --to, or --event's.
            """
    )

    /// What the schedule is written as.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case html, md, text, csv
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "html (one self-contained page, ready to print on A4), md (Markdown), text (an announcement) or csv (with --table).")
    var format: Format

    @Option(help: ArgumentHelp("With --format csv: organisations, people or attendance.", valueName: "table"))
    var table: String?

    @Option(help: ArgumentHelp("With --table attendance: only this event's list.", valueName: "id"))
    var event: String?

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (default: the first of this month).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD, included (default: the end of the third month after --from's).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        // The page speaks to the public, in Mongolian unless told otherwise; tov's own words follow LANG.
        let language = try global.language()
        let pageLanguage = global.lang == nil ? Language.mn : language
        if format != .csv && (table != nil || event != nil) { throw ValidationError("--table and --event go with --format csv") }
        let first = try from.map(Input.date) ?? Clock.today().firstOfMonth
        let last = try to.map(Input.date) ?? ExportCommand.defaultEnd(after: first)
        let store = try global.openStore(creating: false)
        let text = try store.read { session in
            let page = { try SchedulePage(from: first, through: last, session: session) }
            return switch format {
            case .html: try page().html(in: pageLanguage)
            case .md: try page().markdown(in: pageLanguage)
            case .text: try page().text(in: pageLanguage)
            case .csv: try CSVListExport(table: table, event: event, from: from, to: to, language: language).text(from: session)
            }
        }
        guard let output else { return emit(text) }
        try OutputFile.write(text, to: output)
        emit(say(language, mn: "Хадгалсан: ", en: "Written to ") + output)
    }

    /// The last day of the third month after `first`'s: a season of meetings, two dialogues at least.
    static func defaultEnd(after first: LocalDate) -> LocalDate {
        (first.firstOfMonth.adding(months: 4)?.adding(days: -1)) ?? first
    }
}
