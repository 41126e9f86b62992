import Foundation
import Testing
@testable import TovCore

@Suite struct TopicQueueTests {
    let day = try! LocalDate(parsing: "2026-01-01")
    let ngoA = UUID(), ngoB = UUID(), ngoC = UUID()

    func topic(_ title: String, daysAfter: Int = 0, pinned: Bool = false, requests: [UUID] = [], status: Topic.Status = .queued) -> Topic {
        Topic(titleMn: title, proposedOn: day.adding(days: daysAfter), pinned: pinned, status: status,
              requests: requests.map { Topic.Request(organisationID: $0, date: day) })
    }

    @Test func pinnedBeatsRequested() {
        let queue = TopicQueue([topic("requested", requests: [ngoA, ngoB, ngoC]), topic("pinned", daysAfter: 9, pinned: true)])
        #expect(queue.ordered.map(\.titleMn) == ["pinned", "requested"])
    }

    @Test func mostRequestedBeatsOldest() {
        let queue = TopicQueue([topic("old"), topic("wanted", daysAfter: 5, requests: [ngoA, ngoB])])
        #expect(queue.ordered.map(\.titleMn) == ["wanted", "old"])
    }

    @Test func oldestFirstAmongEquals() {
        let queue = TopicQueue([topic("newer", daysAfter: 3), topic("older", daysAfter: 1)])
        #expect(queue.ordered.map(\.titleMn) == ["older", "newer"])
    }

    @Test func twoRequestsFromOneOrganisationCountOnce() {
        let twice = topic("twice", requests: [ngoA, ngoA])
        #expect(twice.requestCount == 1)
        let queue = TopicQueue([twice, topic("two", daysAfter: 1, requests: [ngoA, ngoB])])
        #expect(queue.ordered.map(\.titleMn) == ["two", "twice"])
    }

    @Test func onlyQueuedTopicsWait() {
        let queue = TopicQueue([topic("held", status: .held), topic("withdrawn", status: .withdrawn), topic("queued")])
        #expect(queue.ordered.map(\.titleMn) == ["queued"])
    }
}
