import ArgumentParser
import TovCore

/// `tov attend mark`: where one organisation or person stands on an event's list.
struct AttendMark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Record that an organisation or person is invited, registered, attended, was absent or excused.",
        discussion: "Example: tov attend mark --series ff10 --meeting 2027-01-21 --org 7c01 --status attended"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @OptionGroup var participant: ParticipantOptions
    @Option(help: "invited, registered, attended, absent or excused.") var status: String

    func run() throws {
        let language = try global.language()
        let status: Participation.Status = try Input.choice(status, "participation status")
        let store = try global.openStore(creating: false)
        let (holder, name) = try store.read { try participant.resolve(in: $0) }
        let statusName = Vocabulary.name(of: status, in: language)
        let label = say(language, mn: "Ирц тэмдэглэсэн: \(name) — \(statusName), ", en: "Marked \(name) \(statusName) at ")
            + target.labelName(in: language)
        try store.write(undoable: label) { session in
            let event = try target.storedEvent(in: session)
            try Attendance.mark(holder, status, at: event.id, in: session)
        }
        emit(say(language, mn: "Тэмдэглэсэн: ", en: "Marked: ") + "\(name) — \(statusName)")
    }
}
