import ArgumentParser
import Foundation

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
            try ICalendarImportRun(global: global, file: file, tz: tz, dryRun: dryRun, format: format).run()
        case "csv": try CSVImportRun(global: global, file: file, dryRun: dryRun, format: format).run()
        default:
            throw ValidationError("'\(file)' is not a file tov imports: give an iCalendar file (.ics, .ical, .ifb) or a .csv list")
        }
    }
}
