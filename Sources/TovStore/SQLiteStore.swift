import Foundation
import GRDB
import TovCore

/// The tov database: one SQLite file in WAL mode, opened safely.
///
/// Opening refuses a file that is not a tov database, is damaged, or comes from a newer tov,
/// and leaves it unchanged. An older database is copied to `PATH.vN.bak` before it is migrated.
///
///     let store = try SQLiteStore(path: "~/.local/share/tov/tov.sqlite")
///     let count = try store.read { try $0.organisations().count }
public final class SQLiteStore: ScheduleStore, Sendable {
    public let path: String
    let queue: DatabaseQueue
    let clock: @Sendable () -> Date

    /// The schema version this build writes.
    public static var schemaVersion: Int { Schema.identifiers.count }

    /// Opens the database at `path`, creating it when it is missing and `creating` is true.
    /// `clock` stamps created and updated times.
    public init(path: String, creating: Bool = true, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.clock = clock
        let state = try DatabaseFile.state(at: path)
        var existing = false
        switch state {
        case .foreign:
            throw StoreError.notATovDatabase(path: path)
        case .sqlite(let applicationID, let userVersion):
            // An empty SQLite file (no tables yet) has application id 0 and is fine to adopt.
            if applicationID != Schema.applicationID && applicationID != 0 {
                throw StoreError.notATovDatabase(path: path)
            }
            if Int(userVersion) > Schema.identifiers.count {
                throw StoreError.newerSchema(path: path, version: Int(userVersion), supported: Schema.identifiers.count)
            }
            existing = true
        case .new:
            guard creating else { throw StoreError.missing(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.unavailable(path: path, reason: "its folder cannot be created")
                }
            }
        }

        // With a write-ahead log waiting, closing a read-write connection would fold the log into the file:
        // such a file is inspected through a read-only connection first, which cannot, so that a file
        // that is refused keeps its bytes.
        var inspected: [String]??
        if existing && FileManager.default.fileExists(atPath: path + "-wal") {
            var readOnly = Configuration()
            readOnly.readonly = true
            do {
                let reader = try DatabaseQueue(path: path, configuration: readOnly)
                defer { try? reader.close() }
                inspected = .some(try SQLiteStore.appliedMigrations(in: reader, path: path))
            } catch {
                throw SQLiteStore.storeError(error, path: path)
            }
        }

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A second tov writing at the same time makes us wait, not fail.
        configuration.busyMode = .timeout(10)
        configuration.label = "tov"
        configuration.prepareDatabase { db in
            // 16 MB of page cache keeps the id index of 100,000 events in memory during a bulk load.
            try db.execute(sql: "PRAGMA cache_size = -16000")
            // Each insert of a many-statement write (a bulk load, an import) keeps the pages it changes
            // in a statement journal, so that one failing statement can be undone alone. Those journals
            // are temporary files unless temporary storage is in memory; on disk they cost a write call
            // per page: over half a million for 100,000 events. They never outlive the transaction.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw SQLiteStore.storeError(error, path: path)
        }
        var applied: [String]?
        if existing {
            applied = try inspected ?? SQLiteStore.appliedMigrations(in: queue, path: path)
        }
        // An up-to-date database is only read: opening it for an agenda writes nothing.
        if let applied, applied.count == Schema.identifiers.count { return }
        try migrate(from: applied)
    }

    /// The migrations a tov database has applied, or nil for a database with no tables yet; refuses
    /// another program's database and one from a newer tov.
    private static func appliedMigrations(in reader: DatabaseQueue, path: String) throws -> [String]? {
        do {
            let applied = try reader.read { db -> [String]? in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty { return nil }
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard appID == Schema.applicationID, tables.contains("grdb_migrations") else {
                    throw StoreError.notATovDatabase(path: path)
                }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            if let applied, applied.contains(where: { !Schema.identifiers.contains($0) }) {
                throw StoreError.newerSchema(
                    path: path, version: max(applied.count, Schema.identifiers.count + 1), supported: Schema.identifiers.count
                )
            }
            return applied
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// Backs up an older database, then brings it (or a new one) to the current schema in WAL mode.
    private func migrate(from applied: [String]?) throws {
        do {
            if let applied, applied.count < Schema.identifiers.count {
                try backUp(version: applied.count)
            }
            if applied == nil {
                // Mark the file as ours before anything else is written to it.
                try queue.writeWithoutTransaction { db in
                    // Larger pages hold more events each: fewer pages to split, log and read back.
                    try db.execute(sql: "PRAGMA page_size = 8192")
                    try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                }
            }
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try Schema.migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA user_version = \(Schema.identifiers.count)")
            }
        } catch {
            throw SQLiteStore.storeError(error, path: path)
        }
    }

    /// Copies the database, with the SQLite backup API, to `PATH.vN.bak` (or `PATH.vN.2.bak` … when that
    /// exists: an earlier backup is never overwritten) before a migration.
    private func backUp(version: Int) throws {
        var backupPath = "\(path).v\(version).bak"
        var attempt = 1
        while FileManager.default.fileExists(atPath: backupPath) {
            attempt += 1
            backupPath = "\(path).v\(version).\(attempt).bak"
        }
        do {
            let target = try DatabaseQueue(path: backupPath)
            try queue.backup(to: target)
            try target.close()
        } catch {
            throw StoreError.unavailable(
                path: backupPath, reason: "the backup before upgrading \(path) failed (\(SQLiteStore.reason(error)))"
            )
        }
    }

    public func read<T>(_ body: (any ScheduleSession) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(SQLiteSession(db: db, now: clock(), path: path)) }
        } catch {
            throw storeError(error)
        }
    }

    public func write<T>(undoable label: String?, _ body: (any ScheduleSession) throws -> T) throws -> T {
        try writeDatabase { db in
            let session = SQLiteSession(db: db, now: clock(), path: path)
            guard let label else { return try body(session) }
            return try UndoLog.record(label, in: db, now: session.now) { try body(session) }
        }
    }

    public func undo() throws -> String? {
        try writeDatabase { db in try UndoLog.step(undoing: true, in: db, path: path) }
    }

    public func redo() throws -> String? {
        try writeDatabase { db in try UndoLog.step(undoing: false, in: db, path: path) }
    }

    /// SQLite's `data_version`: it changes when another connection commits to the file.
    public func changeToken() throws -> Int {
        do {
            return try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw storeError(error)
        }
    }

    /// One write transaction, its errors in our words.
    private func writeDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(body)
        } catch {
            throw storeError(error)
        }
    }

    /// Runs a raw read; for integrity checks.
    public func readDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw storeError(error)
        }
    }

    private func storeError(_ error: Error) -> Error {
        SQLiteStore.storeError(error, path: path)
    }

    /// SQLite's complaints in our words; domain errors pass through untouched.
    private static func storeError(_ error: Error, path: String) -> Error {
        guard let sqlite = error as? DatabaseError else { return error }
        switch sqlite.resultCode {
        case .SQLITE_NOTADB:
            return StoreError.notATovDatabase(path: path)
        case .SQLITE_CORRUPT:
            return StoreError.damaged(path: path, reason: sqlite.message ?? "corrupt")
        default:
            return StoreError.unavailable(path: path, reason: SQLiteStore.reason(error))
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}
