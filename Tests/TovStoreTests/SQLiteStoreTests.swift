import Foundation
import GRDB
import Testing
import TovCore
import TovTestSupport
@testable import TovStore

@Suite struct SQLiteStoreTests {
    let folder = try! TemporaryFolder()

    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: - Opening

    @Test func createsAWALDatabaseWithForeignKeysOn() throws {
        let path = folder.path("new/tov.sqlite")
        let store = try SQLiteStore(path: path)
        try store.readDatabase { db throws in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
            #expect(try Int32.fetchOne(db, sql: "PRAGMA application_id") == Schema.applicationID)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SQLiteStore.schemaVersion)
        }
    }

    @Test func refusesAFileThatIsNotADatabaseAndLeavesItUnchanged() throws {
        let path = folder.path("README.md")
        try Data("# tov\n\nNot a database.\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = try bytes(path)
        #expect(throws: StoreError.notATovDatabase(path: path)) { try SQLiteStore(path: path) }
        #expect(try bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesAnotherProgramsDatabaseWithAPendingLogAndLeavesBothFilesUnchanged() throws {
        let path = folder.path("pending.sqlite")
        let python = """
            import sqlite3, shutil, sys
            c = sqlite3.connect(sys.argv[1] + '.src'); c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA wal_autocheckpoint=0')
            c.execute('CREATE TABLE notes (text TEXT)'); c.commit()
            shutil.copy(sys.argv[1] + '.src', sys.argv[1]); shutil.copy(sys.argv[1] + '.src-wal', sys.argv[1] + '-wal')
            """
        let made = try Subprocess.run(["python3", "-c", python, path])
        #expect(made.status == 0, "\(made.stderr)")
        let before = (try bytes(path), try bytes(path + "-wal"))
        #expect(throws: StoreError.notATovDatabase(path: path)) { try SQLiteStore(path: path) }
        #expect(try bytes(path) == before.0)
        #expect(try bytes(path + "-wal") == before.1)
    }

    @Test func refusesAnotherProgramsSQLiteDatabase() throws {
        let path = folder.path("other.sqlite")
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hi')") }
        try other.close()
        let before = try bytes(path)
        #expect(throws: StoreError.notATovDatabase(path: path)) { try SQLiteStore(path: path) }
        #expect(try bytes(path) == before)
    }

    @Test func refusesADamagedDatabaseAndLeavesItUnchanged() throws {
        let path = folder.path("damaged.sqlite")
        let store = try SQLiteStore(path: path)
        try store.write { session in
            for index in 0..<200 {
                try session.save(Organisation(name: "ТББ \(index)", kind: .ngo))
            }
        }
        try store.readDatabase { db throws in _ = try db.checkpoint(.truncate) }
        var data = try bytes(path)
        // Keep the header, scribble over the schema and the pages after it.
        for index in 100..<min(data.count, 12_000) { data[index] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))
        let before = try bytes(path)
        let error = #expect(throws: StoreError.self) { _ = try SQLiteStore(path: path).read { try $0.organisations() } }
        guard case .damaged(let damagedPath, _)? = error else {
            Issue.record("expected the file to be reported damaged, got \(String(describing: error))")
            return
        }
        #expect(damagedPath == path)
        #expect(try bytes(path) == before)
    }

