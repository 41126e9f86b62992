import TovCore

/// Organisations, people and attendance lists as CSV files that `CSVImport` reads back and Excel opens:
/// UTF-8 with a byte order mark, CRLF line ends, headers and terms in one language.
///
/// Ids are whole UUIDs, so that importing the file into another database keeps them, and importing it
/// again changes nothing.
///
///     let text = try CSVExport.organisations(from: session, in: .mn) // "\u{FEFF}ID,Нэр,Төрөл,…"
public enum CSVExport {
    /// Excel takes a CSV file without it for the system's code page and shows Cyrillic as nonsense.
    public static let byteOrderMark = "\u{FEFF}"

    /// Every organisation, in Mongolian alphabetical order.
    public static func organisations(from session: any ScheduleSession, in language: Language) throws -> String {
        byteOrderMark + (try OrganisationTable.write(from: session, in: language)).text
    }

    /// Every person, in Mongolian alphabetical order, with their organisation by name.
    public static func people(from session: any ScheduleSession, in language: Language) throws -> String {
        byteOrderMark + (try PersonTable.write(from: session, in: language)).text
    }

    /// The attendance lists of `events`, oldest first; events with nobody on their list are left out.
    public static func attendance(of events: [Event], from session: any ScheduleSession, in language: Language) throws -> String {
        byteOrderMark + (try AttendanceTable.write(events, from: session, in: language)).text
    }
}
