import ArgumentParser
import Foundation
import TovCore
import TovTerminal
import TovUI

/// `tov ui` (and `tov` alone): the interactive terminal interface.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the interactive terminal interface (what `tov` alone does).",
        discussion: "Needs a terminal with a UTF-8 locale; the other commands work anywhere. NO_COLOR turns colours off."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("print-screen"), help: ArgumentHelp(
        "Print the first screen as text at this size (e.g. 80x24) instead of opening the interface; for scripts and benchmarks.",
        valueName: "WxH"))
    var printScreen: String?

    func run() throws {
        let language = try global.language()
        let environment = ProcessInfo.processInfo.environment
        let colors = (environment["NO_COLOR"] ?? "").isEmpty
        let size = try printScreen.map(Self.size)
        // Before the database: a screen that cannot be shown must not create a file.
        if size == nil, let problem = TerminalCheck.problem(environment: environment) { throw TerminalError(problem) }
        let store = try global.openStore(creating: true)
        let app = TovApp(store: store, today: try Clock.today(), zone: Clock.zone(), language: language, colors: colors,
                         writeFile: { path, text in try text.write(toFile: path, atomically: true, encoding: .utf8) })
        if let size {
            emit(app.render(width: size.width, height: size.height).rows.joined(separator: "\n") + "\n")
            return
        }
        let ending = try Terminal(environment: environment, colors: colors).run(app)
        if ending != .quit { throw ExitCode(ending.exitStatus) }
    }

    static func size(_ text: String) throws -> (width: Int, height: Int) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("'\(text)' is not a screen size; write it as WIDTHxHEIGHT, e.g. 80x24")
        }
        return (width, height)
    }
}
