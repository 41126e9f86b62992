import Foundation
import Testing
import TovCore
@testable import TovUI

/// Planning an SA Day from the interface: Khovd in its own time zone, co-organisers, the programme with
/// presenters, the status flow, coverage, the report after the day and a copy for next year.
@Suite struct SADayFlowTests {
    func app(_ store: InMemoryStore) -> TovApp {
        let app = TovApp(store: store, today: Fixture.today, zone: Fixture.zone, language: .mn, colors: true)
        _ = app.handle(.resize(width: 140, height: 40))
        return app
    }

    func select(_ app: TovApp, row: Int, of count: () -> Int) {
        Fixture.press(app, Array(repeating: .up, count: count()) + Array(repeating: .down, count: row))
    }

    /// Plans a Khovd SA Day on `day` by keys, from the Events pane, and opens its sheet.
    func planKhovd(_ app: TovApp, on day: LocalDate, status rights: Int = 0) throws {
        Fixture.press(app, [.character("2")] + SnapshotTests.goTo(day.description)
            + [.character("a")] + Fixture.typing("Ховд аймгийн НЭХ өдөрлөг") + [.tab, .right, .right, .tab, .tab, .control("u")]
            + Fixture.typing("10:00") + [.tab, .control("u")] + Fixture.typing("17:00") + [.tab, .tab] + Fixture.typing("Ховд")
            + [.tab, .tab] + Array(repeating: .right, count: rights) + [.enter])
        #expect(app.state.overlay == nil, "\(String(describing: app.state.overlay))")
        let row = try #require(app.state.listedEntries.firstIndex { $0.occurrence.title == "Ховд аймгийн НЭХ өдөрлөг" })
        select(app, row: row) { app.state.listedEntries.count }
        Fixture.press(app, [.enter])
        #expect(app.state.sheet?.occurrence.kind == .saDay)
    }

    @Test func aKhovdDayIsPlannedStaffedCoveredAndCopied() throws {
        let store = try Fixture.demoStore()
        let app = app(store)
        let day = try LocalDate(parsing: "2027-06-17")
        // Planned first as an idea (the status choice goes round from confirmed).
        try planKhovd(app, on: day, status: 4)
        #expect(app.state.sheet?.occurrence.status == .idea)
        // Its time zone: Khovd is UTC+7.
        #expect(app.state.sheet?.occurrence.schedule.zone.identifier == "Asia/Hovd")
        #expect(Fixture.screen(app).contains("UTC+7"))

        // Two co-organisers (organisations), then five programme items, each with a presenter.
        let organisations = try store.read { try $0.organisations() }.filter { $0.kind == .localAdministration || $0.kind == .serviceProvider }
        for organisation in organisations.prefix(2) {
            Fixture.press(app, [.character("a"), .tab] + Fixture.typing(organisation.name) + [.enter, .enter])
        }
        #expect(app.state.sheet?.roles.filter { $0.assignment.role == .coOrganiser }.count == 2)
        let items: [(String, String, String)] = [("Боловсролын үйлчилгээний хэлэлцүүлэг", "10:00", "11:00"),
                                                 ("Эрүүл мэндийн үйлчилгээний хэлэлцүүлэг", "11:00", "12:00"),
                                                 ("Санаачилгын танилцуулга", "13:00", "14:00"),
                                                 ("Сургалт", "14:00", "15:00"), ("Иргэдийн санал асуулга", "15:00", "17:00")]
        Fixture.press(app, [.right, .right])
        for (title, from, to) in items {
            Fixture.press(app, [.character("a"), .tab] + Fixture.typing(title) + [.tab, .control("u")] + Fixture.typing(from)
                + [.tab, .control("u")] + Fixture.typing(to) + [.enter])
        }
        let programme = try #require(app.state.sheet?.programme)
        #expect(programme.map(\.title) == items.map(\.0))
        let people = try store.read { try $0.people() }.sorted { MongolianOrder.precedes($0.name, $1.name) }
        Fixture.press(app, [.left, .left])
        for (index, person) in people.prefix(5).enumerated() {
            // Presenter on the item of the same place: the role list starts with co-organiser for an SA Day.
            Fixture.press(app, [.character("a")] + Fixture.typing(person.name) + [.tab, .tab, .right, .right, .right, .right, .tab]
                + Array(repeating: .right, count: index + 1) + [.enter])
        }
        let roles = try #require(app.state.sheet?.roles)
        #expect(roles.filter { $0.assignment.role == .presenter && $0.assignment.programmeItemID != nil }.count == 5)

        // An idea cannot jump to held: the form says why.
        Fixture.press(app, [.escape])
        #expect(app.state.pane == .events)
        Fixture.press(app, [.character("e")] + Array(repeating: .tab, count: 8) + [.right, .right, .right, .enter])
        guard case .form(let form) = app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("болж болохгүй") == true)
        // Tentative is the next step.
        Fixture.press(app, [.left, .left, .enter])
        #expect(app.state.overlay == nil, "\(String(describing: app.state.overlay))")

        // Coverage shows Khovd as planned in 2027.
        Fixture.press(app, [.character("C")])
        guard case .coverage(let coverage, _) = app.state.overlay else { Issue.record("no coverage"); return }
        #expect(coverage.year == 2027)
        #expect(coverage.rows.first { $0.place.code == "MN-043" }?.state == .planned)
        #expect(Fixture.screen(app).contains("Ховд"))
        Fixture.press(app, [.escape])

        // A copy for next year keeps the programme and co-organisers, not the presenters.
        Fixture.press(app, [.enter, .character("c"), .control("u")] + Fixture.typing("2028-06-15") + [.enter])
        let copy = try #require(try store.read { try $0.allEvents() }.first { $0.schedule.start.date.description == "2028-06-15" })
        #expect(copy.status == .idea && copy.placeCode == "MN-043" && copy.schedule.zone.identifier == "Asia/Hovd")
        #expect(try store.read { try Programme.items(of: copy.id, in: $0) }.map(\.title) == items.map(\.0))
        let copied = try store.read { try $0.assignments(ofEvents: [copy.id]) }
        #expect(copied.count == 2 && copied.allSatisfy { $0.role == .coOrganiser })
    }

    @Test func theReportIsWrittenAfterTheDay() throws {
        let store = try Fixture.demoStore()
        let app = app(store)
        // A confirmed Khovd day last week.
        try planKhovd(app, on: Fixture.today.adding(days: -5))
        #expect(app.state.sheet?.occurrence.status == .confirmed)
        Fixture.press(app, [.character("R")] + Fixture.typing("120") + [.tab] + Fixture.typing("Иргэд идэвхтэй оролцов") + [.enter])
        #expect(app.state.overlay == nil, "\(String(describing: app.state.overlay))")
        let event = try #require(try store.read { try $0.event(app.state.sheet!.occurrence.eventID!) })
        #expect(event.status == .reported && event.report?.attendance == 120)
        #expect(Fixture.screen(app).contains("120 хүн ирсэн"))
        // Undo takes the report back as one step.
        Fixture.press(app, [.character("u")])
        #expect(try store.read { try $0.event(event.id) }?.status == .confirmed)

        // A day to come has no report yet.
        Fixture.press(app, [.escape])
        try planKhovd(app, on: Fixture.today.adding(days: 30))
        Fixture.press(app, [.character("R")])
        #expect(app.state.overlay == nil)
        #expect(app.state.status?.isError == true)
    }
}
