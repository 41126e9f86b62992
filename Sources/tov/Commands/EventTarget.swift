import ArgumentParser
import TovCore

/// The event a command about people, a programme or attendance works on: a single event by its id, or one
/// meeting of a series by the series' id and the meeting's date.
///
///     tov assign add --event 3f9a12c0 …
///     tov assign add --series ff10 --meeting 2027-01-21 …
struct EventTarget: ParsableArguments {
    @Option(help: ArgumentHelp("The event's id.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("The series' id (with --meeting).", valueName: "id")) var series: String?
    @Option(help: ArgumentHelp(
        "The meeting of --series, by its original date (YYYY-MM-DD) or start (YYYY-MM-DDTHH:MM:SS).", valueName: "date"))
    var meeting: String?

    // ArgumentParser's own ValidationError: it exits with status 2 like every bad value; another error type
    // thrown while parsing would exit with 1.
    func validate() throws {
        switch (event, series, meeting) {
        case (.some, nil, nil), (nil, .some, .some): return
        case (.some, _, _): throw ArgumentParser.ValidationError("give either --event or --series with --meeting, not both")
        case (nil, .some, nil): throw ArgumentParser.ValidationError("say which meeting of the series: --meeting YYYY-MM-DD")
        case (nil, nil, .some): throw ArgumentParser.ValidationError("--meeting needs --series, the series' id")
        case (nil, nil, nil): throw ArgumentParser.ValidationError("say which event: --event ID, or --series ID --meeting YYYY-MM-DD")
        }
    }

    /// The stored event; a series meeting gets its stored change (and default programme) when it has none,
    /// so call this inside a write.
    func storedEvent(in session: any ScheduleSession) throws -> Event {
        if let event { return try EventTarget.event(event, in: session) }
        let (series, original) = try seriesMeeting(in: session)
        if series.exceptionDates.contains(original) {
            throw ValidationError("the meeting of \(original) has been removed; `tov series restore` brings it back first")
        }
        return try Meetings.storedEvent(of: series, at: original, in: session)
    }

    /// The stored event whose id (or its start) is `text`.
    static func event(_ text: String, in session: any ScheduleSession) throws -> Event {
        let id = try ShortID.resolve(text, .event, in: session)
        guard let found = try session.event(id) else { throw ValidationError("no event has the id '\(text)'") }
        return found
    }

    /// The event if it is stored, without making one: nil for a series meeting nothing was recorded on.
    func existingEvent(in session: any ScheduleSession) throws -> Event? {
        if event != nil { return try storedEvent(in: session) }
        let (series, original) = try seriesMeeting(in: session)
        return try Meetings.storedChange(ofSeries: series.id, at: original, in: session)
    }

    /// A series meeting nothing was recorded on, as its stored change would start out (with the default
    /// programme's kind and times); nothing is saved.
    func plannedEvent(in session: any ScheduleSession) throws -> Event {
        let (series, original) = try seriesMeeting(in: session)
        return try Meetings.planned(of: series, at: original, in: session)
    }

    /// The series named by --series and the original start of its meeting named by --meeting.
    private func seriesMeeting(in session: any ScheduleSession) throws -> (Series, LocalDateTime) {
        let series = try self.series.map { try ShortID.resolve($0, .series, in: session) }
        guard let series, let meeting, let found = try session.series(series) else {
            throw ValidationError("no series has the id '\(self.series ?? "")'")
        }
        return (found, try found.originalStart(named: meeting))
    }
}
