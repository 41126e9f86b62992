import ArgumentParser
import TovCore

/// `tov event show`: one event with its programme, people and participation.
struct EventShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one event in full.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id (the first characters are enough).") var id: String
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let details = try store.read { session in
            let event = try EventTarget.event(id, in: session)
            return try EventDetails(event: event, session: session)
        }
        emit(format == .json ? details.json(in: language) : details.text(in: language))
    }
}
