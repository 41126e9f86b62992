import ArgumentParser

/// `tov person`: people.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Add, list or show people, and the days they are away.",
        subcommands: [PersonAdd.self, PersonList.self, PersonShow.self, PersonUnavailable.self]
    )
}
