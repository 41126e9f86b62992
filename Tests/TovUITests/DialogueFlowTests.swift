import Foundation
import Testing
import TovCore
@testable import TovUI

/// Running the NGO Dialogue from the interface alone: the walk-through, key by key.
@Suite struct DialogueFlowTests {
    /// Files the interface exported, by path.
    final class Files: @unchecked Sendable { var written: [String: String] = [:] }

    func app(_ store: InMemoryStore, files: Files, language: Language = .mn) -> TovApp {
        let app = TovApp(store: store, today: Fixture.today, zone: Fixture.zone, language: language, colors: true,
                         writeFile: { path, text in files.written[path] = text })
        _ = app.handle(.resize(width: 140, height: 40))
        return app
    }

    func select(_ app: TovApp, row: Int, of count: () -> Int) {
        Fixture.press(app, Array(repeating: .up, count: count()) + Array(repeating: .down, count: row))
    }

    @Test func topicsRequestsFillPresentersConflictInvitationsAttendanceAndExport() throws {
        let store = try Fixture.demoStore()
        let files = Files()
        let app = app(store, files: files)
        Fixture.press(app, [.character("3"), .character("l")])
        let titles = ["Төсвийн ил тод байдал", "Орон нутгийн хөгжлийн сан", "Хүүхдийн эрхийн хяналт"]
        for title in titles { Fixture.press(app, [.character("a")] + Fixture.typing(title) + [.enter]) }
        #expect(try store.read { try $0.topics() }.filter { titles.contains($0.titleMn) }.count == 3)

        // Two NGOs ask for the third topic; the same NGO asking again counts once.
        let ngos = try store.read { try $0.organisations() }.filter { $0.kind == .ngo }
        let row = try #require(app.state.listedTopics.firstIndex { $0.titleMn == titles[2] })
        select(app, row: row) { app.state.listedTopics.count }
        for ngo in [ngos[0], ngos[1], ngos[0]] {
            Fixture.press(app, [.character("r")] + Fixture.typing(ngo.name) + [.enter])
        }
        if case .form = app.state.overlay { Fixture.press(app, [.escape]) }
        let requested = try #require(try store.read { try $0.topics() }.first { $0.titleMn == titles[2] })
        #expect(requested.requestCount == 2)
        #expect(app.state.data.topics.firstIndex { $0.id == requested.id }! < app.state.data.topics.firstIndex { $0.titleMn == titles[0] }!)

        // Every meeting of the next twelve months gets a topic, none twice.
        Fixture.press(app, [.character("A")])
        let coming = app.state.listedMeetings.filter { $0.occurrence.schedule.start.date >= Fixture.today
            && $0.occurrence.schedule.start.date <= Fixture.today.adding(days: 365) }
        #expect(coming.count == 6)
        #expect(coming.allSatisfy { $0.topic != nil })
        #expect(Set(coming.compactMap { $0.topic?.id }).count == coming.count)

        // A keynote and two lead discussants for the first coming meeting nobody has a role at yet.
        Fixture.press(app, [.character("h")])
        let meetingRow = try #require(app.state.listedMeetings.firstIndex {
            $0.occurrence.schedule.start.date >= Fixture.today && $0.people.isEmpty })
        select(app, row: meetingRow) { app.state.listedMeetings.count }
        let meeting = app.state.listedMeetings[meetingRow].occurrence
        Fixture.press(app, [.enter])
        #expect(app.state.sheet != nil)
        let people = try store.read { try $0.people() }.sorted { MongolianOrder.precedes($0.name, $1.name) }
        Fixture.press(app, [.character("a")] + Fixture.typing(people[0].name) + [.enter])
        for person in people[1...2] {
            Fixture.press(app, [.character("a")] + Fixture.typing(person.name) + [.tab, .right, .enter])
        }
        let roles = try #require(app.state.sheet?.roles)
        #expect(roles.map(\.assignment.role) == [.keynote, .leadDiscussant, .leadDiscussant])
        #expect(Fixture.screen(app).contains(people[0].name))

        // The keynote also presents at an SA Day in Khovd that day: planned and staffed in the interface too,
        // the SA Day's sheet shows the conflict, and so does the meeting's.
        let day = meeting.schedule.start.date
        Fixture.press(app, [.escape, .character("2")] + SnapshotTests.goTo(day.description)
            + [.character("a")] + Fixture.typing("Ховд аймгийн ОНХ-ны өдөр") + [.tab, .right, .right, .tab, .tab, .control("u")]
            + Fixture.typing("09:00") + [.tab, .control("u")] + Fixture.typing("17:00") + [.tab, .tab] + Fixture.typing("Ховд") + [.enter])
        #expect(app.state.overlay == nil, "\(String(describing: app.state.overlay))")
        let saDay = try #require(app.state.listedEntries.firstIndex { $0.occurrence.title == "Ховд аймгийн ОНХ-ны өдөр" })
        #expect(app.state.listedEntries[saDay].occurrence.kind == .saDay && app.state.listedEntries[saDay].occurrence.placeCode == "MN-043")
        select(app, row: saDay) { app.state.listedEntries.count }
        Fixture.press(app, [.enter, .character("a")] + Fixture.typing(people[0].name) + [.tab, .right, .right, .right, .enter])
        #expect(app.state.sheet?.roles.map(\.assignment.role) == [.presenter])
        #expect(app.state.status?.text.contains("⚠") == true)
        Fixture.press(app, [.escape])
        #expect(app.state.pane == .events)
        Fixture.press(app, [.character("3")])
        select(app, row: meetingRow) { app.state.listedMeetings.count }
        Fixture.press(app, [.enter])
        let conflicts = try #require(app.state.sheet?.conflicts)
        #expect(conflicts.contains { $0.person?.id == people[0].id && $0.kind == .doubleBooked })
        #expect(Fixture.screen(app).contains("⚠"))

        // Invite every NGO, mark two of them, and export the list.
        Fixture.press(app, [.character("l"), .character("a"), .enter])
        #expect(app.state.sheet?.counts.invited == ngos.count)
        Fixture.press(app, [.character("m"), .character("m"), .down, .character("m"), .character("m")])
        #expect(app.state.sheet?.counts.attended == 2)
        Fixture.press(app, [.character("x"), .enter])
        let csv = try #require(files.written["attendance-\(day).csv"])
        #expect(csv.split(whereSeparator: \.isNewline).count == ngos.count + 1)
        #expect(app.state.status?.text.contains("attendance-\(day).csv") == true)

        // Each step was one change: undo takes back the last mark.
        Fixture.press(app, [.character("u")])
        #expect(app.state.sheet?.counts.attended == 1)
        Fixture.press(app, [.escape])
        #expect(app.state.sheet == nil)
    }

    @Test func theQueueMovesByHandAndPins() throws {
        let store = try Fixture.demoStore()
        let app = app(store, files: Files())
        Fixture.press(app, [.character("3"), .character("l")])
        let before = app.state.listedTopics.filter { $0.status == .queued }.map(\.id)
        #expect(before.count >= 3)
        select(app, row: 2) { app.state.listedTopics.count }
        Fixture.press(app, [.character("K")])
        #expect(app.state.data.topics.filter { $0.status == .queued }.map(\.id) == [before[0], before[2], before[1]] + before.dropFirst(3))
        #expect(app.state.selectedTopic?.id == before[2])
        Fixture.press(app, [.character("J")])
        #expect(app.state.data.topics.filter { $0.status == .queued }.map(\.id) == before)
        Fixture.press(app, [.character("u"), .character("u")])
        #expect(app.state.data.topics.filter { $0.status == .queued }.map(\.id) == before)
        select(app, row: 2) { app.state.listedTopics.count }
        Fixture.press(app, [.character("p")])
        #expect(app.state.data.topics.first?.id == before[2] && app.state.data.topics.first?.pinned == true)
        // Outside the Dialogue pane the queue's keys say where they work.
        Fixture.press(app, [.character("2"), .character("K")])
        #expect(app.state.status?.text.contains("3") == true)
    }
}
