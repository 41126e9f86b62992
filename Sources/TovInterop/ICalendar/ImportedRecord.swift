import Foundation
import TovCore

/// What one UID of a file becomes in tov: a single event, or a series (cut where a change goes on to later
/// meetings) with its overrides, and the programme, roles and lists on them; or, when the file holds only
/// changes to meetings of a series it does not have, those changes as single events.
///
/// Ids are the UID's own UUID, or made from the UID (`StableID`), so that the same file gives the same
/// records every time.
struct ImportedRecord {
    let uid: String
    /// The line of the VEVENT it comes from.
    let line: Int
    /// The event or series the UID names.
    let mainID: UUID
    var series: [Series] = []
    var events: [Event] = []
    var items: [ProgrammeItem] = []
    var assignments: [Assignment] = []
    var participation: [Participation] = []
    var origins: [Origin] = []
    /// The highest SEQUENCE and the latest LAST-MODIFIED among its VEVENTs.
    let sequence: Int
    let lastModified: Date?
    /// VEVENTs of the UID left out, and why.
    var skipped: [ImportReport.Skip] = []
    /// What its VEVENTs hold that tov does not keep.
    var notKept: [String] = []

    /// The id of the record a UID names: the UID itself when it is a UUID (tov's own files), else one made from it.
    static func id(forUID uid: String) -> UUID {
        UUID(text: uid) ?? StableID.make("ics:" + uid)
    }

    /// Builds the records of one UID from its VEVENT without RECURRENCE-ID (nil when the file has none)
    /// and those with one. People and topics are found or made in `directory`.
    init(uid: String, master: ICalendarEvent?, overrides: [ICalendarEvent], directory: ImportDirectory) {
        self.uid = uid
        line = master?.line ?? overrides.map(\.line).min() ?? 0
        mainID = ImportedRecord.id(forUID: uid)
        // Gathered without an array of all the VEVENTs: nearly every UID has one, and there may be 100,000.
        var sequence = master?.sequence ?? 0
        var lastModified = master?.lastModified
        notKept = master?.notKept ?? []
        for change in overrides {
            sequence = max(sequence, change.sequence)
            if let modified = change.lastModified, lastModified.map({ modified > $0 }) ?? true { lastModified = modified }
            notKept += change.notKept
        }
        self.sequence = sequence
        self.lastModified = lastModified
        guard let master else {
            for change in overrides { addSingle(change, directory: directory) }
            return
        }
        // The main record's origin comes first.
        if sequence > 0 || lastModified != nil || !ImportedRecord.isOwnID(uid) {
            origins.append(Origin(recordID: mainID, uid: uid, sequence: sequence, lastModified: lastModified))
        }
        if master.rule == nil && master.extras.isEmpty {
            addSingle(master, overrides: overrides, directory: directory)
        } else {
            addSeries(master, overrides: overrides, directory: directory)
        }
    }

    /// Whether a UID is a record's own id as tov writes it (a lowercase UUID): then it needs no origin.
    static func isOwnID(_ uid: String) -> Bool {
        uid.utf8.count == 36 && !uid.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") } && UUID(text: uid) != nil
    }

    private func derivedID(_ original: LocalDateTime?) -> UUID {
        StableID.make("ics:\(uid)/\(original?.description ?? "")")
    }

    private func skip(_ event: ICalendarEvent, _ reason: String) -> ImportReport.Skip {
        ImportReport.Skip(uid: uid, line: event.line, reason: reason)
    }

    // MARK: - Single events

    /// A change whose series or meeting is not in the file: a single event of its own, remembered under the UID.
    private mutating func addSingle(_ change: ICalendarEvent, directory: ImportDirectory) {
        let id = change.ownID ?? derivedID(change.recurrenceID?.writtenWall)
        add(event(change, id: id, schedule: change.schedule, directory: directory), from: change, directory: directory)
        origins.append(Origin(recordID: id, uid: uid, sequence: sequence, lastModified: lastModified))
    }

    /// A VEVENT that does not repeat; a change of its one meeting takes its place, and changes of
    /// meetings it does not have stand as events of their own.
    private mutating func addSingle(_ master: ICalendarEvent, overrides: [ICalendarEvent], directory: ImportDirectory) {
        let start = master.schedule.start
        let replacing = overrides.filter { change in
            change.recurrenceID.map { master.schedule.allDay ? $0.writtenWall.date == start.date : $0.wall(in: master.schedule.zone) == start } ?? false
        }.max { $0.sequence < $1.sequence }
        let source = replacing ?? master
        add(event(source, id: mainID, schedule: source.schedule, directory: directory), from: source, directory: directory)
        for change in overrides where change.line != replacing?.line { addSingle(change, directory: directory) }
    }

