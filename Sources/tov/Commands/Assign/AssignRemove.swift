import ArgumentParser
import TovCore

/// `tov assign remove`: take a role off someone (undoable).
struct AssignRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take an assignment off its event.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The assignment's id, as tov assign list shows it.") var id: String

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let removed = try store.write(undoable: say(language, mn: "Үүрэг хассан: \(id)", en: "Removed assignment \(id)")) { session in
            let id = try ShortID.resolve(id, .assignment, in: session)
            try session.delete(.assignment, id: id)
            return id
        }
        emit(say(language, mn: "Хассан: ", en: "Removed ") + ShortID.of(removed))
    }
}
