import Foundation
import GRDB
import TovCore

/// `ScheduleSession` over one open SQLite transaction.
final class SQLiteSession: ScheduleSession {
    let db: Database
    let now: Date
    let path: String
    /// Time zones and rules are looked up once per session: an agenda of a year reads thousands of rows.
    private var zones: [String: Zone] = [:]
    private var rules: [String: RecurrenceRule] = [:]
    private var lastZone: Zone?

    init(db: Database, now: Date, path: String) {
        self.db = db
        self.now = now
        self.path = path
    }

    // MARK: - Upsert

    /// The upsert statement of each table, prepared once per session: a bulk load saves 100,000 rows, and
    /// looking a long statement up in GRDB's cache by its text would hash that text for every one.
    private var upserts: [String: Statement] = [:]

    /// Inserts or replaces a row by id, keeping its first `created` time; `write` adds the record's
    /// columns other than id, created, updated and deleted.
    private func upsert(_ table: String, id: UUID, created: Date, _ write: (inout RowValues) -> Void) throws {
        var row = RowValues()
        appendRow(id: id, created: created, write, to: &row)
        let statement: Statement
        if let prepared = upserts[table] {
            statement = prepared
        } else {
            let placeholders = Array(repeating: "?", count: row.columns.count).joined(separator: ", ")
            let updates = row.columns.filter { $0 != "id" && $0 != "created" }
                .map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
            statement = try db.makeStatement(sql: """
                INSERT INTO \(table) (\(row.columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(placeholders))
                ON CONFLICT(id) DO UPDATE SET \(updates)
                """)
            upserts[table] = statement
        }
        try execute(statement, row)
    }

    /// A row in the order of the upsert's columns: id, the record's own, created, updated, deleted.
    private func appendRow(id: UUID, created: Date, _ write: (inout RowValues) -> Void, to row: inout RowValues) {
        row.add("id", id)
        write(&row)
        row.add("created", (created == .distantPast ? now : created).timeIntervalSince1970)
        row.add("updated", now.timeIntervalSince1970)
        row.add("deleted", nil as Double?)
        row.endRow()
    }

    /// How many rows one INSERT of a bulk save writes: far fewer statements, well under SQLite's limit
    /// on bound values.
    private static let rowsPerInsert = 100
    /// The bulk INSERT of each table and row count, prepared once per session.
    private var inserts: [String: Statement] = [:]

    /// Saves many records as `upsert` saves each, in order. Those not stored yet (most, in an import) go in
    /// with an INSERT of a hundred rows at a time, and are recorded for undo as one row of their keys; the
    /// others are saved one by one, after any earlier record of the same id.
    private func upsertAll<Record>(_ table: String, _ records: [Record], id: (Record) -> UUID, created: (Record) -> Date,
                                   _ write: (Record, inout RowValues) -> Void) throws {
        guard records.count > 1 else {
            for record in records { try upsert(table, id: id(record), created: created(record)) { write(record, &$0) } }
            return
        }
        let stored = try storedIDs(in: table, among: records.map(id))
        var fresh: [Int] = [], seen = Set<UUID>(), again: [Int] = []
        for index in records.indices {
            let recordID = id(records[index])
            if stored.live.contains(recordID) || stored.deleted.contains(recordID) {
                try upsert(table, id: recordID, created: created(records[index])) { write(records[index], &$0) }
            } else if seen.insert(recordID).inserted {
                fresh.append(index)
            } else {
                again.append(index)
            }
        }
        // Checked at commit, links from these rows do not make SQLite keep a journal of every statement
        // to take back alone (nor does OR FAIL): any error fails the whole write anyway.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        defer { try? db.execute(sql: "PRAGMA defer_foreign_keys = OFF") }
        try UndoLog.insertingUnrecorded(into: table, in: db) {
            try records.withUnsafeBufferPointer { records in
                var start = 0
                while start < fresh.count {
                    let batch = fresh[start..<min(start + Self.rowsPerInsert, fresh.count)]
                    start += Self.rowsPerInsert
                    var rows = RowValues(reservingRows: batch.count)
                    for index in batch {
                        appendRow(id: id(records[index]), created: created(records[index]), { write(records[index], &$0) }, to: &rows)
                    }
                    try execute(insert(into: table, columns: rows.columns, rows: rows.rows), rows)
                }
            }
        }
        try UndoLog.recordInserted(into: table, ids: fresh.map { id(records[$0]).lowercasedText }, in: db)
        for index in again { try upsert(table, id: id(records[index]), created: created(records[index])) { write(records[index], &$0) } }
    }

    /// The INSERT of `rows` rows of `columns` into `table`.
    private func insert(into table: String, columns: [String], rows: Int) throws -> Statement {
        let name = "\(table) \(rows)"
        if let prepared = inserts[name] { return prepared }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let statement = try db.makeStatement(sql: """
            INSERT OR FAIL INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """)
        inserts[name] = statement
        return statement
    }

    private func key(_ id: UUID) -> String { id.lowercasedText }