    /// An event with what `source` says.
    private func event(
        _ source: ICalendarEvent, id: UUID, schedule: Schedule, seriesID: UUID? = nil, recurrenceID: LocalDateTime? = nil,
        directory: ImportDirectory
    ) -> Event {
        let details = source.details
        return Event(
            id: id, kind: details.kind, title: details.title, schedule: schedule, status: details.status,
            placeCode: details.placeCode, venue: details.venue, publicEvent: details.publicEvent,
            topicID: source.topic.map { directory.topic(for: $0, proposedOn: schedule.start.date) }, notes: details.notes,
            seriesID: seriesID, recurrenceID: recurrenceID, created: source.created ?? .distantPast,
            publicEventDate: details.publicEventDate, report: details.report
        )
    }

    /// Adds an event with the programme, roles and list its VEVENT gives; the event is moved in, not copied.
    private mutating func add(_ event: consuming Event, from source: ICalendarEvent, directory: ImportDirectory) {
        let eventID = event.id
        events.append(event)
        var itemIDs: Set<UUID> = []
        for (index, reference) in source.items.enumerated() {
            let item = ProgrammeItem(
                id: reference.id ?? StableID.make("ics:\(uid)/\(eventID.lowercasedText)/item/\(index)"), eventID: eventID,
                kind: reference.kind, title: reference.title, serviceArea: reference.serviceArea, start: reference.start, end: reference.end
            )
            items.append(item)
            itemIDs.insert(item.id)
        }
        for person in source.people {
            let holder = directory.holder(for: person)
            let itemID = person.itemID.flatMap { itemIDs.contains($0) ? $0 : nil }
            for role in person.roles where !assignments.contains(where: {
                $0.eventID == eventID && $0.holder == holder && $0.role == role && $0.programmeItemID == itemID
            }) {
                let id = StableID.make("ics:\(uid)/\(eventID.lowercasedText)/\(ImportedRecord.key(holder))/\(role.rawValue)/\(itemID?.lowercasedText ?? "")")
                assignments.append(Assignment(id: id, eventID: eventID, programmeItemID: itemID, holder: holder, role: role))
            }
            if let status = person.participation, !participation.contains(where: { $0.eventID == eventID && $0.participant == holder }) {
                let id = StableID.make("ics:\(uid)/\(eventID.lowercasedText)/list/\(ImportedRecord.key(holder))")
                participation.append(Participation(id: id, eventID: eventID, participant: holder, status: status))
            }
        }
    }

    static func key(_ holder: Assignment.Holder) -> String {
        switch holder {
        case .person(let id): "person/" + id.lowercasedText
        case .organisation(let id): "organisation/" + id.lowercasedText
        }
    }

    // MARK: - Series

    /// One part of a series, as cut by changes that go on to later meetings: its meetings from `from` on
    /// (original starts), moved by `shift` seconds and saying what `source` says.
    private struct Part {
        var series: Series
        var from: LocalDateTime?
        var shift: Int
        var source: ICalendarEvent?
    }

