import GRDB
import TovCore

/// The numbered migrations of the tov database. Append new ones; never edit a released one.
enum Schema {
    /// Marks a SQLite file as a tov database (PRAGMA application_id): "tov" and a format byte.
    static let applicationID: Int32 = 0x746F_7601

    /// Migration identifiers in order; a database's version is how many it has applied.
    static var identifiers: [String] { migrator.migrations }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records", migrate: createRecords)
        migrator.registerMigration("v2-holidays", migrate: createHolidays)
        migrator.registerMigration("v3-undo", migrate: createUndoLog)
        migrator.registerMigration("v4-series-shift", migrate: addSeriesShift)
        migrator.registerMigration("v5-dialogue", migrate: addDialogueRecords)
        migrator.registerMigration("v6-sa-days", migrate: addSADayRecords)
        migrator.registerMigration("v7-origins", migrate: addOrigins)
        return migrator
    }

    // MARK: - v1: the records of the domain model

    // Times of record keeping (created, updated, deleted) are seconds since the Unix epoch, as REAL:
    // reading them back is a number, not a date to parse, for every row of a year's agenda.

    private static func createRecords(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE organisation (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                placeCode TEXT,
                phone TEXT,
                email TEXT,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL
            );
            CREATE TABLE person (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                organisationID TEXT REFERENCES organisation(id) ON DELETE SET NULL,
                title TEXT,
                phone TEXT,
                email TEXT,
                expertise TEXT,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL
            );
            CREATE INDEX person_organisation ON person(organisationID);
            CREATE TABLE topic (
                id TEXT PRIMARY KEY NOT NULL,
                titleMn TEXT NOT NULL,
                titleEn TEXT,
                description TEXT,
                category TEXT,
                proposedBy TEXT REFERENCES organisation(id) ON DELETE SET NULL,
                proposedOn TEXT NOT NULL,
                pinned BOOLEAN NOT NULL DEFAULT 0,
                status TEXT NOT NULL,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL
            );
            CREATE TABLE topicRequest (
                topicID TEXT NOT NULL REFERENCES topic(id) ON DELETE CASCADE,
                organisationID TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                date TEXT NOT NULL,
                PRIMARY KEY (topicID, organisationID)
            );
            CREATE TABLE series (
                id TEXT PRIMARY KEY NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                start TEXT NOT NULL,
                "end" TEXT NOT NULL,
                allDay BOOLEAN NOT NULL,
                timeZone TEXT NOT NULL,
                rule TEXT NOT NULL,
                exceptionDates TEXT NOT NULL DEFAULT '',
                extraDates TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                placeCode TEXT,
                venue TEXT,
                notes TEXT,
                startUTC INTEGER NOT NULL,
                endUTC INTEGER,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL
            );
            CREATE INDEX series_range ON series(startUTC, endUTC);
            -- Clustered by start: a range of days is one contiguous run of the table, not a lookup per row.
            CREATE TABLE event (
                id TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                start TEXT NOT NULL,
                "end" TEXT NOT NULL,
                allDay BOOLEAN NOT NULL,
                timeZone TEXT NOT NULL,
                startUTC INTEGER NOT NULL,
                endUTC INTEGER NOT NULL CHECK (endUTC >= startUTC),
                status TEXT NOT NULL,
                placeCode TEXT,
                venue TEXT,
                publicEvent TEXT,
                topicID TEXT REFERENCES topic(id) ON DELETE SET NULL,
                notes TEXT,
                seriesID TEXT REFERENCES series(id) ON DELETE CASCADE,
                recurrenceID TEXT,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL,
                PRIMARY KEY (startUTC, id),
                CHECK ((seriesID IS NULL) = (recurrenceID IS NULL))
            ) WITHOUT ROWID;
            CREATE UNIQUE INDEX event_id ON event(id);
            -- A range query reads the table from a day before the range; the few events longer than a day
            -- come from this small index instead. Partial indexes cost nothing for the rows they leave out.
            CREATE INDEX event_long ON event(startUTC) WHERE endUTC - startUTC > 86400;
            CREATE INDEX event_long_span ON event(endUTC - startUTC) WHERE endUTC - startUTC > 86400;
            CREATE UNIQUE INDEX event_override ON event(seriesID, recurrenceID) WHERE seriesID IS NOT NULL;
            CREATE INDEX event_topic ON event(topicID) WHERE topicID IS NOT NULL;
            CREATE TABLE programmeItem (
                id TEXT PRIMARY KEY NOT NULL,
                eventID TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                serviceArea TEXT,
                start TEXT,
                "end" TEXT,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL
            );
            CREATE INDEX programmeItem_event ON programmeItem(eventID);
            CREATE TABLE assignment (
                id TEXT PRIMARY KEY NOT NULL,
                eventID TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                programmeItemID TEXT REFERENCES programmeItem(id) ON DELETE CASCADE,
                personID TEXT REFERENCES person(id) ON DELETE CASCADE,
                organisationID TEXT REFERENCES organisation(id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL,
                CHECK ((personID IS NULL) <> (organisationID IS NULL))
            );
            CREATE INDEX assignment_event ON assignment(eventID);
            CREATE INDEX assignment_person ON assignment(personID);
            CREATE INDEX assignment_organisation ON assignment(organisationID);
            CREATE TABLE participation (
                id TEXT PRIMARY KEY NOT NULL,
                eventID TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
                personID TEXT REFERENCES person(id) ON DELETE CASCADE,
                organisationID TEXT REFERENCES organisation(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL,
                CHECK ((personID IS NULL) <> (organisationID IS NULL))
            );
            CREATE INDEX participation_event ON participation(eventID);
            CREATE INDEX participation_person ON participation(personID);
            CREATE INDEX participation_organisation ON participation(organisationID);
            """)
    }

    // MARK: - v7: where imported events and series came from

    private static func addOrigins(_ db: Database) throws {
        // Keyed by the record's id (an event or a series); the UID is as the file wrote it.
        try db.execute(sql: """
            CREATE TABLE origin (
                id TEXT PRIMARY KEY NOT NULL,
                uid TEXT NOT NULL,
                sequence INTEGER NOT NULL DEFAULT 0,
                lastModified REAL,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL
            );
            CREATE INDEX origin_uid ON origin(uid);
            """)
    }

    // MARK: - v6: SA Days: the public event's date, the report written after the day

    private static func addSADayRecords(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE event ADD COLUMN publicEventDate TEXT;
            ALTER TABLE event ADD COLUMN reportAttendance INTEGER CHECK (reportAttendance IS NULL OR reportAttendance >= 0);
            ALTER TABLE event ADD COLUMN reportNotes TEXT;
            """)
    }

    // MARK: - v5: running the dialogue: topics moved by hand, people's days away

    private static func addDialogueRecords(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE topic ADD COLUMN handRank INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE unavailability (
                id TEXT PRIMARY KEY NOT NULL,
                personID TEXT NOT NULL REFERENCES person(id) ON DELETE CASCADE,
                "from" TEXT NOT NULL,
                through TEXT NOT NULL,
                note TEXT,
                created REAL NOT NULL,
                updated REAL NOT NULL,
                deleted REAL,
                CHECK (through >= "from")
            );
            CREATE INDEX unavailability_person ON unavailability(personID);
            """)
    }

    // MARK: - v4: what a series does with a meeting on a weekend or a day off

    private static func addSeriesShift(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE series ADD COLUMN shift TEXT NOT NULL DEFAULT 'keep'")
        // A meeting's change that was deleted (restored, removed) must not stop it being changed again.
        try db.execute(sql: """
            DROP INDEX event_override;
            CREATE UNIQUE INDEX event_override ON event(seriesID, recurrenceID) WHERE seriesID IS NOT NULL AND deleted IS NULL;
            """)
    }

    // MARK: - v3: undo and redo (see `UndoLog`)

    private static func createUndoLog(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE change (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                label TEXT NOT NULL,
                created REAL NOT NULL,
                undone BOOLEAN NOT NULL DEFAULT 0
            );
            CREATE TABLE changeRow (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                changeID INTEGER NOT NULL REFERENCES change(id) ON DELETE CASCADE,
                tableName TEXT NOT NULL,
                before TEXT,
                after TEXT
            );
            CREATE INDEX changeRow_change ON changeRow(changeID);
            """)
    }

    // MARK: - v2: editable public holidays, seeded from the reference data

    private static func createHolidays(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE holiday (
                date TEXT NOT NULL,
                nameMn TEXT NOT NULL,
                nameEn TEXT NOT NULL,
                dayOff BOOLEAN NOT NULL,
                PRIMARY KEY (date, nameEn)
            )
            """)
        for holiday in ReferenceData.shared.holidays {
            try db.execute(
                sql: "INSERT OR IGNORE INTO holiday (date, nameMn, nameEn, dayOff) VALUES (?, ?, ?, ?)",
                arguments: [holiday.date.description, holiday.nameMn, holiday.nameEn, holiday.dayOff]
            )
        }
    }
}
