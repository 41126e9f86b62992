import ArgumentParser
import TovCore

/// The topic a queue command works on, and the one undoable write it makes.
struct TopicArgument: ParsableArguments {
    @Argument(help: "The topic's id (tov topic list).") var id: String

    /// Runs `body` on the topic as one undoable change labelled "\(mn|en): title".
    func change<T>(
        _ global: GlobalOptions, mn: String, en: String, _ body: (any ScheduleSession, inout Topic) throws -> T
    ) throws -> (Topic, T) {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        // The label names the topic, which is known only inside the write; the id stands in for it.
        return try store.write(undoable: say(language, mn: "\(mn): \(id)", en: "\(en) \(id)")) { session in
            let topicID = try ShortID.resolve(id, .topic, in: session)
            guard var topic = try session.topic(topicID) else { throw ValidationError("no topic has the id '\(id)'") }
            let result = try body(session, &topic)
            return (try session.topic(topicID) ?? topic, result)
        }
    }
}

/// "3. Title (requests 2)": a topic as queue commands report it.
func queueLine(_ topic: Topic, in session: any ScheduleSession, language: Language) throws -> String {
    let position = TopicQueue(try session.topics()).position(of: topic.id)
    let place = position.map { say(language, mn: "дараалалд \($0)-р", en: "queue position \($0)") }
        ?? Vocabulary.name(of: topic.status, in: language)
    return "\(ShortID.of(topic.id))  \(SafeText.clean(topic.title(in: language)))  [\(place), "
        + say(language, mn: "хүсэлт \(topic.requestCount)", en: "requests \(topic.requestCount)") + "]"
}

/// `tov topic request`: an organisation asks for a topic (once: a second request changes nothing).
struct TopicRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "Record that an organisation asks for a topic (each organisation counts once).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var topic: TopicArgument
    @Option(help: "The asking organisation's id.") var org: String
    @Option(help: ArgumentHelp("Day of the request, YYYY-MM-DD (default: today).", valueName: "date")) var date: String?

    func run() throws {
        let language = try global.language()
        let day = try date.map(Input.date) ?? Clock.today()
        let (_, line) = try topic.change(global, mn: "Сэдэв хүссэн", en: "Requested topic") { session, topic -> String in
            let organisationID = try ShortID.resolve(org, .organisation, in: session)
            guard let organisation = try session.organisation(organisationID) else { throw ValidationError("no organisation has the id '\(org)'") }
            guard topic.status == .queued || topic.status == .scheduled else {
                throw ValidationError("'\(topic.titleMn)' is \(topic.status.rawValue); only a topic in the queue or on a meeting can be requested")
            }
            guard topic.request(by: organisationID, on: day) else {
                let first = topic.requests.first { $0.organisationID == organisationID }?.date
                throw ValidationError("\(organisation.name) already asked for '\(topic.titleMn)' on \(first?.description ?? "")")
            }
            try session.save(topic)
            return try queueLine(topic, in: session, language: language)
        }
        emit(line)
    }
}

/// `tov topic pin` and `tov topic unpin`.
struct TopicPin: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pin", abstract: "Pin a topic ahead of the unpinned ones (--off unpins).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var topic: TopicArgument
    @Flag(help: "Unpin it instead.") var off = false

    func run() throws {
        let language = try global.language()
        let (_, line) = try topic.change(global, mn: off ? "Сэдвийг тогтоолтоос гаргасан" : "Сэдвийг тогтоосон",
                                         en: off ? "Unpinned topic" : "Pinned topic") { session, topic -> String in
            guard topic.pinned == off else {
                throw ValidationError("'\(topic.titleMn)' is \(off ? "not pinned" : "already pinned")")
            }
            topic.setPinned(!off)
            try session.save(topic)
            return try queueLine(topic, in: session, language: language)
        }
        emit(line)
    }
}

/// `tov topic move`: a topic up or down the queue by hand.
struct TopicMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a topic up or down the queue by hand.",
        discussion: "Example: tov topic move 3f9a --up 2. A moved topic keeps its place above request counts; pinned topics stay first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var topic: TopicArgument
    @Option(help: "Places toward the head.") var up: Int?
    @Option(help: "Places toward the end.") var down: Int?
    @Option(help: "The place to take, from 1.") var to: Int?

    func validate() throws {
        guard [up, down, to].compactMap({ $0 }).count == 1 else { throw ArgumentParser.ValidationError("say one of --up N, --down N or --to N") }
        if let steps = up ?? down ?? to, steps < 1 { throw ArgumentParser.ValidationError("'\(steps)' is not a number of places; use 1 or more") }
    }

    func run() throws {
        let language = try global.language()
        let (_, line) = try topic.change(global, mn: "Сэдвийг дараалалд зөөсөн", en: "Moved topic") { session, topic -> String in
            let topics = try session.topics()
            var steps = up.map { -$0 } ?? down ?? 0
            if let to {
                guard let position = TopicQueue(topics).position(of: topic.id) else {
                    throw ValidationError("'\(topic.titleMn)' is not in the queue")
                }
                steps = to - position
            }
            for changed in try TopicQueue.move(topic.id, by: steps, in: topics) { try session.save(changed) }
            return try queueLine(topic, in: session, language: language)
        }
        emit(line)
    }
}

