import TovCore
import TovInterop

/// `tov export --format csv --table organisations|people|attendance`: a list `tov import` reads back, in
/// UTF-8 with the byte order mark Excel needs to show Cyrillic, with headers in the language of `--lang`.
///
/// Attendance covers every list, those of the events starting from `--from` through `--to` (either may be
/// left open), or `--event`'s.
struct CSVListExport {
    let table: CSVTable
    let event: String?
    let first: LocalDate?
    let last: LocalDate?
    let language: Language

    /// Checks the options: a table that exists, and a choice of events only for attendance.
    init(table: String?, event: String?, from: String?, to: String?, language: Language) throws {
        guard let table else { throw ValidationError("--format csv needs --table organisations, people or attendance") }
        self.table = try Input.choice(table, "table")
        if self.table != .attendance && (event != nil || from != nil || to != nil) {
            throw ValidationError("--event, --from and --to go with --table attendance")
        }
        if event != nil && (from != nil || to != nil) { throw ValidationError("give either --event or --from and --to, not both") }
        self.event = event
        first = try from.map(Input.date)
        last = try to.map(Input.date)
        self.language = language
    }

    func text(from session: any ScheduleSession) throws -> String {
        switch table {
        case .organisations: try CSVExport.organisations(from: session, in: language)
        case .people: try CSVExport.people(from: session, in: language)
        case .attendance: try CSVExport.attendance(of: try events(in: session), from: session, in: language)
        }
    }

    /// `--event`'s event, or every stored event starting in the days asked for.
    private func events(in session: any ScheduleSession) throws -> [Event] {
        if let event { return [try EventTarget.event(event, in: session)] }
        return try session.allEvents().filter { event in
            let day = event.schedule.start.date
            return (first.map { day >= $0 } ?? true) && (last.map { day <= $0 } ?? true)
        }
    }
}
