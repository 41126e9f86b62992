import Foundation
import GRDB

/// Undo and redo, kept in the database so that they survive a restart and serve every tov on the file.
///
/// A change that can be undone is one write transaction with a label ("Moved the meeting of 19 March").
/// While it runs, temporary triggers copy every row it inserts, updates or deletes into `changeRow`, as
/// JSON images of the row before and after. Undoing puts the before images back, newest row first;
/// redoing puts the after images back, oldest first. Writes without a label (a demo or bulk load) are
/// not recorded and cost nothing extra: the triggers live only on connections that recorded something.
///
/// Undo and redo work as a stack: a new change drops whatever was undone before it.
enum UndoLog {
    /// The tables whose rows users change.
    static let tableNames = [
        "organisation", "person", "topic", "topicRequest", "series", "event", "programmeItem", "assignment",
        "participation", "holiday", "unavailability", "origin",
    ]
    /// How many changes are kept.
    static let historyLength = 500

    /// A table's columns and the columns of its primary key, read from the schema.
    struct Table {
        let name: String
        let columns: [String]
        let key: [String]
        /// Columns declared REAL: their images keep all 17 digits, where JSON would keep 15.
        let realColumns: Set<String>
    }

    static func tables(in db: Database) throws -> [Table] {
        try tableNames.map { name in
            let rows = try Row.fetchAll(db, sql: "PRAGMA main.table_info(\(quote(name)))")
            let columns = rows.map { $0["name"] as String }
            let key = rows.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }
                .map { $0["name"] as String }
            let reals = Set(rows.filter { ($0["type"] as String).uppercased() == "REAL" }.map { $0["name"] as String })
            // A table without a primary key would be matched on every column.
            return Table(name: name, columns: columns, key: key.isEmpty ? columns : key, realColumns: reals)
        }
    }

    // MARK: - Recording

    /// Runs `body` as a recorded change named `label`; a change that touched no row is not kept.
    static func record<T>(_ label: String, in db: Database, now: Date, _ body: () throws -> T) throws -> T {
        try installTriggers(in: db)
        try db.execute(sql: "INSERT INTO change (label, created) VALUES (?, ?)",
                       arguments: [label, now.timeIntervalSince1970])
        let changeID = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO temp.undoRecording (changeID) VALUES (?)", arguments: [changeID])
        let result: T
        do {
            result = try body()
        } catch {
            try? db.execute(sql: "DELETE FROM temp.undoRecording")
            throw error
        }
        try db.execute(sql: "DELETE FROM temp.undoRecording")
        let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changeRow WHERE changeID = ?", arguments: [changeID]) ?? 0
        if rows == 0 {
            try db.execute(sql: "DELETE FROM change WHERE id = ?", arguments: [changeID])
        } else {
            // A new change ends what could be redone, and the oldest changes make room.
            try db.execute(sql: "DELETE FROM change WHERE undone = 1")
            try db.execute(sql: "DELETE FROM change WHERE id <= ?", arguments: [changeID - Int64(historyLength)])
        }
        return result
    }

    /// Creates the recording triggers on this connection, once.
    private static func installTriggers(in db: Database) throws {
        let installed = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'undoRecording')
            """) ?? false
        guard !installed else { return }
        try db.execute(sql: "CREATE TEMP TABLE undoRecording (changeID INTEGER NOT NULL)")
        for table in try tables(in: db) {
            func image(_ row: String) -> String {
                "json_object(" + table.columns.map { column in
                    let value = "\(row).\(quote(column))"
                    guard table.realColumns.contains(column) else { return "'\(column)', \(value)" }
                    return "'\(column)', CASE WHEN \(value) IS NULL THEN NULL ELSE json(printf('%!.17g', \(value))) END"
                }.joined(separator: ", ") + ")"
            }
            for (event, before, after) in [("INSERT", "NULL", image("NEW")), ("UPDATE", image("OLD"), image("NEW")),
                                           ("DELETE", image("OLD"), "NULL")] {
                try db.execute(sql: """
                    CREATE TEMP TRIGGER \(quote("undo_\(table.name)_\(event.lowercased())"))
                    AFTER \(event) ON main.\(quote(table.name))
                    WHEN (SELECT changeID FROM undoRecording) IS NOT NULL
                    BEGIN
                        INSERT INTO changeRow (changeID, tableName, before, after)
                        VALUES ((SELECT changeID FROM undoRecording), '\(table.name)', \(before), \(after));
                    END
                    """)
            }
        }
    }

    // MARK: - Undo and redo

    /// Undoes the newest change not yet undone, or redoes the oldest undone one; its label, or nil when
    /// there is none.
    static func step(undoing: Bool, in db: Database, path: String) throws -> String? {
        let sql = undoing
            ? "SELECT id, label FROM change WHERE undone = 0 ORDER BY id DESC LIMIT 1"
            : "SELECT id, label FROM change WHERE undone = 1 ORDER BY id LIMIT 1"
        guard let change = try Row.fetchOne(db, sql: sql) else { return nil }
        let id: Int64 = change["id"]
        try apply(change: id, undoing: undoing, in: db, path: path)
        try db.execute(sql: "UPDATE change SET undone = ? WHERE id = ?", arguments: [undoing, id])
        return change["label"]
    }

    /// Puts back the before images of a change, newest row first, or its after images, oldest first.
    private static func apply(change: Int64, undoing: Bool, in db: Database, path: String) throws {
        let tables = Dictionary(uniqueKeysWithValues: try tables(in: db).map { ($0.name, $0) })
        let rows = try Row.fetchAll(db, sql: """
            SELECT tableName, before, after FROM changeRow WHERE changeID = ? ORDER BY id \(undoing ? "DESC" : "ASC")
            """, arguments: [change])
        for row in rows {
            guard let table = tables[row["tableName"] as String] else { continue }
            let before: String? = row["before"], after: String? = row["after"]
            // Undoing goes from the after image to the before image; redoing the other way.
            let (current, wanted) = undoing ? (after, before) : (before, after)
            let keyMatch = table.key.map { "\(quote($0)) IS json_extract(:current, '$.\($0)')" }.joined(separator: " AND ")
            // An image recorded before a later migration lacks the columns it added: those keep their value,
            // or their default on a row put back.
            switch (current, wanted) {
            case (nil, let wanted?):
                let keys = Set(try String.fetchAll(db, sql: "SELECT key FROM json_each(?)", arguments: [wanted]))
                let present = table.columns.filter(keys.contains)
                let columns = present.map(quote).joined(separator: ", ")
                let values = present.map { "json_extract(:wanted, '$.\($0)')" }.joined(separator: ", ")
                try db.execute(sql: "INSERT INTO main.\(quote(table.name)) (\(columns)) VALUES (\(values))",
                               arguments: ["wanted": wanted])
            case (let current?, nil):
                try db.execute(sql: "DELETE FROM main.\(quote(table.name)) WHERE \(keyMatch)", arguments: ["current": current])
            case (let current?, let wanted?):
                let assignments = table.columns.map { column in
                    "\(quote(column)) = CASE WHEN json_type(:wanted, '$.\(column)') IS NULL THEN \(quote(column)) "
                        + "ELSE json_extract(:wanted, '$.\(column)') END"
                }.joined(separator: ", ")
                try db.execute(sql: "UPDATE main.\(quote(table.name)) SET \(assignments) WHERE \(keyMatch)",
                               arguments: ["current": current, "wanted": wanted])
            case (nil, nil):
                continue
            }
            // The row must be as the change left it; if something else has changed it since, stop rather
            // than half undo.
            guard db.changesCount == 1 else {
                throw StoreError.unavailable(
                    path: path,
                    reason: "a \(table.name) record this change touched has been changed another way since, so it cannot be \(undoing ? "undone" : "redone")")
            }
        }
    }

    private static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
