import Foundation
import TovCore
import TovInterop

/// `tov import FILE.ics`: events and series from another calendar or office, all or nothing.
///
/// A file that is not iCalendar exits 2 with `tov: FILE:LINE: reason` and nothing saved; otherwise the report
/// goes to stdout, events skipped and all.
struct ICalendarImportRun {
    let command: ImportCommand

    func run() throws {
        let language = try command.global.language()
        let named = try command.tz.map(Input.zone)
        let zone = named ?? Clock.zone()
        let bytes = try InputFile.read(command.file)
        let calendar: ICalendarImport
        do {
            calendar = try ICalendarImport(bytes: bytes, fallbackZone: zone, floatingZone: named, now: Date())
        } catch let error as ICalendarSyntaxError {
            throw ValidationError("\(command.file):\(error.line): \(error.reason)")
        }
        try command.report(in: language) { session, saving in
            let plan = try calendar.plan(in: session)
            if saving { try plan.apply(to: session) }
            return plan.report
        }
    }
}
