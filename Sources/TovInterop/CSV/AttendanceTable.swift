import Foundation
import TovCore

/// Attendance lists in CSV: Event, Date, Title, Participant, Organisation, Status; one line per participant
/// of an event.
///
/// The event is an event's or a series' id (a whole UUID, or four or more of its first hex digits), or the
/// UID of an imported one; a meeting of a series is the series with the meeting's date (the date the series
/// first planned it, as `--meeting` takes it). A single event's date, when given, must be its own, which
/// catches a mistyped id. The participant is an organisation's or a person's name or id; the Organisation
/// column tells apart people of one name. Title is for the reader and is not read. A line sets where its
/// participant stands, adding them to the list when they are not on it; nobody is taken off.
///
///     let report = try AttendanceTable.read(records, under: header, in: session, saving: true)
enum AttendanceTable {
    /// What an attendance line is about: a stored event, or a meeting of a series by its original start
    /// (stored when its list is first saved).
    private enum Target: Hashable {
        case event(UUID)
        case meeting(series: UUID, original: LocalDateTime)
    }

    /// A line checked: where its participant is to stand, and where they stand now (nil: not on the list).
    private struct Line {
        let target: Target
        let participant: Assignment.Holder
        let status: Participation.Status
        let existing: Participation.Status?
    }

    /// Checks every row, then (when `saving`) saves them all; throws every bad row, having saved nothing.
    static func read(_ records: some Sequence<CSVRecord>, under header: CSVHeader, in session: any ScheduleSession, saving: Bool) throws -> ImportReport {
        let index = try NameIndex(session)
        let events = EventLookup(session: session)
        var lists: [Target: [Participation]] = [:]
        var lineOf: [Target: [Assignment.Holder: Int]] = [:]
        let lines = try header.rows(records) { row -> Line in
            let target = try events.target(try row.required(.event, "event"), date: row.text(.date))
            let participant = try index.participant(try row.required(.participant, "participant"), organisation: row.text(.organisation))
            let status = try CSVTerms.status(try row.required(.status, "status"))
            if let earlier = lineOf[target]?[participant] {
                throw ValidationError("'\(row.text(.participant) ?? "")' is already on line \(earlier) for this event")
            }
            lineOf[target, default: [:]][participant] = row.line
            if lists[target] == nil { lists[target] = try list(of: target, in: session) }
            return Line(target: target, participant: participant, status: status,
                        existing: lists[target]?.first { $0.participant == participant }?.status)
        }
        var report = ImportReport()
        var stored: [Target: UUID] = [:]
        for line in lines {
            report.count(line.status, replacing: line.existing)
            guard saving, line.existing != line.status else { continue }
            let eventID = try stored[line.target] ?? storedEvent(line.target, in: session)
            stored[line.target] = eventID
            try Attendance.mark(line.participant, line.status, at: eventID, in: session)
        }
        return report
    }

    /// The list of the event as it stands; empty for a meeting nothing was recorded on.
    private static func list(of target: Target, in session: any ScheduleSession) throws -> [Participation] {
        switch target {
        case .event(let id): try session.participation(ofEvent: id)
        case .meeting(let series, let original):
            try Meetings.storedChange(ofSeries: series, at: original, in: session).map { try session.participation(ofEvent: $0.id) } ?? []
        }
    }

    /// The id of the stored event, making a series meeting's stored change when it has none.
    private static func storedEvent(_ target: Target, in session: any ScheduleSession) throws -> UUID {
        switch target {
        case .event(let id): return id
        case .meeting(let seriesID, let original):
            guard let series = try session.series(seriesID) else { throw ValidationError("no series has the id '\(ShortID.of(seriesID))'") }
            return try Meetings.storedEvent(of: series, at: original, in: session).id
        }
    }

    // MARK: - Finding events

    /// Events and series by id, id prefix or the UID they were imported with.
    private struct EventLookup {
        let session: any ScheduleSession

        /// The event, or the meeting of the series on `date`, that an Event cell names.
        func target(_ text: String, date: String?) throws -> Target {
            switch try find(text) {
            case .series(let series):
                guard let date else {
                    throw ValidationError("'\(text)' is the series '\(series.title)': give the meeting's date in the Date column")
                }
                let original = try series.originalStart(named: CSVTerms.date(date))
                if series.exceptionDates.contains(original) {
                    throw ValidationError("the meeting of \(date) has been taken off the series '\(series.title)'")
                }
                return .meeting(series: series.id, original: original)
            case .event(let event):
                if let date {
                    let day = CSVTerms.date(date)
                    let names = [event.schedule.start.date.description, event.schedule.start.description]
                        + (event.recurrenceID.map { [$0.date.description, $0.description] } ?? [])
                    guard names.contains(day) else {
                        throw ValidationError("the event '\(event.title)' is on \(event.schedule.start.date), not on \(date)")
                    }
                }
                if let series = event.seriesID, let original = event.recurrenceID { return .meeting(series: series, original: original) }
                return .event(event.id)
            }
        }

        private enum Found {
            case event(Event)
            case series(Series)
        }

        private func find(_ text: String) throws -> Found {
            if let id = UUID(text: text), let found = try record(id) { return found }
            if let prefix = ShortID.prefix(of: text) {
                let ids = try session.ids(of: .event, withPrefix: prefix) + session.ids(of: .series, withPrefix: prefix)
                if ids.count > 1 { throw ValidationError("'\(text)' matches \(ids.count) event and series ids; type more of it") }
                if let id = ids.first, let found = try record(id) { return found }
            }
            let records = try session.origins(withUIDs: [text]).compactMap { try record($0.recordID) }
            // An imported series and its changed meetings share a UID: the series is the one it names.
            if let series = records.first(where: { if case .series = $0 { true } else { false } }) { return series }
            if records.count == 1 { return records[0] }
            if records.count > 1 { throw ValidationError("\(records.count) events have the UID '\(text)'; give the one you mean by its id") }
            throw ValidationError("no event or series has the id or UID '\(text)'")
        }

        private func record(_ id: UUID) throws -> Found? {
            if let event = try session.event(id) { return .event(event) }
            return try session.series(id).map(Found.series)
        }
    }

    // MARK: - Export

    /// The lists of `events` (those with nobody on them left out) by start, each organisations first, with
    /// the headers and words of `language`.
    static func write(_ events: [Event], from session: any ScheduleSession, in language: Language) throws -> CSV {
        let index = try NameIndex(session)
        let table = CSVTable.attendance
        var csv = CSV(header: table.columns.map { table.header($0, in: language) })
        let lists = try Attendance.lines(of: events.map(\.id), in: session)
        for event in events.sorted(by: { ($0.schedule.startInstant, $0.id.uuidString) < ($1.schedule.startInstant, $1.id.uuidString) }) {
            guard let lines = lists[event.id] else { continue }
            let (eventID, date) = try reference(to: event, in: session)
            for line in lines {
                let (participant, organisation) = index.reference(to: line.participation.participant)
                csv.append([eventID, date, event.title, participant, organisation, Vocabulary.name(of: line.participation.status, in: language)])
            }
        }
        return csv
    }

    /// How a line names an event: its UUID and date, or for a meeting of a series the series' UUID and the
    /// meeting's original date (its start when the series has several meetings that day).
    private static func reference(to event: Event, in session: any ScheduleSession) throws -> (String, String) {
        guard let seriesID = event.seriesID, let original = event.recurrenceID, let series = try session.series(seriesID) else {
            return (event.id.lowercasedText, event.schedule.start.date.description)
        }
        let day = original.date.description
        return (series.id.lowercasedText, (try? series.originalStart(named: day)) == original ? day : original.description)
    }
}