    private func rule(_ text: String) throws -> RecurrenceRule {
        if let rule = rules[text] { return rule }
        let rule = try RecurrenceRule(parsing: text)
        rules[text] = rule
        return rule
    }

    /// The zone a row names; rows mostly share one, which is then recognised without hashing its name.
    private func zone(_ row: Columns, _ column: Int32) throws -> Zone {
        if let last = lastZone, row.holds(column, last.identifier) { return last }
        let zone = try zone(row.string(column))
        lastZone = zone
        return zone
    }

    private func zone(_ identifier: String) throws -> Zone {
        if let zone = zones[identifier] { return zone }
        let zone = try Zone(identifier)
        zones[identifier] = zone
        return zone
    }

    // MARK: - Organisations and people

    func organisations() throws -> [Organisation] {
        try Row.fetchAll(db, sql: "SELECT * FROM organisation WHERE deleted IS NULL ORDER BY name").map(organisation)
    }

    func organisation(_ id: UUID) throws -> Organisation? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM organisation WHERE id = ? AND deleted IS NULL"), arguments: [key(id)]).map(organisation)
    }

    func save(_ organisation: Organisation) throws {
        try upsert("organisation", id: organisation.id, created: organisation.created) { row in
            row.add("name", organisation.name)
            row.add("kind", organisation.kind.rawValue)
            row.add("placeCode", organisation.placeCode)
            row.add("phone", organisation.phone)
            row.add("email", organisation.email)
        }
    }

    func organisation(_ row: Row) throws -> Organisation {
        Organisation(
            id: try uuid(row, "id"), name: row["name"], kind: try value(row, "kind"), placeCode: row["placeCode"],
            phone: row["phone"], email: row["email"], created: time(row["created"]), updated: time(row["updated"])
        )
    }

    func people() throws -> [Person] {
        try Row.fetchAll(db, sql: "SELECT * FROM person WHERE deleted IS NULL ORDER BY name").map(person)
    }

    func person(_ id: UUID) throws -> Person? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ? AND deleted IS NULL"), arguments: [key(id)]).map(person)
    }

    func save(_ person: Person) throws {
        try upsert("person", id: person.id, created: person.created) { row in
            row.add("name", person.name)
            row.add("organisationID", person.organisationID)
            row.add("title", person.title)
            row.add("phone", person.phone)
            row.add("email", person.email)
            row.add("expertise", person.expertise)
        }
    }

    func person(_ row: Row) throws -> Person {
        Person(
            id: try uuid(row, "id"), name: row["name"], organisationID: try optionalUUID(row, "organisationID"),
            title: row["title"], phone: row["phone"], email: row["email"], expertise: row["expertise"],
            created: time(row["created"]), updated: time(row["updated"])
        )
    }

    // MARK: - Events

    /// The columns of an event, in the order `eventValue(_:)` reads them by index (reading by name costs
    /// a case-insensitive search per value, which a year of agenda feels).
    static let eventColumns = """
        id, kind, title, start, "end", allDay, timeZone, status, placeCode, venue, publicEvent, topicID, notes,
        seriesID, recurrenceID, created, updated, publicEventDate, reportAttendance, reportNotes
        """

    private func fetchEvents(_ sql: String, _ arguments: StatementArguments = []) throws -> [Event] {
        try decodeRows("SELECT \(SQLiteSession.eventColumns) FROM event " + sql, arguments, event)
    }

    func event(_ id: UUID) throws -> Event? {
        try fetchEvents("WHERE id = ? AND deleted IS NULL", [key(id)]).first
    }

    func events(overlapping lower: Int, _ upper: Int, allDayMargin margin: Int) throws -> [Event] {
        // Events of a day or less start at most a day before the range: one run of the start-ordered table.
        // Longer ones (a week-long fair, a month of surveys) are few and have an index of their own.
        // Rows in the margin that only an all-day event may use are passed over here, not decoded.
        let wideLower = lower - margin, wideUpper = upper + margin
        var events = try fetchEvents("""
            WHERE startUTC >= ? AND startUTC < ? AND endUTC - startUTC <= 86400 AND deleted IS NULL
              AND (endUTC > ? OR (endUTC = startUTC AND startUTC >= ?))
              AND (allDay OR (startUTC < ? AND (endUTC > ? OR (endUTC = startUTC AND startUTC >= ?))))
            ORDER BY startUTC
            """, [wideLower - 86400, wideUpper, wideLower, wideLower, upper, lower, lower])
        let longest = try Int.fetchOne(db, sql: """
            SELECT MAX(endUTC - startUTC) FROM event WHERE endUTC - startUTC > 86400
            """) ?? 0
        events += try fetchEvents("""
            WHERE endUTC - startUTC > 86400 AND startUTC >= ? AND startUTC < ? AND endUTC > ? AND deleted IS NULL
              AND (allDay OR (startUTC < ? AND endUTC > ?))
            """, [wideLower - longest, wideUpper, wideLower, upper, lower])
        // The agenda orders what it shows; the few long events are simply added.
        return events
    }

    func allEvents() throws -> [Event] {
        try fetchEvents("WHERE deleted IS NULL ORDER BY startUTC")
    }

    func overrides(ofSeries ids: [UUID]) throws -> [Event] {
        // "IS NOT NULL" and "deleted IS NULL" let SQLite use the partial index on (seriesID, recurrenceID), to
        // count the overrides too: they are few, and a month of an agenda asks about hundreds of series.
        let overrides = "seriesID IS NOT NULL AND deleted IS NULL"
        return try rows(of: ids, in: "event", column: "seriesID", among: overrides, key: \.seriesID) { condition, arguments in
            try fetchEvents("WHERE \(overrides) AND \(condition)", arguments)
        }
    }

    func save(_ event: Event) throws {
        try upsert("event", id: event.id, created: event.created) { write(event, to: &$0) }
    }

    func saveAll(_ events: [Event]) throws {
        try upsertAll("event", events, id: \.id, created: \.created, write(_:to:))
    }

    private func write(_ event: Event, to row: inout RowValues) {
        let schedule = event.schedule
        row.add("kind", event.kind.rawValue)
        row.add("title", event.title)
        row.add("start", schedule.start)
        row.add("end", schedule.end)
        row.add("allDay", schedule.allDay)
        row.add("timeZone", schedule.zone.identifier)
        row.add("startUTC", schedule.startInstant)
        row.add("endUTC", schedule.endInstant)
        row.add("status", event.status.rawValue)
        row.add("placeCode", event.placeCode)
        row.add("venue", event.venue)
        row.add("publicEvent", event.publicEvent)
        row.add("topicID", event.topicID)
        row.add("notes", event.notes)
        row.add("seriesID", event.seriesID)
        row.add("recurrenceID", event.recurrenceID)
        row.add("publicEventDate", event.publicEventDate)
        row.add("reportAttendance", event.report?.attendance)
        row.add("reportNotes", event.report?.notes)
    }

    private func event(_ row: Columns) throws -> Event {
        try decoding("event", row) { try eventValue(row) }
    }

    private func eventValue(_ row: Columns) throws -> Event {
        Event(
            id: try uuid(row, 0, "id"), kind: try value(row.string(1), "kind"), title: row.string(2),
            schedule: try schedule(row, start: 3, end: 4, allDay: 5, zone: 6),
            status: try value(row.string(7), "status"), placeCode: row.optionalString(8), venue: row.optionalString(9),
            publicEvent: row.optionalString(10), topicID: try optionalUUID(row, 11, "topicID"), notes: row.optionalString(12),
            seriesID: try optionalUUID(row, 13, "seriesID"),
            recurrenceID: row.isNull(14) ? nil : try dateTime(row, 14), created: time(row.double(15)), updated: time(row.double(16)),
            publicEventDate: row.isNull(17) ? nil : try LocalDate(parsing: row.string(17)),
            report: row.isNull(18) && row.isNull(19) ? nil
                : Event.Report(attendance: row.isNull(18) ? nil : row.int(18), notes: row.optionalString(19))
        )
    }

    private func schedule(_ row: Columns, start: Int32, end: Int32, allDay: Int32, zone zoneColumn: Int32) throws -> Schedule {
        let start = try dateTime(row, start)
        let end = try dateTime(row, end)
        let zone = try zone(row, zoneColumn)
        if row.bool(allDay) {
            return try Schedule(allDayFrom: start.date, through: end.date.adding(days: -1), zone: zone)
        }
        return try Schedule(start: start, end: end, zone: zone)
    }

    /// A stored wall time: read from the bytes when it has the full form, as it should.
    private func dateTime(_ row: Columns, _ column: Int32) throws -> LocalDateTime {
        if let value = LocalDateTime(storedUTF8: row.utf8(column)) { return value }
        return try LocalDateTime(parsing: row.string(column))
    }

    // MARK: - Series

    /// The columns of a series, in the order `seriesValue(_:)` reads them.
    static let seriesColumns = """
        id, kind, title, start, "end", allDay, timeZone, rule, exceptionDates, extraDates, status, placeCode, venue,
        notes, created, updated, shift
        """

    private func fetchSeries(_ sql: String, _ arguments: StatementArguments = []) throws -> [Series] {
        try decodeRows("SELECT \(SQLiteSession.seriesColumns) FROM series " + sql, arguments, series)
    }

    func series(_ id: UUID) throws -> Series? {
        try fetchSeries("WHERE id = ? AND deleted IS NULL", [key(id)]).first
    }

    func series(_ ids: [UUID]) throws -> [Series] {
        try rows(of: ids, in: "series", column: "id", key: \.id) { condition, arguments in
            try fetchSeries("WHERE \(condition) AND deleted IS NULL", arguments)
        }
    }

    func allSeries() throws -> [Series] {
        try fetchSeries("WHERE deleted IS NULL ORDER BY start, title")
    }

    func series(overlapping lower: Int, _ upper: Int) throws -> [Series] {
        try fetchSeries("WHERE startUTC < ? AND (endUTC IS NULL OR endUTC > ?) AND deleted IS NULL", [upper, lower])
    }

    func save(_ series: Series) throws {
        try upsert("series", id: series.id, created: series.created) { write(series, to: &$0) }
    }

    func saveAll(_ series: [Series]) throws {
        try upsertAll("series", series, id: \.id, created: \.created, write(_:to:))
    }

    private func write(_ series: Series, to row: inout RowValues) {
        let range = series.instantRange
        row.add("kind", series.kind.rawValue)
        row.add("title", series.title)
        row.add("start", series.schedule.start)
        row.add("end", series.schedule.end)
        row.add("allDay", series.schedule.allDay)
        row.add("timeZone", series.schedule.zone.identifier)
        row.add("rule", series.rule.description)
        row.add("exceptionDates", series.exceptionDates.map(\.description).joined(separator: ","))
        row.add("extraDates", series.extraDates.map(\.description).joined(separator: ","))
        row.add("status", series.status.rawValue)
        row.add("shift", series.shift.rawValue)
        row.add("placeCode", series.placeCode)
        row.add("venue", series.venue)
        row.add("notes", series.notes)
        row.add("startUTC", range.start)
        row.add("endUTC", range.end)
    }

    private func series(_ row: Columns) throws -> Series {
        try decoding("series", row) { try seriesValue(row) }
    }

    private func seriesValue(_ row: Columns) throws -> Series {
        func dates(_ column: Int32) throws -> [LocalDateTime] {
            try row.string(column).split(separator: ",").map { try LocalDateTime(parsing: String($0)) }
        }
        return Series(
            id: try uuid(row, 0, "id"), kind: try value(row.string(1), "kind"), title: row.string(2),
            schedule: try schedule(row, start: 3, end: 4, allDay: 5, zone: 6),
            rule: try rule(row.string(7)), exceptionDates: try dates(8), extraDates: try dates(9),
            status: try value(row.string(10), "status"), shift: try value(row.string(16), "shift"),
            placeCode: row.optionalString(11), venue: row.optionalString(12), notes: row.optionalString(13),
            created: time(row.double(14)), updated: time(row.double(15))
        )
    }

    // MARK: - Origins of imported records

    func origins(ofRecords ids: [UUID]) throws -> [Origin] {
        try rows(of: ids, in: "origin", column: "id", key: \.recordID) { condition, arguments in
            try Row.fetchAll(db, sql: """
                SELECT id, uid, sequence, lastModified FROM origin WHERE \(condition) AND deleted IS NULL
                """, arguments: arguments).map(origin)
        }
    }

    func origins(withUIDs uids: [String]) throws -> [Origin] {
        let select = "SELECT id, uid, sequence, lastModified FROM origin WHERE deleted IS NULL"
        if try isMany(uids.count, of: "origin") {
            let wanted = Set(uids)
            return try Row.fetchAll(db, sql: select).filter { wanted.contains($0[1]) }.map(origin)
        }
        return try chunked(uids) { chunk in
            try Row.fetchAll(db, sql: select + " AND uid IN (\(placeholders(chunk.count)))", arguments: StatementArguments(chunk))
                .map(origin)
        }
    }

    private func origin(_ row: Row) throws -> Origin {
        try decoding("origin", row) {
            Origin(recordID: try uuid(row, "id"), uid: row[1], sequence: row[2], lastModified: (row[3] as Double?).map(time))
        }
    }

    func save(_ origin: Origin) throws {
        try upsert("origin", id: origin.recordID, created: .distantPast) { write(origin, to: &$0) }
    }

    func saveAll(_ origins: [Origin]) throws {
        try upsertAll("origin", origins, id: \.recordID, created: { _ in .distantPast }, write(_:to:))
    }

    private func write(_ origin: Origin, to row: inout RowValues) {
        row.add("uid", origin.uid)
        row.add("sequence", origin.sequence)
        row.add("lastModified", origin.lastModified?.timeIntervalSince1970)
    }

    // MARK: - Public holidays

    func holidays(from first: LocalDate, through last: LocalDate) throws -> [Holiday] {
        try Row.fetchAll(db, sql: "SELECT date, nameMn, nameEn, dayOff FROM holiday WHERE date >= ? AND date <= ? ORDER BY date, nameEn",
                         arguments: [first.description, last.description]).map { row in
            try decoding("holiday", row) {
                Holiday(date: try LocalDate(parsing: row[0]), nameMn: row[1], nameEn: row[2], dayOff: row[3])
            }
        }
    }

    func save(_ holiday: Holiday) throws {
        try db.execute(sql: """
            INSERT INTO holiday (date, nameMn, nameEn, dayOff) VALUES (?, ?, ?, ?)
            ON CONFLICT (date, nameEn) DO UPDATE SET nameMn = excluded.nameMn, dayOff = excluded.dayOff
            """, arguments: [holiday.date.description, holiday.nameMn, holiday.nameEn, holiday.dayOff])
    }

    func removeHolidays(on date: LocalDate, named name: String?) throws -> Int {
        try db.execute(sql: "DELETE FROM holiday WHERE date = ? AND (? IS NULL OR nameMn = ? OR nameEn = ?)",
                       arguments: [date.description, name, name, name])
        return db.changesCount
    }

    // MARK: - Topics

    func topics() throws -> [Topic] {
        let requests = try Row.fetchAll(db, sql: "SELECT * FROM topicRequest ORDER BY date")
        var byTopic: [String: [Topic.Request]] = [:]
        for row in requests {
            byTopic[row["topicID"], default: []].append(
                Topic.Request(organisationID: try uuid(row, "organisationID"), date: try LocalDate(parsing: row["date"]))
            )
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM topic WHERE deleted IS NULL ORDER BY created, titleMn")
            .map { try topic($0, requests: byTopic[$0["id"]] ?? []) }
    }

    func topic(_ id: UUID) throws -> Topic? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM topic WHERE id = ? AND deleted IS NULL"), arguments: [key(id)])
        else { return nil }
        let requests = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM topicRequest WHERE topicID = ? ORDER BY date"), arguments: [key(id)]
        )
            .map { Topic.Request(organisationID: try uuid($0, "organisationID"), date: try LocalDate(parsing: $0["date"])) }
        return try topic(row, requests: requests)
    }

    func save(_ topic: Topic) throws {
        try upsert("topic", id: topic.id, created: topic.created) { row in
            row.add("titleMn", topic.titleMn)
            row.add("titleEn", topic.titleEn)
            row.add("description", topic.description)
            row.add("category", topic.category)
            row.add("proposedBy", topic.proposedBy)
            row.add("proposedOn", topic.proposedOn)
            row.add("pinned", topic.pinned)
            row.add("handRank", topic.handRank)
            row.add("status", topic.status.rawValue)
        }
        try db.execute(sql: "DELETE FROM topicRequest WHERE topicID = ?", arguments: [key(topic.id)])
        for request in topic.requests {
            // One request per organisation: a second one from the same organisation changes nothing.
            try db.execute(
                sql: "INSERT OR IGNORE INTO topicRequest (topicID, organisationID, date) VALUES (?, ?, ?)",
                arguments: [key(topic.id), key(request.organisationID), request.date.description]
            )
        }
    }

    func topic(_ row: Row, requests: [Topic.Request]) throws -> Topic {
        Topic(
            id: try uuid(row, "id"), titleMn: row["titleMn"], titleEn: row["titleEn"], description: row["description"],
            category: row["category"], proposedBy: try optionalUUID(row, "proposedBy"),
            proposedOn: try LocalDate(parsing: row["proposedOn"]), pinned: row["pinned"], handRank: row["handRank"], status: try value(row, "status"),
            requests: requests, created: time(row["created"]), updated: time(row["updated"])
        )
    }

    // MARK: - Programme, assignments, participation

    func programme(ofEvent id: UUID) throws -> [ProgrammeItem] {
        try fetchProgramme("WHERE eventID = ? AND deleted IS NULL ORDER BY start, title", [key(id)])
    }

    func programme(ofEvents ids: [UUID]) throws -> [ProgrammeItem] {
        try rows(of: ids, in: "programmeItem", key: \.eventID) { condition, arguments in
            try fetchProgramme("WHERE \(condition) AND deleted IS NULL", arguments)
        }
    }

    private func fetchProgramme(_ sql: String, _ arguments: StatementArguments) throws -> [ProgrammeItem] {
        try Row.fetchAll(db, sql: "SELECT * FROM programmeItem " + sql, arguments: arguments).map { row in
            ProgrammeItem(
                id: try uuid(row, "id"), eventID: try uuid(row, "eventID"), kind: try value(row, "kind"),
                title: row["title"], serviceArea: try optionalValue(row, "serviceArea"),
                start: try (row["start"] as String?).map(LocalTime.init(parsing:)),
                end: try (row["end"] as String?).map(LocalTime.init(parsing:)),
                created: time(row["created"]), updated: time(row["updated"])
            )
        }
    }

    func save(_ item: ProgrammeItem) throws {
        try upsert("programmeItem", id: item.id, created: item.created) { write(item, to: &$0) }
    }

    func saveAll(_ items: [ProgrammeItem]) throws {
        try upsertAll("programmeItem", items, id: \.id, created: \.created, write(_:to:))
    }

    private func write(_ item: ProgrammeItem, to row: inout RowValues) {
        row.add("eventID", item.eventID)
        row.add("kind", item.kind.rawValue)
        row.add("title", item.title)
        row.add("serviceArea", item.serviceArea?.rawValue)
        row.add("start", item.start?.short)
        row.add("end", item.end?.short)
    }

    func assignments(ofEvents ids: [UUID]) throws -> [Assignment] {
        try rows(of: ids, in: "assignment", key: \.eventID) { condition, arguments in
            try fetchAssignments("WHERE \(condition) AND deleted IS NULL ORDER BY created", arguments)
        }
    }

    /// The rows of `table` whose `column` (by default the event they hang on) is one of `ids`, read by `fetch`
    /// with a condition. For a year of events there are more ids than rows (or than the rows `among` picks,
    /// which `fetch` asks for itself): reading them all is then cheaper than a probe per id.
    private func rows<T>(
        of ids: [UUID], in table: String, column: String = "eventID", among rowFilter: String? = nil, key rowKey: (T) -> UUID?,
        _ fetch: (_ condition: String, _ arguments: StatementArguments) throws -> [T]
    ) throws -> [T] {
        if try isMany(ids.count, of: table, among: rowFilter) {
            let wanted = Set(ids)
            return try fetch("1", []).filter { rowKey($0).map(wanted.contains) ?? false }
        }
        return try chunked(ids) { chunk in
            try fetch("\(column) IN (\(placeholders(chunk.count)))", StatementArguments(chunk.map(key)))
        }
    }

    private func fetchAssignments(_ sql: String, _ arguments: StatementArguments = []) throws -> [Assignment] {
        let sql = "SELECT id, eventID, programmeItemID, personID, organisationID, role, created, updated FROM assignment " + sql
        return try decodeRows(sql, arguments) { row in
            try decoding("assignment", row) {
                Assignment(
                    id: try uuid(row, 0, "id"), eventID: try uuid(row, 1, "eventID"),
                    programmeItemID: try optionalUUID(row, 2, "programmeItemID"),
                    holder: try holder(row, person: 3, organisation: 4),
                    role: try value(row.string(5), "role"), created: time(row.double(6)), updated: time(row.double(7))
                )
            }
        }
    }

    func save(_ assignment: Assignment) throws {
        try upsert("assignment", id: assignment.id, created: assignment.created) { write(assignment, to: &$0) }
    }

    func saveAll(_ assignments: [Assignment]) throws {
        try upsertAll("assignment", assignments, id: \.id, created: \.created, write(_:to:))
    }

    private func write(_ assignment: Assignment, to row: inout RowValues) {
        let (personID, organisationID) = columns(of: assignment.holder)
        row.add("eventID", assignment.eventID)
        row.add("programmeItemID", assignment.programmeItemID)
        row.add("personID", personID)
        row.add("organisationID", organisationID)
        row.add("role", assignment.role.rawValue)
    }

    func participation(ofEvent id: UUID) throws -> [Participation] {
        try fetchParticipation("WHERE eventID = ? AND deleted IS NULL ORDER BY created", [key(id)])
    }

    func participation(ofEvents ids: [UUID]) throws -> [Participation] {
        try rows(of: ids, in: "participation", key: \.eventID) { condition, arguments in
            try fetchParticipation("WHERE \(condition) AND deleted IS NULL ORDER BY created", arguments)
        }
    }

    private func fetchParticipation(_ sql: String, _ arguments: StatementArguments) throws -> [Participation] {
        try decodeRows("SELECT id, eventID, personID, organisationID, status, created, updated FROM participation " + sql, arguments) { row in
            try participationValue(row)
        }
    }

    /// A participation row of the columns id, eventID, personID, organisationID, status, created, updated.
    private func participationValue(_ row: Columns) throws -> Participation {
        try decoding("participation", row) {
            Participation(
                id: try uuid(row, 0, "id"), eventID: try uuid(row, 1, "eventID"),
                participant: try holder(row, person: 2, organisation: 3),
                status: try value(row.string(4), "status"), created: time(row.double(5)), updated: time(row.double(6))
            )
        }
    }

    func save(_ participation: Participation) throws {
        try upsert("participation", id: participation.id, created: participation.created) { write(participation, to: &$0) }
    }

    func saveAll(_ participation: [Participation]) throws {
        try upsertAll("participation", participation, id: \.id, created: \.created, write(_:to:))
    }

    private func write(_ participation: Participation, to row: inout RowValues) {
        let (personID, organisationID) = columns(of: participation.participant)
        row.add("eventID", participation.eventID)
        row.add("personID", personID)
        row.add("organisationID", organisationID)
        row.add("status", participation.status.rawValue)
    }

    func assignments(of holder: Assignment.Holder) throws -> [Assignment] {
        let (personID, organisationID) = columns(of: holder)
        if let personID { return try fetchAssignments("WHERE personID = ? AND deleted IS NULL ORDER BY created", [personID]) }
        return try fetchAssignments("WHERE organisationID = ? AND deleted IS NULL ORDER BY created", [organisationID])
    }

    func participation(of holder: Assignment.Holder) throws -> [Participation] {
        let (personID, organisationID) = columns(of: holder)
        let (column, value) = personID.map { ("personID", $0) } ?? ("organisationID", organisationID ?? "")
        return try fetchParticipation("WHERE \(column) = ? AND deleted IS NULL ORDER BY created", [value])
    }

    func events(_ ids: [UUID]) throws -> [Event] {
        try rows(of: ids, in: "event", column: "id", key: \.id) { condition, arguments in
            try fetchEvents("WHERE \(condition) AND deleted IS NULL", arguments)
        }
    }

    func events(withTopic id: UUID?) throws -> [Event] {
        guard let id else { return try fetchEvents("WHERE topicID IS NOT NULL AND deleted IS NULL") }
        return try fetchEvents("WHERE topicID = ? AND deleted IS NULL", [key(id)])
    }

    // MARK: - Unavailability

    func unavailability(ofPeople ids: [UUID]?) throws -> [Unavailability] {
        guard let ids else {
            return try Row.fetchAll(db, sql: "SELECT * FROM unavailability WHERE deleted IS NULL ORDER BY \"from\", created").map(decode)
        }
        return try chunked(ids) { chunk in
            try Row.fetchAll(db, sql: """
                SELECT * FROM unavailability WHERE personID IN (\(placeholders(chunk.count))) AND deleted IS NULL
                """, arguments: StatementArguments(chunk.map(key))).map(decode)
        }.sorted { ($0.from, $0.created) < ($1.from, $1.created) }

        func decode(_ row: Row) throws -> Unavailability {
            try decoding("unavailability", row) {
                Unavailability(
                    id: try uuid(row, "id"), personID: try uuid(row, "personID"),
                    from: try LocalDate(parsing: row["from"]), through: try LocalDate(parsing: row["through"]),
                    note: row["note"], created: time(row["created"]), updated: time(row["updated"])
                )
            }
        }
    }

    func save(_ unavailability: Unavailability) throws {
        guard unavailability.through >= unavailability.from else {
            throw ValidationError("the last day away, \(unavailability.through), is before the first, \(unavailability.from)")
        }
        try upsert("unavailability", id: unavailability.id, created: unavailability.created) { row in
            row.add("personID", unavailability.personID)
            row.add("from", unavailability.from)
            row.add("through", unavailability.through)
            row.add("note", unavailability.note)
        }
    }

    private func columns(of holder: Assignment.Holder) -> (person: String?, organisation: String?) {
        switch holder {
        case .person(let id): (key(id), nil)
        case .organisation(let id): (nil, key(id))
        }
    }

    /// Who holds a role or took part: a person, else an organisation.
    private func holder(_ row: Columns, person: Int32, organisation: Int32) throws -> Assignment.Holder {
        if let personID = try optionalUUID(row, person, "personID") { return .person(personID) }
        return .organisation(try uuid(row, organisation, "organisationID"))
    }

    // MARK: - Any record

    func delete(_ kind: RecordKind, id: UUID) throws {
        try db.execute(
            sql: "UPDATE \(SQLiteSession.table(kind)) SET deleted = ? WHERE id = ?",
            arguments: [now.timeIntervalSince1970, key(id)]
        )
    }

    func storedIDs(of kind: RecordKind, among ids: [UUID]) throws -> (live: Set<UUID>, deleted: Set<UUID>) {
        try storedIDs(in: SQLiteSession.table(kind), among: ids)
    }

    private func storedIDs(in table: String, among ids: [UUID]) throws -> (live: Set<UUID>, deleted: Set<UUID>) {
        var live = Set<UUID>(), deleted = Set<UUID>()
        func sort(_ rows: RowCursor, keeping wanted: Set<UUID>?) throws {
            while let row = try rows.next() {
                guard let id = UUID(text: row[0]), wanted?.contains(id) ?? true else { continue }
                if row[1] as Bool { deleted.insert(id) } else { live.insert(id) }
            }
        }
        if try isMany(ids.count, of: table) {
            try sort(Row.fetchCursor(db, sql: "SELECT id, deleted IS NOT NULL FROM \(table)"), keeping: Set(ids))
        } else {
            _ = try chunked(ids) { chunk -> [Int] in
                try sort(Row.fetchCursor(db, sql: "SELECT id, deleted IS NOT NULL FROM \(table) WHERE id IN (\(placeholders(chunk.count)))",
                                         arguments: StatementArguments(chunk.map(key))), keeping: nil)
                return []
            }
        }
        return (live, deleted)
    }

    /// Whether `count` keys are more than a table has rows (those `rowFilter` picks, when given): then reading
    /// all of them once is cheaper than looking each up (an import of 100,000 events asks about every one).
    /// Without a filter SQLite counts the rows from the table's b-tree, without reading them. A few keys are
    /// looked up by their index whatever the table holds: counting walks the whole b-tree, and a CSV line
    /// that names its event by UID asks about one. (Hundreds are not few: a month's agenda asks about
    /// hundreds of series, which the handful of changed meetings answer faster read whole.)
    private func isMany(_ count: Int, of table: String, among rowFilter: String? = nil) throws -> Bool {
        guard count > 16 else { return false }
        let filter = rowFilter.map { " WHERE " + $0 } ?? ""
        return count > (try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM \(table)" + filter)) ?? 0)
    }

    func count(_ kind: RecordKind) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(SQLiteSession.table(kind)) WHERE deleted IS NULL") ?? 0
    }

    func ids(of kind: RecordKind, withPrefix prefix: String) throws -> [UUID] {
        // Ids are stored lowercase, so a range on the primary key finds a prefix without a scan.
        try String.fetchAll(db, sql: """
            SELECT id FROM \(SQLiteSession.table(kind)) WHERE id >= ? AND id < ? AND deleted IS NULL
            """, arguments: [prefix, prefix + "\u{7F}"]).compactMap { UUID(text: $0) }
    }

    static func table(_ kind: RecordKind) -> String {
        switch kind {
        case .organisation: "organisation"
        case .person: "person"
        case .event: "event"
        case .series: "series"
        case .topic: "topic"
        case .programmeItem: "programmeItem"
        case .assignment: "assignment"
        case .participation: "participation"
        case .unavailability: "unavailability"
        }
    }

    // MARK: - Decoding helpers

    /// Reads a row; a stored value that is not valid (a zone, a date, a rule) means the file is damaged,
    /// not that the user typed something wrong, and the message names the record.
    private func decoding<T>(_ table: String, _ row: Row, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            let id: String = row[0]
            throw StoreError.damaged(path: path, reason: "\(table) \(id.prefix(ShortID.length)): \(error.message)")
        }
    }

    private func decoding<T>(_ table: String, _ row: Columns, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            throw StoreError.damaged(path: path, reason: "\(table) \(row.string(0).prefix(ShortID.length)): \(error.message)")
        }
    }

    private func time(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    private func uuid(_ row: Columns, _ index: Int32, _ column: String) throws -> UUID {
        if let id = UUID(utf8: row.utf8(index)) { return id }
        return try uuid(row.string(index), column)
    }

    private func optionalUUID(_ row: Columns, _ index: Int32, _ column: String) throws -> UUID? {
        row.isNull(index) ? nil : try uuid(row, index, column)
    }

    private func uuid(_ row: Row, _ column: String) throws -> UUID {
        try uuid(row[column], column)
    }

    private func uuid(_ text: String, _ column: String) throws -> UUID {
        guard let id = UUID(text: text) else {
            throw StoreError.damaged(path: path, reason: "'\(text)' in \(column) is not an id")
        }
        return id
    }

    private func optionalUUID(_ row: Row, _ column: String) throws -> UUID? {
        try optionalUUID(row[column], column)
    }

    private func optionalUUID(_ text: String?, _ column: String) throws -> UUID? {
        try text.map { try uuid($0, column) }
    }

    private func value<V: RawRepresentable<String>>(_ row: Row, _ column: String) throws -> V {
        try value(row[column], column)
    }

    private func value<V: RawRepresentable<String>>(_ text: String, _ column: String) throws -> V {
        guard let value = V(rawValue: text) else {
            throw StoreError.damaged(path: path, reason: "'\(text)' in \(column) is not a known value")
        }
        return value
    }

    private func optionalValue<V: RawRepresentable<String>>(_ row: Row, _ column: String) throws -> V? {
        (row[column] as String?) == nil ? nil : try value(row, column) as V
    }

    private func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// How many keys one query binds: well under SQLite's limit on bound variables.
    private static let keysPerQuery = 500

    /// Runs a query per chunk of keys (ids, UIDs), keeping under SQLite's limit on bound variables.
    private func chunked<Key, T>(_ keys: [Key], _ query: ([Key]) throws -> [T]) throws -> [T] {
        var result: [T] = []
        var index = 0
        while index < keys.count {
            let chunk = Array(keys[index..<min(index + Self.keysPerQuery, keys.count)])
            result += try query(chunk)
            index += Self.keysPerQuery
        }
        return result
    }
}

