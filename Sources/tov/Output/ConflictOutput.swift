import TovCore

/// Conflicts as the command line prints them: JSON objects for `tov conflicts` and `tov assign list`,
/// warning lines on stderr for the commands that make them.
extension Conflict {
    /// `{kind, person, personId, first, second, away, message}`; events as `Occurrence.summaryJSON`.
    func json(in language: Language) -> JSON {
        .object([
            ("kind", .string(kind.rawValue)),
            ("person", .optional(person?.name)),
            ("personId", .optional(person.map { ShortID.of($0.id) })),
            ("first", first.summaryJSON(in: language)),
            ("second", second.map { $0.summaryJSON(in: language) } ?? .null),
            ("away", away.map { $0.json } ?? .null),
            ("message", .string(message(in: language))),
        ])
    }

    /// Writes the conflicts to stderr, one "tov: warning: …" line each.
    static func warn(_ conflicts: [Conflict], in language: Language) {
        for conflict in conflicts {
            StandardStreams.error("tov: " + say(language, mn: "анхааруулга: ", en: "warning: ") + conflict.message(in: language) + "\n")
        }
    }
}

extension Occurrence {
    /// An event in a conflict or a listing: `uid` (the iCalendar UID, a series' for its meetings), `id` (the stored
    /// event's short id, null for a series meeting nothing is stored on), `title`, `start` (its own wall
    /// time, a date when all day), `timeZone`, `recurrenceId`, `place` (code) and `placeName`.
    func summaryJSON(in language: Language) -> JSON {
        .object([
            ("uid", .string(uid.lowercasedText)),
            ("id", .optional(eventID.map(ShortID.of))),
            ("title", .string(title)),
            ("kind", .string(kind.rawValue)),
            ("start", .string(schedule.allDay ? schedule.start.date.description : schedule.start.description)),
            ("timeZone", .string(schedule.zone.identifier)),
            ("recurrenceId", .optional(recurrenceID?.description)),
            ("place", .optional(placeCode)),
            ("placeName", .optional(placeCode.flatMap(ReferenceData.shared.place(code:))?.name(in: language))),
        ])
    }
}

extension Unavailability {
    /// `{id, uid, from, through, note}`.
    var json: JSON {
        .object([
            ("id", .string(ShortID.of(id))), ("uid", .string(id.lowercasedText)),
            ("from", .string(from.description)), ("through", .string(through.description)), ("note", .optional(note)),
        ])
    }

    /// "2026-11-18 – 2026-11-20", or one date.
    var days: String { from == through ? from.description : "\(from) – \(through)" }
}
