import ArgumentParser
import Foundation
import TovCore
import TovInterop

/// `tov export`: the schedule to publish, as a web page, Markdown or a plain announcement; the calendar as
/// iCalendar (`ICalendarExport`); organisations, people and attendance lists as CSV (`CSVListExport`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the schedule to publish (an HTML page, Markdown or a plain-text announcement), the calendar as iCalendar, or a CSV list.",
        discussion: """
            html, md, text: cover --from through --to (default: the first of this month to the end of the third month \
            after it). The page is in Mongolian unless --lang en is given; cancelled meetings are listed apart, struck through.
            ics: every event and series; with --from or --to, the events that overlap those days and the series with a \
            meeting in them (whole, with all their changed meetings); with --aimag, only that aimag's or district's. A \
            series that moves its meetings off weekends and days off gets each moved meeting written as a changed one, \
            through its last meeting, or for a series without an end through --to, else ten years after today (or after \
            its first meeting, if later).
            --format csv --table organisations|people|attendance writes a list that `tov import` reads back \
            (headers in --lang); attendance covers every list, or those of --from through --to, or --event's.
            Example: tov export --format html --from 2026-11-01 --to 2027-02-28 --output хуваарь.html
            Example: tov export --format ics --aimag Ховд --output ховд.ics
            """
    )

    /// What the schedule is written as.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case html, md, text, ics, csv
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: """
        html (one self-contained page, ready to print on A4), md (Markdown), text (an announcement), ics (iCalendar) \
        or csv (with --table).
        """)
    var format: Format

    @Option(help: ArgumentHelp("With --format csv: organisations, people or attendance.", valueName: "table"))
    var table: String?

    @Option(help: ArgumentHelp("With --table attendance: only this event's list.", valueName: "id"))
    var event: String?

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (default: the first of this month; for ics, the first record).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp(
        "Last day, YYYY-MM-DD, included (default: the end of the third month after --from's; for ics, the last record).",
        valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("With --format ics: only this aimag's or district's events and series, by code or name (see tov places).",
                               valueName: "place"))
    var aimag: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        // The page and the calendar speak to the public, in Mongolian unless told otherwise; tov's own words follow LANG.
        let language = try global.language()
        let pageLanguage = global.lang == nil ? Language.mn : language
        if format != .csv && (table != nil || event != nil) { throw ValidationError("--table and --event go with --format csv") }
        if format != .ics && aimag != nil {
            throw ValidationError("--aimag works with --format ics only, not with --format \(format.rawValue)")
        }
        let first = try from.map(Input.date), last = try to.map(Input.date)
        let store = try global.openStore(creating: false)
        let bytes = try store.read { session -> [UInt8] in
            switch format {
            case .html, .md, .text:
                return Array(try page(from: first, through: last, in: pageLanguage, session: session).utf8)
            case .ics:
                let options = ICalendarExport.Options(from: first, through: last, zone: Clock.zone(), place: aimag,
                                                      language: pageLanguage, now: Date(), today: try Clock.today())
                return try ICalendarExport.bytes(of: session, options: options)
            case .csv:
                let list = try CSVListExport(table: table, event: event, from: from, to: to, language: language)
                return Array(try list.text(from: session).utf8)
            }
        }
        guard let output else { return emit(bytes: bytes) }
        try OutputFile.write(bytes, to: output)
        emit(say(language, mn: "Хадгалсан: ", en: "Written to ") + output)
    }

    /// The schedule page of `first` (default: the first of this month) through `last` (default: `defaultEnd`).
    private func page(from first: LocalDate?, through last: LocalDate?, in language: Language,
                      session: any ScheduleSession) throws -> String {
        let first = try first ?? Clock.today().firstOfMonth
        let page = try SchedulePage(from: first, through: last ?? ExportCommand.defaultEnd(after: first), session: session)
        return switch format {
        case .md: page.markdown(in: language)
        case .text: page.text(in: language)
        default: page.html(in: language)
        }
    }

    /// The last day of the third month after `first`'s: a season of meetings, two dialogues at least.
    static func defaultEnd(after first: LocalDate) -> LocalDate {
        (first.firstOfMonth.adding(months: 4)?.adding(days: -1)) ?? first
    }
}
