import Foundation
import TovCore

/// What the screen shows from the store, loaded by the app and read by the panes: the selected month's
/// days, and the lists of the Dialogue and People panes (loaded when those panes are first shown).
public struct ScreenData: Sendable {
    /// The days loaded: the six weeks the month grid shows.
    public var days: ClosedRange<LocalDate>
    public var entries: [Agenda.Entry] = []
    /// Positions in `entries` of each day's occurrences (an event over several days is on each).
    public var entriesByDay: [LocalDate: [Int]] = [:]
    public var holidays: [LocalDate: [Holiday]] = [:]
    /// The topic queue in its order (pinned, most requested, oldest), then the topics already held.
    public var topics: [Topic] = []
    public var organisations: [Organisation] = []
    public var people: [Person] = []
    /// The meetings that covered each topic, oldest first: its history.
    public var topicMeetings: [UUID: [Event]] = [:]
    /// Each person's days away, by first day.
    public var away: [UUID: [Unavailability]] = [:]
    /// The dialogue meetings from half a year back to a year ahead, once loaded.
    public var meetings: [Agenda.Entry]?
    /// The coming meetings (of `meetings`) with a conflict, by `conflictKey`: someone double-booked,
    /// travelling or away, or no keynote close ahead.
    public var meetingConflicts: Set<String> = []
    /// Who was assigned to what in the year up to the month after today, by person's name, once loaded.
    public var history: [String: [HistoryItem]]?
    /// The dialogue meetings each organisation attended in the last twelve months (loaded with `history`).
    public var attended: [UUID: [Event]] = [:]

    public struct HistoryItem: Sendable {
        public var date: LocalDate
        public var title: String
        public var role: Assignment.Role
    }

    public init(days: ClosedRange<LocalDate>) {
        self.days = days
    }

    /// The six weeks, Monday first, that show `date`'s month.
    public static func gridDays(around date: LocalDate) -> ClosedRange<LocalDate> {
        let first = date.firstOfMonth
        let start = first.adding(days: -first.weekday.rawValue)
        return start...start.adding(days: 41)
    }

    /// Loads the six weeks around `date`: their occurrences and holidays. The other lists stay as they are.
    mutating func loadDays(around date: LocalDate, zone: Zone, session: any ScheduleSession) throws {
        days = ScreenData.gridDays(around: date)
        entries = try Agenda(from: days.lowerBound, through: days.upperBound, zone: zone, session: session).entries
        entriesByDay = [:]
        for (position, entry) in entries.enumerated() {
            let schedule = entry.occurrence.schedule
            let first = schedule.allDay ? schedule.start.date : zone.wallTime(at: schedule.startInstant).date
            var last = schedule.allDay ? schedule.end.date.adding(days: -1) : zone.wallTime(at: max(schedule.startInstant, schedule.endInstant - 1)).date
            last = min(last, days.upperBound)
            var day = max(first, days.lowerBound)
            while day <= last {
                entriesByDay[day, default: []].append(position)
                day = day.adding(days: 1)
            }
        }
        holidays = [:]
        for holiday in try session.holidays(from: days.lowerBound, through: days.upperBound) {
            holidays[holiday.date, default: []].append(holiday)
        }
    }

    /// Loads the topics, organisations and people, which do not depend on the month shown.
    mutating func loadLists(session: any ScheduleSession) throws {
        let all = try session.topics()
        topics = TopicQueue(all).ordered
            + all.filter { $0.status != .queued }.sorted { MongolianOrder.precedes($0.titleMn, $1.titleMn) }
        organisations = try session.organisations().sorted { MongolianOrder.precedes($0.name, $1.name) }
        people = try session.people().sorted { MongolianOrder.precedes($0.name, $1.name) }
        topicMeetings = try TopicRules.meetingsByTopic(in: session)
        away = Dictionary(grouping: try session.unavailability(ofPeople: nil), by: \.personID)
    }

    /// Loads the dialogue meetings around `today`, and which of the coming ones have a conflict: each
    /// meeting's days are searched on their own, so a year of other events is not read.
    mutating func loadMeetings(around today: LocalDate, zone: Zone, session: any ScheduleSession) throws {
        let meetings = try Agenda(from: today.adding(days: -183), through: today.adding(days: 366), zone: zone, session: session)
            .entries.filter { $0.occurrence.kind == .dialogue }
        var conflicted: Set<String> = []
        for entry in meetings where entry.occurrence.schedule.start.date >= today {
            let day = entry.occurrence.schedule.start.date
            let key = Self.conflictKey(entry.occurrence)
            if conflicted.contains(key) { continue }
            for conflict in try Conflicts.find(from: day.adding(days: -1), through: day.adding(days: 1), today: today, zone: zone, in: session) {
                for occurrence in [conflict.first, conflict.second].compactMap({ $0 }) { conflicted.insert(Self.conflictKey(occurrence)) }
            }
        }
        self.meetings = meetings
        meetingConflicts = conflicted
    }

    /// One meeting's key, the same for an occurrence of a series and its stored change.
    public static func conflictKey(_ occurrence: Occurrence) -> String {
        occurrence.uid.uuidString + (occurrence.recurrenceID.map { "|" + $0.description } ?? "")
    }

    /// Reads the People pane's history from one agenda of the year before `today` and the month after it:
    /// each person's roles, and the dialogue meetings each organisation attended in the twelve months.
    mutating func loadHistory(around today: LocalDate, zone: Zone, session: any ScheduleSession) throws {
        let entries = try Agenda(from: today.adding(days: -365), through: today.adding(days: 31), zone: zone, session: session).entries
        var history: [String: [HistoryItem]] = [:]
        for entry in entries {
            for person in entry.people {
                history[person.name, default: []].append(
                    HistoryItem(date: entry.occurrence.schedule.start.date, title: entry.occurrence.title, role: person.role))
            }
        }
        self.history = history
        let meetings = entries.compactMap { $0.occurrence.kind == .dialogue ? $0.occurrence.eventID : nil }
        attended = try Attendance.dialoguesAttended(among: try session.events(meetings), asOf: today, in: session)
    }
}
