import ArgumentParser
import Foundation
import TovCore
import TovInterop

/// `tov import FILE.csv`: a list of organisations, people or attendance, all or nothing.
///
/// Bad lines go to stderr as `tov: FILE:LINE: reason` (the first twenty, then how many more), with exit
/// status 2 and nothing saved; otherwise the report goes to stdout. A dry run on a database not made yet
/// reads as an empty one and makes none.
struct CSVImportRun {
    /// How many bad lines are printed; a file with more is likely the wrong file or the wrong columns.
    static let shownProblems = 20

    let global: GlobalOptions
    let file: String
    let dryRun: Bool
    let format: DetailFormat

    func run() throws {
        let language = try global.language()
        let bytes = try InputFile.read(file)
        let report: ImportReport
        do {
            if dryRun {
                let store: any ScheduleStore = FileManager.default.fileExists(atPath: global.databasePath)
                    ? try global.openStore(creating: false) : InMemoryStore()
                report = try store.read { try CSVImport.read(bytes, in: $0, saving: false) }
            } else {
                let name = (file as NSString).lastPathComponent
                let label = say(language, mn: "Файлаас оруулсан: \(name)", en: "Imported \(name)")
                report = try global.openStore(creating: true).write(undoable: label) { try CSVImport.read(bytes, in: $0) }
            }
        } catch let error as CSVError {
            StandardStreams.error(message(error))
            throw ExitCode(2)
        }
        emit(format == .json
            ? ImportReportOutput.json(report, file: file, dryRun: dryRun)
            : ImportReportOutput.text(report, file: file, dryRun: dryRun, language: language))
    }

    /// One line per bad line of the file, then what became of the import.
    private func message(_ error: CSVError) -> String {
        var lines = error.problems.prefix(CSVImportRun.shownProblems).map { "tov: \(file):\($0.line): \(SafeText.clean($0.reason))" }
        let more = error.problems.count - CSVImportRun.shownProblems
        if more > 0 { lines.append("tov: \(file): \(more) more bad \(more == 1 ? "line" : "lines") not shown") }
        lines.append("tov: \(file): nothing was imported")
        return lines.joined(separator: "\n") + "\n"
    }
}