    @Test func refusesADatabaseFromANewerTov() throws {
        let path = folder.path("future.sqlite")
        _ = try SQLiteStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            try db.execute(sql: "PRAGMA user_version = 99")
        }
        try queue.close()
        let before = try bytes(path)
        #expect(throws: StoreError.newerSchema(path: path, version: 99, supported: SQLiteStore.schemaVersion)) {
            try SQLiteStore(path: path)
        }
        #expect(try bytes(path) == before)
    }

    @Test func backsUpAnOlderDatabaseBeforeMigratingIt() throws {
        let path = folder.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
        }
        try Schema.migrator.migrate(queue, upTo: "v1-records")
        try queue.write { db in
            try db.execute(sql: "PRAGMA user_version = 1")
            try db.execute(sql: """
                INSERT INTO organisation (id, name, kind, created, updated) VALUES
                ('3f9a12c0-0000-4000-8000-000000000000', 'Ил тод байдал ТББ', 'ngo', 1767225600, 1767225600)
                """)
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        #expect(try store.read { try $0.organisations().map(\.name) } == ["Ил тод байдал ТББ"])
        let backup = try DatabaseQueue(path: path + ".v1.bak")
        let applied = try backup.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1-records"])
        #expect(try backup.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM organisation") } == 1)
        try store.readDatabase { db throws in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM holiday")! > 100)
        }
    }

    @Test func reopensItsOwnDatabase() throws {
        let path = folder.path("tov.sqlite")
        try SQLiteStore(path: path).write { try $0.save(Organisation(name: "Сангийн яам", kind: .ministry)) }
        #expect(try SQLiteStore(path: path).read { try $0.organisations().map(\.name) } == ["Сангийн яам"])
    }

    // MARK: - Transactions

    @Test func aFailedCommandLeavesNothingBehind() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { session in
                try session.save(Organisation(name: "half", kind: .ngo))
                throw Boom()
            }
        }
        #expect(try store.read { try $0.organisations() }.isEmpty)
    }

    @Test func writesWaitForAnotherWriterInsteadOfFailing() throws {
        let path = folder.path("tov.sqlite")
        let first = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path)
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            try? first.write { session in
                try session.save(Organisation(name: "first", kind: .ngo))
                started.signal()
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        thread.start()
        started.wait()
        try second.write { try $0.save(Organisation(name: "second", kind: .ngo)) }
        #expect(Set(try second.read { try $0.organisations().map(\.name) }) == ["first", "second"])
    }

    // MARK: - Records

    @Test func everyRecordComesBackAsItWasSaved() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"), clock: { Date(timeIntervalSince1970: 1_790_000_000) })
        let organisation = Organisation(name: "Ховд аймгийн ЗДТГ", kind: .localAdministration, placeCode: "MN-043", phone: "70431234", email: "zdtg@example.mn")
        let person = Person(name: "Б. Энхтуяа", organisationID: organisation.id, title: "Мэргэжилтэн", expertise: "худалдан авалт")
        let topic = Topic(titleMn: "Худалдан авалт", titleEn: "Procurement", proposedBy: organisation.id,
                          proposedOn: try LocalDate(parsing: "2026-01-05"), pinned: true,
                          requests: [.init(organisationID: organisation.id, date: try LocalDate(parsing: "2026-01-06"))])
        let series = Series(
            kind: .dialogue, title: "ТББ-ын диалоги",
            schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"),
            exceptionDates: [at("2026-05-21T14:00:00")], extraDates: [at("2026-06-04T14:00:00")], placeCode: "MN-1-SB"
        )
        let event = Event(
            kind: .saDay, title: "Ховдын өдөрлөг",
            schedule: try Schedule(start: at("2026-07-09T10:00:00"), end: at("2026-07-09T17:00:00"), zone: .hovd),
            status: .tentative, placeCode: "MN-043", venue: "Засгийн газрын ордон", publicEvent: "Наадам", topicID: topic.id, notes: "тэмдэглэл"
        )
        let item = ProgrammeItem(eventID: event.id, kind: .seminar, title: "Сургалт", serviceArea: .health,
                                 start: try LocalTime(parsing: "10:00"), end: try LocalTime(parsing: "11:30"))
        let assignment = Assignment(eventID: event.id, programmeItemID: item.id, holder: .person(person.id), role: .trainer)
        let coOrganiser = Assignment(eventID: event.id, holder: .organisation(organisation.id), role: .coOrganiser)
        let participation = Participation(eventID: event.id, participant: .organisation(organisation.id), status: .attended)
        try store.write { session in
            try session.save(organisation)
            try session.save(person)
            try session.save(topic)
            try session.save(series)
            try session.save(event)
            try session.save(item)
            try session.save(assignment)
            try session.save(coOrganiser)
            try session.save(participation)
        }
        try store.read { session throws in
            let stamped = Date(timeIntervalSince1970: 1_790_000_000)
            var expectedOrganisation = organisation
            expectedOrganisation.created = stamped
            expectedOrganisation.updated = stamped
            #expect(try session.organisation(organisation.id) == expectedOrganisation)
            #expect(try session.person(person.id)?.organisationID == organisation.id)
            let loadedTopic = try #require(try session.topic(topic.id))
            #expect(loadedTopic.requests == topic.requests && loadedTopic.pinned && loadedTopic.titleEn == "Procurement")
            let loadedSeries = try #require(try session.series(series.id))
            #expect(loadedSeries.rule == series.rule && loadedSeries.exceptionDates == series.exceptionDates
                    && loadedSeries.extraDates == series.extraDates && loadedSeries.schedule == series.schedule)
            let loadedEvent = try #require(try session.event(event.id))
            #expect(loadedEvent.schedule == event.schedule && loadedEvent.publicEvent == "Наадам" && loadedEvent.status == .tentative)
            #expect(try session.programme(ofEvent: event.id).map(\.title) == ["Сургалт"])
            #expect(Set(try session.assignments(ofEvents: [event.id]).map(\.role)) == [.trainer, .coOrganiser])
            #expect(try session.participation(ofEvent: event.id).map(\.status) == [.attended])
        }
    }

    @Test func anImportedRecordsOriginIsKeptAndUndoneWithIt() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        let event = Event(title: "Google", schedule: try Schedule(start: at("2026-03-10T10:00:00"), end: at("2026-03-10T11:00:00"), zone: .ulaanbaatar))
        let origin = Origin(recordID: event.id, uid: "abc123@google.com", sequence: 3, lastModified: Date(timeIntervalSince1970: 1_790_000_000.5))
        try store.write(undoable: "Imported") { session in
            try session.save(event)
            try session.save(origin)
        }
        #expect(try store.read { try $0.origins(ofRecords: [event.id, UUID()]) } == [origin])
        var newer = origin
        newer.sequence = 4
        newer.lastModified = nil
        try store.write(undoable: "Imported again") { try $0.save(newer) }
        #expect(try store.read { try $0.origins(ofRecords: [event.id]) } == [newer])
        _ = try store.undo()
        #expect(try store.read { try $0.origins(ofRecords: [event.id]) } == [origin])
        _ = try store.undo()
        #expect(try store.read { try $0.origins(ofRecords: [event.id]) }.isEmpty)
    }

    @Test func emptyTextStaysEmptyAndMissingStaysMissing() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        let event = Event(title: "Ж", schedule: try Schedule(start: at("2026-03-10T10:00:00"), end: at("2026-03-10T11:00:00"), zone: .ulaanbaatar),
                          venue: "", notes: nil)
        try store.write { try $0.save(event) }
        try store.read { session throws in
            let loaded = try #require(try session.event(event.id))
            #expect(loaded.venue == "" && loaded.notes == nil && loaded.title == "Ж")
        }
    }

    @Test func aRefusedRowIsAnErrorAndSavesNothing() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        // An assignment to an event that was never saved breaks the foreign key.
        let assignment = Assignment(eventID: UUID(), holder: .organisation(UUID()), role: .coOrganiser)
        #expect(throws: (any Error).self) { try store.write { try $0.save(assignment) } }
        try store.read { session throws in
            #expect(try session.count(.assignment) == 0)
        }
    }

    @Test func rangeQueriesFindLongEventsThatStartedEarlier() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        let long = Event(title: "month-long", schedule: try Schedule(allDayFrom: try LocalDate(parsing: "2026-02-01"), through: try LocalDate(parsing: "2026-03-15"), zone: .ulaanbaatar))
        let short = Event(title: "short", schedule: try Schedule(start: at("2026-03-10T10:00:00"), end: at("2026-03-10T11:00:00"), zone: .ulaanbaatar))
        let later = Event(title: "later", schedule: try Schedule(start: at("2026-04-10T10:00:00"), end: at("2026-04-10T11:00:00"), zone: .ulaanbaatar))
        try store.write { session in
            for event in [long, short, later] { try session.save(event) }
        }
        let lower = Zone.ulaanbaatar.instant(of: at("2026-03-10T00:00:00"))
        let upper = Zone.ulaanbaatar.instant(of: at("2026-03-11T00:00:00"))
        #expect(Set(try store.read { try $0.events(overlapping: lower, upper, allDayMargin: 0).map(\.title) }) == ["month-long", "short"])
    }

    @Test func onlyAllDayEventsAreFoundInTheMargin() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        // Two days before, ending a day before the range starts: only the margin reaches it.
        let dayBefore = Event(title: "all-day before", schedule: try Schedule(allDayFrom: try LocalDate(parsing: "2026-03-08"), through: try LocalDate(parsing: "2026-03-08"), zone: .ulaanbaatar))
        let eveningBefore = Event(title: "evening before", schedule: try Schedule(start: at("2026-03-09T22:00:00"), end: at("2026-03-09T23:00:00"), zone: .ulaanbaatar))
        let morningAfter = Event(title: "morning after", schedule: try Schedule(start: at("2026-03-11T01:00:00"), end: at("2026-03-11T02:00:00"), zone: .ulaanbaatar))
        let longAfter = Event(title: "long after", schedule: try Schedule(start: at("2026-03-11T01:00:00"), end: at("2026-03-13T02:00:00"), zone: .ulaanbaatar))
        let inside = Event(title: "inside", schedule: try Schedule(start: at("2026-03-10T10:00:00"), end: at("2026-03-10T10:00:00"), zone: .ulaanbaatar))
        try store.write { session in
            for event in [dayBefore, eveningBefore, morningAfter, longAfter, inside] { try session.save(event) }
        }
        let lower = Zone.ulaanbaatar.instant(of: at("2026-03-10T00:00:00"))
        let upper = Zone.ulaanbaatar.instant(of: at("2026-03-11T00:00:00"))
        let margin = 36 * 3600
        #expect(Set(try store.read { try $0.events(overlapping: lower, upper, allDayMargin: margin).map(\.title) }) == ["all-day before", "inside"])
        #expect(Set(try store.read { try $0.events(overlapping: lower, upper, allDayMargin: 0).map(\.title) }) == ["inside"])
        let memory = InMemoryStore()
        try memory.write { session in
            for event in [dayBefore, eveningBefore, morningAfter, longAfter, inside] { try session.save(event) }
        }
        #expect(Set(try memory.read { try $0.events(overlapping: lower, upper, allDayMargin: margin).map(\.title) }) == ["all-day before", "inside"])
    }

    @Test func theRangeQueryReadsTheTableInStartOrderAndLongEventsFromTheirIndex() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        func plan(_ sql: String) throws -> String {
            try store.readDatabase { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " ")
            }
        }
        let short = try plan("""
            SELECT * FROM event WHERE startUTC >= 0 AND startUTC < 10 AND endUTC - startUTC <= 86400 AND deleted IS NULL
            """)
        #expect(short.contains("SEARCH event USING PRIMARY KEY (startUTC>? AND startUTC<?)"), "\(short)")
        let long = try plan("""
            SELECT * FROM event WHERE endUTC - startUTC > 86400 AND startUTC >= 0 AND startUTC < 10 AND endUTC > 0 AND deleted IS NULL
            """)
        #expect(long.contains("USING INDEX event_long (startUTC>? AND startUTC<?)"), "\(long)")
        let longest = try plan("SELECT MAX(endUTC - startUTC) FROM event WHERE endUTC - startUTC > 86400")
        #expect(longest.contains("event_long_span"), "\(longest)")
    }

    @Test func rangeQueriesFindEventsThatStartedWeeksBefore() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        let fair = Event(title: "fair", schedule: try Schedule(start: at("2026-02-20T09:00:00"), end: at("2026-03-20T18:00:00"), zone: .ulaanbaatar))
        let ended = Event(title: "ended", schedule: try Schedule(start: at("2026-02-01T09:00:00"), end: at("2026-03-09T18:00:00"), zone: .ulaanbaatar))
        let overnight = Event(title: "overnight", schedule: try Schedule(start: at("2026-03-09T20:00:00"), end: at("2026-03-10T02:00:00"), zone: .ulaanbaatar))
        try store.write { session in
            for event in [fair, ended, overnight] { try session.save(event) }
        }
        let lower = Zone.ulaanbaatar.instant(of: at("2026-03-10T00:00:00"))
        let upper = Zone.ulaanbaatar.instant(of: at("2026-03-11T00:00:00"))
        #expect(Set(try store.read { try $0.events(overlapping: lower, upper, allDayMargin: 0).map(\.title) }) == ["fair", "overnight"])
    }

    @Test func shortIDsResolveByPrefix() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        let organisation = Organisation(id: UUID(uuidString: "3F9A12C0-1111-4000-8000-000000000000")!, name: "a", kind: .ngo)
        let other = Organisation(id: UUID(uuidString: "3F9A9999-1111-4000-8000-000000000000")!, name: "b", kind: .ngo)
        try store.write { session in
            try session.save(organisation)
            try session.save(other)
        }
        try store.read { session throws in
            #expect(try ShortID.resolve("3f9a12", .organisation, in: session) == organisation.id)
            #expect(try ShortID.resolve("3F9A12C0", .organisation, in: session) == organisation.id)
            #expect(throws: ValidationError("'3f9a' matches 2 organisation ids; type more of it")) {
                try ShortID.resolve("3f9a", .organisation, in: session)
            }
            #expect(throws: ValidationError("no organisation has the id 'abcd'")) {
                try ShortID.resolve("abcd", .organisation, in: session)
            }
        }
    }

    @Test func deletedRecordsAreKeptButHidden() throws {
        let path = folder.path("tov.sqlite")
        let store = try SQLiteStore(path: path)
        let organisation = Organisation(name: "gone", kind: .media)
        try store.write { session in
            try session.save(organisation)
            try session.delete(.organisation, id: organisation.id)
        }
        #expect(try store.read { try $0.organisations() }.isEmpty)
        #expect(try store.readDatabase { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM organisation WHERE deleted IS NOT NULL") } == 1)
    }

    @Test func checkFindsAHealthyDatabaseHealthy() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        let data = try DemoData(from: try LocalDate(parsing: "2026-01-01"), today: try LocalDate(parsing: "2026-11-23"))
        _ = try store.write { try data.write(into: $0) }
        let report = try IntegrityCheck().run(on: store)
        #expect(report.isHealthy, "\(report.problems)")
        #expect(report.counts.first { $0.0 == .person }!.1 >= 80)
    }

    @Test func checkReportsARecordItCannotRead() throws {
        let store = try SQLiteStore(path: folder.path("tov.sqlite"))
        try store.write { try $0.save(Event(title: "x", schedule: try Schedule(start: at("2026-03-10T10:00:00"), end: at("2026-03-10T11:00:00"), zone: .ulaanbaatar))) }
        try store.queue.write { try $0.execute(sql: "UPDATE event SET timeZone = 'Mars/Olympus'") }
        let report = try IntegrityCheck().run(on: store)
        #expect(!report.isHealthy)
        #expect(report.problems.contains { $0.contains("Mars/Olympus") })
    }
}
