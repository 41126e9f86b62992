import ArgumentParser
import TovCore

/// `tov undo`: takes back the last change made to the database, by any tov.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back the last change (tov redo makes it again)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        guard let label = try store.undo() else {
            return emit(say(language, mn: "Буцаах өөрчлөлт алга.", en: "Nothing to undo."))
        }
        emit(say(language, mn: "Буцаасан: ", en: "Undone: ") + SafeText.clean(label))
    }
}

/// `tov redo`: makes again the change undone last.
struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Make again the change undone last.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        guard let label = try store.redo() else {
            return emit(say(language, mn: "Дахин хийх өөрчлөлт алга.", en: "Nothing to redo."))
        }
        emit(say(language, mn: "Дахин хийсэн: ", en: "Redone: ") + SafeText.clean(label))
    }
}
