import Foundation
import GRDB
import TovCore

/// `tov check`: SQLite's own integrity and foreign-key checks, then every record read back as a domain value.
public struct IntegrityCheck {
    /// What the check found.
    public struct Report: Sendable {
        public var counts: [(RecordKind, Int)] = []
        public var problems: [String] = []
        public var isHealthy: Bool { problems.isEmpty }
    }

    public init() {}

    /// Checks the database behind `store`.
    public func run(on store: SQLiteStore) throws -> Report {
        var report = Report()
        try store.readDatabase { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                report.problems += integrity.map { "SQLite integrity: \($0)" }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0], rowid: Int64? = row[1], parent: String = row[2]
                report.problems.append("\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)")
            }
            let orphans = try String.fetchAll(db, sql: """
                SELECT id FROM event WHERE seriesID IS NOT NULL AND deleted IS NULL
                AND seriesID NOT IN (SELECT id FROM series WHERE deleted IS NULL)
                """)
            for id in orphans {
                report.problems.append("event \(id.prefix(ShortID.length)) changes a meeting of a deleted series")
            }
        }
        try store.read { session in
            for kind in RecordKind.allCases {
                report.counts.append((kind, try session.count(kind)))
            }
        }
        // Reading every record back checks dates, zones, rules and enumerations.
        report.problems += try store.readDatabase { db in
            try SQLiteSession(db: db, now: Date(), path: store.path).unreadableRecords()
        }
        return report
    }
}
