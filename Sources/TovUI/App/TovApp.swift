import TovCore

/// The interface over a store: keys go through `Update`, its effects are performed here, and the screen is
/// drawn from the state. The store is any `ScheduleStore` (the SQLite file, or memory in tests); the clock
/// is read by the caller, so `today` is given.
public final class TovApp: InteractiveApp {
    public private(set) var state: AppState
    let store: any ScheduleStore
    private var token: Int?
    /// Writes an exported file (path, text): the executable's, so that the core never touches the file system.
    let writeFile: (String, String) throws -> Void

    public init(store: any ScheduleStore, today: LocalDate, zone: Zone, language: Language, colors: Bool,
                writeFile: @escaping (String, String) throws -> Void = { _, _ in
                    throw ValidationError("this interface cannot write files")
                }) {
        self.store = store
        self.writeFile = writeFile
        state = AppState(language: language, today: today, zone: zone, colors: colors)
        refresh()
        state.followSelectedDate()
        readProgramme()
    }

    public func handle(_ key: Key) -> Bool {
        for effect in Update.handle(key, state: &state) {
            if case .quit = effect { return false }
            perform(effect)
        }
        readProgramme()
        return true
    }

    /// Reads the programme of the event the screen shows the details of, when that event changed.
    private func readProgramme() {
        let selected = state.pane == .dialogue ? (state.dialogueOnQueue ? nil : state.selectedMeeting) : state.selectedEntry
        guard let id = selected?.occurrence.eventID else {
            state.programme = nil
            return
        }
        guard state.programme?.eventID != id else { return }
        attempt {
            let items = try store.read { try $0.programme(ofEvent: id) }
            state.programme = (id, items.sorted { ($0.start ?? .midnight) < ($1.start ?? .midnight) })
        }
    }

    public func render(width: Int, height: Int) -> CellGrid {
        state.width = width
        state.height = height
        return Screen.render(state, width: width, height: height)
    }

    /// Shows what another process changed: the store's change token moves when it commits.
    public func idle() -> Bool {
        guard let current = try? store.changeToken(), current != token else { return false }
        refresh()
        readProgramme()
        return true
    }

    // MARK: Effects

    func perform(_ effect: Effect) {
        switch effect {
        case .quit: break
        case .loadMonth:
            showMonth()
            state.followSelectedDate()
        case .loadMeetings: attempt { try store.read { try state.data.loadMeetings(around: state.today, zone: state.zone, session: $0) } }
        case .loadHistory:
            attempt {
                try store.read { try state.data.loadHistory(around: state.today, zone: state.zone, session: $0) }
            }
        case .save(let change): save(change)
        case .undo: step(undo: true)
        case .redo: step(undo: false)
        case .search(let text): search(text)
        case .edit(let occurrence): attempt { try openForm(for: occurrence) }
        case .delete(let occurrence): attempt { try confirmDeletion(of: occurrence) }
        case .openSheet(let occurrence, let from): attempt { try openSheet(occurrence, from: from) }
        case .assignForm(let occurrence): attempt { try openAssignmentForm(for: occurrence) }
        case .exportAttendance(let path): exportAttendance(to: path)
        case .coverage(let year):
            attempt {
                let coverage = try store.read { try SADayCoverage(year: year, zone: state.zone, in: $0) }
                state.overlay = .coverage(coverage, scroll: 0)
            }
        }
    }

    private func openSheet(_ occurrence: Occurrence, from pane: Pane?) throws {
        let (today, zone) = (state.today, state.zone)
        let sheet = try store.read { try MeetingSheet.load(occurrence, today: today, zone: zone, session: $0) }
        state.sheet = sheet
        state.sheetFrom = pane
        state.pane = .dialogue
        if !sheet.conflicts.isEmpty {
            state.status = StatusMessage(text: "⚠ " + sheet.conflicts[0].message(in: state.language)
                + (sheet.conflicts.count > 1 ? state.language.pick(" (+\(sheet.conflicts.count - 1) бусад)", " (+\(sheet.conflicts.count - 1) more)") : ""),
                isError: true)
        }
    }

