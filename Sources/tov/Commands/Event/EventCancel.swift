import ArgumentParser
import TovCore

/// `tov event cancel`: keep the event on the calendar, marked cancelled.
struct EventCancel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Mark an event cancelled.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id.") var id: String

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let event = try store.write(undoable: say(language, mn: "Арга хэмжээ цуцалсан: \(self.id)", en: "Cancelled event \(self.id)")) { session in
            var event = try EventTarget.event(id, in: session)
            event.status = .cancelled
            try Meetings.save(event, in: session)
            return event
        }
        emit(say(language, mn: "Цуцалсан: ", en: "Cancelled ") + "\(ShortID.of(event.id))  \(event.title)")
    }
}
