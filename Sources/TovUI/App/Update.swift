import TovCore

/// What `update` asks the app to do: the only way the pure core reaches the store or ends the program.
public enum Effect: Sendable {
    case quit
    /// Load the six weeks around the selected date.
    case loadMonth
    case loadMeetings
    case loadHistory
    case save(Change)
    case undo
    case redo
    /// Find events whose title, place, topic or notes contain the text.
    case search(String)
    /// Open the form for an event or a meeting of a series (the app reads the record first).
    case edit(Occurrence)
    /// Ask before deleting an event or taking a meeting out of its series.
    case delete(Occurrence)
    /// Open an event's sheet (people, programme, attendance) in the Dialogue pane; `Esc` goes back to `from`
    /// (nil: the Dialogue lists).
    case openSheet(Occurrence, from: Pane?)
    /// The form to give someone a role at the meeting, with each person's load and conflicts.
    case assignForm(Occurrence)
    /// Write the open meeting's attendance list as CSV to the file.
    case exportAttendance(path: String)
    /// Show the SA Day coverage of a year.
    case coverage(year: Int)
}

/// The pure heart of the interface: a key and the state give the next state and the effects to perform.
///
///     var state = AppState(language: .mn, today: today, zone: zone)
///     let effects = Update.handle(.character("t"), state: &state)
public enum Update {
    public static func handle(_ key: Key, state: inout AppState) -> [Effect] {
        switch key {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .click(let column, let row) where state.overlay == nil:
            return click(column: column, row: row, state: &state)
        default:
            break
        }
        if let overlay = state.overlay { return handle(key, overlay: overlay, state: &state) }
        if key == .control("c") { return [.quit] }
        if key == .escape && state.pane == .dialogue && state.sheet != nil {
            state.sheet = nil
            if let from = state.sheetFrom { state.pane = from }
            state.sheetFrom = nil
            return []
        }
        if key == .escape {
            state.searchResults = nil
            state.filter = ""
            state.status = nil
            return []
        }
        guard let action = KeyMap.standard.action(for: key) else { return [] }
        state.status = nil
        if state.pane == .dialogue, state.sheet != nil, let effects = sheet(action, state: &state) { return effects }
        return perform(action, state: &state)
    }

    /// The keys of an open meeting sheet; nil for the keys that work as anywhere else.
    static func sheet(_ action: Action, state: inout AppState) -> [Effect]? {
        guard var sheet = state.sheet else { return nil }
        let language = state.language
        let meeting = sheet.occurrence
        defer { state.sheet = sheet }
        switch action {
        case .up, .down: sheet.row = clamp(sheet.row + (action == .up ? -1 : 1), count: sheet.rowCount)
        case .left, .right:
            let sections = MeetingSheet.Section.allCases
            sheet.section = sections[max(0, min(sections.count - 1, sheet.section.rawValue + (action == .left ? -1 : 1)))]
            sheet.row = 0
        case .open, .edit:
            guard sheet.section == .programme else { return action == .edit ? [.edit(meeting)] : [] }
            guard sheet.programme.indices.contains(sheet.row) else { return [] }
            state.overlay = .form(RecordForms.programmeItem(sheet.programme[sheet.row], of: meeting, after: sheet.programme, language: language))
        case .add:
            switch sheet.section {
            case .people: return [.assignForm(meeting)]
            case .attendance:
                state.overlay = .form(RecordForms.invite(meeting, organisations: state.data.organisations, people: state.data.people, language: language))
            case .programme:
                state.overlay = .form(RecordForms.programmeItem(nil, of: meeting, after: sheet.programme, language: language))
            }
        case .delete:
            if sheet.section == .programme {
                guard sheet.programme.indices.contains(sheet.row) else { return [] }
                return [.save(.removeProgrammeItem(meeting, sheet.programme[sheet.row]))]
            }
            if sheet.section == .people {
                guard sheet.roles.indices.contains(sheet.row) else { return [] }
                let role = sheet.roles[sheet.row]
                return [.save(.unassign(role.assignment, name: role.name))]
            }
            guard sheet.attendance.indices.contains(sheet.row) else { return [] }
            let line = sheet.attendance[sheet.row]
            return [.save(.removeParticipant(meeting, line.participation.participant, name: line.name))]
        case .markAttendance:
            guard sheet.section == .attendance, sheet.attendance.indices.contains(sheet.row) else {
                state.status = StatusMessage(text: language.pick("Ирцийн жагсаалтаас хүн сонгоно уу (→)", "Pick someone on the attendance list (→)"), isError: false)
                return []
            }
            let line = sheet.attendance[sheet.row]
            let all = Participation.Status.allCases
            let next = all[((all.firstIndex(of: line.participation.status) ?? 0) + 1) % all.count]
            return [.save(.markAttendance(meeting, line.participation.participant, name: line.name, next))]
        case .exportAttendance:
            let day = meeting.schedule.start.date
            state.overlay = .prompt(Prompt(purpose: .exportAttendance, field: TextField(suggesting: "attendance-\(day).csv")))
        case .writeReport:
            guard meeting.schedule.start.date <= state.today else {
                state.status = StatusMessage(text: language.pick("Өдөр нь болоогүй тул тайлан бичихгүй", "The day has not come yet: no report before it"), isError: true)
                return []
            }
            state.overlay = .form(RecordForms.report(meeting, existing: sheet.event?.report, language: language))
        case .copyEvent:
            guard meeting.kind == .saDay else {
                state.status = StatusMessage(text: language.pick("Зөвхөн НЭХ өдөрлөгийг хуулна", "Only an SA Day is copied as a template"), isError: false)
                return []
            }
            let next = meeting.schedule.start.date.adding(months: 12) ?? meeting.schedule.start.date
            state.overlay = .prompt(Prompt(purpose: .copyEvent, field: TextField(suggesting: next.description)))
        case .search, .addAway, .topicUp, .topicDown, .pinTopic, .requestTopic, .withdrawTopic, .nextTopic, .fillTopics, .toggleAgendaSpan:
            state.status = StatusMessage(text: language.pick("Esc — уулзалтаас гарах", "Esc closes the meeting first"), isError: false)
        default: return nil
        }
        return []
    }

