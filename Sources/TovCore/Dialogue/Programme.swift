import Foundation

/// A meeting's programme as the coordinator edits it: items added, re-timed, renamed and removed, each
/// kept inside the meeting's hours, in order of start.
///
///     var item = ProgrammeItem(eventID: event.id, kind: .keynote, title: "Гол илтгэл", start: ten, end: halfPast)
///     try Programme.save(item, on: event, in: session)
public enum Programme {
    /// The event's items in the order they run: by start, untimed ones last, then by title.
    public static func items(of eventID: UUID, in session: any ScheduleSession) throws -> [ProgrammeItem] {
        ordered(try session.programme(ofEvent: eventID))
    }

    /// Items in the order they run.
    public static func ordered(_ items: [ProgrammeItem]) -> [ProgrammeItem] {
        items.sorted { a, b in
            switch (a.start, b.start) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return MongolianOrder.precedes(a.title, b.title)
            }
        }
    }

    /// Adds or changes an item of `event`, after checking it: a title, an end after its start, and both
    /// within the hours of a meeting that starts and ends on one day.
    public static func save(_ item: ProgrammeItem, on event: Event, in session: any ScheduleSession) throws {
        try check(item, on: event)
        try session.save(item)
    }

    /// Takes an item off the programme. The people given a role on it keep the role on the meeting as a whole.
    public static func remove(_ itemID: UUID, from event: Event, in session: any ScheduleSession) throws {
        guard try session.programme(ofEvent: event.id).contains(where: { $0.id == itemID }) else {
            throw ValidationError("the programme item is not on '\(event.title)'",
                                  mn: "Энэ хэсэг “\(event.title)”-ийн хөтөлбөрт алга")
        }
        for var assignment in try session.assignments(ofEvents: [event.id]) where assignment.programmeItemID == itemID {
            assignment.programmeItemID = nil
            try session.save(assignment)
        }
        try session.delete(.programmeItem, id: itemID)
    }

    /// The programme a meeting shows before anything is stored on it: the default one of its kind. Its ids
    /// are made from the meeting's, so the same meeting shows the same ids each time (`shown(_:of:)`).
    public static func preview(of occurrence: Occurrence) -> [ProgrammeItem] {
        let event = Event(kind: occurrence.kind, title: occurrence.title, schedule: occurrence.schedule)
        var base = occurrence.uid.uuid
        let day = occurrence.schedule.start.date.daysSinceEpoch
        base.10 ^= UInt8(truncatingIfNeeded: day >> 8)
        base.11 ^= UInt8(truncatingIfNeeded: day)
        return DefaultProgramme.items(for: event).enumerated().map { index, item in
            var item = item
            var bytes = base
            bytes.15 ^= UInt8(truncatingIfNeeded: index + 1)
            item.id = UUID(uuid: bytes)
            return item
        }
    }

    /// The meeting's stored event (made, with its default programme, when there is none yet) and the stored
    /// item `itemID` showed: the item with that id, or, when it was an item of the meeting's preview, the one
    /// made from it (the same kind, title and times). Throws when the item is gone.
    public static func storedItem(_ itemID: UUID, of meeting: Occurrence, in session: any ScheduleSession) throws -> (event: Event, item: ProgrammeItem) {
        let event = try Meetings.storedEvent(for: meeting, in: session)
        let items = try session.programme(ofEvent: event.id)
        let shown = preview(of: meeting).first { $0.id == itemID }
        let item = items.first { $0.id == itemID } ?? shown.flatMap { shown in
            items.first { $0.kind == shown.kind && $0.title == shown.title && $0.start == shown.start && $0.end == shown.end }
        }
        guard let item else {
            throw ValidationError("the programme item is no longer there", mn: "Хөтөлбөрийн энэ хэсэг устсан байна")
        }
        return (event, item)
    }

    /// Why the item cannot be on `event`'s programme, if it cannot.
    public static func check(_ item: ProgrammeItem, on event: Event) throws {
        guard item.eventID == event.id else { throw ValidationError("the programme item belongs to another event") }
        guard !item.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationError("a programme item needs a title", mn: "Хөтөлбөрийн хэсэгт нэр хэрэгтэй")
        }
        if let start = item.start, let end = item.end, end <= start {
            throw ValidationError("the item ends at \(end.short), not after it starts at \(start.short)",
                                  mn: "Дуусах цаг (\(end.short)) эхлэх цагаас (\(start.short)) хойш байх ёстой")
        }
        // A meeting within one day bounds its items; an all-day or multi-day event does not.
        let schedule = event.schedule
        guard !schedule.allDay, schedule.start.date == schedule.end.date else { return }
        let (opens, closes) = (schedule.start.time, schedule.end.time)
        for time in [item.start, item.end].compactMap({ $0 }) where time < opens || time > closes {
            throw ValidationError("\(time.short) is outside the meeting's hours, \(opens.short)–\(closes.short)",
                                  mn: "\(time.short) нь уулзалтын цагаас гадуур байна (\(opens.short)–\(closes.short))")
        }
    }
}
