/// The order in which queued topics wait for a meeting: pinned first, then most requested, then oldest.
///
///     let next = TopicQueue(topics).ordered.first
public struct TopicQueue: Sendable {
    /// Queued topics in queue order.
    public let ordered: [Topic]

    public init(_ topics: [Topic]) {
        ordered = topics.filter { $0.status == .queued }.sorted(by: TopicQueue.precedes)
    }

    /// Whether `a` waits ahead of `b`. Ties fall back to the title and id so the order is stable.
    public static func precedes(_ a: Topic, _ b: Topic) -> Bool {
        if a.pinned != b.pinned { return a.pinned }
        if a.requestCount != b.requestCount { return a.requestCount > b.requestCount }
        if a.proposedOn != b.proposedOn { return a.proposedOn < b.proposedOn }
        if a.created != b.created { return a.created < b.created }
        return a.id.uuidString < b.id.uuidString
    }
}
