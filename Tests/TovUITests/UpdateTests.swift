import Testing
import TovCore
@testable import TovUI

@Suite struct UpdateTests {
    func state() -> AppState {
        var state = AppState(language: .mn, today: Fixture.today, zone: Fixture.zone)
        state.data = ScreenData(days: ScreenData.gridDays(around: Fixture.today))
        return state
    }

    @Test func arrowsAndLettersMoveTheSelectedDay() {
        var state = state()
        #expect(Update.handle(.character("l"), state: &state).isEmpty)
        #expect(state.selectedDate.description == "2026-11-24")
        _ = Update.handle(.down, state: &state)
        #expect(state.selectedDate.description == "2026-12-01")
        _ = Update.handle(.character("k"), state: &state)
        _ = Update.handle(.character("h"), state: &state)
        #expect(state.selectedDate == Fixture.today)
    }

    @Test func aNewMonthIsLoadedAndTodayComesBack() {
        var state = state()
        let effects = Update.handle(.pageDown, state: &state)
        #expect(state.selectedDate.description == "2026-12-23")
        #expect(effects.contains { if case .loadMonth = $0 { true } else { false } })
        _ = Update.handle(.character("t"), state: &state)
        #expect(state.selectedDate == Fixture.today)
    }

    @Test func gridsStartOnMonday() {
        let days = ScreenData.gridDays(around: Fixture.today)
        #expect(days.lowerBound.description == "2026-10-26" && days.lowerBound.weekday == .monday)
        #expect(days.upperBound.description == "2026-12-06")
    }

    @Test func panesSwitchByTabAndNumberAndLoadWhatTheyShow() {
        var state = state()
        _ = Update.handle(.tab, state: &state)
        #expect(state.pane == .events)
        let effects = Update.handle(.character("3"), state: &state)
        #expect(state.pane == .dialogue && effects.contains { if case .loadMeetings = $0 { true } else { false } })
        _ = Update.handle(.backTab, state: &state)
        #expect(state.pane == .events)
        _ = Update.handle(.character("4"), state: &state)
        _ = Update.handle(.tab, state: &state)
        #expect(state.pane == .calendar)
    }

    @Test func helpOpensAndAnyKeyClosesIt() {
        var state = state()
        _ = Update.handle(.character("?"), state: &state)
        guard case .help = state.overlay else { Issue.record("no help"); return }
        _ = Update.handle(.character("q"), state: &state)
        #expect(state.overlay == nil)
    }

    @Test func quitIsQAndCtrlC() {
        var state = state()
        #expect(Update.handle(.character("q"), state: &state).contains { if case .quit = $0 { true } else { false } })
        #expect(Update.handle(.control("c"), state: &state).contains { if case .quit = $0 { true } else { false } })
    }

    @Test func lSwitchesLanguage() {
        var state = state()
        _ = Update.handle(.character("L"), state: &state)
        #expect(state.language == .en)
    }

    @Test func vCyclesMonthDayWeek() {
        var state = state()
        #expect(state.span == .month && state.spanDays.upperBound.description == "2026-11-30")
        _ = Update.handle(.character("v"), state: &state)
        #expect(state.span == .day && state.spanDays == Fixture.today...Fixture.today)
        _ = Update.handle(.character("v"), state: &state)
        #expect(state.span == .week && state.spanDays.lowerBound.description == "2026-11-23")
        _ = Update.handle(.character("v"), state: &state)
        #expect(state.span == .month)
    }

    @Test func goToDateChecksTheDate() {
        var state = state()
        _ = Update.handle(.character("g"), state: &state)
        _ = Update.handle(.control("u"), state: &state)
        for character in "2027-02-30" { _ = Update.handle(.character(character), state: &state) }
        _ = Update.handle(.enter, state: &state)
        guard case .prompt(let prompt) = state.overlay else { Issue.record("the prompt closed"); return }
        #expect(prompt.error != nil && state.selectedDate == Fixture.today)
        _ = Update.handle(.backspace, state: &state)
        _ = Update.handle(.backspace, state: &state)
        _ = Update.handle(.character("2"), state: &state)
        _ = Update.handle(.character("8"), state: &state)
        let effects = Update.handle(.enter, state: &state)
        #expect(state.overlay == nil && state.selectedDate.description == "2027-02-28" && effects.count == 1)
    }

    @Test func aDateTypedAtOnceReplacesTheProposedDay() {
        var state = state()
        _ = Update.handle(.character("g"), state: &state)
        for character in "2027-01-21" { _ = Update.handle(.character(character), state: &state) }
        _ = Update.handle(.enter, state: &state)
        #expect(state.overlay == nil && state.selectedDate.description == "2027-01-21")
    }