    private mutating func addSeries(_ master: ICalendarEvent, overrides: [ICalendarEvent], directory: ImportDirectory) {
        let zone = master.schedule.zone
        let allDay = master.schedule.allDay
        func wall(_ time: ICalendarTime) -> LocalDateTime {
            allDay ? LocalDateTime(date: time.writtenWall.date) : time.wall(in: zone)
        }
        // A series of RDATEs alone repeats nothing by rule: the rule gives DTSTART only.
        let rule = master.rule ?? (try! RecurrenceRule(frequency: .daily, count: 1))
        let start = master.schedule.start
        var extras: [LocalDateTime] = []
        var periodLengths: [LocalDateTime: Int] = [:]
        for extra in master.extras {
            let first = wall(extra.start)
            extras.append(first)
            if let end = extra.end, !allDay {
                let length = end.wall(in: zone).secondsSinceEpoch - first.secondsSinceEpoch
                if length != master.schedule.duration && length >= 0 { periodLengths[first] = length }
            }
        }
        // DTSTART is always a meeting (RFC 5545), even off the rule, unless it is after UNTIL or an EXDATE
        // removes it (as tov's own export does for a series whose first start is not a meeting).
        var startExcluded = false
        if rule.occurrences(from: start, in: zone, between: start, and: start.adding(seconds: 1)).isEmpty && rule.allows(start, in: zone) {
            startExcluded = master.exceptions.contains { wall($0) == start }
            if !startExcluded { extras.append(start) }
        }
        var series = Series(
            id: mainID, kind: master.details.kind, title: master.details.title, schedule: master.schedule, rule: rule,
            extraDates: Array(Set(extras)).sorted(), status: master.details.status, shift: master.details.shift,
            placeCode: master.details.placeCode, venue: master.details.venue, notes: master.details.notes,
            created: master.created ?? .distantPast
        )
        var exceptions: Set<LocalDateTime> = []
        for exception in master.exceptions {
            if case .date(let day) = exception, !allDay {
                // A date removes every meeting of that day.
                let midnight = LocalDateTime(date: day)
                exceptions.formUnion(series.originalStarts(between: midnight, and: LocalDateTime(date: day.adding(days: 1))))
            } else {
                exceptions.insert(ImportedRecord.original(exception, converted: wall(exception), of: series))
            }
        }
        if startExcluded { exceptions.remove(start) }
        series.exceptionDates = exceptions.sorted()
        notKeptOnASeries(master)

        // One change per meeting: the highest SEQUENCE, the first in the file when they tie.
        var changes: [LocalDateTime: ICalendarEvent] = [:]
        var order: [LocalDateTime] = []
        for change in overrides {
            guard let recurrenceID = change.recurrenceID else { continue }
            // A meeting tov's export wrote out only because the series moves it off a day off: the series
            // moves it here too.
            if change.shiftedByPolicy && master.details.shift != .keep { continue }
            let key = ImportedRecord.original(recurrenceID, converted: wall(recurrenceID), of: series)
            if exceptions.contains(key) {
                skipped.append(skip(change, "the meeting it changes, \(key), is removed by the series' EXDATE"))
            } else if let kept = changes[key] {
                let (winner, loser) = change.sequence > kept.sequence ? (change, kept) : (kept, change)
                changes[key] = winner
                skipped.append(skip(loser, "the VEVENT on line \(winner.line) changes the same meeting, \(key), with a SEQUENCE as high or higher"))
            } else {
                changes[key] = change
                order.append(key)
            }
        }

        // Changes that go on to later meetings cut the series there.
        var parts = [Part(series: series, from: nil, shift: 0, source: nil)]
        var cutAt: Set<LocalDateTime> = []
        for key in order.sorted() {
            guard let change = changes[key], change.thisAndFuture else { continue }
            let shift = wall(change.start).secondsSinceEpoch - key.secondsSinceEpoch
            do {
                guard change.schedule.allDay == allDay else {
                    throw ValidationError("it makes the meetings \(allDay ? "timed" : "all-day") where the series' are \(allDay ? "all-day" : "timed")")
                }
                if key == series.schedule.start {
                    _ = try ImportedRecord.moved(parts[0].series, by: shift, saying: change)
                    parts[0].shift = shift
                    parts[0].source = change
                } else {
                    let (earlier, later) = try parts[parts.count - 1].series.split(at: key, newID: derivedID(key))
                    _ = try ImportedRecord.moved(later, by: shift, saying: change)
                    parts[parts.count - 1].series = earlier
                    parts.append(Part(series: later, from: key, shift: shift, source: change))
                }
                cutAt.insert(key)
            } catch let error as ValidationError {
                changes[key] = nil
                skipped.append(skip(change, "RANGE=THISANDFUTURE from \(key) cannot be kept: \(error.message)"))
            } catch {
                changes[key] = nil
                skipped.append(skip(change, "RANGE=THISANDFUTURE from \(key) cannot be kept: \(error)"))
            }
        }
        for index in parts.indices {
            if let moved = try? ImportedRecord.moved(parts[index].series, by: parts[index].shift, saying: parts[index].source) {
                parts[index].series = moved
            }
            self.series.append(parts[index].series)
            if index > 0 {
                origins.append(Origin(recordID: parts[index].series.id, uid: uid, sequence: sequence, lastModified: lastModified))
            }
        }
        func part(of key: LocalDateTime) -> Part {
            parts.last { $0.from.map { $0 <= key } ?? true } ?? parts[0]
        }

        // Changes of one meeting, each keyed by its meeting's start in the part that now holds it.
        for key in order {
            guard let change = changes[key] else { continue }
            let holder = part(of: key)
            if cutAt.contains(key) {
                // The part says what the change says; only what a series cannot hold needs a meeting of its own.
                guard change.topic != nil || !change.people.isEmpty || !change.items.isEmpty || change.details.publicEvent != nil
                        || change.details.report != nil
                else { continue }
            }
            let id = change.ownID ?? derivedID(key)
            let override = event(change, id: id, schedule: change.schedule, seriesID: holder.series.id,
                                 recurrenceID: key.adding(seconds: holder.shift), directory: directory)
            add(override, from: change, directory: directory)
        }
        // An RDATE PERIOD of another length than the series' is a meeting with its own end.
        for (first, length) in periodLengths.sorted(by: { $0.key < $1.key }) where changes[first] == nil {
            let holder = part(of: first)
            let moved = first.adding(seconds: holder.shift)
            guard let schedule = try? Schedule(start: moved, end: moved.adding(seconds: length), zone: zone) else { continue }
            events.append(event(holder.source ?? master, id: derivedID(first), schedule: schedule, seriesID: holder.series.id,
                                recurrenceID: moved, directory: directory))
        }
    }

