import ArgumentParser

/// `tov event`: single events and stored changes to series meetings.
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Add, list, show, edit, cancel or delete events.",
        subcommands: [EventAdd.self, EventList.self, EventShow.self, EventEdit.self, EventCancel.self, EventDelete.self]
    )
}
