import Foundation
import TovCore

/// An iCalendar file (RFC 5545) on its way into tov: read whole first, so that a broken file changes
/// nothing, then weighed against the database record by record, then written in one go.
///
/// Each UID becomes one record (an event, or a series with its changed meetings). A record new to the
/// database is imported; one already here exactly as the file has it is unchanged; one the file has in a
/// newer version (a higher SEQUENCE, or the same one and a later LAST-MODIFIED) is updated; any other is
/// skipped, with the reason, as is everything tov cannot hold. What tov does not keep (alarms, to-dos,
/// properties it has no place for) is counted by name.
///
///     let file = try ICalendarImport(bytes: bytes, fallbackZone: .ulaanbaatar, now: Date())
///     let report = try store.write(undoable: "Imported plan.ics") { session in
///         let plan = try file.plan(in: session)
///         try plan.apply(to: session)
///         return plan.report
///     }
public struct ICalendarImport {
    private let events: [ICalendarEvent]
    /// What reading alone decided: events left out, things not kept, how zones were read.
    private let reading: ImportReport

    /// Reads a file; fails with the line and reason of the first thing in it that is not iCalendar. Floating
    /// times and all-day events are placed in `fallbackZone` unless the calendar names its zone; `now` says
    /// how far a series that never ends must agree with a zone the file defines itself. `floatingZone`, when the
    /// user names one (`tov import --tz`), takes floating times before the calendar's X-WR-TIMEZONE.
    public init(bytes: [UInt8], fallbackZone: Zone, floatingZone: Zone? = nil, now: Date) throws {
        var events: [ICalendarEvent] = []
        var report = ImportReport()
        var fieldLayouts = ICalendarEvent.FieldLayouts()
        for component in try ICalendarParser.parse(bytes) {
            guard component.name == "VCALENDAR" else {
                report.notKeeping(component.name)
                continue
            }
            for property in component.properties where !ICalendarImport.calendarProperties.contains(property.name) {
                report.notKeeping(property.name)
            }
            if let scale = component.first("CALSCALE"), scale.value.uppercased() != "GREGORIAN" {
                throw ICalendarSyntaxError(line: scale.line, "CALSCALE \(scale.value): tov reads Gregorian calendars only")
            }
            let fromTov = component.first("PRODID")?.value == ICalendarTerms.productID
            let zones = ICalendarZones(
                definitions: try component.components(named: "VTIMEZONE").map(ICalendarTimeZone.init),
                calendarZone: component.first("X-WR-TIMEZONE")?.text.trimmedSpaces,
                fallback: fallbackZone, floating: floatingZone, calendar: component, now: now
            )
            for child in component.components {
                switch child.name {
                case "VTIMEZONE":
                    continue
                case "VEVENT":
                    do {
                        events.append(try ICalendarEvent(child, zones: zones, fromTov: fromTov, fieldLayouts: &fieldLayouts))
                    } catch let error as NotImported {
                        report.skipped.append(ImportReport.Skip(uid: child.first("UID")?.text, line: child.line, reason: error.reason))
                    }
                default:
                    report.notKeeping(child.name)
                }
            }
            for note in zones.notes { report.note(note) }
        }
        self.events = events
        reading = report
    }

    /// The VEVENTs of one UID, by their place in `events`.
    private struct UIDGroup {
        let uid: String
        /// The one without RECURRENCE-ID that counts.
        var master: Int?
        /// Those with one.
        var changes: [Int] = []
    }

    /// The group a UID has (its entry in a dictionary, changed in place), or `next` for a new one: one
    /// lookup either way, where asking and then adding hashed a new UID twice.
    private static func group(_ entry: inout Int?, next: Int) -> Int {
        if let known = entry { return known }
        entry = next
        return next
    }

    /// Calendar properties read (or harmless to leave): every other one is counted as not kept.
    private static let calendarProperties: Set<String> = ["VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-TIMEZONE"]

    // MARK: - Weighing against the database