/// `tov topic withdraw`.
struct TopicWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw a topic: it leaves the queue and any meeting not yet held.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var topic: TopicArgument

    func run() throws {
        let language = try global.language()
        let (topic, _) = try topic.change(global, mn: "Сэдвийг татсан", en: "Withdrew topic") { session, topic in
            try TopicRules.withdraw(topic.id, in: session)
        }
        emit(say(language, mn: "Татсан: ", en: "Withdrawn: ") + SafeText.clean(topic.title(in: language)))
    }
}

/// `tov topic requeue`.
struct TopicRequeue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requeue", abstract: "Put a held, scheduled or withdrawn topic back in the queue.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var topic: TopicArgument

    func run() throws {
        let language = try global.language()
        let (_, line) = try topic.change(global, mn: "Сэдвийг дараалалд буцаасан", en: "Requeued topic") { session, topic -> String in
            try TopicRules.requeue(topic.id, in: session)
            return try queueLine(try session.topic(topic.id) ?? topic, in: session, language: language)
        }
        emit(line)
    }
}

/// `tov topic assign`: the head of the queue to the next meeting without a topic, or to every one.
struct TopicAssign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Give queued topics to a series' coming meetings that have none, in queue order.",
        discussion: """
            Without --all, the head of the queue goes to the next meeting without a topic; with --all, every \
            meeting of the next twelve months without one takes the next topic, until the queue runs out. \
            With --topic, that topic goes to the meeting named by --meeting.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The series' id.") var series: String
    @Flag(help: "Fill every meeting of the next twelve months that has no topic.") var all = false
    @Option(help: "A topic to give (with --meeting), instead of the head of the queue.") var topic: String?
    @Option(help: ArgumentHelp("The meeting for --topic, by its original date (YYYY-MM-DD).", valueName: "date")) var meeting: String?
    @Option(help: ArgumentHelp("Fill meetings from this day on, YYYY-MM-DD (default: today).", valueName: "date")) var from: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func validate() throws {
        if (topic == nil) != (meeting == nil) { throw ArgumentParser.ValidationError("--topic and --meeting go together") }
        if topic != nil && all { throw ArgumentParser.ValidationError("--all fills from the queue; leave out --topic") }
    }

    func run() throws {
        let language = try global.language()
        let day = try from.map(Input.date) ?? Clock.today()
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Уулзалтад сэдэв өгсөн", en: "Gave topics to meetings")
        let filled = try store.write(undoable: label) { session -> [(Occurrence, Topic)] in
            let seriesID = try ShortID.resolve(series, .series, in: session)
            guard let found = try session.series(seriesID) else { throw ValidationError("no series has the id '\(series)'") }
            if let topic, let meeting {
                let topicID = try ShortID.resolve(topic, .topic, in: session)
                let original = try found.originalStart(named: meeting)
                guard let given = try session.topic(topicID) else { throw ValidationError("no topic has the id '\(topic)'") }
                let stored = try Meetings.storedEvent(of: found, at: original, in: session)
                try TopicRules.assign(topicID, to: Occurrence(event: stored), in: session)
                return [(Occurrence(event: stored), given)]
            }
            return try TopicRules.fill(series: found, from: day, limit: all ? .max : 1, in: session)
        }
        switch format {
        case .json:
            emit(JSON.array(filled.map { meeting, topic in
                .object([("meeting", .string(meeting.schedule.start.description)), ("topicId", .string(ShortID.of(topic.id))),
                         ("topic", .string(topic.titleMn))])
            }).rendered())
        default:
            guard !filled.isEmpty else {
                return emit(say(language, mn: "Сэдэвгүй уулзалт эсвэл дараалалд сэдэв алга.",
                                en: "No meeting without a topic, or no topic in the queue."))
            }
            emit(filled.map { meeting, topic in
                "\(meeting.schedule.start.date)  \(SafeText.clean(topic.title(in: language)))"
            }.joined(separator: "\n"))
        }
    }
}

/// `tov topic history`: which meeting covered which topic.
struct TopicHistory: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List which meetings took which topics.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let history = try store.read { try TopicRules.history(in: $0) }
        switch format {
        case .json:
            emit(JSON.array(history.map { topic, meetings in
                .object([
                    ("id", .string(ShortID.of(topic.id))), ("title", .string(topic.titleMn)), ("status", .string(topic.status.rawValue)),
                    ("meetings", .array(meetings.map { event in
                        .object([("eventId", .string(ShortID.of(event.id))), ("start", .string(event.schedule.start.description)),
                                 ("status", .string(event.status.rawValue))])
                    })),
                ])
            }).rendered())
        default:
            guard !history.isEmpty else { return emit(say(language, mn: "Сэдэв өгсөн уулзалт алга.", en: "No meeting has had a topic yet.")) }
            emit(history.map { topic, meetings in
                let dates = meetings.map { "\($0.schedule.start.date) (\(Vocabulary.name(of: $0.status, in: language)))" }
                return "\(ShortID.of(topic.id))  \(SafeText.clean(topic.title(in: language))): " + dates.joined(separator: ", ")
            }.joined(separator: "\n"))
        }
    }
}
