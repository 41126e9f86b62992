import Testing
import TovCore
@testable import TovUI

/// The interface over a real store (in memory): what a user does with keys reaches the records.
@Suite struct AppTests {
    @Test func opensOnThisMonthWithItsEvents() throws {
        let app = try Fixture.app()
        #expect(app.state.data.entries.contains { $0.occurrence.schedule.start.date.month == 11 })
        let screen = Fixture.screen(app)
        #expect(screen.contains("2026 оны 11-р сар") && screen.contains("Да  Мя  Лх"))
    }

    @Test func addsAnEventTypedInCyrillicAndUndoesAndRedoesIt() throws {
        let store = try Fixture.demoStore()
        let app = try Fixture.app(store: store)
        Fixture.press(app, [.character("a")] + Fixture.typing("Ховдын ОНХ-ны өдөр") + [.enter])
        #expect(app.state.overlay == nil)
        let found = { try store.read { try $0.allEvents().filter { $0.title == "Ховдын ОНХ-ны өдөр" } } }
        #expect(try found().count == 1)
        #expect(app.state.status?.text.contains("Ховдын ОНХ-ны өдөр") == true)
        #expect(Fixture.screen(app).contains("Ховдын ОНХ-ны өдөр"))
        Fixture.press(app, [.character("u")])
        #expect(try found().isEmpty && app.state.status?.text.hasPrefix("Буцаасан") == true)
        Fixture.press(app, [.control("r")])
        #expect(try found().count == 1)
    }

    @Test func editsAndDeletesTheSelectedEvent() throws {
        let store = try Fixture.demoStore()
        let app = try Fixture.app(store: store)
        Fixture.press(app, [.character("a")] + Fixture.typing("Сургалт") + [.enter, .character("2")])
        let row = app.state.listedEntries.firstIndex { $0.occurrence.title == "Сургалт" }!
        for _ in 0..<row { Fixture.press(app, [.down]) }
        Fixture.press(app, [.character("e"), .end] + Fixture.typing(" 2") + [.enter])
        #expect(try store.read { try $0.allEvents().contains { $0.title == "Сургалт 2" } })
        Fixture.press(app, [.character("d")])
        guard case .confirm = app.state.overlay else { Issue.record("no question"); return }
        Fixture.press(app, [.character("n")])
        #expect(try store.read { try $0.allEvents().contains { $0.title == "Сургалт 2" } })
        Fixture.press(app, [.character("d"), .character("y")])
        #expect(try store.read { try $0.allEvents().contains { $0.title == "Сургалт 2" } } == false)
    }

    /// Opens the Dialogue pane and selects the first meeting that is the series' plain meeting (no
    /// stored change of its own yet); returns it.
    func selectPlainMeeting(in app: TovApp) throws -> Occurrence {
        Fixture.press(app, [.character("3")])
        let meetings = app.state.listedMeetings
        let row = try #require(meetings.firstIndex { $0.occurrence.eventID == nil && $0.occurrence.seriesID != nil })
        for _ in 0..<row { Fixture.press(app, [.down]) }
        return meetings[row].occurrence
    }

    @Test func editingOneMeetingOfASeriesSavesItsOverride() throws {
        let store = try Fixture.demoStore()
        let app = try Fixture.app(store: store)
        let meeting = try selectPlainMeeting(in: app)
        Fixture.press(app, [.character("e"), .tab, .tab, .tab, .control("u")] + Fixture.typing("09:30") + [.tab, .control("u")]
            + Fixture.typing("11:30") + [.enter])
        let override = try #require(try store.read { try $0.overrides(ofSeries: [meeting.seriesID!]) }.first { $0.recurrenceID == meeting.recurrenceID })
        #expect(override.schedule.start.time.short == "09:30" && override.schedule.start.date == meeting.schedule.start.date)
    }

    @Test func deletingASeriesMeetingLeavesTheOthers() throws {
        let app = try Fixture.app()
        _ = try selectPlainMeeting(in: app)
        let count = app.state.listedMeetings.count
        Fixture.press(app, [.character("d"), .enter])
        #expect(app.state.listedMeetings.count == count - 1)
    }

    @Test func showsWhatAnotherWriterChanged() throws {
        let store = try Fixture.demoStore()
        let app = try Fixture.app(store: store)
        #expect(!app.idle())
        try store.write { session in
            try session.save(Event(title: "Өөр процессоос", schedule: try Schedule(allDayFrom: Fixture.today, through: Fixture.today, zone: Fixture.zone)))
        }
        #expect(app.idle())
        #expect(Fixture.screen(app).contains("Өөр процессоос"))
    }

    @Test func addsOrganisationsPeopleAndTopics() throws {
        let store = try Fixture.demoStore()
        let app = try Fixture.app(store: store)
        Fixture.press(app, [.character("4"), .character("a")] + Fixture.typing("Шилэн засаг ТББ") + [.enter])
        #expect(try store.read { try $0.organisations().contains { $0.name == "Шилэн засаг ТББ" } })
        Fixture.press(app, [.right, .character("a")] + Fixture.typing("Бат-Эрдэнэ") + [.tab] + Fixture.typing("Шилэн") + [.enter])
        let person = try #require(try store.read { try $0.people().first { $0.name == "Бат-Эрдэнэ" } })
        let organisation = try store.read { try $0.organisations().first { $0.name == "Шилэн засаг ТББ" } }
        #expect(person.organisationID == organisation?.id)
        Fixture.press(app, [.character("3"), .right, .character("a")] + Fixture.typing("Орон нутгийн төсөв") + [.enter])
        #expect(try store.read { try $0.topics().contains { $0.titleMn == "Орон нутгийн төсөв" && $0.status == .queued } })
    }

    @Test func searchFindsEventsAcrossMonthsAndEnterGoesThere() throws {
        let app = try Fixture.app()
        let title = try #require(app.state.data.entries.first { $0.occurrence.kind == .dialogue }?.occurrence.title)
        Fixture.press(app, [.character("/")] + Fixture.typing(String(title.prefix(6))) + [.enter])
        let results = try #require(app.state.searchResults)
        #expect(results.entries.count > 2 && app.state.pane == .events)
        Fixture.press(app, [.down, .enter])
        #expect(app.state.searchResults == nil && app.state.selectedDate == results.entries[1].occurrence.schedule.start.date)
    }

    @Test func nothingTypedCrashesIt() throws {
        let app = try Fixture.app()
        var generator = SystemRandomNumberGenerator()
        let keys: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
                           .control("r"), .control("s"), .control("u"), .function(1), .click(column: 10, row: 5), .resize(width: 45, height: 10),
                           .resize(width: 140, height: 40)]
            + "123tghjkladev/uLх?Ө ".map { .character($0) }
        for _ in 0..<3_000 {
            let key = keys.randomElement(using: &generator)!
            _ = app.handle(key)
            _ = app.render(width: app.state.width, height: app.state.height)
        }
    }
}