    @Test func anEventFormSavesWhatWasTyped() throws {
        var state = state()
        _ = Update.handle(.character("a"), state: &state)
        for character in "Хурал" { _ = Update.handle(.character(character), state: &state) }
        // h, j, k and l type letters in a form; they do not move.
        for character in "hjkl" { _ = Update.handle(.character(character), state: &state) }
        let effects = Update.handle(.enter, state: &state)
        guard case .save(.saveEvent(let event)) = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(event.title == "Хуралhjkl" && event.schedule.start.description == "2026-11-23T10:00:00")
        #expect(event.schedule.zone == Fixture.zone && event.kind == .event)
    }

    @Test func aFormWithABadDateStaysOpenAndSaysWhy() {
        var state = state()
        _ = Update.handle(.character("a"), state: &state)
        for character in "X" { _ = Update.handle(.character(character), state: &state) }
        _ = Update.handle(.tab, state: &state)
        _ = Update.handle(.tab, state: &state)
        _ = Update.handle(.character("x"), state: &state)
        guard case .form(let form) = state.overlay else { Issue.record("no form"); return }
        #expect(form.fields[form.focus].problem(in: .mn) != nil)
        let effects = Update.handle(.control("s"), state: &state)
        guard case .form(let after) = state.overlay else { Issue.record("the form closed"); return }
        #expect(effects.isEmpty && after.error?.contains("Огноо") == true)
        _ = Update.handle(.escape, state: &state)
        #expect(state.overlay == nil)
    }

    @Test func aSeriesFormPreviewsTheNextSixMeetings() throws {
        var state = state()
        state.pane = .dialogue
        state.data.meetings = []
        _ = Update.handle(.character("a"), state: &state)
        guard case .form(var form) = state.overlay else { Issue.record("no form"); return }
        var preview = RecordForms.preview(of: form, zone: Fixture.zone)
        #expect(preview.map(\.date.description) == ["2027-01-21", "2027-03-18", "2027-05-20", "2027-07-15", "2027-09-16", "2027-11-18"])
        // Every second month counted from November, the month of the first date (RFC 5545).
        // The next preset: the last Friday every two months; the rule follows it.
        form.focus = form.fields.firstIndex { $0.name == .preset }!
        state.overlay = .form(form)
        _ = Update.handle(.right, state: &state)
        guard case .form(let changed) = state.overlay else { return }
        #expect(changed[.rule]?.text == "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR")
        preview = RecordForms.preview(of: changed, zone: Fixture.zone)
        #expect(preview.first?.date.description == "2026-11-27" && preview.allSatisfy { $0.date.weekday == .friday })
        let effects = Update.handle(.enter, state: &state)
        guard case .save(.saveSeries(let series)) = effects.first else { Issue.record("no save"); return }
        #expect(series.schedule.start.description == "2026-11-27T14:00:00" && series.kind == .dialogue)
    }

    @Test func aPickerFindsAnAimagByEitherName() {
        var field = RecordForms.event(nil, on: Fixture.today, language: .mn).fields.first { $0.name == .place }!
        for character in "khovd" { _ = field.handle(.character(character)) }
        #expect(field.filtered.count == 1 && field.value == "MN-043")
        _ = field.handle(.control("u"))
        for character in "Өвөрх" { _ = field.handle(.character(character)) }
        #expect(ReferenceData.shared.place(code: field.value)?.nameEn == "Övörkhangai")
    }

    @Test func theSearchPromptFiltersTheDialogueListsAsYouType() {
        var state = state()
        state.pane = .dialogue
        _ = Update.handle(.character("/"), state: &state)
        for character in "ус" { _ = Update.handle(.character(character), state: &state) }
        #expect(state.filter == "ус")
        _ = Update.handle(.escape, state: &state)
        #expect(state.filter.isEmpty && state.overlay == nil)
    }

    @Test func aSmallWindowGetsANoticeAndKeepsItsState() {
        var state = state()
        state.selectedDate = Fixture.today.adding(days: 3)
        _ = Update.handle(.resize(width: 40, height: 12), state: &state)
        let grid = Screen.render(state, width: 40, height: 12)
        #expect(grid.rows.joined().contains("Цонх хэт жижиг"))
        _ = Update.handle(.resize(width: 80, height: 24), state: &state)
        #expect(state.selectedDate == Fixture.today.adding(days: 3))
    }

    @Test func clicksSelectDaysAndTabs() {
        var state = state()
        // The calendar's first week row is line 3 (tabs, border, weekday names); Tuesday is columns 5-8.
        _ = Update.handle(.click(column: 6, row: 3), state: &state)
        #expect(state.selectedDate.description == "2026-10-27")
        let tab = Screen.tabRanges(state).first { $0.pane == .people }!
        _ = Update.handle(.click(column: tab.from + 1, row: 0), state: &state)
        #expect(state.pane == .people)
    }
}