    static func perform(_ action: Action, state: inout AppState) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .switchLanguage: state.language = state.language == .mn ? .en : .mn
        case .nextPane: return show(Pane(rawValue: (state.pane.rawValue + 1) % 4) ?? .calendar, state: &state)
        case .previousPane: return show(Pane(rawValue: (state.pane.rawValue + 3) % 4) ?? .calendar, state: &state)
        case .calendarPane: return show(.calendar, state: &state)
        case .eventsPane: return show(.events, state: &state)
        case .dialoguePane: return show(.dialogue, state: &state)
        case .peoplePane: return show(.people, state: &state)
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .today: return select(state.today, state: &state)
        case .previousMonth: return select(state.selectedDate.adding(months: -1) ?? state.selectedDate, state: &state)
        case .nextMonth: return select(state.selectedDate.adding(months: 1) ?? state.selectedDate, state: &state)
        case .goToDate: state.overlay = .prompt(Prompt(purpose: .goToDate, field: TextField(suggesting: state.selectedDate.description)))
        case .search:
            state.overlay = .prompt(Prompt(purpose: .search, field: TextField(state.pane == .dialogue || state.pane == .people ? state.filter : "")))
        case .toggleAgendaSpan:
            state.span = switch state.span {
            case .day: .week
            case .week: .month
            case .month: .day
            }
            state.searchResults = nil
            state.followSelectedDate()
        case .topicUp, .topicDown, .pinTopic, .requestTopic, .withdrawTopic, .nextTopic, .fillTopics:
            return queue(action, state: &state)
        case .writeReport, .copyEvent:
            state.status = StatusMessage(text: state.language.pick("Эхлээд арга хэмжээг нээнэ үү (Enter)", "Open the event first (Enter)"), isError: false)
        case .coverage:
            return [.coverage(year: state.selectedDate.year)]
        case .addAway:
            guard state.pane == .people, state.peopleOnPersons, let person = state.selectedPerson else {
                state.status = StatusMessage(text: state.language.pick("Хүмүүс хэсэгт (4) хүн сонгоно уу", "Pick a person in the People pane (4) first"),
                                             isError: false)
                return []
            }
            state.overlay = .form(RecordForms.away(person, today: state.today, language: state.language))
        case .markAttendance, .exportAttendance:
            state.status = StatusMessage(text: state.language.pick("Уулзалтыг нээж (Яриа хэлэлцээ, Enter) ирцийг тэмдэглэнэ",
                                                                   "Open a meeting first (Dialogue, Enter) to mark or save attendance"),
                                         isError: false)
        case .up, .down, .left, .right: return move(action, state: &state)
        case .open: return open(state: &state)
        case .add: add(state: &state)
        case .edit: return edit(state: &state)
        case .delete: return delete(state: &state)
        }
        return []
    }

    // MARK: Panes and moving

    static func show(_ pane: Pane, state: inout AppState) -> [Effect] {
        state.pane = pane
        if pane == .dialogue && state.data.meetings == nil { return [.loadMeetings] }
        if pane == .people && state.data.history == nil { return [.loadHistory] }
        return []
    }

    /// Selects a day; the days around it are loaded when they are not already.
    static func select(_ date: LocalDate, state: inout AppState) -> [Effect] {
        let elsewhere = ScreenData.gridDays(around: date) != state.data.days
        state.selectedDate = date
        state.searchResults = nil
        state.followSelectedDate()
        return elsewhere ? [.loadMonth] : []
    }

    static func move(_ action: Action, state: inout AppState) -> [Effect] {
        let step = action == .up || action == .left ? -1 : 1
        switch state.pane {
        case .calendar:
            let days = action == .up || action == .down ? 7 * step : step
            return select(state.selectedDate.adding(days: days), state: &state)
        case .events:
            if action == .up || action == .down {
                state.eventRow = clamp(state.eventRow + step, count: state.listedEntries.count)
                return []
            }
            if state.searchResults != nil { return [] }
            switch state.span {
            case .day: return select(state.selectedDate.adding(days: step), state: &state)
            case .week: return select(state.selectedDate.adding(days: 7 * step), state: &state)
            case .month: return select(state.selectedDate.adding(months: step) ?? state.selectedDate, state: &state)
            }
        case .dialogue:
            switch action {
            case .left: state.dialogueOnQueue = false
            case .right: state.dialogueOnQueue = true
            default:
                if state.dialogueOnQueue {
                    state.topicRow = clamp(state.topicRow + step, count: state.listedTopics.count)
                } else {
                    state.meetingRow = clamp(state.meetingRow + step, count: state.listedMeetings.count)
                }
            }
        case .people:
            switch action {
            case .left: state.peopleOnPersons = false
            case .right: state.peopleOnPersons = true
            default:
                if state.peopleOnPersons {
                    state.personRow = clamp(state.personRow + step, count: state.listedPeople.count)
                } else {
                    state.organisationRow = clamp(state.organisationRow + step, count: state.listedOrganisations.count)
                }
            }
        }
        return []
    }

    /// The topic queue's keys, in the Dialogue pane.
    static func queue(_ action: Action, state: inout AppState) -> [Effect] {
        let language = state.language
        guard state.pane == .dialogue else {
            state.status = StatusMessage(text: language.pick("Энэ товч Яриа хэлэлцээ хэсэгт ажиллана (3)", "This key works in the Dialogue pane (3)"),
                                         isError: false)
            return []
        }
        switch action {
        case .nextTopic, .fillTopics:
            let seriesID = state.selectedMeeting?.occurrence.seriesID ?? state.data.meetings?.lazy.compactMap(\.occurrence.seriesID).first
            guard let seriesID else {
                state.status = StatusMessage(text: language.pick("Яриа хэлэлцээний цуврал алга", "There is no dialogue series"), isError: true)
                return []
            }
            return [.save(.fillMeetings(seriesID: seriesID, from: state.today, all: action == .fillTopics))]
        default:
            break
        }
        guard state.dialogueOnQueue, let topic = state.selectedTopic else {
            state.status = StatusMessage(text: language.pick("Эхлээд дарааллаас сэдэв сонгоно уу (→)", "Pick a topic in the queue first (→)"),
                                         isError: false)
            return []
        }
        switch action {
        case .topicUp, .topicDown:
            let steps = action == .topicUp ? -1 : 1
            return [.save(.moveTopic(topic, steps: steps))]
        case .pinTopic: return [.save(.pinTopic(topic, pinned: !topic.pinned))]
        case .withdrawTopic:
            state.overlay = .confirm(Confirmation(
                question: language.pick("“\(topic.title(in: language))” сэдвийг татах уу?", "Withdraw the topic “\(topic.title(in: language))”?"),
                change: .withdrawTopic(topic)))
        case .requestTopic:
            state.overlay = .form(RecordForms.request(topic, organisations: state.data.organisations, today: state.today, language: language))
        default: break
        }
        return []
    }

    static func clamp(_ row: Int, count: Int) -> Int {
        max(0, min(row, count - 1))
    }

    // MARK: Open, add, edit, delete

    static func open(state: inout AppState) -> [Effect] {
        switch state.pane {
        case .calendar:
            state.pane = .events
        case .events:
            guard let entry = state.selectedEntry else { return [] }
            if state.searchResults != nil { return select(entry.occurrence.schedule.start.date, state: &state) }
            // Any event's people, programme and attendance (an SA Day's presenters too); Esc comes back here.
            return [.openSheet(entry.occurrence, from: .events)]
        case .dialogue:
            if state.dialogueOnQueue { return edit(state: &state) }
            guard let meeting = state.selectedMeeting else { return [] }
            return [.openSheet(meeting.occurrence, from: nil)]
        case .people:
            return edit(state: &state)
        }
        return []
    }

    static func add(state: inout AppState) {
        let language = state.language
        switch state.pane {
        case .calendar, .events:
            state.overlay = .form(RecordForms.event(nil, on: state.selectedDate, language: language))
        case .dialogue:
            state.overlay = .form(state.dialogueOnQueue
                ? RecordForms.topic(nil, organisations: state.data.organisations, language: language)
                : RecordForms.series(on: state.today, language: language))
        case .people:
            state.overlay = .form(state.peopleOnPersons
                ? RecordForms.person(nil, organisations: state.data.organisations, language: language)
                : RecordForms.organisation(nil, language: language))
        }
    }

    static func edit(state: inout AppState) -> [Effect] {
        let language = state.language
        switch state.pane {
        case .calendar, .events:
            guard let entry = state.selectedEntry else { return [] }
            return [.edit(entry.occurrence)]
        case .dialogue:
            if state.dialogueOnQueue {
                guard let topic = state.selectedTopic else { return [] }
                state.overlay = .form(RecordForms.topic(topic, organisations: state.data.organisations, language: language))
            } else if let meeting = state.selectedMeeting {
                return [.edit(meeting.occurrence)]
            }
        case .people:
            if state.peopleOnPersons {
                guard let person = state.selectedPerson else { return [] }
                state.overlay = .form(RecordForms.person(person, organisations: state.data.organisations, language: language))
            } else if let organisation = state.selectedOrganisation {
                state.overlay = .form(RecordForms.organisation(organisation, language: language))
            }
        }
        return []
    }

    static func delete(state: inout AppState) -> [Effect] {
        let language = state.language
        switch state.pane {
        case .calendar, .events:
            guard let entry = state.selectedEntry else { return [] }
            return [.delete(entry.occurrence)]
        case .dialogue:
            if state.dialogueOnQueue {
                guard let topic = state.selectedTopic else { return [] }
                state.overlay = .confirm(Confirmation(
                    question: language.pick("“\(topic.title(in: language))” сэдвийг устгах уу?", "Delete the topic “\(topic.title(in: language))”?"),
                    change: .deleteTopic(topic)))
            } else if let meeting = state.selectedMeeting {
                return [.delete(meeting.occurrence)]
            }
        case .people:
            if state.peopleOnPersons {
                guard let person = state.selectedPerson else { return [] }
                state.overlay = .confirm(Confirmation(
                    question: language.pick("\(person.name)-г устгах уу?", "Delete \(person.name)?"), change: .deletePerson(person)))
            } else if let organisation = state.selectedOrganisation {
                state.overlay = .confirm(Confirmation(
                    question: language.pick("“\(organisation.name)” байгууллагыг устгах уу?", "Delete the organisation “\(organisation.name)”?"),
                    change: .deleteOrganisation(organisation)))
            }
        }
        return []
    }

    // MARK: Overlays

    static func handle(_ key: Key, overlay: Overlay, state: inout AppState) -> [Effect] {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1))
            case .down, .character("j"): state.overlay = .help(scroll: scroll + 1)
            default: state.overlay = nil
            }
        case .confirm(let confirmation):
            switch key {
            case .character("y"), .character("Y"), .character("т"), .character("Т"), .enter:
                return [.save(confirmation.change)]
            case .character("n"), .character("N"), .character("ү"), .character("Ү"), .escape:
                state.overlay = nil
            default:
                break
            }
        case .prompt(var prompt):
            return handle(key, prompt: &prompt, state: &state)
        case .coverage(let coverage, let scroll):
            switch key {
            case .up, .character("k"): state.overlay = .coverage(coverage, scroll: max(0, scroll - 1))
            case .down, .character("j"): state.overlay = .coverage(coverage, scroll: scroll + 1)
            case .left, .character("h"): return [.coverage(year: coverage.year - 1)]
            case .right, .character("l"): return [.coverage(year: coverage.year + 1)]
            default: state.overlay = nil
            }
        case .form(var form):
            switch key {
            case .escape:
                state.overlay = nil
                state.status = StatusMessage(text: state.language.pick("Болисон", "Cancelled"), isError: false)
            case .enter, .control("s"):
                do {
                    let change = try RecordForms.change(from: form, today: state.today, zone: state.zone, language: state.language)
                    return [.save(change)]
                } catch {
                    form.error = ErrorText.of(error, in: state.language)
                    state.overlay = .form(form)
                }
            default:
                let preset = form[.preset]?.selected
                form.handle(key)
                if let preset, let field = form[.preset], field.selected != preset {
                    form.setText(.rule, field.value)
                }
                state.overlay = .form(form)
            }
        }
        return []
    }

    static func handle(_ key: Key, prompt: inout Prompt, state: inout AppState) -> [Effect] {
        let filtersLive = prompt.purpose == .search && (state.pane == .dialogue || state.pane == .people)
        switch key {
        case .escape:
            if filtersLive { state.filter = "" }
            state.overlay = nil
            return []
        case .enter:
            state.overlay = nil
            switch prompt.purpose {
            case .goToDate:
                do {
                    let date = try LocalDate(parsing: prompt.field.trimmed ?? "")
                    return select(date, state: &state)
                } catch {
                    prompt.error = ErrorText.of(error, in: state.language)
                    state.overlay = .prompt(prompt)
                    return []
                }
            case .search:
                if filtersLive { return [] }
                guard let text = prompt.field.trimmed else { return [] }
                return [.search(text)]
            case .exportAttendance:
                guard let path = prompt.field.trimmed else { return [] }
                return [.exportAttendance(path: path)]
            case .copyEvent:
                guard let meeting = state.sheet?.occurrence else { return [] }
                do {
                    return [.save(.copyEvent(meeting, to: try LocalDate(parsing: prompt.field.trimmed ?? "")))]
                } catch {
                    prompt.error = ErrorText.of(error, in: state.language)
                    state.overlay = .prompt(prompt)
                    return []
                }
            }
        default:
            prompt.field.handle(key)
            prompt.error = nil
            if filtersLive {
                state.filter = prompt.field.text
                state.meetingRow = 0
                state.topicRow = 0
                state.organisationRow = 0
                state.personRow = 0
            }
            state.overlay = .prompt(prompt)
            return []
        }
    }

    // MARK: Mouse

    static func click(column: Int, row: Int, state: inout AppState) -> [Effect] {
        let layout = ScreenLayout(width: state.width, height: state.height, pane: state.pane)
        guard !layout.isTooSmall else { return [] }
        if row == layout.tabs.y {
            if let tab = Screen.tabRanges(state).first(where: { column >= $0.from && column < $0.to }) {
                return show(tab.pane, state: &state)
            }
            return []
        }
        if let calendar = layout.calendar, calendar.contains(column: column, row: row) {
            state.pane = .calendar
            guard let date = CalendarPane.date(at: column, row, in: calendar, state: state) else { return [] }
            return select(date, state: &state)
        }
        for (index, list) in layout.lists.enumerated() where list.contains(column: column, row: row) {
            let inside = list.inset(by: 1)
            guard inside.contains(column: column, row: row) else { return [] }
            let line = row - inside.y
            switch state.pane {
            case .calendar, .events:
                state.pane = .events
                let count = state.listedEntries.count
                let target = Draw.scrollOffset(selected: state.eventRow, count: count, height: inside.height) + line
                if target < count { state.eventRow = target }
            case .dialogue:
                state.dialogueOnQueue = index == 1
                let (current, count) = index == 1 ? (state.topicRow, state.listedTopics.count) : (state.meetingRow, state.listedMeetings.count)
                let target = Draw.scrollOffset(selected: current, count: count, height: inside.height) + line
                if target < count { if index == 1 { state.topicRow = target } else { state.meetingRow = target } }
            case .people:
                state.peopleOnPersons = index == 1
                let (current, count) = index == 1 ? (state.personRow, state.listedPeople.count)
                    : (state.organisationRow, state.listedOrganisations.count)
                let target = Draw.scrollOffset(selected: current, count: count, height: inside.height) + line
                if target < count { if index == 1 { state.personRow = target } else { state.organisationRow = target } }
            }
        }
        return []
    }
}

/// An error as one sentence for the status bar or a form.
enum ErrorText {
    static func of(_ error: Error, in language: Language) -> String {
        if let error = error as? ValidationError { return error.message(in: language) }
        return String(describing: error)
    }
}
