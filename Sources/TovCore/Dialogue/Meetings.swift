import Foundation

/// Meetings as the coordinator works on them: a single dialogue event, or one meeting of a series.
public enum Meetings {
    /// The stored event behind a meeting, so that a topic, people, a programme or attendance can hang on
    /// it: the event itself, or the series' stored change for that meeting, made and saved (with the default
    /// programme of its kind) when there is none yet.
    public static func storedEvent(for occurrence: Occurrence, in session: any ScheduleSession) throws -> Event {
        if let id = occurrence.eventID {
            guard let event = try session.event(id) else { throw ValidationError("the event '\(occurrence.title)' is no longer there",
                                                                               mn: "“\(occurrence.title)” устсан байна") }
            return event
        }
        guard let seriesID = occurrence.seriesID, let original = occurrence.recurrenceID,
              let series = try session.series(seriesID) else {
            throw ValidationError("the meeting '\(occurrence.title)' is no longer there", mn: "“\(occurrence.title)” уулзалт устсан байна")
        }
        return try storedEvent(of: series, at: original, in: session)
    }

    /// The event behind a meeting as it stands, without storing anything: the event, the series' stored change,
    /// or the change as it would start out (`planned`) for a meeting nothing was recorded on.
    public static func event(for occurrence: Occurrence, in session: any ScheduleSession) throws -> Event {
        if occurrence.eventID == nil, let seriesID = occurrence.seriesID, let original = occurrence.recurrenceID,
           let series = try session.series(seriesID) {
            return try storedChange(ofSeries: seriesID, at: original, in: session) ?? planned(of: series, at: original, in: session)
        }
        return try storedEvent(for: occurrence, in: session)
    }

    /// The stored change of the series' meeting originally due at `original`, made and saved when there is none.
    public static func storedEvent(of series: Series, at original: LocalDateTime, in session: any ScheduleSession) throws -> Event {
        if let stored = try storedChange(ofSeries: series.id, at: original, in: session) { return stored }
        let event = try planned(of: series, at: original, in: session)
        try session.save(event)
        try DefaultProgramme.add(to: event, in: session)
        return event
    }

    /// The series' meeting originally due at `original` as its stored change would start out, not saved:
    /// what a read shows of a meeting nothing was recorded on yet.
    public static func planned(of series: Series, at original: LocalDateTime, in session: any ScheduleSession) throws -> Event {
        let workingDays = try session.workingDays(
            from: original.date.adding(days: -ShiftPolicy.reach), through: original.date.adding(days: ShiftPolicy.reach))
        return series.override(at: original, existing: nil, workingDays: workingDays)
    }

    /// Saves an event as every command and the interface do: its topic kept in step (`TopicRules`), and a
    /// new dialogue meeting given the default programme.
    public static func save(_ event: Event, in session: any ScheduleSession) throws {
        let old = try session.event(event.id)
        if let old { try SADays.checkMove(of: event, from: old.status, to: event.status) }
        try session.save(try TopicRules.keepInStep(event, replacing: old, in: session))
        if old == nil { try DefaultProgramme.add(to: event, in: session) }
    }

    /// The stored change of the series' meeting originally due at `original`, if it has one.
    public static func storedChange(ofSeries seriesID: UUID, at original: LocalDateTime?, in session: any ScheduleSession) throws -> Event? {
        guard let original else { return nil }
        return try session.overrides(ofSeries: [seriesID]).first { $0.recurrenceID == original }
    }

    /// Gives a person or an organisation a role on an event, or on one item of its programme. Refuses the same
    /// holder twice in one role on one event, and an item of another event.
    @discardableResult
    public static func assign(
        _ holder: Assignment.Holder, as role: Assignment.Role, on itemID: UUID? = nil, to event: Event,
        named name: String, in session: any ScheduleSession
    ) throws -> Assignment {
        if let itemID, try !session.programme(ofEvent: event.id).contains(where: { $0.id == itemID }) {
            throw ValidationError("the programme item is not on '\(event.title)'", mn: "Энэ хэсэг “\(event.title)”-ийн хөтөлбөрт алга")
        }
        if try session.assignments(ofEvents: [event.id]).contains(where: { $0.holder == holder && $0.role == role }) {
            throw ValidationError("\(name) is already \(Vocabulary.name(of: role, in: .en)) on '\(event.title)'",
                                  mn: "\(name) “\(event.title)”-д аль хэдийн \(Vocabulary.name(of: role, in: .mn)) байна")
        }
        let assignment = Assignment(eventID: event.id, programmeItemID: itemID, holder: holder, role: role)
        try session.save(assignment)
        return assignment
    }

    /// Deletes an event. A series' changed meeting is taken off the series too (an exception date), so it
    /// does not come back as the series' plain meeting; a topic it had returns to the queue.
    public static func delete(_ event: Event, in session: any ScheduleSession) throws {
        if let seriesID = event.seriesID, let original = event.recurrenceID, var series = try session.series(seriesID) {
            if !series.exceptionDates.contains(original) { series.exceptionDates.append(original) }
            try session.save(series)
        }
        try TopicRules.release(event, in: session)
        try session.delete(.event, id: event.id)
    }

    /// The series' meetings from `day` on (cancelled ones included, removed ones not), at most `limit`.
    public static func upcoming(of series: Series, from day: LocalDate, limit: Int, in session: any ScheduleSession) throws -> [Occurrence] {
        let overrides = try session.overrides(ofSeries: [series.id])
        let workingDays = try session.workingDays(from: day, through: day.adding(days: 3 * 366))
        return series.meetings(startingAt: LocalDateTime(date: day, time: .midnight), limit: limit,
                               overrides: overrides, workingDays: workingDays)
    }
}

/// The programme a new meeting starts with, from the seed: a dialogue meeting has a keynote, presentations,
/// the lead discussants' panel, open discussion and interviews. The coordinator then edits it.
public enum DefaultProgramme {
    /// The items for an event of this kind, in order, timed from its start (shrunk to fit a short event).
    public static func items(for event: Event) -> [ProgrammeItem] {
        guard event.kind == .dialogue, !event.schedule.allDay else { return [] }
        // Minutes of each part, as a two-and-a-half-hour meeting runs.
        let parts: [(ProgrammeItem.Kind, String, Int)] = [
            (.keynote, "Гол илтгэл", 30),
            (.presentation, "Илтгэл, танилцуулга", 30),
            (.panel, "Тэргүүлэгч хэлэлцүүлэгчид", 30),
            (.openDiscussion, "Нээлттэй хэлэлцүүлэг", 45),
            (.interview, "Ярилцлага", 15),
        ]
        let start = event.schedule.start
        let length = max(0, (event.schedule.end.secondsSinceEpoch - start.secondsSinceEpoch) / 60)
        let planned = parts.reduce(0) { $0 + $1.2 }
        let scale = length > 0 && length < planned ? Double(length) / Double(planned) : 1
        var minute = 0
        return parts.map { kind, title, minutes in
            let from = start.adding(seconds: minute * 60)
            minute += Int((Double(minutes) * scale).rounded(.down))
            let to = start.adding(seconds: minute * 60)
            return ProgrammeItem(eventID: event.id, kind: kind, title: title, start: from.time, end: to.time)
        }
    }

    /// Saves the default items on an event that has no programme yet.
    public static func add(to event: Event, in session: any ScheduleSession) throws {
        guard try session.programme(ofEvent: event.id).isEmpty else { return }
        for item in items(for: event) { try session.save(item) }
    }
}
