import TovCore

/// Imports a CSV list of organisations, people or attendance, all or nothing.
///
/// The list is told by its header (see `CSVHeader`). Every row is checked before anything is saved; a file
/// with bad rows throws a `CSVError` naming each of them by line, and saves nothing. Run it inside one
/// write, so that a failure of the store leaves nothing half done too.
///
///     let report = try store.write(undoable: "Imported байгууллага.csv") { session in
///         try CSVImport.read(bytes, in: session)
///     }
///     report.imported // 200
public enum CSVImport {
    /// Reads `bytes` and saves what they hold, unless `saving` is false (a dry run: the same checks and
    /// report, and nothing written, so a read-only session will do).
    public static func read(_ bytes: [UInt8], in session: any ScheduleSession, saving: Bool = true) throws -> ImportReport {
        let document = try CSVReader.read(bytes)
        guard let first = document.records.first else { throw CSVError(line: 1, "the file is empty: it has no header line") }
        let header = try CSVHeader(first)
        let records = document.records.dropFirst()
        var report = switch header.table {
        case .organisations: try OrganisationTable.read(records, under: header, in: session, saving: saving)
        case .people: try PersonTable.read(records, under: header, in: session, saving: saving)
        case .attendance: try AttendanceTable.read(records, under: header, in: session, saving: saving)
        }
        let separator = document.separator == ";" ? "semicolons" : "commas"
        report.note("read as \(header.table.noun), fields separated by \(separator)")
        return report
    }
}

extension ImportReport {
    /// Counts what a row brings: new, a change to what is here, or what is here already.
    mutating func count<Value: Equatable>(_ value: Value, replacing existing: Value?) {
        switch existing {
        case nil: imported += 1
        case value?: unchanged += 1
        case .some: updated += 1
        }
    }

    /// The report of records a file brings against those already here; with `save`, the new and changed
    /// ones are saved.
    static func records<Record: Equatable>(_ changes: [(record: Record, existing: Record?)], save: ((Record) throws -> Void)?) throws -> ImportReport {
        var report = ImportReport()
        for (record, existing) in changes {
            report.count(record, replacing: existing)
            if let save, existing != record { try save(record) }
        }
        return report
    }
}
