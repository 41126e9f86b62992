import ArgumentParser
import Foundation
import TovCore
import TovInterop

/// `tov import`: events from another calendar (or another office's tov) into the database, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an iCalendar file (.ics): events, series with their changed meetings, people.",
        discussion: """
            Importing the same file again changes nothing; a newer version of an event (higher SEQUENCE or later \
            LAST-MODIFIED) updates it. A broken file imports nothing and names its line; events tov cannot hold are \
            skipped and listed with the reason, and what it does not keep (alarms, to-dos …) is counted. \
            tov undo takes an import back.
            Example: tov import календарь.ics --tz Asia/Hovd
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The file: .ics, .ical or .ifb (iCalendar).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Zone of floating times and all-day events when the file names none (default: the system zone).", valueName: "zone"))
    var tz: String?

    @Flag(help: "Report what the import would do, and save nothing.")
    var dryRun = false

    @Option(help: "Report format: text or json.")
    var format: DetailFormat = .text

    /// File name endings read as iCalendar.
    static let iCalendarExtensions: Set<String> = ["ics", "ical", "ifb"]

    func run() throws {
        let language = try global.language()
        let zone = try tz.map(Input.zone) ?? Clock.zone()
        let ending = (file as NSString).pathExtension.lowercased()
        guard ImportCommand.iCalendarExtensions.contains(ending) else {
            throw ValidationError("'\(file)' is not a file tov imports: use an iCalendar file ending in .ics, .ical or .ifb")
        }
        let bytes = try InputFile.read(file)
        let calendar: ICalendarImport
        do {
            calendar = try ICalendarImport(bytes: bytes, fallbackZone: zone, now: Date())
        } catch let error as ICalendarSyntaxError {
            throw ValidationError("\(file):\(error.line): \(error.reason)")
        }
        // A dry run creates no database: into one that does not exist yet, everything would be new.
        let store: any ScheduleStore = dryRun && !FileManager.default.fileExists(atPath: global.databasePath)
            ? InMemoryStore() : try global.openStore(creating: !dryRun)
        let report = dryRun
            ? try store.read { try calendar.plan(in: $0).report }
            : try store.write(undoable: "Imported \(file)") { session in
                let plan = try calendar.plan(in: session)
                try plan.apply(to: session)
                return plan.report
            }
        switch format {
        case .text: emit(ImportReportOutput.text(report, file: file, dryRun: dryRun, language: language))
        case .json: emit(ImportReportOutput.json(report, file: file, dryRun: dryRun))
        }
    }
}
