import ArgumentParser
import Foundation
import TovCore
import TovInterop

/// `tov import FILE`: records from another tool or office, all or nothing, ending in a report.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an iCalendar file (events, series, people) or a CSV list (organisations, people, attendance), all or nothing.",
        discussion: """
            An iCalendar file (.ics, .ical, .ifb) from Google, Outlook, a phone or another office's tov: importing it again \
            changes nothing, and a newer version of an event (higher SEQUENCE or later LAST-MODIFIED) updates it. Events tov \
            cannot hold are skipped and listed with the reason; what it does not keep (alarms, to-dos …) is counted.
            A CSV file's header (Mongolian or English) says which list it is.
            A broken file is refused, naming FILE:LINE, and nothing is saved. An import is one step that `tov undo` takes back.
            Examples: tov import календарь.ics --tz Asia/Hovd
                      tov import байгууллагууд.csv --dry-run
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file to import (.ics, .ical, .ifb or .csv).", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("Zone of floating times and all-day events when an iCalendar file names none (default: the system zone).", valueName: "zone"))
    var tz: String?
    @Flag(help: "Check the file and report what it would do; save nothing.") var dryRun = false
    @Option(help: "Report format: text or json.") var format: DetailFormat = .text

    func run() throws {
        switch (file as NSString).pathExtension.lowercased() {
        case "ics", "ical", "ifb":
            try ICalendarImportRun(command: self).run()
        case "csv": try CSVImportRun(command: self).run()
        default:
            throw ValidationError("'\(file)' is not a file tov imports: give an iCalendar file (.ics, .ical, .ifb) or a .csv list")
        }
    }

    /// Runs `body` on the database, telling it whether to save, and prints the report it makes. A dry run only
    /// reads, and a database not made yet reads as an empty one and is not made; an import is one write, which
    /// `tov undo` takes back as "Imported FILE".
    func report(in language: Language, _ body: (_ session: any ScheduleSession, _ saving: Bool) throws -> ImportReport) throws {
        let report: ImportReport
        if dryRun {
            let store: any ScheduleStore = FileManager.default.fileExists(atPath: global.databasePath)
                ? try global.openStore(creating: false) : InMemoryStore()
            report = try store.read { try body($0, false) }
        } else {
            let name = (file as NSString).lastPathComponent
            let label = say(language, mn: "Файлаас оруулсан: \(name)", en: "Imported \(name)")
            report = try global.openStore(creating: true).write(undoable: label) { try body($0, true) }
        }
        emit(format == .json
            ? ImportReportOutput.json(report, file: file, dryRun: dryRun)
            : ImportReportOutput.text(report, file: file, dryRun: dryRun, language: language))
    }
}
