import TovCore

/// Agenda entries as the command-line contract prints them: text, JSON or CSV.
struct AgendaPresenter {
    let entries: [Agenda.Entry]
    /// The zone wall times are shown in.
    let zone: Zone
    let language: Language

    /// Start and end as the contract writes them: wall times in `zone`, or dates for all-day entries.
    func times(_ occurrence: Occurrence) -> (start: String, end: String) {
        let schedule = occurrence.schedule
        if schedule.allDay {
            return (schedule.start.date.description, schedule.end.date.description)
        }
        return (zone.wallTime(at: schedule.startInstant).description, zone.wallTime(at: schedule.endInstant).description)
    }

    /// Venue and place name, joined.
    func location(_ occurrence: Occurrence) -> String? {
        let placeName = self.placeName(occurrence)
        guard let venue = occurrence.venue else { return placeName }
        return placeName.map { venue + ", " + $0 } ?? venue
    }

    /// The days off on an entry's first day, by name.
    private func holidayName(_ entry: Agenda.Entry) -> String? {
        entry.daysOff.isEmpty ? nil : holidayName(entry.daysOff)
    }

    private func holidayName(_ daysOff: [Holiday]) -> String {
        Array(Set(daysOff.map { $0.name(in: language) })).sorted().joined(separator: "; ")
    }

    private func placeName(_ occurrence: Occurrence) -> String? {
        placeName(occurrence.placeCode)
    }

    private func placeName(_ code: String?) -> String? {
        code.flatMap { ReferenceData.shared.placeName(code: $0, in: language) }
    }

    /// Writes the entries in `format`.
    func write(_ format: OutputFormat, into output: inout OutputBuffer) {
        switch format {
        case .text: text(into: &output)
        case .json: json(into: &output)
        case .csv: csv(into: &output)
        }
    }

    // MARK: - JSON