    /// What importing would do to the records `session` holds, without changing them: the report, and
    /// the writes `apply` makes.
    public func plan(in session: any ScheduleSession) throws -> ICalendarImportPlan {
        var report = reading
        // UIDs in file order, each with its VEVENT without RECURRENCE-ID (the highest SEQUENCE, the first
        // when they tie) and its changes of single meetings; each VEVENT looks its UID up once.
        var groups: [UIDGroup] = []
        var groupOfUID: [String: Int] = [:]
        groupOfUID.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            let group = ICalendarImport.group(&groupOfUID[event.uid], next: groups.count)
            if group == groups.count { groups.append(UIDGroup(uid: event.uid)) }
            guard event.recurrenceID == nil else {
                groups[group].changes.append(index)
                continue
            }
            if let kept = groups[group].master {
                let keeps = events[kept].sequence >= event.sequence
                let (winner, loser) = keeps ? (events[kept], event) : (event, events[kept])
                if !keeps { groups[group].master = index }
                report.skipped.append(ImportReport.Skip(
                    uid: event.uid, line: loser.line,
                    reason: "the VEVENT on line \(winner.line) has the same UID and a SEQUENCE as high or higher (\(winner.sequence))"))
            } else {
                groups[group].master = index
            }
        }
        let uids = groups.map(\.uid)
        let stored = try StoredRecords(uids: uids, in: session)
        let directory = try ImportDirectory(session)
        var writes = ICalendarImportPlan.Writes()
        for group in groups {
            let uid = group.uid
            var record = ImportedRecord(uid: uid, master: group.master.map { events[$0] },
                                        overrides: group.changes.map { events[$0] }, directory: directory)
            report.skipped += record.skipped
            let outcome = stored.weigh(&record, writes: &writes)
            switch outcome {
            case .imported, .updated:
                directory.keep()
                writes.records.append(record)
                if case .imported = outcome { report.imported += 1 } else { report.updated += 1 }
            case .unchanged:
                directory.forget()
                report.unchanged += 1
            case .skipped(let reason):
                directory.forget()
                report.skipped.append(ImportReport.Skip(uid: uid, line: record.line, reason: reason))
                continue
            }
            for name in record.notKept { report.notKeeping(name) }
        }
        writes.made = directory.made
        writes.topicsInStep(directory: directory)
        report.skipped.sort { $0.line < $1.line }
        return ICalendarImportPlan(report: report, writes: writes)
    }
}

/// What an import will do: its report, and the records it writes when applied.
public struct ICalendarImportPlan {
    /// Imported, updated, unchanged, skipped and why, not kept.
    public let report: ImportReport
    let writes: Writes

    /// Makes the changes, in an order the database's links allow: what goes first, then who (organisations,
    /// people, topics), then every series, every event, and what hangs on them. Kind by kind, not record by
    /// record: undo takes rows back newest first, and a series taken back while events remain would have
    /// the whole event table searched for its meetings. Each kind is saved all at once (`saveAll`), which
    /// a store can do in far fewer steps than record by record.
    public func apply(to session: any ScheduleSession) throws {
        for (kind, id) in writes.deletions { try session.delete(kind, id: id) }
        for organisation in writes.made.organisations { try session.save(organisation) }
        for person in writes.made.people { try session.save(person) }
        for topic in writes.made.topics + writes.topics { try session.save(topic) }
        let records = writes.records
        try session.saveAll(records.flatMap(\.series))
        try session.saveAll(records.flatMap(\.events))
        try session.saveAll(records.flatMap(\.items))
        try session.saveAll(records.flatMap(\.assignments))
        try session.saveAll(records.flatMap(\.participation))
        try session.saveAll(records.flatMap(\.origins) + writes.origins)
    }

    /// The records to write and delete.
    struct Writes {
        var deletions: [(RecordKind, UUID)] = []
        var made = ImportDirectory.Made()
        /// Topics already here that a written meeting now holds.
        var topics: [Topic] = []
        /// Records imported or updated.
        var records: [ImportedRecord] = []
        /// Where records already here came from, when the file says it anew.
        var origins: [Origin] = []

        /// A topic given to a written meeting is scheduled, or held when the meeting took place.
        mutating func topicsInStep(directory: ImportDirectory) {
            let new = Set(made.topics.map(\.id))
            var seen: Set<UUID> = []
            var held: Set<UUID> = []
            for event in records.lazy.flatMap(\.events) {
                guard let id = event.topicID else { continue }
                if event.status.tookPlace { held.insert(id) }
                guard !new.contains(id), seen.insert(id).inserted, var topic = directory.topic(id), topic.status == .queued,
                      event.status != .cancelled
                else { continue }
                topic.status = event.status.tookPlace ? .held : .scheduled
                topics.append(topic)
            }
            for index in made.topics.indices where held.contains(made.topics[index].id) {
                made.topics[index].status = .held
            }
        }
    }
}
