import TovCore

/// Names of months and weekdays as the interface shows them.
enum CalendarText {
    /// "2026 оны 11-р сар" or "November 2026".
    static func month(_ date: LocalDate, in language: Language) -> String {
        Vocabulary.month(date, in: language)
    }

    /// Two-letter weekday names, Monday first.
    static func weekdayShort(_ weekday: Weekday, in language: Language) -> String {
        switch language {
        case .mn: ["Да", "Мя", "Лх", "Пү", "Ба", "Бя", "Ня"][weekday.rawValue]
        case .en: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][weekday.rawValue]
        }
    }

    /// "2026 оны 11-р сарын 23, Даваа" or "Monday, 23 November 2026".
    static func day(_ date: LocalDate, in language: Language) -> String {
        switch language {
        case .mn: Vocabulary.date(date, in: .mn) + ", " + Vocabulary.name(of: date.weekday, in: .mn)
        case .en: Vocabulary.name(of: date.weekday, in: .en) + ", " + Vocabulary.date(date, in: .en)
        }
    }

    /// "11-23 Да" or "Mo 23 Nov": a day in a list.
    static func shortDay(_ date: LocalDate, in language: Language) -> String {
        let weekday = weekdayShort(date.weekday, in: language)
        switch language {
        case .mn: return "\(date.month)-\(date.day < 10 ? "0" : "")\(date.day) \(weekday)"
        case .en: return "\(weekday) \(date.day) \(englishMonths[date.month - 1].prefix(3))"
        }
    }

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
}

/// The glyph the calendar and lists show for each kind of event.
enum KindGlyph {
    static func of(_ kind: EventKind) -> String {
        switch kind {
        case .dialogue: "◆"
        case .saDay: "▲"
        case .event: "•"
        }
    }

    /// The kind a day's glyph stands for when it has several: the first in `EventKind`'s order
    /// (dialogue, then SA Day, then the rest).
    static func rank(_ kind: EventKind) -> Int {
        EventKind.allCases.firstIndex(of: kind) ?? 0
    }
}
