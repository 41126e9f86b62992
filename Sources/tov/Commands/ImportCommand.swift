import ArgumentParser
import Foundation

/// `tov import FILE`: records from another tool or office, all or nothing, ending in a report.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import organisations, people or attendance lists from a CSV file, all or nothing.",
        discussion: """
            A CSV file's header (Mongolian or English) says which list it is. A file with bad lines is refused, \
            each named as FILE:LINE, and nothing is saved. An import is one step that `tov undo` takes back.
            Example: tov import байгууллагууд.csv --dry-run
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The file to import (.csv).", valueName: "file")) var file: String
    @Option(help: ArgumentHelp("Zone for times that name none (not used by CSV).", valueName: "zone")) var tz: String?
    @Flag(help: "Check the file and report what it would do; save nothing.") var dryRun = false
    @Option(help: "Report format: text or json.") var format: DetailFormat = .text

    func run() throws {
        switch (file as NSString).pathExtension.lowercased() {
        case "csv": try CSVImportRun(global: global, file: file, dryRun: dryRun, format: format).run()
        default: throw ValidationError("'\(file)' is not a file tov imports; give a .csv file")
        }
    }
}
