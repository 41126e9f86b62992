import ArgumentParser
import TovCore

/// `tov export`: the schedule to publish, as a web page, Markdown or a plain announcement.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the schedule to publish: an HTML page, Markdown or a plain-text announcement.",
        discussion: """
            Covers --from through --to (default: the first of this month to the end of the third month after it). \
            The page is in Mongolian unless --lang en is given; cancelled meetings are listed apart, struck through.
            Example: tov export --format html --from 2026-11-01 --to 2027-02-28 --output хуваарь.html
            """
    )

    /// What the schedule is written as.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case html, md, text
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: "html (one self-contained page, ready to print on A4), md (Markdown) or text (an announcement).")
    var format: Format

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
        let first = try from.map(Input.date) ?? Clock.today().firstOfMonth
        let last = try to.map(Input.date) ?? ExportCommand.defaultEnd(after: first)
        let store = try global.openStore(creating: false)
        let page = try store.read { try SchedulePage(from: first, through: last, session: $0) }
        let text = switch format {
        case .html: page.html(in: pageLanguage)
        case .md: page.markdown(in: pageLanguage)
        case .text: page.text(in: pageLanguage)
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
