import ArgumentParser
import TovCore
import TovStore

/// `tov check`: is the database whole?
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check the database's integrity.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let report = try IntegrityCheck().run(on: store)
        let counts = report.counts.map { Vocabulary.count($0.1, of: $0.0, in: language) }.joined(separator: ", ")
        if report.isHealthy {
            emit(say(language, mn: "Зөв: ", en: "OK: ") + global.databasePath + " (\(counts))")
        } else {
            emit(report.problems.joined(separator: "\n"))
            throw ExitCode.failure
        }
    }
}
