import ArgumentParser
import TovCore

/// `tov topic add`: propose a topic for the dialogue.
struct TopicAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Propose a topic.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Title in Mongolian.") var title: String
    @Option(name: .customLong("title-en"), help: "Title in English.") var titleEn: String?
    @Option(help: "Description.") var description: String?
    @Option(help: "Category, e.g. monitoring, procurement, health.") var category: String?
    @Option(name: .customLong("proposed-by"), help: "The proposing organisation's id.") var proposedBy: String?
    @Option(help: ArgumentHelp("Day proposed, YYYY-MM-DD (default: today).", valueName: "date")) var date: String?
    @Flag(help: "Pin it to the head of the queue.") var pinned = false

    func run() throws {
        let language = try global.language()
        let title = try Input.requiredText(title, "title")
        let proposedOn = try date.map(Input.date) ?? Clock.today()
        let store = try global.openStore(creating: true)
        let topic = try store.write(undoable: say(language, mn: "Сэдэв нэмсэн: \(title)", en: "Added topic \(title)")) { session in
            let topic = Topic(
                titleMn: title, titleEn: Input.text(titleEn), description: Input.text(description),
                category: Input.text(category),
                proposedBy: try proposedBy.map { try ShortID.resolve($0, .organisation, in: session) },
                proposedOn: proposedOn, pinned: pinned
            )
            try session.save(topic)
            return topic
        }
        emit(say(language, mn: "Нэмсэн сэдэв: ", en: "Added topic ") + "\(ShortID.of(topic.id))  \(topic.titleMn)")
    }
}
