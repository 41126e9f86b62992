import Foundation

/// The words the published schedule uses in one language, shared by its HTML, Markdown and text forms so
/// that the three read alike. Everything here is plain text from data: each form escapes it its own way.
struct PageWords {
    let language: Language

    private func say(_ mn: String, _ en: String) -> String { language.pick(mn, en) }

    /// The public event a meeting is attached to, with its date when known.
    func publicEvent(_ entry: SchedulePage.Entry) -> String? {
        guard let name = entry.occurrence.publicEvent else { return nil }
        return name + (entry.publicEventDate.map { ", " + Vocabulary.date($0, in: language) } ?? "")
    }

    // MARK: - Labels

    var title: String { say("ТББ-ын диалоги ба НЭХ өдөрлөгийн хуваарь", "Schedule of NGO Dialogue meetings and SA Days") }
    var eventsHeading: String { say("Арга хэмжээнүүд", "Events") }
    var cancelledHeading: String { say("Цуцалсан арга хэмжээ", "Cancelled") }
    var nothingScheduled: String { say("Энэ хугацаанд товлосон арга хэмжээ алга.", "Nothing is scheduled in this period.") }
    var date: String { say("Огноо", "Date") }
    var time: String { say("Цаг", "Time") }
    var place: String { say("Хаана", "Where") }
    var kind: String { say("Төрөл", "Kind") }
    var status: String { say("Төлөв", "Status") }
    var topic: String { say("Сэдэв", "Topic") }
    var attachedTo: String { say("Уялдсан арга хэмжээ", "Attached to") }
    var people: String { say("Оролцогчид", "People") }
    var programme: String { say("Хөтөлбөр", "Programme") }
    var notes: String { say("Тэмдэглэл", "Notes") }

    /// "2026 оны 11-р сарын 1 – 2027 оны 2-р сарын 28".
    func range(_ from: LocalDate, _ through: LocalDate) -> String {
        Vocabulary.date(from, in: language) + " – " + Vocabulary.date(through, in: language)
    }

    /// "2026 оны 11-р сарын 19, Пүрэв" or "Thursday, 19 November 2026".
    func day(_ date: LocalDate) -> String {
        let weekday = Vocabulary.name(of: date.weekday, in: language)
        return language == .mn ? Vocabulary.date(date, in: .mn) + ", " + weekday : weekday + ", " + Vocabulary.date(date, in: .en)
    }

    // MARK: - A meeting

    /// Its day, or its first and last day.
    func dates(_ entry: SchedulePage.Entry) -> String {
        let days = entry.days
        guard let first = days.first, let last = days.last, last != first else { return day(entry.occurrence.schedule.start.date) }
        return day(first) + " – " + day(last)
    }

    /// Its hours at its own place: "14:00–17:00", or "өдөржин" for an all-day one.
    func hours(_ entry: SchedulePage.Entry) -> String {
        let schedule = entry.occurrence.schedule
        if schedule.allDay { return say("өдөржин", "all day") }
        return schedule.start.time.short + "–" + schedule.end.time.short
    }

    /// For a meeting whose clock differs from Ulaanbaatar's: "орон нутгийн цагаар, UTC+7; Улаанбаатарын цагаар
    /// 11:00–18:00"; nil otherwise.
    func zoneNote(_ entry: SchedulePage.Entry) -> String? {
        let schedule = entry.occurrence.schedule
        let instant = schedule.startInstant
        guard !schedule.allDay, schedule.zone.offset(at: instant) != SchedulePage.zone.offset(at: instant) else { return nil }
        let start = SchedulePage.zone.wallTime(at: instant), end = SchedulePage.zone.wallTime(at: schedule.endInstant)
        let capital = start.time.short + "–" + end.time.short
        let label = schedule.zone.offsetLabel(at: instant)
        return say("орон нутгийн цагаар, \(label); Улаанбаатарын цагаар \(capital)", "local time, \(label); \(capital) in Ulaanbaatar")
    }

    /// Hours and, where the clock differs, the zone.
    func time(_ entry: SchedulePage.Entry) -> String {
        zoneNote(entry).map { hours(entry) + " (" + $0 + ")" } ?? hours(entry)
    }

    /// The aimag or district, then the venue: "Ховд аймаг, Аймгийн Засаг даргын тамгын газрын хурлын танхим".
    func place(_ entry: SchedulePage.Entry) -> String? {
        let occurrence = entry.occurrence
        let name = occurrence.placeCode.flatMap { ReferenceData.shared.place(code: $0)?.name(in: language) }
        let parts = [name, occurrence.venue].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func kind(_ entry: SchedulePage.Entry) -> String { Vocabulary.name(of: entry.occurrence.kind, in: language) }

    func status(_ entry: SchedulePage.Entry) -> String { Vocabulary.name(of: entry.occurrence.status, in: language) }

    func topic(_ entry: SchedulePage.Entry) -> String? { entry.topic?.title(in: language) }

    /// How a grid cell names a meeting on `day`: its start time on its first day (none when all day), then its title.
    func gridLine(_ entry: SchedulePage.Entry, on day: LocalDate) -> (time: String?, title: String) {
        let schedule = entry.occurrence.schedule
        let time = schedule.allDay || day != schedule.start.date ? nil : schedule.start.time.short
        return (time, PageWords.short(entry.occurrence.title))
    }

    /// A title cut to fit a day of the grid, at a word where it can be.
    static func short(_ title: String, limit: Int = 48) -> String {
        let clean = SafeText.clean(title).trimmingCharacters(in: .whitespaces)
        guard clean.count > limit else { return clean }
        let cut = clean.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(word.count > limit / 2 ? word : cut).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A holder as a list reads them: "Б. Энхтуяа (Иргэний дуу хоолой ТББ)".
    func name(_ holder: SchedulePage.RoleHolder) -> String {
        holder.organisation.map { holder.name + " (" + $0 + ")" } ?? holder.name
    }

    func role(_ holder: SchedulePage.RoleHolder) -> String { Vocabulary.name(of: holder.role, in: language) }

    /// An item's time: "10:00–10:40", "10:00", or nothing.
    func hours(_ item: ProgrammeItem) -> String {
        [item.start?.short, item.end?.short].compactMap { $0 }.joined(separator: "–")
    }

    /// An item in one line: "10:00–10:40 Гол илтгэл (гол илтгэл) — гол илтгэгч: А (Б)"; its text from data passed
    /// through `escape` (the Markdown escapes it; a plain description keeps it as it is).
    func programmeLine(_ item: SchedulePage.Item, escape: (String) -> String = { $0 }) -> String {
        let hours = self.hours(item.item)
        var line = (hours.isEmpty ? "" : hours + " ") + escape(item.item.title)
            + " (" + escape(Vocabulary.name(of: item.item.kind, in: language)) + ")"
        if !item.people.isEmpty { line += " — " + escape(byRole(item.people)) }
        return line
    }

    /// The holders by role, in the order given: "гол илтгэгч: А (Б); илтгэгч: В, Г".
    func byRole(_ holders: [SchedulePage.RoleHolder]) -> String {
        var groups: [(role: Assignment.Role, names: [String])] = []
        for holder in holders {
            if let index = groups.firstIndex(where: { $0.role == holder.role }) {
                groups[index].names.append(name(holder))
            } else {
                groups.append((holder.role, [name(holder)]))
            }
        }
        return groups.map { Vocabulary.name(of: $0.role, in: language) + ": " + $0.names.joined(separator: ", ") }
            .joined(separator: "; ")
    }
}
