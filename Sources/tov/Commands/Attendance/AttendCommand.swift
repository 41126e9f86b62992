import ArgumentParser
import TovCore

/// `tov attend`: who is invited to an event and who came.
struct AttendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend",
        abstract: "Invite organisations and people to an event, record who came, list and export attendance.",
        discussion: """
            The event is --event ID, or one meeting of a series: --series ID --meeting YYYY-MM-DD.
            Example: tov attend invite --series ff10 --meeting 2027-01-21 --kind ngo --kind ministry
            """,
        subcommands: [AttendInvite.self, AttendMark.self, AttendRemove.self, AttendList.self]
    )
}

extension EventTarget {
    /// How an undo label names the event: "the meeting of 2027-01-21" or "event 3f9a12c0".
    func labelName(in language: Language) -> String {
        if let meeting { return say(language, mn: "уулзалт \(meeting)", en: "the meeting of \(meeting)") }
        return say(language, mn: "арга хэмжээ \(event ?? "")", en: "event \(event ?? "")")
    }
}
