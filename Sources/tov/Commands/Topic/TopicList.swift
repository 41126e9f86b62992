import ArgumentParser
import TovCore

/// `tov topic list`: the queue in order (pinned, most requested, oldest), or every topic with `--all`.
struct TopicList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the topic queue in order.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Also list scheduled, held and withdrawn topics, after the queue.") var all = false
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let topics = try store.read { try $0.topics() }
        var listed = TopicQueue(topics).ordered
        if all {
            listed += topics.filter { $0.status != .queued }.sorted { ($0.status.rawValue, $0.proposedOn) < ($1.status.rawValue, $1.proposedOn) }
        }
        switch format {
        case .json:
            emit(JSON.array(listed.enumerated().map { index, t in
                .object([
                    ("id", .string(ShortID.of(t.id))), ("uid", .string(t.id.lowercasedText)),
                    ("position", t.status == .queued ? .number(index + 1) : .null),
                    ("title", .string(t.titleMn)), ("titleEn", .optional(t.titleEn)), ("category", .optional(t.category)),
                    ("status", .string(t.status.rawValue)), ("pinned", .bool(t.pinned)), ("requests", .number(t.requestCount)),
                    ("proposedOn", .string(t.proposedOn.description)),
                ])
            }).rendered())
        case .csv:
            var csv = CSV(header: ["id", "position", "title", "titleEn", "category", "status", "pinned", "requests", "proposedOn"])
            for (index, t) in listed.enumerated() {
                csv.append([ShortID.of(t.id), t.status == .queued ? String(index + 1) : "", t.titleMn, t.titleEn ?? "",
                            t.category ?? "", t.status.rawValue, t.pinned ? "true" : "false", String(t.requestCount),
                            t.proposedOn.description])
            }
            emit(csv.text)
        case .text:
            guard !listed.isEmpty else { return emit(say(language, mn: "Дараалал хоосон.", en: "The queue is empty.")) }
            emit(listed.enumerated().map { index, t in
                let position = t.status == .queued ? String(index + 1).padding(toLength: 3, withPad: " ", startingAt: 0) : "-  "
                let marks = (t.pinned ? "📌 " : "") + say(language, mn: "хүсэлт ", en: "requests ") + String(t.requestCount)
                let status = t.status == .queued ? "" : ", " + Vocabulary.name(of: t.status, in: language)
                return "\(position)\(ShortID.of(t.id))  \(SafeText.clean(t.title(in: language)))  [\(marks)\(status)]"
            }.joined(separator: "\n"))
        }
    }
}
