import Foundation

/// The order in which queued topics wait for a meeting: pinned first, then most requested, then oldest.
/// A topic a coordinator moved by hand (`J`/`K`) keeps its place above the request count and age; pinning
/// still comes first.
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
        if a.handRank != b.handRank { return a.handRank > b.handRank }
        if a.requestCount != b.requestCount { return a.requestCount > b.requestCount }
        if a.proposedOn != b.proposedOn { return a.proposedOn < b.proposedOn }
        if a.created != b.created { return a.created < b.created }
        return a.id.uuidString < b.id.uuidString
    }

    /// Where a topic stands in the queue, from 1; nil when it is not queued.
    public func position(of id: UUID) -> Int? {
        ordered.firstIndex { $0.id == id }.map { $0 + 1 }
    }

    /// The topics to save so that topic `id` moves `steps` places in the queue (negative: toward the head).
    /// A topic moves among the pinned or among the others; it goes as far as it can and no further, and a
    /// move that cannot go anywhere is refused. Only the moved topic and those it passes or that stand
    /// ahead of it change, by their hand rank.
    public static func move(_ id: UUID, by steps: Int, in topics: [Topic]) throws -> [Topic] {
        var order = TopicQueue(topics).ordered
        guard let start = order.firstIndex(where: { $0.id == id }) else {
            throw ValidationError("the topic is not in the queue; `tov topic requeue` puts it back first",
                                  mn: "Сэдэв дараалалд алга: эхлээд дараалалд буцааж оруулна уу")
        }
        let pinned = order[start].pinned
        let groupStart = order.firstIndex { $0.pinned == pinned } ?? 0
        let groupEnd = order.lastIndex { $0.pinned == pinned } ?? start
        let target = min(max(start + steps, groupStart), groupEnd)
        guard target != start else {
            if steps == 0 { return [] }
            if steps < 0 {
                throw start == 0
                    ? ValidationError("the topic is already at the head of the queue", mn: "Сэдэв дарааллын эхэнд байна")
                    : ValidationError("pinned topics stay ahead of it; pin it to move it among them",
                                      mn: "Тогтоосон сэдвүүд түрүүнд байна: тэдний дунд зөөхийн тулд тогтооно уу (p)")
            }
            throw pinned && groupEnd + 1 < order.count
                ? ValidationError("it is the last pinned topic; unpin it to move it further down",
                                  mn: "Тогтоосон сэдвүүдийн сүүлчийнх: цааш зөөхийн тулд тогтоолтыг авна уу (p)")
                : ValidationError("the topic is already at the end of the queue", mn: "Сэдэв дарааллын төгсгөлд байна")
        }
        var changed: Set<UUID> = []
        // One place at a time: the topic behind moves up past the one ahead of it.
        func raise(_ index: Int) {
            let ahead = order[index - 1]
            order[index].handRank = ahead.handRank + 1
            changed.insert(order[index].id)
            // Those ahead of the passed topic rise by two, so the raised one does not pass them too.
            for earlier in groupStart..<(index - 1) {
                order[earlier].handRank += 2
                changed.insert(order[earlier].id)
            }
            order.swapAt(index - 1, index)
        }
        var index = start
        while index > target { raise(index); index -= 1 }
        while index < target { raise(index + 1); index += 1 }
        return order.filter { changed.contains($0.id) }
    }
}

extension Topic {
    /// Pins or unpins the topic. It then takes its place among the pinned (or the others) by requests and
    /// age: a hand move made in the other group does not come with it.
    public mutating func setPinned(_ pinned: Bool) {
        self.pinned = pinned
        handRank = 0
    }

    /// Records that an organisation asks for the topic; false when it already had (one request each).
    @discardableResult
    public mutating func request(by organisationID: UUID, on date: LocalDate) -> Bool {
        guard !requests.contains(where: { $0.organisationID == organisationID }) else { return false }
        requests.append(Request(organisationID: organisationID, date: date))
        return true
    }
}
