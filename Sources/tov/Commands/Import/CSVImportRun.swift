import ArgumentParser
import TovCore
import TovInterop

/// `tov import FILE.csv`: a list of organisations, people or attendance, all or nothing.
///
/// Bad lines go to stderr as `tov: FILE:LINE: reason` (the first twenty, then how many more), with exit
/// status 2 and nothing saved; otherwise the report goes to stdout.
struct CSVImportRun {
    /// How many bad lines are printed; a file with more is likely the wrong file or the wrong columns.
    static let shownProblems = 20

    let command: ImportCommand

    func run() throws {
        let language = try command.global.language()
        let bytes = try InputFile.read(command.file)
        do {
            try command.report(in: language) { try CSVImport.read(bytes, in: $0, saving: $1) }
        } catch let error as CSVError {
            StandardStreams.error(message(error))
            throw ExitCode(2)
        }
    }

    /// One line per bad line of the file, then what became of the import.
    private func message(_ error: CSVError) -> String {
        let file = command.file
        var lines = error.problems.prefix(CSVImportRun.shownProblems).map { "tov: \(file):\($0.line): \(SafeText.clean($0.reason))" }
        let more = error.problems.count - CSVImportRun.shownProblems
        if more > 0 { lines.append("tov: \(file): \(more) more bad \(more == 1 ? "line" : "lines") not shown") }
        lines.append("tov: \(file): nothing was imported")
        return lines.joined(separator: "\n") + "\n"
    }
}