    /// The people, each with their roles of the last twelve months and what assigning them here would clash with.
    private func openAssignmentForm(for meeting: Occurrence) throws {
        let (today, zone, language) = (state.today, state.zone, state.language)
        let form = try store.read { session in
            let loads = try PresenterLoad.pastYear(asOf: today, zone: zone, in: session)
            let people = try session.people().sorted { MongolianOrder.precedes($0.name, $1.name) }.map { person in
                (person: person, load: loads[person.id] ?? 0, conflicts: try Conflicts.find(for: person.id, at: meeting, zone: zone, in: session))
            }
            return RecordForms.assignment(meeting, people: people, organisations: state.data.organisations,
                                          programme: state.sheet?.programme ?? [], language: language)
        }
        state.overlay = .form(form)
    }

    private func exportAttendance(to path: String) {
        guard let sheet = state.sheet else { return }
        do {
            try writeFile(path, Attendance.csv(sheet.attendance, in: state.language))
            state.status = StatusMessage(text: state.language.pick("Ирцийн жагсаалт хадгалсан: ", "Saved the attendance list: ") + path, isError: false)
        } catch {
            state.status = StatusMessage(text: ErrorText.of(error, in: state.language), isError: true)
        }
    }

    /// Brings in the month of the selected day: only its days, since nothing else changed.
    private func showMonth() {
        attempt { try store.read { try state.data.loadDays(around: state.selectedDate, zone: state.zone, session: $0) } }
        keepRowsInRange()
    }

    /// Reads everything shown again after the records changed (here or in another process): the month,
    /// the lists, and the panes' lists that have been loaded or are in view.
    func refresh() {
        attempt {
            token = try store.changeToken()
            // The selected topic stays selected when a change moves it in the queue.
            let selectedTopic = state.selectedTopic?.id
            var data = state.data
            try store.read { session in
                try data.loadDays(around: state.selectedDate, zone: state.zone, session: session)
                try data.loadLists(session: session)
                if data.meetings != nil || state.pane == .dialogue {
                    try data.loadMeetings(around: state.today, zone: state.zone, session: session)
                }
                if data.history != nil || state.pane == .people {
                    try data.loadHistory(around: state.today, zone: state.zone, session: session)
                }
                if let sheet = state.sheet {
                    var fresh = try MeetingSheet.load(sheet.occurrence, today: state.today, zone: state.zone, session: session)
                    fresh.section = sheet.section
                    fresh.row = Update.clamp(sheet.row, count: fresh.rowCount)
                    state.sheet = fresh
                }
            }
            state.data = data
            if let selectedTopic, let row = state.listedTopics.firstIndex(where: { $0.id == selectedTopic }) { state.topicRow = row }
            keepRowsInRange()
            state.programme = nil
        }
    }

    private func keepRowsInRange() {
        state.eventRow = Update.clamp(state.eventRow, count: state.listedEntries.count)
        state.meetingRow = Update.clamp(state.meetingRow, count: state.listedMeetings.count)
        state.topicRow = Update.clamp(state.topicRow, count: state.listedTopics.count)
        state.organisationRow = Update.clamp(state.organisationRow, count: state.listedOrganisations.count)
        state.personRow = Update.clamp(state.personRow, count: state.listedPeople.count)
    }

    private func save(_ change: Change) {
        do {
            let isNew = try store.read { session in try Self.isNew(change, in: session) }
            let label = change.label(in: state.language, isNew: isNew)
            try store.write(undoable: label) { session in try change.perform(in: session) }
            state.overlay = nil
            state.searchResults = nil
            refresh()
            state.status = StatusMessage(text: label + state.language.pick("  (u — буцаах)", "  (u to undo)"), isError: false)
            if case .assign(_, .person(let personID), _, _, _) = change, let conflict = state.sheet?.conflicts.first(where: { $0.person?.id == personID }) {
                state.status = StatusMessage(text: label + "  ⚠ " + conflict.message(in: state.language), isError: true)
            }
            // Days away over events the person already has a role at.
            if case .addAway(let away, _) = change {
                let (today, zone) = (state.today, state.zone)
                let clash = try store.read { session in
                    try Conflicts.find(from: away.from, through: away.through, today: today, zone: zone, in: session)
                        .first { $0.kind == .unavailable && $0.away?.id == away.id }
                }
                if let clash { state.status = StatusMessage(text: label + "  ⚠ " + clash.message(in: state.language), isError: true) }
            }
        } catch {
            if case .form(var form) = state.overlay {
                form.error = ErrorText.of(error, in: state.language)
                state.overlay = .form(form)
            } else {
                state.overlay = nil
                state.status = StatusMessage(text: ErrorText.of(error, in: state.language), isError: true)
            }
        }
    }

