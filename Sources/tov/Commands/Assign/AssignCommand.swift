import ArgumentParser

/// `tov assign`: people and organisations in roles on events: keynote, lead discussant, moderator …
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give people and organisations roles on events, list them, take them off.",
        subcommands: [AssignAdd.self, AssignList.self, AssignRemove.self]
    )
}
