import ArgumentParser
import TovCore
import TovStore

/// `tov undo`: takes back the last change made to the database, by any tov.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Take back the last change (tov redo makes it again)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try step(global, { try $0.undo() },
                 nothing: (mn: "Буцаах өөрчлөлт алга.", en: "Nothing to undo."), done: (mn: "Буцаасан: ", en: "Undone: "))
    }
}

/// `tov redo`: makes again the change undone last.
struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Make again the change undone last.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try step(global, { try $0.redo() },
                 nothing: (mn: "Дахин хийх өөрчлөлт алга.", en: "Nothing to redo."), done: (mn: "Дахин хийсэн: ", en: "Redone: "))
    }
}

/// Takes one step through the change log and says which change it was, or that there was none.
private func step(
    _ global: GlobalOptions, _ move: (SQLiteStore) throws -> String?,
    nothing: (mn: String, en: String), done: (mn: String, en: String)
) throws {
    let language = try global.language()
    guard let label = try move(try global.openStore(creating: false)) else {
        return emit(say(language, mn: nothing.mn, en: nothing.en))
    }
    emit(say(language, mn: done.mn, en: done.en) + SafeText.clean(label))
}
