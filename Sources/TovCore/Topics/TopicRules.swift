import Foundation

/// How meetings and their topics stay in step: a topic given to a meeting is scheduled; a held meeting marks
/// its topic held; a cancelled or deleted meeting returns its topic to the head of the queue; a topic taken
/// off a meeting waits in the queue again. Every change to a meeting's status or topic goes through here.
public enum TopicRules {
    /// Brings the topic of `event`, about to replace `old` (nil for a new event), and the topic it had, into
    /// step with it; returns the event to save (a cancelled meeting loses its topic). Refuses a topic that is
    /// withdrawn, already given to another meeting, or held (until it is put back in the queue).
    /// `Meetings.save` calls this; nothing else should.
    static func keepInStep(_ event: Event, replacing old: Event?, in session: any ScheduleSession) throws -> Event {
        var event = event
        if event.status == .cancelled, let topicID = event.topicID {
            try returnToHead(topicID, in: session)
            event.topicID = nil
        }
        if let oldTopic = old?.topicID, oldTopic != event.topicID, old?.status != .cancelled,
           var topic = try session.topic(oldTopic), topic.status == .scheduled || topic.status == .held {
            topic.status = .queued
            try session.save(topic)
        }
        if let topicID = event.topicID {
            guard var topic = try session.topic(topicID) else { throw ValidationError("the meeting's topic no longer exists", mn: "Уулзалтын сэдэв устсан байна") }
            if old?.topicID != topicID {
                try checkFree(topic, for: event, in: session)
            }
            let status: Topic.Status = event.status.tookPlace ? .held : .scheduled
            if topic.status != status {
                topic.status = status
                try session.save(topic)
            }
        }
        return event
    }

    /// Before an event is deleted (or a series meeting put back as the series plans it): its topic, if it
    /// had one and was not held there, goes back to the head of the queue.
    public static func release(_ event: Event, in session: any ScheduleSession) throws {
        if let topicID = event.topicID, !event.status.tookPlace, event.status != .cancelled {
            try returnToHead(topicID, in: session)
        }
    }

    /// Gives `topicID` to a meeting (its stored event made if needed), in place of any topic it had.
    @discardableResult
    public static func assign(_ topicID: UUID, to meeting: Occurrence, in session: any ScheduleSession) throws -> Event {
        guard meeting.status != .cancelled else { throw ValidationError("the meeting of \(meeting.schedule.start.date) is cancelled",
                                                                           mn: "\(meeting.schedule.start.date)-ний уулзалт цуцлагдсан") }
        var event = try Meetings.storedEvent(for: meeting, in: session)
        event.topicID = topicID
        try Meetings.save(event, in: session)
        return event
    }

    /// The head of the queue for the series' first meeting from `day` on that is not cancelled and has no
    /// topic; nil when every such meeting has one or the queue is empty.
    public static func assignNext(series: Series, from day: LocalDate, in session: any ScheduleSession) throws -> (meeting: Occurrence, topic: Topic)? {
        try fill(series: series, from: day, limit: 1, in: session).first
    }

    /// Gives the series' meetings in the twelve months from `day` that have no topic one topic each, in queue
    /// order, until the queue runs out (at most `limit` meetings). A topic goes to one meeting only: once
    /// given it leaves the queue, so no topic comes twice unless someone puts it back in the queue.
    @discardableResult
    public static func fill(series: Series, from day: LocalDate, limit: Int = .max, in session: any ScheduleSession) throws -> [(meeting: Occurrence, topic: Topic)] {
        let last = day.adding(days: 365)
        let open = try Meetings.upcoming(of: series, from: day, limit: 400, in: session).filter {
            $0.status != .cancelled && $0.topicID == nil && $0.schedule.start.date <= last
        }
        var queue = TopicQueue(try session.topics()).ordered[...]
        var filled: [(meeting: Occurrence, topic: Topic)] = []
        for meeting in open.prefix(limit) {
            guard let topic = queue.popFirst() else { break }
            try assign(topic.id, to: meeting, in: session)
            filled.append((meeting, topic))
        }
        return filled
    }