    private static func isNew(_ change: Change, in session: any ScheduleSession) throws -> Bool {
        switch change {
        case .saveEvent(let event): try session.event(event.id) == nil
        case .saveSeries(let series): try session.series(series.id) == nil
        case .saveOrganisation(let organisation): try session.organisation(organisation.id) == nil
        case .savePerson(let person): try session.person(person.id) == nil
        case .saveTopic(let topic): try session.topic(topic.id) == nil
        default: false
        }
    }

    private func step(undo: Bool) {
        attempt {
            let label = undo ? try store.undo() : try store.redo()
            refresh()
            let language = state.language
            state.status = StatusMessage(
                text: label.map { (undo ? language.pick("Буцаасан: ", "Undone: ") : language.pick("Дахин хийсэн: ", "Redone: ")) + $0 }
                    ?? (undo ? language.pick("Буцаах зүйл алга", "Nothing to undo") : language.pick("Дахин хийх зүйл алга", "Nothing to redo")),
                isError: false)
        }
    }

    /// Events from a year back to two years ahead whose title, venue, place, topic or notes contain `text`.
    private func search(_ text: String) {
        attempt {
            let needle = text.lowercased()
            let language = state.language
            let entries = try store.read { session in
                try Agenda(from: state.today.adding(days: -366), through: state.today.adding(days: 731), zone: state.zone, session: session).entries
            }.filter { entry in
                let occurrence = entry.occurrence
                let place = occurrence.placeCode.flatMap { ReferenceData.shared.place(code: $0) }
                let haystack = [occurrence.title, occurrence.venue ?? "", occurrence.notes ?? "", entry.topic?.title(in: language) ?? "",
                                place?.nameMn ?? "", place?.nameEn ?? "", entry.people.map(\.name).joined(separator: " ")]
                    .joined(separator: "\n").lowercased()
                return haystack.contains(needle)
            }
            state.searchResults = (text, entries)
            state.pane = .events
            state.eventRow = 0
            if entries.isEmpty {
                state.status = StatusMessage(text: language.pick("Олдсонгүй: ", "Nothing found: ") + text, isError: false)
            }
        }
    }

    private func openForm(for occurrence: Occurrence) throws {
        let language = state.language
        let form: Form? = try store.read { session in
            let event = try occurrence.eventID.flatMap { try session.event($0) }
            if let seriesID = occurrence.seriesID, let series = try session.series(seriesID) {
                return RecordForms.meeting(occurrence, series: series, override: event, language: language)
            }
            return event.map { RecordForms.event($0, on: $0.schedule.start.date, language: language) }
        }
        guard let form else { throw ValidationError(language.pick("Энэ арга хэмжээ устсан байна", "This event no longer exists")) }
        state.overlay = .form(form)
    }

    private func confirmDeletion(of occurrence: Occurrence) throws {
        let language = state.language
        let day = Vocabulary.date(occurrence.schedule.start.date, in: language)
        let change: Change? = try store.read { session in
            if let id = occurrence.eventID, let event = try session.event(id) { return .deleteEvent(event) }
            if let seriesID = occurrence.seriesID, let series = try session.series(seriesID) {
                return .deleteMeeting(series, original: occurrence.recurrenceID ?? occurrence.schedule.start)
            }
            return nil
        }
        guard let change else { throw ValidationError(language.pick("Энэ арга хэмжээ устсан байна", "This event no longer exists")) }
        let question = occurrence.seriesID == nil
            ? language.pick("“\(occurrence.title)” (\(day))-г устгах уу?", "Delete “\(occurrence.title)” on \(day)?")
            : language.pick("“\(occurrence.title)” цувралын \(day)-ний товыг устгах уу? Бусад тов хэвээр үлдэнэ.",
                            "Delete the \(day) meeting of “\(occurrence.title)”? The other meetings stay.")
        state.overlay = .confirm(Confirmation(question: question, change: change))
    }

    /// Runs `body`; a failure becomes an error in the status bar, never a crash.
    private func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            state.status = StatusMessage(text: ErrorText.of(error, in: state.language), isError: true)
        }
    }
}
