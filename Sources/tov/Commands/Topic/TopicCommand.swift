import ArgumentParser

/// `tov topic`: the dialogue's topic queue.
struct TopicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "The topic queue: propose, request, pin, move, withdraw, requeue, give topics to meetings, history.",
        subcommands: [TopicAdd.self, TopicList.self, TopicRequest.self, TopicPin.self, TopicMove.self, TopicWithdraw.self,
                      TopicRequeue.self, TopicAssign.self, TopicHistory.self]
    )
}