    /// An array of objects, one per entry, written as each is made.
    func json(into output: inout OutputBuffer) {
        guard !entries.isEmpty else { return output.append("[]\n") }
        output.append("[\n")
        // Entries are read in place: copying one out retains each of its strings and releases them again.
        entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                output.indent(1)
                json(entries.baseAddress! + index, into: &output)
                output.append(index == entries.count - 1 ? "\n" : ",\n")
            }
        }
        output.append("]\n")
    }

    private func json(_ entry: UnsafePointer<Agenda.Entry>, into output: inout OutputBuffer) {
        var object = JSONObjectWriter(indent: 1, into: &output)
        object.member("uid", id: entry.pointee.occurrence.uid, into: &output)
        if let eventID = entry.pointee.occurrence.eventID {
            object.member("id", id: eventID, length: ShortID.length, into: &output)
        } else {
            object.null("id", into: &output)
        }
        object.member("title", entry.pointee.occurrence.title, into: &output)
        object.member("kind", entry.pointee.occurrence.kind.rawValue, into: &output)
        object.member("status", entry.pointee.occurrence.status.rawValue, into: &output)
        if entry.pointee.occurrence.schedule.allDay {
            object.member("start", date: entry.pointee.occurrence.schedule.start.date, into: &output)
            object.member("end", date: entry.pointee.occurrence.schedule.end.date, into: &output)
        } else {
            object.member("start", dateTime: zone.wallTime(at: entry.pointee.occurrence.schedule.startInstant), into: &output)
            object.member("end", dateTime: zone.wallTime(at: entry.pointee.occurrence.schedule.endInstant), into: &output)
        }
        object.member("allDay", entry.pointee.occurrence.schedule.allDay, into: &output)
        object.member("timeZone", entry.pointee.occurrence.schedule.zone.identifier, into: &output)
        if let recurrenceID = entry.pointee.occurrence.recurrenceID {
            object.member("recurrenceId", dateTime: recurrenceID, into: &output)
        } else {
            object.null("recurrenceId", into: &output)
        }
        object.member("location", entry.pointee.occurrence.venue, placeName(entry.pointee.occurrence.placeCode),
                      separator: ", ", into: &output)
        object.member("place", entry.pointee.occurrence.placeCode, into: &output)
        object.member("publicEvent", entry.pointee.occurrence.publicEvent, into: &output)
        object.member("holiday", entry.pointee.daysOff.isEmpty ? nil : holidayName(entry.pointee.daysOff), into: &output)
        object.member("weekend", entry.pointee.onWeekend, into: &output)
        object.member("topic", entry.pointee.topic?.title(in: language), into: &output)
        object.member("people", people: entry.pointee.people, into: &output)
        object.close(into: &output)
    }

    // MARK: - CSV

    func csv(into output: inout OutputBuffer) {
        let header = [
            "uid", "title", "kind", "status", "start", "end", "allDay", "timeZone", "recurrenceId",
            "location", "topic", "people", "holiday", "weekend",
        ]
        output.appendBytes { CSV.append(header, to: &$0) }
        for entry in entries {
            let occurrence = entry.occurrence
            let (start, end) = times(occurrence)
            let fields = [
                occurrence.uid.lowercasedText, occurrence.title, occurrence.kind.rawValue,
                occurrence.status.rawValue, start, end, occurrence.schedule.allDay ? "true" : "false",
                occurrence.schedule.zone.identifier, occurrence.recurrenceID?.description ?? "",
                location(occurrence) ?? "", entry.topic?.title(in: language) ?? "",
                entry.people.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: "; "),
                holidayName(entry) ?? "", entry.onWeekend ? "true" : "false",
            ]
            output.appendBytes { CSV.append(fields, to: &$0) }
        }
    }

    // MARK: - Text

    func text(into output: inout OutputBuffer) {
        guard !entries.isEmpty else {
            return output.append(language == .mn ? "Энэ хугацаанд арга хэмжээ алга.\n" : "Nothing scheduled in this period.\n")
        }
        var currentDay: LocalDate?
        let indent = String(repeating: " ", count: 15)
        for entry in entries {
            let occurrence = entry.occurrence
            let start = zone.wallTime(at: occurrence.schedule.startInstant)
            let end = zone.wallTime(at: occurrence.schedule.endInstant)
            let day = occurrence.schedule.allDay ? occurrence.schedule.start.date : start.date
            if day != currentDay {
                if currentDay != nil { output.append("\n") }
                output.append(Vocabulary.date(day, in: language) + ", " + Vocabulary.name(of: day.weekday, in: language))
                // A day off is said once, at its heading; a meeting can then be seen to fall on it.
                if let holiday = holidayName(entry), occurrence.schedule.start.date == day {
                    output.append(" · " + SafeText.clean(holiday))
                }
                output.append("\n")
                currentDay = day
            }
            var when: String
            if occurrence.schedule.allDay {
                when = language == .mn ? "өдөржин" : "all day"
            } else {
                when = start.time.short + "–" + end.time.short
                // An event that ends on a later day says by how many days.
                if end.date > day { when += " +\(day.days(until: end.date))" }
            }
            // A computed meeting has no event of its own yet: point to its series.
            let id = occurrence.eventID.map(ShortID.of) ?? say(language, mn: "цуврал ", en: "series ") + ShortID.of(occurrence.uid)
            output.append("  ")
            output.append(when)
            // The title starts in one column: pad the times to 13 characters, with at least two spaces.
            output.indent(max(13 - when.unicodeScalars.count, 2), width: 1)
            output.append(SafeText.clean(occurrence.title))
            output.append("  [")
            output.append(Vocabulary.name(of: occurrence.kind, in: language))
            output.append(", ")
            output.append(Vocabulary.name(of: occurrence.status, in: language))
            output.append("] ")
            output.append(id)
            output.append("\n")
            if !occurrence.schedule.allDay, occurrence.schedule.zone.offset(at: occurrence.schedule.startInstant)
                != zone.offset(at: occurrence.schedule.startInstant) {
                // Shown in another zone than its own (a Khovd meeting read in Ulaanbaatar): give its local time too.
                let local = occurrence.schedule
                output.append(indent + local.start.time.short + "–" + local.end.time.short + " "
                    + (language == .mn ? "орон нутгийн цагаар" : "local time") + " ("
                    + local.zone.identifier + ", " + local.zone.offsetLabel(at: local.startInstant) + ")\n")
            }
            if let location = location(occurrence) {
                output.append(indent)
                output.append(SafeText.clean(location))
                output.append("\n")
            }
            if let publicEvent = occurrence.publicEvent {
                output.append(indent + (language == .mn ? "Уялдсан арга хэмжээ: " : "Attached to: ") + SafeText.clean(publicEvent) + "\n")
            }
            if let topic = entry.topic {
                output.append(indent + (language == .mn ? "Сэдэв: " : "Topic: ") + SafeText.clean(topic.title(in: language)) + "\n")
            }
            // The leading roles fit on a line; `tov event show` lists the whole programme.
            let leading = entry.people.filter { [.keynote, .leadDiscussant, .moderator].contains($0.role) }
            if !leading.isEmpty {
                var line = leading.map { "\(SafeText.clean($0.name)) (\(Vocabulary.name(of: $0.role, in: language)))" }
                    .joined(separator: ", ")
                let others = entry.people.count - leading.count
                if others > 0 { line += language == .mn ? " ба бусад \(others)" : " and \(others) more" }
                output.append(indent + line + "\n")
            }
        }
    }
}