    /// Puts a topic back at the head of the queue: pinned, ahead of the other pinned topics.
    public static func returnToHead(_ topicID: UUID, in session: any ScheduleSession) throws {
        guard var topic = try session.topic(topicID), topic.status != .withdrawn else { return }
        let pinned = try session.topics().filter { $0.status == .queued && $0.pinned && $0.id != topicID }
        topic.status = .queued
        topic.pinned = true
        topic.handRank = (pinned.map(\.handRank).max() ?? 0) + 1
        try session.save(topic)
    }

    /// Puts a held, scheduled or withdrawn topic back in the queue, so that a meeting can take it again.
    /// A scheduled topic is taken off its meetings that have not been held.
    public static func requeue(_ topicID: UUID, in session: any ScheduleSession) throws {
        guard var topic = try session.topic(topicID) else { throw ValidationError("the topic no longer exists", mn: "Сэдэв устсан байна") }
        guard topic.status != .queued else { throw ValidationError("'\(topic.titleMn)' is already in the queue", mn: "“\(topic.titleMn)” дараалалд байна") }
        if topic.status == .scheduled {
            for var event in try session.events(withTopic: topicID) where event.status != .held {
                event.topicID = nil
                try session.save(event)
            }
        }
        topic.status = .queued
        try session.save(topic)
    }

    /// Withdraws a topic: it leaves the queue, and the meetings it was given to that have not been held lose it.
    public static func withdraw(_ topicID: UUID, in session: any ScheduleSession) throws {
        guard var topic = try session.topic(topicID) else { throw ValidationError("the topic no longer exists", mn: "Сэдэв устсан байна") }
        guard topic.status != .held else { throw ValidationError("'\(topic.titleMn)' has been held; a held topic stays in the history",
                                                                  mn: "“\(topic.titleMn)” хэлэлцэгдсэн: түүхэнд үлдэнэ") }
        guard topic.status != .withdrawn else { throw ValidationError("'\(topic.titleMn)' is already withdrawn", mn: "“\(topic.titleMn)” татагдсан байна") }
        for var event in try session.events(withTopic: topicID) where event.status != .held {
            event.topicID = nil
            try session.save(event)
        }
        topic.status = .withdrawn
        try session.save(topic)
    }

    /// Which meetings covered which topic: every topic given to a meeting, with its meetings by date.
    public static func history(in session: any ScheduleSession) throws -> [(topic: Topic, meetings: [Event])] {
        let topics = Dictionary(uniqueKeysWithValues: try session.topics().map { ($0.id, $0) })
        return try meetingsByTopic(in: session).compactMap { id, events in topics[id].map { ($0, events) } }
            .sorted { $0.meetings[0].schedule.start < $1.meetings[0].schedule.start }
    }

    /// The live meetings that have each topic, oldest first.
    public static func meetingsByTopic(in session: any ScheduleSession) throws -> [UUID: [Event]] {
        var meetings: [UUID: [Event]] = [:]
        for event in try session.events(withTopic: nil) {
            if let id = event.topicID { meetings[id, default: []].append(event) }
        }
        return meetings.mapValues { $0.sorted { $0.schedule.start < $1.schedule.start } }
    }

    /// Refuses a topic that cannot be given to `event`.
    private static func checkFree(_ topic: Topic, for event: Event, in session: any ScheduleSession) throws {
        switch topic.status {
        case .queued: return
        case .withdrawn: throw ValidationError("'\(topic.titleMn)' has been withdrawn; put it back in the queue first",
                                              mn: "“\(topic.titleMn)” татагдсан: эхлээд дараалалд буцаана уу")
        case .held, .scheduled:
            let other = try session.events(withTopic: topic.id).first { $0.id != event.id && $0.status != .cancelled }
            guard let other else { return }
            let when = other.schedule.start.date
            throw topic.status == .held
                ? ValidationError("'\(topic.titleMn)' was held at the meeting of \(when); put it back in the queue to take it again",
                                  mn: "“\(topic.titleMn)” \(when)-ний уулзалтаар хэлэлцэгдсэн: дахин авахын тулд дараалалд буцаана уу")
                : ValidationError("'\(topic.titleMn)' is already the topic of the meeting of \(when)",
                                  mn: "“\(topic.titleMn)” \(when)-ний уулзалтын сэдэв болсон")
        }
    }
}
