import TovCore

/// The selected day's, week's or month's events (or what a search found), and the selected one's details.
enum EventsPane {
    static func title(_ state: AppState) -> String {
        let language = state.language
        if let search = state.searchResults {
            return language.pick("Хайлт", "Search") + ": “\(search.query)” (\(search.entries.count))"
        }
        let days = state.spanDays
        switch state.span {
        case .day: return CalendarText.day(state.selectedDate, in: language)
        case .week:
            return language.pick("Долоо хоног: ", "Week: ") + CalendarText.shortDay(days.lowerBound, in: language)
                + " – " + CalendarText.shortDay(days.upperBound, in: language)
        case .month: return CalendarText.month(state.selectedDate, in: language)
        }
    }

    /// One row: the day (unless the list is one day), the time, the kind's glyph, the title.
    static func row(_ entry: Agenda.Entry, state: AppState, theme: Theme) -> [(String, Style)] {
        let occurrence = entry.occurrence
        let schedule = occurrence.schedule
        var parts: [(String, Style)] = []
        let day = schedule.allDay ? schedule.start.date : state.zone.wallTime(at: schedule.startInstant).date
        if state.searchResults != nil {
            parts.append((day.description + " ", theme.label))
        } else if state.span != .day {
            parts.append((CalendarText.shortDay(day, in: state.language) + " ", theme.label))
        }
        if schedule.allDay {
            parts.append((state.language.pick("өдөржин    ", "all day    "), theme.dim))
        } else {
            let start = state.zone.wallTime(at: schedule.startInstant).time.short
            let end = state.zone.wallTime(at: schedule.endInstant).time.short
            parts.append((start + "–" + end + " ", .plain))
        }
        let style = occurrence.status == .cancelled ? theme.cancelled : Style.plain
        parts.append((KindGlyph.of(occurrence.kind) + " ", theme.glyph))
        parts.append((occurrence.title, style))
        if occurrence.status == .cancelled { parts.append((state.language.pick(" (цуцалсан)", " (cancelled)"), theme.cancelled)) }
        return parts
    }

    static func drawList(_ grid: inout CellGrid, _ rect: Rect, entries: EntryList, state: AppState, focused: Bool, theme: Theme) {
        let inside = Draw.box(&grid, rect, title: title(state), focused: focused, theme: theme)
        Draw.list(&grid, inside, count: entries.count, selected: entries.isEmpty ? nil : state.eventRow, focused: focused,
                  empty: state.language.pick("Арга хэмжээ алга.  a — нэмэх", "No events.  a — add one"), theme: theme) { index in
            row(entries[index], state: state, theme: theme)
        }
    }

    /// The details of `entry` (the selected one), or the selected day's holidays when there is none.
    static func drawDetails(_ grid: inout CellGrid, _ rect: Rect, entry: Agenda.Entry?, state: AppState, theme: Theme) {
        let language = state.language
        let inside = Draw.box(&grid, rect, title: language.pick("Дэлгэрэнгүй", "Details"), focused: false, theme: theme)
        guard inside.height > 0 else { return }
        guard let entry else {
            var y = inside.y
            for holiday in state.data.holidays[state.selectedDate] ?? [] where y < inside.maxY {
                grid.write("★ " + holiday.name(in: language), x: inside.x, y: y, style: theme.holiday, limit: inside.width)
                y += 1
            }
            return
        }
        Draw.details(&grid, inside, from: inside.y, lines(for: entry, language: language, state: state), theme: theme)
    }

    /// The details of an occurrence as labelled lines.
    static func lines(for entry: Agenda.Entry, language: Language, state: AppState) -> [(label: String, value: String)] {
        let occurrence = entry.occurrence
        var lines: [(String, String)] = [
            (language.pick("Гарчиг", "Title"), occurrence.title),
            (language.pick("Төрөл", "Kind"), KindGlyph.of(occurrence.kind) + " " + Vocabulary.name(of: occurrence.kind, in: language)),
            (language.pick("Хэзээ", "When"), Vocabulary.describe(occurrence.schedule, in: language)),
            (language.pick("Төлөв", "Status"), Vocabulary.name(of: occurrence.status, in: language)),
        ]
        if let code = occurrence.placeCode {
            lines.append((language.pick("Хаана", "Where"), ReferenceData.shared.place(code: code)?.name(in: language) ?? code))
        }
        if let venue = occurrence.venue { lines.append((language.pick("Байршил", "Venue"), venue)) }
        if let publicEvent = occurrence.publicEvent { lines.append((language.pick("Олон нийтийн арга хэмжээ", "Public event"), publicEvent)) }
        if let topic = entry.topic { lines.append((language.pick("Сэдэв", "Topic"), topic.title(in: language))) }
        for person in entry.people {
            lines.append((Vocabulary.name(of: person.role, in: language), person.name))
        }
        if let programme = state.programme, programme.eventID == occurrence.eventID {
            for item in programme.items {
                let time = item.start.map { $0.short + (item.end.map { "–" + $0.short } ?? "") + " " } ?? ""
                lines.append((language.pick("Хөтөлбөр", "Programme"), time + Vocabulary.name(of: item.kind, in: language) + ": " + item.title))
            }
        }
        if occurrence.seriesID != nil { lines.append((language.pick("Цуврал", "Series"), language.pick("цувралын тов", "a meeting of a series"))) }
        for holiday in entry.daysOff {
            lines.append(("★", language.pick("Амралтын өдөр: ", "Day off: ") + holiday.name(in: language)))
        }
        if let notes = occurrence.notes { lines.append((language.pick("Тэмдэглэл", "Notes"), notes)) }
        return lines
    }
}
