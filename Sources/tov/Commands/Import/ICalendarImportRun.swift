import Foundation
import TovCore
import TovInterop

/// `tov import FILE.ics`: events and series from another calendar or office, all or nothing.
///
/// A file that is not iCalendar exits 2 with `tov: FILE:LINE: reason` and nothing saved; otherwise the report
/// goes to stdout, events skipped and all. A dry run on a database not made yet reads as an empty one and
/// makes none.
struct ICalendarImportRun {
    let global: GlobalOptions
    let file: String
    let tz: String?
    let dryRun: Bool
    let format: DetailFormat

    func run() throws {
        let language = try global.language()
        let named = try tz.map(Input.zone)
        let zone = named ?? Clock.zone()
        let bytes = try InputFile.read(file)
        let calendar: ICalendarImport
        do {
            calendar = try ICalendarImport(bytes: bytes, fallbackZone: zone, floatingZone: named, now: Date())
        } catch let error as ICalendarSyntaxError {
            throw ValidationError("\(file):\(error.line): \(error.reason)")
        }
        let report: ImportReport
        if dryRun {
            let store: any ScheduleStore = FileManager.default.fileExists(atPath: global.databasePath)
                ? try global.openStore(creating: false) : InMemoryStore()
            report = try store.read { try calendar.plan(in: $0).report }
        } else {
            let name = (file as NSString).lastPathComponent
            let label = say(language, mn: "Файлаас оруулсан: \(name)", en: "Imported \(name)")
            report = try global.openStore(creating: true).write(undoable: label) { session in
                let plan = try calendar.plan(in: session)
                try plan.apply(to: session)
                return plan.report
            }
        }
        emit(format == .json
            ? ImportReportOutput.json(report, file: file, dryRun: dryRun)
            : ImportReportOutput.text(report, file: file, dryRun: dryRun, language: language))
    }
}
