import Foundation
import Testing
@testable import TovCore

/// The topic queue moved by hand, and meetings and topics kept in step.
@Suite struct TopicRulesTests {
    let day = try! LocalDate(parsing: "2026-11-23")
    let zone = try! Zone("Asia/Ulaanbaatar")

    func topic(_ title: String, daysAgo: Int = 0, pinned: Bool = false, requests: Int = 0) -> Topic {
        Topic(titleMn: title, proposedOn: day.adding(days: -daysAgo), pinned: pinned,
              requests: (0..<requests).map { _ in Topic.Request(organisationID: UUID(), date: day) })
    }

    /// Moves and returns the queue's titles after saving what changed.
    func moved(_ topics: [Topic], _ title: String, by steps: Int) throws -> [String] {
        var byID = Dictionary(uniqueKeysWithValues: topics.map { ($0.id, $0) })
        let id = try #require(topics.first { $0.titleMn == title }?.id)
        for changed in try TopicQueue.move(id, by: steps, in: topics) { byID[changed.id] = changed }
        return TopicQueue(Array(byID.values)).ordered.map(\.titleMn)
    }

    @Test func aTopicMovesOnePlaceAtATimePastMoreRequestedOnes() throws {
        let topics = [topic("a", requests: 4), topic("b", requests: 3), topic("c", requests: 2), topic("d", requests: 1)]
        #expect(try moved(topics, "d", by: -1) == ["a", "b", "d", "c"])
        #expect(try moved(topics, "d", by: -3) == ["d", "a", "b", "c"])
        #expect(try moved(topics, "a", by: 2) == ["b", "c", "a", "d"])
        #expect(try moved(topics, "b", by: 9) == ["a", "c", "d", "b"])
    }

    @Test func movesStayAmongThePinnedOrTheOthers() throws {
        let topics = [topic("pinned", pinned: true), topic("x", requests: 5), topic("y")]
        #expect(throws: ValidationError.self) { try moved(topics, "x", by: -1) }
        #expect(throws: ValidationError.self) { try moved(topics, "pinned", by: 1) }
        #expect(throws: ValidationError.self) { try moved(topics, "y", by: 1) }
        #expect(try moved(topics, "y", by: -5) == ["pinned", "y", "x"])
    }

    @Test func aHandMoveOutranksRequestsButNotPinning() throws {
        let topics = [topic("wanted", requests: 3), topic("quiet")]
        var byID = Dictionary(uniqueKeysWithValues: topics.map { ($0.id, $0) })
        for changed in try TopicQueue.move(topics[1].id, by: -1, in: topics) { byID[changed.id] = changed }
        // A new request does not undo the coordinator's order; pinning still comes first.
        byID[topics[0].id]?.request(by: UUID(), on: day)
        var later = topic("pinned later", pinned: true)
        later.proposedOn = day
        byID[later.id] = later
        #expect(TopicQueue(Array(byID.values)).ordered.map(\.titleMn) == ["pinned later", "quiet", "wanted"])
    }

    @Test func anOrganisationRequestsOnce() {
        var t = topic("t")
        let ngo = UUID()
        let first = t.request(by: ngo, on: day)
        let second = t.request(by: ngo, on: day.adding(days: 3))
        #expect(first && !second)
        #expect(t.requestCount == 1 && t.requests.count == 1)
    }

    // MARK: - Meetings and topics

