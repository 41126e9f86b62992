import ArgumentParser

/// `tov topic`: the dialogue's topic queue.
struct TopicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Add topics and list the queue.",
        subcommands: [TopicAdd.self, TopicList.self]
    )
}
