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
/// An inserted row is recorded by its key alone, marked deferred: its whole image is taken when the
/// change is undone, when the row is still as the change left it (changes are undone newest first), so
/// that an import of 100,000 events does not write 100,000 images nobody may ever need.
///
/// Rows inserted many at once (an import's events) are recorded as one row of their keys instead
/// (`recordInserted`): while the session inserts them the insert trigger is quiet (`insertingUnrecorded`),
/// since a trigger per row costs more than the insert itself. Undoing takes all their images in one
/// statement and deletes them in another; redoing inserts the images again.
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

    static func tables(in db: Database, named names: [String] = tableNames) throws -> [Table] {
        try names.filter(tableNames.contains).map { name in
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
        guard try !hasTriggers(in: db) else { return }
        try db.execute(sql: "CREATE TEMP TABLE undoRecording (changeID INTEGER NOT NULL)")
        for table in try tables(in: db) {
            for event in Trigger.allCases { try create(event, on: table, in: db) }
        }
    }

    /// What a recording trigger fires on.
    private enum Trigger: String, CaseIterable {
        case insert, update, delete
    }

    private static func create(_ event: Trigger, on table: Table, in db: Database) throws {
        let (before, after) = switch event {
        case .insert: ("NULL", "json_object('\(deferred)', 1, " + table.key.map { "'\($0)', NEW.\(quote($0))" }.joined(separator: ", ") + ")")
        case .update: (image(of: table, row: "OLD"), image(of: table, row: "NEW"))
        case .delete: (image(of: table, row: "OLD"), "NULL")
        }
        try db.execute(sql: """
            CREATE TEMP TRIGGER \(trigger(event, on: table.name))
            AFTER \(event.rawValue.uppercased()) ON main.\(quote(table.name))
            WHEN (SELECT changeID FROM undoRecording) IS NOT NULL
            BEGIN
                INSERT INTO changeRow (changeID, tableName, before, after)
                VALUES ((SELECT changeID FROM undoRecording), '\(table.name)', \(before), \(after));
            END
            """)
    }

    private static func trigger(_ event: Trigger, on table: String) -> String {
        quote("undo_\(table)_\(event.rawValue)")
    }

    /// Runs `body`, which inserts rows into `table` that `recordInserted` will record, without the insert
    /// trigger: even one that does nothing costs a query per row.
    static func insertingUnrecorded<T>(into table: String, in db: Database, _ body: () throws -> T) throws -> T {
        guard try isRecording(in: db), let table = try tables(in: db, named: [table]).first else { return try body() }
        try db.execute(sql: "DROP TRIGGER temp.\(trigger(.insert, on: table.name))")
        // Back whether `body` succeeded or not.
        let result = Result { try body() }
        try create(.insert, on: table, in: db)
        return try result.get()
    }

    /// Records that the change inserted the rows of `table` (one with an `id` column) whose ids are `ids`,
    /// inserted while `insertingUnrecorded`: one row listing their ids, their images to be taken on undo.
    static func recordInserted(into table: String, ids: [String], in db: Database) throws {
        guard !ids.isEmpty, try isRecording(in: db) else { return }
        // Ten thousand rows to a change row keeps each one's images a few megabytes.
        for start in stride(from: 0, to: ids.count, by: 10_000) {
            // Ids are lowercase hex and hyphens: nothing in them needs escaping.
            let list = "{\"\(insertedRows)\":[" + ids[start..<min(start + 10_000, ids.count)].map { "\"" + $0 + "\"" }.joined(separator: ",") + "]}"
            try db.execute(sql: """
                INSERT INTO changeRow (changeID, tableName, before, after) SELECT changeID, ?, NULL, ? FROM temp.undoRecording
                """, arguments: [table, list])
        }
    }

    private static func hasTriggers(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'undoRecording')
            """) ?? false
    }

    /// Whether a change is being recorded on this connection.
    private static func isRecording(in db: Database) throws -> Bool {
        try hasTriggers(in: db) && Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.undoRecording)") ?? false
    }

    /// The SQL of a row's JSON image: every column, REAL ones with all 17 digits.
    private static func image(of table: Table, row: String) -> String {
        "json_object(" + table.columns.map { column in
            let value = "\(row).\(quote(column))"
            guard table.realColumns.contains(column) else { return "'\(column)', \(value)" }
            return "'\(column)', CASE WHEN \(value) IS NULL THEN NULL ELSE json(printf('%!.17g', \(value))) END"
        }.joined(separator: ", ") + ")"
    }

    /// The member that marks the image of an inserted row as its key alone, the rest to be taken on undo.
    private static let deferred = "undo:deferred"
    /// The member that lists the ids of rows inserted many at once; once undone, the row holds a JSON
    /// array of their images instead.
    private static let insertedRows = "undo:inserted"

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
            SELECT id, tableName, before, after FROM changeRow WHERE changeID = ? ORDER BY id \(undoing ? "DESC" : "ASC")
            """, arguments: [change])
        for row in rows {
            guard let table = tables[row["tableName"] as String] else { continue }
            let before: String? = row["before"], after: String? = row["after"]
            // Undoing goes from the after image to the before image; redoing the other way.
            let (current, wanted) = undoing ? (after, before) : (before, after)
            if [current, wanted].contains(where: { $0.map(isManyRows) ?? false }) {
                try applyMany(row: row["id"], table: table, current: current, wanted: wanted, undoing: undoing, in: db, path: path)
                continue
            }
            let keyMatch = table.key.map { "\(quote($0)) IS json_extract(:current, '$.\($0)')" }.joined(separator: " AND ")
            // Statements are cached: undoing an import runs the same few for every one of its rows.
            func execute(_ sql: String, _ arguments: StatementArguments) throws {
                try db.cachedStatement(sql: sql).execute(arguments: arguments)
            }
            if undoing, let current, current.hasPrefix("{\"\(deferred)\":") {
                // An inserted row, recorded by its key: its image is taken now, for redo, before it goes.
                try execute("""
                    UPDATE changeRow SET after = (SELECT \(image(of: table, row: "t")) FROM main.\(quote(table.name)) AS t WHERE \(table.key.map { "t.\(quote($0)) IS json_extract(:current, '$.\($0)')" }.joined(separator: " AND ")))
                    WHERE id = :row
                    """, ["current": current, "row": row["id"] as Int64])
            }
            // An image recorded before a later migration lacks the columns it added: those keep their value,
            // or their default on a row put back.
            switch (current, wanted) {
            case (nil, let wanted?):
                let keys = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT key FROM json_each(?)"), arguments: [wanted]))
                let present = table.columns.filter(keys.contains)
                let columns = present.map(quote).joined(separator: ", ")
                let values = present.map { "json_extract(:wanted, '$.\($0)')" }.joined(separator: ", ")
                try execute("INSERT INTO main.\(quote(table.name)) (\(columns)) VALUES (\(values))", ["wanted": wanted])
            case (let current?, nil):
                try execute("DELETE FROM main.\(quote(table.name)) WHERE \(keyMatch)", ["current": current])
            case (let current?, let wanted?):
                let assignments = table.columns.map { column in
                    "\(quote(column)) = CASE WHEN json_type(:wanted, '$.\(column)') IS NULL THEN \(quote(column)) "
                        + "ELSE json_extract(:wanted, '$.\(column)') END"
                }.joined(separator: ", ")
                try execute("UPDATE main.\(quote(table.name)) SET \(assignments) WHERE \(keyMatch)", ["current": current, "wanted": wanted])
            case (nil, nil):
                continue
            }
            // The row must be as the change left it; if something else has changed it since, stop rather
            // than half undo.
            try expectChanged(1, table: table, undoing: undoing, in: db, path: path)
        }
    }

    /// Whether a recorded image is that of rows inserted many at once: their keys, or once undone their images.
    private static func isManyRows(_ image: String) -> Bool {
        image.hasPrefix("{\"\(insertedRows)\":") || image.hasPrefix("[")
    }

    /// Undoes or redoes the insertion of many rows (`recordInserted`): undoing takes their images into the
    /// change row, for redo, then deletes them; redoing inserts those images again.
    private static func applyMany(row: Int64, table: Table, current: String?, wanted: String?, undoing: Bool,
                                  in db: Database, path: String) throws {
        let name = "main." + quote(table.name)
        func count(_ array: String, at path: String = "$") throws -> Int {
            try Int.fetchOne(db, sql: "SELECT json_array_length(?, ?)", arguments: [array, path]) ?? 0
        }
        switch (current, wanted) {
        case (let current?, nil):
            var images = current
            if !current.hasPrefix("[") {
                // Their images are taken now, while the rows are as the change left them.
                let ids = "$.\"\(insertedRows)\""
                images = try String.fetchOne(db, sql: """
                    SELECT json_group_array(json(\(image(of: table, row: "t")))) FROM \(name) AS t
                    WHERE t.id IN (SELECT value FROM json_each(?, ?))
                    """, arguments: [current, ids]) ?? "[]"
                guard try count(images) == count(current, at: ids) else { throw changedSince(table, undoing: undoing, path: path) }
                try db.execute(sql: "UPDATE changeRow SET after = ? WHERE id = ?", arguments: [images, row])
            }
            try db.execute(sql: "DELETE FROM \(name) WHERE id IN (SELECT value ->> 'id' FROM json_each(?))", arguments: [images])
            try expectChanged(count(images), table: table, undoing: undoing, in: db, path: path)
        case (nil, let wanted?):
            let keys = Set(try String.fetchAll(db, sql: "SELECT key FROM json_each(?, '$[0]')", arguments: [wanted]))
            let present = table.columns.filter(keys.contains)
            try db.execute(sql: """
                INSERT INTO \(name) (\(present.map(quote).joined(separator: ", ")))
                SELECT \(present.map { "json_extract(value, '$.\($0)')" }.joined(separator: ", ")) FROM json_each(?)
                """, arguments: [wanted])
            try expectChanged(count(wanted), table: table, undoing: undoing, in: db, path: path)
        default:
            throw changedSince(table, undoing: undoing, path: path)
        }
    }

    /// Stops an undo or redo that did not find the rows as the change left them (something else has
    /// changed them since) rather than half do it.
    private static func expectChanged(_ count: Int, table: Table, undoing: Bool, in db: Database, path: String) throws {
        guard db.changesCount == count else { throw changedSince(table, undoing: undoing, path: path) }
    }

    private static func changedSince(_ table: Table, undoing: Bool, path: String) -> StoreError {
        .unavailable(path: path, reason: "a \(table.name) record this change touched has been changed another way since, so it cannot be \(undoing ? "undone" : "redone")")
    }

    private static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
