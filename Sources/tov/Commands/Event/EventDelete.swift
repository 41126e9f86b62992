import ArgumentParser
import TovCore

/// `tov event delete`: remove an event from every listing (the record is kept for undo).
struct EventDelete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an event.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id.") var id: String

    func run() throws {
        let language = try global.language()
        let store = try global.openStore()
        let event = try store.write { session in
            let id = try ShortID.resolve(id, .event, in: session)
            guard let event = try session.event(id) else { throw ValidationError("no event has the id '\(self.id)'") }
            try session.delete(.event, id: id)
            return event
        }
        emit(say(language, mn: "Устгасан: ", en: "Deleted ") + "\(ShortID.of(event.id))  \(event.title)")
    }
}
