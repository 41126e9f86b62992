import TovCore

/// The lists tov reads from and writes to CSV, with their columns and the header words for each, in
/// Mongolian and English.
///
/// An export writes the headers of its language; an import takes either language, in any case, with
/// punctuation and spacing as people type it (`И-мэйл`, `Имэйл`, `e-mail` and `Email` are one column).
///
///     CSVTable.organisations.header(.place, in: .mn) // "Аймаг, дүүрэг"
///     CSVTable.people.columns                          // [.id, .name, .organisation, .title, .phone, .email, .expertise]
public enum CSVTable: String, CaseIterable, Sendable {
    case organisations, people, attendance

    /// The columns, in the order an export writes them.
    public var columns: [CSVColumn] {
        switch self {
        case .organisations: [.id, .name, .kind, .place, .phone, .email]
        case .people: [.id, .name, .organisation, .title, .phone, .email, .expertise]
        case .attendance: [.event, .date, .title, .participant, .organisation, .status]
        }
    }

    /// The columns a file of this list must have.
    public var required: [CSVColumn] {
        switch self {
        case .organisations: [.name, .kind]
        case .people: [.name]
        case .attendance: [.event, .participant, .status]
        }
    }

    /// What the list is, in a sentence: "a list of organisations".
    public var noun: String {
        switch self {
        case .organisations: "a list of organisations"
        case .people: "a list of people"
        case .attendance: "an attendance list"
        }
    }

    /// The header an export writes for `column`.
    public func header(_ column: CSVColumn, in language: Language) -> String {
        words(column).map { language.pick($0.mn, $0.en) } ?? column.rawValue
    }

    /// The column a header names in this list, if any.
    public func column(named header: String) -> CSVColumn? {
        let key = CSVTerms.key(header)
        return columns.first { column in words(column)?.accepted.contains(key) == true }
    }

    /// "Name (Нэр), Kind (Төрөл)": columns as an error message lists them.
    public func describe(_ columns: [CSVColumn]) -> String {
        columns.map { "\(header($0, in: .en)) (\(header($0, in: .mn)))" }.joined(separator: ", ")
    }

    /// The header words of a column of this list: the two an export writes, then every other a file may use.
    private func words(_ column: CSVColumn) -> (mn: String, en: String, accepted: Set<String>)? {
        guard columns.contains(column) else { return nil }
        let (mn, en, others): (String, String, [String]) = switch (self, column) {
        case (_, .id): ("ID", "ID", ["uid", "дугаар", "таних дугаар"])
        case (.organisations, .name): ("Нэр", "Name", ["байгууллагын нэр", "organisation name", "organization name"])
        case (.people, .name): ("Нэр", "Name", ["овог нэр", "хүний нэр", "full name"])
        case (_, .kind): ("Төрөл", "Kind", ["type", "ангилал", "байгууллагын төрөл"])
        case (_, .place): ("Аймаг, дүүрэг", "Aimag or district", [
            "place", "aimag", "district", "aimag district", "аймаг", "дүүрэг", "аймаг эсвэл дүүрэг", "байршил", "location",
        ])
        case (_, .phone): ("Утас", "Phone", ["telephone", "tel", "phone number", "утасны дугаар"])
        case (_, .email): ("Имэйл", "Email", ["e mail", "и мэйл", "email address", "имэйл хаяг", "и мэйл хаяг", "цахим шуудан"])
        case (_, .organisation): ("Байгууллага", "Organisation", ["organization"])
        case (.people, .title): ("Албан тушаал", "Title", ["position", "job title"])
        case (_, .expertise): ("Мэргэшил", "Expertise", ["мэргэжил", "speciality", "specialty"])
        case (_, .event): ("Арга хэмжээ", "Event", ["event id", "uid"])
        case (_, .date): ("Огноо", "Date", ["meeting", "уулзалт", "өдөр"])
        case (_, .title): ("Гарчиг", "Title", ["event title", "арга хэмжээний нэр"])
        case (_, .participant): ("Оролцогч", "Participant", [])
        case (_, .status): ("Төлөв", "Status", ["ирц", "attendance"])
        case (_, .name): ("Нэр", "Name", [])
        }
        return (mn, en, Set(([mn, en] + others).map(CSVTerms.key)))
    }
}

/// A column of a CSV list; what it holds depends on the list (`title` is a person's job title, or an event's
/// title on an attendance list).
public enum CSVColumn: String, CaseIterable, Sendable {
    case id, name, kind, place, phone, email, organisation, title, expertise, event, date, participant, status
}
