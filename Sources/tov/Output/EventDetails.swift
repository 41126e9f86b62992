import TovCore

/// One event with everything hanging on it, gathered in one read, for `event show`.
struct EventDetails {
    struct Item {
        let item: ProgrammeItem
        let people: [(name: String, role: Assignment.Role)]
    }

    let event: Event
    let topic: Topic?
    let programme: [Item]
    /// Assignments on the event itself (not on an item): co-organisers, moderators.
    let roles: [(name: String, role: Assignment.Role)]
    let participation: [(name: String, status: Participation.Status)]

    init(event: Event, session: any ScheduleSession) throws {
        self.event = event
        topic = try event.topicID.flatMap(session.topic)
        let assignments = try session.assignments(ofEvents: [event.id])
        // "?" for one deleted since.
        func name(_ holder: Assignment.Holder) throws -> String { try session.name(of: holder) ?? "?" }
        programme = try session.programme(ofEvent: event.id).map { item in
            Item(item: item, people: try assignments.filter { $0.programmeItemID == item.id }.map { (try name($0.holder), $0.role) })
        }
        roles = try assignments.filter { $0.programmeItemID == nil }.map { (try name($0.holder), $0.role) }
        participation = try session.participation(ofEvent: event.id).map { (try name($0.participant), $0.status) }
    }

    /// Names (topic, place) in `language`, like the agenda's JSON.
    func json(in language: Language) -> String {
        let schedule = event.schedule
        let place = event.placeCode.flatMap(ReferenceData.shared.place(code:))
        return JSON.object([
            ("id", .string(ShortID.of(event.id))),
            ("uid", .string(event.id.lowercasedText)),
            ("title", .string(event.title)),
            ("kind", .string(event.kind.rawValue)),
            ("status", .string(event.status.rawValue)),
            ("start", .string(schedule.allDay ? schedule.start.date.description : schedule.start.description)),
            ("end", .string(schedule.allDay ? schedule.end.date.description : schedule.end.description)),
            ("allDay", .bool(schedule.allDay)),
            ("timeZone", .string(schedule.zone.identifier)),
            ("utcOffset", .string(schedule.zone.offsetLabel(at: schedule.startInstant))),
            ("place", .optional(event.placeCode)),
            ("placeName", .optional(place?.name(in: language))),
            ("venue", .optional(event.venue)),
            ("publicEvent", .optional(event.publicEvent)),
            ("publicEventDate", .optional(event.publicEventDate?.description)),
            ("topic", .optional(topic?.title(in: language))),
            ("notes", .optional(event.notes)),
            ("series", .optional(event.seriesID.map(ShortID.of))),
            ("recurrenceId", .optional(event.recurrenceID?.description)),
            ("programme", .array(programme.map { entry in
                .object([
                    ("kind", .string(entry.item.kind.rawValue)),
                    ("title", .string(entry.item.title)),
                    ("serviceArea", .optional(entry.item.serviceArea?.rawValue)),
                    ("start", .optional(entry.item.start?.short)),
                    ("end", .optional(entry.item.end?.short)),
                    ("people", .array(entry.people.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })),
                ])
            })),
            ("roles", .array(roles.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })),
            ("participation", .array(participation.map { .object([("name", .string($0.name)), ("status", .string($0.status.rawValue))]) })),
            ("report", event.report.map { report in
                .object([("attendance", report.attendance.map(JSON.number) ?? .null), ("notes", .optional(report.notes))])
            } ?? .null),
        ]).rendered()
    }

    func text(in language: Language) -> String {
        let clean = SafeText.clean
        var lines = [
            "\(clean(event.title))  [\(ShortID.of(event.id))]",
            say(language, mn: "Төрөл: ", en: "Kind: ") + Vocabulary.name(of: event.kind, in: language)
                + ", " + Vocabulary.name(of: event.status, in: language),
            say(language, mn: "Хэзээ: ", en: "When: ") + describe(event.schedule, in: language),
        ]
        if let place = event.placeCode.flatMap(ReferenceData.shared.place(code:)) {
            lines.append(say(language, mn: "Хаана: ", en: "Where: ") + [event.venue.map(clean), place.name(in: language)].compactMap { $0 }.joined(separator: ", "))
        } else if let venue = event.venue {
            lines.append(say(language, mn: "Хаана: ", en: "Where: ") + clean(venue))
        }
        let publicEvent = [event.publicEvent.map(clean), event.publicEventDate.map { Vocabulary.date($0, in: language) }].compactMap { $0 }
        if !publicEvent.isEmpty {
            lines.append(say(language, mn: "Уялдсан арга хэмжээ: ", en: "Attached to: ") + publicEvent.joined(separator: ", "))
        }
        if let topic {
            lines.append(say(language, mn: "Сэдэв: ", en: "Topic: ") + clean(topic.title(in: language)))
        }
        if let recurrenceID = event.recurrenceID, let seriesID = event.seriesID {
            lines.append(say(language, mn: "Цуврал: ", en: "Series: ") + ShortID.of(seriesID)
                + say(language, mn: ", анх товлосон: ", en: ", originally ") + recurrenceID.description)
        }
        for role in roles {
            lines.append("\(Vocabulary.name(of: role.role, in: language)): \(clean(role.name))")
        }
        if !programme.isEmpty {
            lines.append(say(language, mn: "Хөтөлбөр:", en: "Programme:"))
            for entry in programme {
                let times = [entry.item.start?.short, entry.item.end?.short].compactMap { $0 }.joined(separator: "–")
                var line = "  " + times.padding(toLength: 12, withPad: " ", startingAt: 0) + clean(entry.item.title)
                line += " (" + Vocabulary.name(of: entry.item.kind, in: language) + ")"
                lines.append(line)
                for person in entry.people {
                    lines.append("                \(clean(person.name)), \(Vocabulary.name(of: person.role, in: language))")
                }
            }
        }
        if !participation.isEmpty {
            let counts = Participation.Status.allCases.compactMap { status -> String? in
                let count = participation.filter { $0.status == status }.count
                return count == 0 ? nil : "\(Vocabulary.name(of: status, in: language)) \(count)"
            }
            lines.append(say(language, mn: "Оролцоо: ", en: "Participation: ") + counts.joined(separator: ", "))
        }
        if let notes = event.notes {
            lines.append(say(language, mn: "Тэмдэглэл: ", en: "Notes: ") + clean(notes))
        }
        if let report = event.report {
            let parts = [report.attendance.map { say(language, mn: "ирц \($0)", en: "attendance \($0)") }, report.notes.map(clean)]
            lines.append(say(language, mn: "Тайлан: ", en: "Report: ") + parts.compactMap { $0 }.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
