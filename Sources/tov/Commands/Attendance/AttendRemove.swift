import ArgumentParser
import TovCore

/// `tov attend remove`: an organisation or person off an event's list.
struct AttendRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take an organisation or person off an event's list.",
        discussion: "Example: tov attend remove --event 3f9a12c0 --person 5e2a"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @OptionGroup var participant: ParticipantOptions

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let (holder, name) = try store.read { try participant.resolve(in: $0) }
        let label = say(language, mn: "Жагсаалтаас хассан: \(name), ", en: "Took \(name) off the list of ")
            + target.labelName(in: language)
        try store.write(undoable: label) { session in
            // A series meeting nothing is stored on has nobody on its list: say so rather than store the meeting.
            guard let event = try target.existingEvent(in: session) else {
                throw ValidationError("'\(name)' is not on the list of this event")
            }
            try Attendance.remove(holder, from: event.id, in: session)
        }
        emit(say(language, mn: "Жагсаалтаас хассан: ", en: "Taken off the list: ") + name)
    }
}
