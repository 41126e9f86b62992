import Foundation
import TovCore

/// One dialogue meeting opened from the Dialogue pane (`Enter`): its people in their roles with their
/// conflicts, its programme, and its attendance list with counts.
public struct MeetingSheet: Sendable {
    /// Which list of the sheet takes the arrow keys (← and → go from one to the next).
    public enum Section: Int, Sendable, CaseIterable { case people, attendance, programme }

    /// A person or organisation in a role, ready to show.
    public struct Role: Sendable {
        public var assignment: Assignment
        public var name: String
        /// The programme item it is on, when not the whole meeting.
        public var item: String?
    }

    public var occurrence: Occurrence
    public var topic: Topic?
    public var roles: [Role] = []
    public var programme: [ProgrammeItem] = []
    public var attendance: [Attendance.Line] = []
    public var counts = AttendanceCounts()
    /// The stored event (its report, its public event's date); nil for a series meeting nothing is stored on.
    public var event: Event?
    /// The conflicts this meeting is in: double bookings, travel, days away, a missing keynote.
    public var conflicts: [Conflict] = []
    public var section = Section.people
    public var row = 0

    /// Reads the meeting as it is stored now. A series meeting nothing was recorded on has empty lists.
    static func load(_ occurrence: Occurrence, today: LocalDate, zone: Zone, session: any ScheduleSession) throws -> MeetingSheet {
        var occurrence = occurrence
        var event: Event?
        if let id = occurrence.eventID {
            guard let stored = try session.event(id) else {
                throw ValidationError("this meeting no longer exists", mn: "Энэ уулзалт устсан байна")
            }
            event = stored
        } else if let seriesID = occurrence.seriesID {
            event = try Meetings.storedChange(ofSeries: seriesID, at: occurrence.recurrenceID, in: session)
        }
        if let event { occurrence = Occurrence(event: event) }
        var sheet = MeetingSheet(occurrence: occurrence, topic: try occurrence.topicID.flatMap { try session.topic($0) }, event: event)
        let day = occurrence.schedule.start.date
        sheet.conflicts = try Conflicts.find(from: day.adding(days: -1), through: day.adding(days: 1), today: today, zone: zone, in: session).filter { conflict in
            [conflict.first, conflict.second].contains { $0.map { Self.same($0, occurrence) } ?? false }
        }
        guard let id = occurrence.eventID else {
            // A series meeting nothing is stored on yet shows the programme it gets when something is.
            sheet.programme = Programme.preview(of: occurrence)
            return sheet
        }
        sheet.programme = try Programme.items(of: id, in: session)
        let items = Dictionary(uniqueKeysWithValues: sheet.programme.map { ($0.id, $0.title) })
        for assignment in try session.assignments(ofEvents: [id]) {
            let name: String
            switch assignment.holder {
            case .person(let person): name = try session.person(person)?.name ?? "?"
            case .organisation(let organisation): name = try session.organisation(organisation)?.name ?? "?"
            }
            sheet.roles.append(Role(assignment: assignment, name: name, item: assignment.programmeItemID.flatMap { items[$0] }))
        }
        sheet.roles.sort { Assignment.Role.precedes(($0.assignment.role, $0.name), ($1.assignment.role, $1.name)) }
        sheet.attendance = try Attendance.lines(of: id, in: session)
        sheet.counts = Attendance.counts(sheet.attendance.map(\.participation))
        return sheet
    }

    /// Whether two occurrences are the same meeting (one may have been stored since).
    static func same(_ a: Occurrence, _ b: Occurrence) -> Bool {
        (a.eventID != nil && a.eventID == b.eventID) || (a.uid == b.uid && a.recurrenceID == b.recurrenceID)
    }

    /// How many rows the focused section has.
    var rowCount: Int {
        switch section {
        case .people: roles.count
        case .attendance: attendance.count
        case .programme: programme.count
        }
    }
}
