import ArgumentParser
import TovCore

/// `tov event delete`: remove an event from every listing (the record is kept for undo).
///
/// A changed meeting of a series is removed from the series too (an exception date), so the meeting
/// does not come back as the series' plain occurrence.
struct EventDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an event.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id.") var id: String

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let event = try store.write(undoable: say(language, mn: "Арга хэмжээ устгасан: \(self.id)", en: "Deleted event \(self.id)")) { session in
            let event = try EventTarget.event(id, in: session)
            try Meetings.delete(event, in: session)
            return event
        }
        emit(say(language, mn: "Устгасан: ", en: "Deleted ") + "\(ShortID.of(event.id))  \(event.title)")
    }
}