    /// What a series cannot hold (a topic, people, a programme: they are per meeting), counted as not kept.
    private mutating func notKeptOnASeries(_ master: ICalendarEvent) {
        if master.topic != nil { notKept.append(ICalendarTerms.topic) }
        if master.details.publicEvent != nil { notKept.append(ICalendarTerms.publicEvent) }
        if master.details.report != nil { notKept.append(ICalendarTerms.reportAttendance) }
        notKept += master.items.map { _ in ICalendarTerms.programmeItem }
        notKept += master.people.map { $0.roles == [.coOrganiser] && $0.participation == nil ? "ORGANIZER" : "ATTENDEE" }
    }

    /// The original start a RECURRENCE-ID or EXDATE names: the moment on the series' clocks, or, when
    /// that is no meeting of the series, the wall time as written (as recurring-ical-events also matches).
    private static func original(_ time: ICalendarTime, converted: LocalDateTime, of series: Series) -> LocalDateTime {
        if series.hasOriginalStart(converted) || series.schedule.allDay { return converted }
        let written = time.writtenWall
        return series.hasOriginalStart(written) ? written : converted
    }

    /// `series` (in its original times) with every meeting moved by `shift` seconds and saying what
    /// `source` says, its rule rewritten to match; fails when no rule gives the moved meetings.
    private static func moved(_ series: Series, by shift: Int, saying source: ICalendarEvent?) throws -> Series {
        var moved = series
        let zone = series.schedule.zone
        if let source {
            let details = source.details
            moved.kind = details.kind
            moved.title = details.title
            moved.status = details.status
            moved.placeCode = details.placeCode
            moved.venue = details.venue
            moved.notes = details.notes
        }
        let duration = source?.schedule.duration ?? series.schedule.duration
        let start = series.schedule.start.adding(seconds: shift)
        moved.schedule = series.schedule.allDay
            ? try Schedule(allDayFrom: start.date, through: start.adding(seconds: duration).date.adding(days: -1), zone: zone)
            : try Schedule(start: start, end: start.adding(seconds: duration), zone: zone)
        guard shift != 0 else { return moved }
        moved.rule = try series.rule.moved(by: shift, from: series.schedule.start, allDay: series.schedule.allDay)
        moved.exceptionDates = series.exceptionDates.map { $0.adding(seconds: shift) }
        moved.extraDates = series.extraDates.map { $0.adding(seconds: shift) }
        let expected = series.rule.occurrences(from: series.schedule.start, in: zone).prefix(500).map { $0.adding(seconds: shift) }
        let found = Array(moved.rule.occurrences(from: start, in: zone).prefix(500))
        guard expected == found else {
            throw ValidationError("its meetings, moved by \(shift / 60) minutes, follow no rule tov can write")
        }
        return moved
    }
}

extension RecurrenceRule {
    /// The rule for meetings `shift` seconds later than those it gives from `start`: UNTIL moved with them,
    /// weekdays by the days the first meeting moves, hours by its whole hours. The caller checks that it
    /// gives the moved meetings.
    func moved(by shift: Int, from start: LocalDateTime, allDay: Bool) throws -> RecurrenceRule {
        let movedUntil: Until? = switch until {
        case nil: nil
        case .utc(let wall): .utc(wall.adding(seconds: shift))
        case .local(let wall): .local(wall.adding(seconds: shift))
        case .date(let date): allDay
            ? .date(LocalDateTime(date: date).adding(seconds: shift).date)
            : .local(LocalDateTime(date: date.adding(days: 1)).adding(seconds: shift - 1))
        }
        let first = start.adding(seconds: shift)
        let dayStep = first.date.daysSinceEpoch - start.date.daysSinceEpoch
        let timeStep = first.time.secondsSinceMidnight - start.time.secondsSinceMidnight
        let days = byDay.map { WeekdayNumber(Weekday(rawValue: (($0.weekday.rawValue + dayStep) % 7 + 7) % 7)!, ordinal: $0.ordinal) }
        let hours = timeStep % 3600 == 0 ? byHour.map { (($0 + timeStep / 3600) % 24 + 24) % 24 } : byHour
        return try RecurrenceRule(
            frequency: frequency, interval: interval, count: count, until: movedUntil, byDay: days, byMonthDay: byMonthDay,
            byMonth: byMonth, byYearDay: byYearDay, byWeekNo: byWeekNo, byHour: hours, byMinute: byMinute,
            bySecond: bySecond, bySetPos: bySetPos, weekStart: weekStart
        )
    }
}
