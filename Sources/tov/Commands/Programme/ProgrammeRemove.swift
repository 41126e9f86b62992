import ArgumentParser
import Foundation
import TovCore

/// `tov programme remove`: take an item off an event's programme (undoable). The people on it keep their
/// role on the meeting as a whole.
struct ProgrammeRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take an item off an event's programme; the people on it keep their role on the meeting."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("The item's id, as tov programme list shows it.", valueName: "id")) var item: String

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Хөтөлбөрөөс хассан: \(self.item)", en: "Removed programme item \(self.item)")
        let (item, kept) = try store.write(undoable: label) { session in
            let event = try target.storedEvent(in: session)
            let item = try ProgrammeCommand.item(self.item, of: event, in: session)
            let kept = try session.assignments(ofEvents: [event.id]).filter { $0.programmeItemID == item.id }.map { assignment in
                (name: try session.name(of: assignment.holder) ?? "?", role: assignment.role)
            }
            try Programme.remove(item.id, from: event, in: session)
            return (item, kept)
        }
        var lines = [say(language, mn: "Хассан: ", en: "Removed ") + ShortID.of(item.id) + "  " + SafeText.clean(item.title)]
        lines += kept.map { person in
            let role = Vocabulary.name(of: person.role, in: language)
            return say(language, mn: "  \(SafeText.clean(person.name)) уулзалтад \(role) хэвээр үлдэнэ",
                       en: "  \(SafeText.clean(person.name)) stays on the meeting as \(role)")
        }
        emit(lines.joined(separator: "\n"))
    }
}