// MARK: - Integrity

extension SQLiteSession {
    /// Reads every live organisation, person, topic, event and series back as a domain value, one row at a
    /// time, and names each row that cannot be read and why.
    func unreadableRecords() throws -> [String] {
        var problems: [String] = []
        func check(_ table: String, columns: String = "*", _ decode: (Row, Columns) throws -> Void) throws {
            let statement = try db.makeStatement(sql: "SELECT \(columns) FROM \(table) WHERE deleted IS NULL")
            let cursor = try Row.fetchCursor(statement)
            let columns = Columns(statement)
            while let row = try cursor.next() {
                do {
                    try decode(row, columns)
                } catch StoreError.damaged(_, let reason) {
                    problems.append(reason)
                } catch {
                    let id: String = row[0]
                    problems.append("\(table) \(id.prefix(ShortID.length)): \(error)")
                }
            }
        }
        try check("organisation") { row, _ in _ = try organisation(row) }
        try check("person") { row, _ in _ = try person(row) }
        try check("topic") { row, _ in _ = try topic(row, requests: []) }
        try check("event", columns: SQLiteSession.eventColumns) { _, columns in _ = try event(columns) }
        try check("series", columns: SQLiteSession.seriesColumns) { _, columns in _ = try series(columns) }
        try check("unavailability") { row, _ in
            _ = try LocalDate(parsing: row["from"])
            _ = try LocalDate(parsing: row["through"])
        }
        return problems
    }
}
