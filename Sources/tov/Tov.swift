import ArgumentParser
import Foundation
import TovCore
import TovStore
import TovTerminal

/// `tov`: the command line over the schedule.
@main
struct Tov: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tov",
        abstract: "An offline scheduler for NGO Dialogue meetings and Social Accountability Days.",
        discussion: """
            Data lives in one SQLite file: --db PATH, else $TOV_DB, else \
            $XDG_DATA_HOME/tov/tov.sqlite (~/.local/share/tov/tov.sqlite).
            """,
        version: "0.1.0",
        subcommands: [
            UICommand.self, AgendaCommand.self, EventCommand.self, SeriesCommand.self, RecurCommand.self, HolidayCommand.self, TopicCommand.self,
            OrganisationCommand.self, PersonCommand.self, AssignCommand.self, ProgrammeCommand.self, ConflictsCommand.self, AttendCommand.self,
            SADayCommand.self, PlacesCommand.self, UndoCommand.self, RedoCommand.self, ImportCommand.self, ExportCommand.self, DemoCommand.self, CheckCommand.self,
        ],
        defaultSubcommand: UICommand.self
    )

    // Declared here too so that `tov --db PATH VERB` parses; each verb reads its own copy.
    @OptionGroup var global: GlobalOptions

    /// Runs a command and turns every failure into one line on stderr and an exit status:
    /// 2 for bad usage or input, 1 for anything else.
    static func main() {
        do {
            // A plain agenda request is read without ArgumentParser (see `AgendaArguments`).
            if let agenda = AgendaArguments(plain: CommandLine.arguments.dropFirst()) {
                return try agenda.run()
            }
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Failure.exit(for: error)
        }
    }
}

/// How tov leaves the process on an error: one line on stderr and an exit status.
enum Failure {
    static func exit(for error: Error) -> Never {
        let status: Int32
        let message: String
        switch error {
        case let error as TovCore.ValidationError:
            status = 2
            // In Mongolian for a user who reads Mongolian, when the error has been written in it; else English.
            message = error.message(in: Globals.languageOfErrors(Array(CommandLine.arguments.dropFirst())))
        case let error as StoreError:
            switch error {
            case .notATovDatabase, .missing: status = 2
            case .newerSchema, .damaged, .unavailable: status = 1
            }
            message = error.description
        case let error as TerminalError:
            status = 1
            message = error.message
        case let error as ExitCode:
            Foundation.exit(error.rawValue)
        default:
            let code = Tov.exitCode(for: error)
            if code == .success {
                // --help and --version.
                emit(Tov.fullMessage(for: error))
                Foundation.exit(0)
            }
            status = code == .validationFailure ? 2 : code.rawValue
            message = Tov.message(for: error)
        }
        StandardStreams.error("tov: \(message)\n")
        Foundation.exit(status)
    }
}
