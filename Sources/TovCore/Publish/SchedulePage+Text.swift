extension SchedulePage {
    /// The page as a plain announcement for a message or an email: a heading, then each meeting in a few
    /// lines (date and time, title, place, topic, keynote, lead discussants, presenters and co-organisers), then
    /// the cancelled ones. Text from data is stripped of control characters and escape sequences.
    public func text(in language: Language = .mn) -> String {
        let words = PageWords(language: language)
        let clean = SafeText.clean
        var lines = [words.title, words.range(from, through)]
        if entries.isEmpty { lines += ["", words.nothingScheduled] }
        for entry in entries {
            lines += ["", words.dates(entry) + ", " + words.time(entry)]
            // A meeting titled by its kind ("ТББ-ын диалоги") does not say it twice.
            let kind = entry.occurrence.title == words.kind(entry) ? "" : words.kind(entry) + ", "
            lines.append(clean(entry.occurrence.title) + " (" + kind + words.status(entry) + ")")
            if let place = words.place(entry) { lines.append(words.place + ": " + clean(place)) }
            if let publicEvent = words.publicEvent(entry) { lines.append(words.attachedTo + ": " + clean(publicEvent)) }
            if let topic = words.topic(entry) { lines.append(words.topic + ": " + clean(topic)) }
            // An announcement names who speaks and who organises; the page and the Markdown list every role.
            let everyone = entry.everyone
            for role in SchedulePage.announcedRoles {
                let names = everyone.filter { $0.role == role }.map(words.name)
                guard !names.isEmpty else { continue }
                let label = Vocabulary.name(of: role, in: language)
                lines.append(label.prefix(1).uppercased() + label.dropFirst() + ": " + clean(names.joined(separator: ", ")))
            }
        }
        if !cancelled.isEmpty {
            lines += ["", words.cancelledHeading + ":"]
            for entry in cancelled {
                lines.append("- " + words.dates(entry) + ", " + words.hours(entry) + " — " + clean(entry.occurrence.title))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The roles an announcement names, in this order.
    static let announcedRoles: [Assignment.Role] = [.keynote, .leadDiscussant, .presenter, .coOrganiser]
}

extension SchedulePage.Entry {
    /// The meeting in a few plain lines, as a calendar shows an event's description: its topic, the people on it
    /// as a whole, its programme (each item's hours, title and kind, and the people on it) and its notes; empty
    /// when it has none of them. Text from data is as stored: the caller escapes it its own way.
    ///
    ///     entry.details(in: .en) // "Topic: …\nProgramme:\n- 10:00–10:40 Keynote (keynote) — keynote: …"
    public func details(in language: Language) -> String {
        let words = PageWords(language: language)
        var lines: [String] = []
        if let topic = words.topic(self) { lines.append(words.topic + ": " + topic) }
        if !roles.isEmpty { lines.append(words.people + ": " + words.byRole(roles)) }
        if !programme.isEmpty {
            lines.append(words.programme + ":")
            lines += programme.map { "- " + words.programmeLine($0) }
        }
        if let notes = occurrence.notes, !notes.isEmpty { lines.append(words.notes + ": " + notes) }
        return lines.joined(separator: "\n")
    }
}