    /// A store with the bimonthly dialogue series from January 2027 and three queued topics.
    func dialogue() throws -> (InMemoryStore, Series, [Topic]) {
        let store = InMemoryStore()
        let start = LocalDateTime(date: try LocalDate(parsing: "2027-01-21"), time: try LocalTime(parsing: "14:00"))
        let series = Series(kind: .dialogue, title: "ТББ-ын диалоги",
                            schedule: try Schedule(start: start, end: start.adding(seconds: 3 * 3600), zone: zone),
                            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"))
        let topics = [topic("first", requests: 2), topic("second", requests: 1), topic("third")]
        try store.write { session in
            try session.save(series)
            for t in topics { try session.save(t) }
        }
        return (store, series, topics)
    }

    func meetings(_ store: InMemoryStore, _ series: Series) throws -> [Occurrence] {
        // The series as stored now: deleting a meeting changes its exception dates.
        try store.read { session in
            try Meetings.upcoming(of: try #require(try session.series(series.id)), from: day, limit: 12, in: session)
        }
    }

    @Test func fillingGivesEachMeetingTheNextTopicAndNeverRepeatsOne() throws {
        let (store, series, _) = try dialogue()
        let filled = try store.write { try TopicRules.fill(series: series, from: day, in: $0) }
        #expect(filled.map(\.topic.titleMn) == ["first", "second", "third"])
        #expect(filled.map(\.meeting.schedule.start.date.description) == ["2027-01-21", "2027-03-18", "2027-05-20"])
        // The queue is empty now: filling again gives nothing, and no topic is on two meetings.
        #expect(try store.write { try TopicRules.fill(series: series, from: day, in: $0) }.isEmpty)
        let topicsOnMeetings = try meetings(store, series).compactMap(\.topicID)
        #expect(topicsOnMeetings.count == 3 && Set(topicsOnMeetings).count == 3)
        let statuses = try store.read { try $0.topics().map(\.status) }
        #expect(statuses.allSatisfy { $0 == .scheduled })
        // A new topic goes to the next meeting without one.
        try store.write { try $0.save(topic("fourth")) }
        let next = try store.write { try TopicRules.assignNext(series: series, from: day, in: $0) }
        #expect(next?.topic.titleMn == "fourth" && next?.meeting.schedule.start.date.description == "2027-07-15")
    }

    @Test func aCancelledMeetingReturnsItsTopicToTheHeadOfTheQueue() throws {
        let (store, series, topics) = try dialogue()
        try store.write { _ = try TopicRules.fill(series: series, from: day, limit: 2, in: $0) }
        try store.write { session in
            try session.save(self.topic("pinned meanwhile", pinned: true))
            var meeting = try Meetings.storedEvent(for: try meetings(store, series)[0], in: session)
            meeting.status = .cancelled
            try Meetings.save(meeting, in: session)
        }
        let queue = try store.read { TopicQueue(try $0.topics()).ordered.map(\.titleMn) }
        #expect(queue == ["first", "pinned meanwhile", "third"])
        let cancelled = try meetings(store, series)[0]
        #expect(cancelled.status == .cancelled && cancelled.topicID == nil)
        // The returned topic goes to the next meeting without one, not to the cancelled one.
        let next = try store.write { try TopicRules.assignNext(series: series, from: day, in: $0) }
        #expect(next?.topic.id == topics[0].id && next?.meeting.schedule.start.date.description == "2027-05-20")
    }

    @Test func aHeldMeetingMarksItsTopicHeldAndTheTopicCannotBeGivenAgain() throws {
        let (store, series, topics) = try dialogue()
        try store.write { _ = try TopicRules.fill(series: series, from: day, limit: 1, in: $0) }
        try store.write { session in
            var meeting = try Meetings.storedEvent(for: try meetings(store, series)[0], in: session)
            meeting.status = .held
            try Meetings.save(meeting, in: session)
        }
        #expect(try store.read { try $0.topic(topics[0].id)?.status } == .held)
        let second = try meetings(store, series)[1]
        #expect(throws: ValidationError.self) {
            try store.write { try TopicRules.assign(topics[0].id, to: second, in: $0) }
        }
        // Put back in the queue by hand, it may come again.
        try store.write { try TopicRules.requeue(topics[0].id, in: $0) }
        _ = try store.write { try TopicRules.assign(topics[0].id, to: second, in: $0) }
        #expect(try meetings(store, series)[1].topicID == topics[0].id)
    }

    @Test func takingATopicOffAMeetingOrDeletingTheMeetingPutsItBack() throws {
        let (store, series, topics) = try dialogue()
        try store.write { _ = try TopicRules.fill(series: series, from: day, limit: 2, in: $0) }
        try store.write { session in
            var meeting = try Meetings.storedEvent(for: try meetings(store, series)[0], in: session)
            meeting.topicID = nil
            try Meetings.save(meeting, in: session)
            let second = try Meetings.storedEvent(for: try meetings(store, series)[1], in: session)
            try Meetings.delete(second, in: session)
        }
        let statuses = try store.read { session in try topics.map { try session.topic($0.id)?.status } }
        #expect(statuses == [.queued, .queued, .queued])
        #expect(try meetings(store, series).first?.schedule.start.date.description == "2027-01-21")
        #expect(try meetings(store, series).dropFirst().first?.schedule.start.date.description == "2027-05-20")
    }

    @Test func withdrawingTakesATopicOffItsComingMeeting() throws {
        let (store, series, topics) = try dialogue()
        try store.write { _ = try TopicRules.fill(series: series, from: day, limit: 1, in: $0) }
        try store.write { try TopicRules.withdraw(topics[0].id, in: $0) }
        #expect(try meetings(store, series)[0].topicID == nil)
        #expect(try store.read { try $0.topic(topics[0].id)?.status } == .withdrawn)
        #expect(try store.read { TopicQueue(try $0.topics()).ordered.map(\.titleMn) } == ["second", "third"])
    }

    @Test func aNewDialogueMeetingGetsTheSeedsProgramme() throws {
        let (store, series, _) = try dialogue()
        let items = try store.write { session -> [ProgrammeItem] in
            let event = try Meetings.storedEvent(for: try meetings(store, series)[0], in: session)
            return try session.programme(ofEvent: event.id)
        }
        #expect(items.map(\.kind) == [.keynote, .presentation, .panel, .openDiscussion, .interview])
        #expect(items.first?.start?.short == "14:00" && items.last?.end?.short == "16:30")
        // Items fit inside a short meeting.
        let start = LocalDateTime(date: day, time: try LocalTime(parsing: "10:00"))
        let short = Event(kind: .dialogue, title: "short", schedule: try Schedule(start: start, end: start.adding(seconds: 3600), zone: zone))
        #expect(DefaultProgramme.items(for: short).last?.end?.short == "11:00")
        #expect(DefaultProgramme.items(for: Event(kind: .saDay, title: "", schedule: short.schedule)).isEmpty)
    }
}
