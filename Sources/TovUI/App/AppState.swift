import Foundation
import TovCore

/// The four panes of DESIGN.md.
public enum Pane: Int, CaseIterable, Sendable {
    case calendar, events, dialogue, people

    func title(in language: Language) -> String {
        switch self {
        case .calendar: language.pick("Хуанли", "Calendar")
        case .events: language.pick("Арга хэмжээ", "Events")
        case .dialogue: language.pick("Яриа хэлэлцээ", "Dialogue")
        case .people: language.pick("Хүмүүс", "People")
        }
    }
}

/// How much of the calendar the Events pane lists.
public enum AgendaSpan: Sendable {
    case day, week, month
}

/// What sits over the panes and takes the keys first.
public enum Overlay: Sendable {
    case help(scroll: Int)
    case form(Form)
    case confirm(Confirmation)
    case prompt(Prompt)
    /// SA Day coverage of the aimags and districts in a year.
    case coverage(SADayCoverage, scroll: Int)
}

/// A question before a change that cannot be made by accident ("Delete …?").
public struct Confirmation: Sendable {
    public var question: String
    public var change: Change
}

/// A one-line question: a date to go to, or text to search for.
public struct Prompt: Sendable {
    public enum Purpose: Sendable { case goToDate, search, exportAttendance, copyEvent }
    public var purpose: Purpose
    public var field = TextField()
    public var error: String?
}

/// The line at the bottom: what just happened, or what went wrong.
public struct StatusMessage: Sendable {
    public var text: String
    public var isError: Bool
}

/// Some of the loaded entries, in order, without copying them: a month can list thousands, and an entry
/// is large to copy.
public struct EntryList: RandomAccessCollection, Sendable {
    let base: [Agenda.Entry]
    /// Positions in `base`; nil for all of it.
    let positions: [Int]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { positions?.count ?? base.count }
    public subscript(index: Int) -> Agenda.Entry { base[positions?[index] ?? index] }
}

/// Everything the interface shows, as a value: `update` changes it, the panes draw it.
public struct AppState: Sendable {
    public var language: Language
    public var today: LocalDate
    public var zone: Zone
    public var colors: Bool
    public var pane: Pane = .calendar
    public var selectedDate: LocalDate
    public var span: AgendaSpan = .month
    /// The row selected in each list.
    public var eventRow = 0
    public var dialogueOnQueue = false
    public var meetingRow = 0
    public var topicRow = 0
    public var peopleOnPersons = false
    public var organisationRow = 0
    public var personRow = 0
    /// The text the Dialogue and People lists are filtered by ("" for none).
    public var filter = ""
    /// Events found by `/` in the Calendar and Events panes, with what was searched for.
    public var searchResults: (query: String, entries: [Agenda.Entry])?
    public var overlay: Overlay?
    public var status: StatusMessage?
    /// The programme of the selected event (or meeting), read when it is selected.
    public var programme: (eventID: UUID, items: [ProgrammeItem])?
    /// The meeting opened in the Dialogue pane, with its people and attendance.
    public var sheet: MeetingSheet?
    /// The pane the sheet was opened from, which `Esc` goes back to (nil: the Dialogue lists).
    public var sheetFrom: Pane?
    public var data: ScreenData
    /// The screen's size, as last drawn (for mouse clicks).
    public var width = 80
    public var height = 24

    public init(language: Language, today: LocalDate, zone: Zone, colors: Bool = true) {
        self.language = language
        self.today = today
        self.zone = zone
        self.colors = colors
        selectedDate = today
        data = ScreenData(days: ScreenData.gridDays(around: today))
    }

    // MARK: What the lists show

    /// The days the Events pane lists.
    public var spanDays: ClosedRange<LocalDate> {
        switch span {
        case .day: return selectedDate...selectedDate
        case .week:
            let monday = selectedDate.adding(days: -selectedDate.weekday.rawValue)
            return monday...monday.adding(days: 6)
        case .month:
            let first = selectedDate.firstOfMonth
            return first...first.adding(days: LocalDate.daysIn(month: first.month, year: first.year) - 1)
        }
    }

    /// The Events pane's rows: search results, or the occurrences on the span's days (each once).
    public var listedEntries: EntryList {
        if let searchResults { return EntryList(base: searchResults.entries, positions: nil) }
        // A mark per loaded entry, read back in order: each entry once and sorted, with no hashing or sorting
        // (this runs on every keystroke, over thousands of entries in a busy month).
        let days = spanDays
        var listed = [Bool](repeating: false, count: data.entries.count)
        var day = days.lowerBound
        while day <= days.upperBound {
            for position in data.entriesByDay[day] ?? [] { listed[position] = true }
            day = day.adding(days: 1)
        }
        var positions: [Int] = []
        for (position, isListed) in listed.enumerated() where isListed { positions.append(position) }
        return EntryList(base: data.entries, positions: positions)
    }

    /// Points the list at the selected day: its first event, or the first after it (in a week or month list).
    public mutating func followSelectedDate() {
        guard searchResults == nil else { return }
        let entries = listedEntries
        eventRow = entries.firstIndex { entry in
            let schedule = entry.occurrence.schedule
            let last = schedule.allDay ? schedule.end.date.adding(days: -1) : zone.wallTime(at: schedule.endInstant).date
            return last >= selectedDate
        } ?? max(0, entries.count - 1)
    }

    /// The selected event, if the list has one.
    public var selectedEntry: Agenda.Entry? {
        let entries = listedEntries
        return entries.indices.contains(eventRow) ? entries[eventRow] : nil
    }

    private func matches(_ text: String) -> Bool {
        filter.isEmpty || text.lowercased().contains(filter.lowercased())
    }

    public var listedMeetings: [Agenda.Entry] {
        (data.meetings ?? []).filter { matches($0.occurrence.title + " " + ($0.topic?.title(in: language) ?? "")) }
    }

    public var listedTopics: [Topic] {
        data.topics.filter { matches($0.titleMn + " " + ($0.titleEn ?? "")) }
    }

    public var listedOrganisations: [Organisation] {
        data.organisations.filter { matches($0.name) }
    }

    /// Everyone whose name or expertise the filter lets through.
    public var listedPeople: [Person] {
        data.people.filter { matches($0.name + " " + ($0.expertise ?? "")) }
    }

    public var selectedOrganisation: Organisation? {
        let list = listedOrganisations
        return list.indices.contains(organisationRow) ? list[organisationRow] : nil
    }

    public var selectedPerson: Person? {
        let list = listedPeople
        return list.indices.contains(personRow) ? list[personRow] : nil
    }

    public var selectedMeeting: Agenda.Entry? {
        let list = listedMeetings
        return list.indices.contains(meetingRow) ? list[meetingRow] : nil
    }

    public var selectedTopic: Topic? {
        let list = listedTopics
        return list.indices.contains(topicRow) ? list[topicRow] : nil
    }
}
