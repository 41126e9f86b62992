import Foundation
import Testing
import TovCore
@testable import TovUI

/// Running the NGO Dialogue from the interface alone: the issue's walk-through, key by key.
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
            Fixture.press(app, [.character("a")] + Fixture.typing(person.name) + [.tab, .tab, .right, .enter])
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
        Fixture.press(app, [.enter, .character("a")] + Fixture.typing(people[0].name) + [.tab, .tab, .right, .right, .right, .right, .enter])
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

    /// The first coming meeting nothing is stored on: a plain meeting of the series.
    func plainComingMeeting(_ app: TovApp) throws -> Int {
        try #require(app.state.listedMeetings.firstIndex {
            $0.occurrence.schedule.start.date >= Fixture.today && $0.occurrence.eventID == nil })
    }

    @Test func theProgrammeIsEditedByKeys() throws {
        let store = try Fixture.demoStore()
        let app = app(store, files: Files())
        Fixture.press(app, [.character("3")])
        let row = try plainComingMeeting(app)
        select(app, row: row) { app.state.listedMeetings.count }
        // Before anything is stored, the sheet shows the default programme the meeting will get.
        Fixture.press(app, [.enter, .right, .right])
        #expect(app.state.sheet?.section == .programme)
        #expect(app.state.sheet?.programme.map(\.kind) == [.keynote, .presentation, .panel, .openDiscussion, .interview])

        // Re-time the second item: the meeting is stored with its programme, and only that item changes.
        Fixture.press(app, [.down, .character("e"), .tab, .tab, .control("u")] + Fixture.typing("14:35") + [.enter])
        #expect(app.state.overlay == nil, "\(String(describing: app.state.overlay))")
        let eventID = try #require(app.state.sheet?.occurrence.eventID)
        var items = try store.read { try Programme.items(of: eventID, in: $0) }
        #expect(items.count == 5)
        #expect(items[1].start?.short == "14:35" && items[1].kind == .presentation)

        // A time outside the meeting's hours is refused in the form, in Mongolian, and nothing changes.
        Fixture.press(app, [.character("a"), .tab] + Fixture.typing("Хаалтын үг") + [.tab, .tab, .control("u")] + Fixture.typing("18:00") + [.enter])
        guard case .form(let form) = app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("уулзалтын цагаас гадуур") == true)
        Fixture.press(app, [.control("u")] + Fixture.typing("17:00") + [.enter])
        items = try store.read { try Programme.items(of: eventID, in: $0) }
        #expect(items.map(\.title).last == "Хаалтын үг" && items.last?.start?.short == "16:30")
        #expect(Fixture.screen(app).contains("Хаалтын үг"))

        // Remove the keynote item; its keynote speaker stays on the meeting. Undo brings the item back.
        let person = try #require(try store.read { try $0.people() }.first)
        try store.write(undoable: "keynote") { session in
            let event = try #require(try session.event(eventID))
            try Meetings.assign(.person(person.id), as: .keynote, on: items[0].id, to: event, named: person.name, in: session)
        }
        Fixture.press(app, [.escape, .enter, .right, .right, .character("d")])
        items = try store.read { try Programme.items(of: eventID, in: $0) }
        #expect(!items.contains { $0.kind == .keynote })
        let assignments = try store.read { try $0.assignments(ofEvents: [eventID]) }
        #expect(assignments.contains { $0.role == .keynote && $0.programmeItemID == nil })
        Fixture.press(app, [.character("u")])
        #expect(try store.read { try Programme.items(of: eventID, in: $0) }.first?.kind == .keynote)
    }

    @Test func daysAwayFlagTheMeetingAndTopicsShowTheirMeetings() throws {
        let store = try Fixture.demoStore()
        let app = app(store, files: Files(), language: .mn)
        Fixture.press(app, [.character("3")])
        let row = try plainComingMeeting(app)
        select(app, row: row) { app.state.listedMeetings.count }
        let meeting = app.state.listedMeetings[row].occurrence
        let day = meeting.schedule.start.date
        #expect(!app.state.data.meetingConflicts.contains(ScreenData.conflictKey(meeting)))
        let person = try #require(app.state.data.people.first)
        Fixture.press(app, [.enter, .character("a")] + Fixture.typing(person.name) + [.enter, .escape])

        // Away on the meeting's day, added in the People pane.
        Fixture.press(app, [.character("4"), .character("l")])
        select(app, row: app.state.listedPeople.firstIndex { $0.id == person.id }!) { app.state.listedPeople.count }
        Fixture.press(app, [.character("o"), .control("u")] + Fixture.typing(day.adding(days: -1).description)
            + [.tab] + Fixture.typing(day.adding(days: 1).description) + [.tab] + Fixture.typing("Томилолт") + [.enter])
        #expect(app.state.overlay == nil, "\(String(describing: app.state.overlay))")
        let away = try store.read { try $0.unavailability(ofPeople: [person.id]) }
        #expect(away.map(\.from) == [day.adding(days: -1)] && away.first?.note == "Томилолт")
        #expect(Fixture.screen(app).contains("Томилолт"))
        #expect(app.state.status?.text.contains("⚠") == true)

        // The meetings list now marks the meeting.
        Fixture.press(app, [.character("3")])
        let marked = try #require(app.state.listedMeetings.firstIndex { $0.occurrence.schedule.start.date == day })
        #expect(app.state.data.meetingConflicts.contains(ScreenData.conflictKey(app.state.listedMeetings[marked].occurrence)))
        let line = Fixture.screen(app).split(separator: "\n").first { $0.contains(day.description) }
        #expect(line?.contains("⚠") == true)

        // A last day before the first is refused in the form.
        Fixture.press(app, [.character("4"), .character("o"), .tab] + Fixture.typing("2020-01-01") + [.enter])
        guard case .form(let form) = app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("эхний өдөр") == true)
        Fixture.press(app, [.escape])

        // A topic's details list the meetings that covered it.
        Fixture.press(app, [.character("3"), .character("l")])
        let held = try #require(app.state.listedTopics.firstIndex { $0.status == .held })
        select(app, row: held) { app.state.listedTopics.count }
        let covered = try #require(app.state.data.topicMeetings[app.state.listedTopics[held].id]?.first)
        #expect(Fixture.screen(app).contains(covered.schedule.start.date.description))

        // The queue's refusals are in Mongolian too.
        select(app, row: 0) { app.state.listedTopics.count }
        Fixture.press(app, [.character("K")])
        #expect(app.state.status?.text == "Сэдэв дарааллын эхэнд байна")
    }
}
