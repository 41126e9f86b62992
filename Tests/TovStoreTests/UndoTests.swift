import Foundation
import GRDB
import Testing
import TovCore
import TovTestSupport
@testable import TovStore

/// Undo and redo as the database keeps them: every kind of record, across restarts, as a stack.
@Suite struct UndoTests {
    let folder = try! TemporaryFolder()
    var path: String { folder.path("tov.sqlite") }

    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    /// Everything a store holds, as comparable text: what undo must bring back exactly.
    func snapshot(_ store: SQLiteStore) throws -> [String] {
        try store.readDatabase { db in
            try UndoLog.tableNames.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY 1, 2").map { "\(table): \($0)" }
            }
        }
    }

    func dialogue() throws -> Series {
        Series(kind: .dialogue, title: "ТББ-ын диалоги",
               schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
               rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"))
    }

    @Test func undoPutsBackEveryKindOfRecordAndRedoMakesTheChangeAgain() throws {
        let store = try SQLiteStore(path: path)
        let organisation = Organisation(name: "Ил тод байдал ТББ", kind: .ngo)
        let series = try dialogue()
        try store.write(undoable: "first") { session in
            try session.save(organisation)
            try session.save(series)
        }
        let before = try snapshot(store)
        try store.write(undoable: "second") { session in
            var renamed = organisation
            renamed.name = "Шинэ нэр"
            try session.save(renamed)
            let person = Person(name: "Б. Энхтуяа", organisationID: organisation.id)
            try session.save(person)
            let topic = Topic(titleMn: "Худалдан авалт", proposedOn: try LocalDate(parsing: "2026-01-05"),
                              requests: [.init(organisationID: organisation.id, date: try LocalDate(parsing: "2026-01-06"))])
            try session.save(topic)
            let meeting = series.override(at: at("2026-03-19T14:00:00"), existing: nil)
            var moved = meeting
            moved.schedule = try Schedule(start: at("2026-03-26T10:00:00"), end: at("2026-03-26T13:00:00"), zone: .ulaanbaatar)
            moved.topicID = topic.id
            try session.save(moved)
            try session.save(Assignment(eventID: moved.id, holder: .person(person.id), role: .keynote))
            try session.save(Participation(eventID: moved.id, participant: .organisation(organisation.id), status: .invited))
            try session.delete(.series, id: series.id)
        }
        let after = try snapshot(store)
        #expect(after != before)

        #expect(try store.undo() == "second")
        let undone = try snapshot(store)
        if undone != before { Issue.record("undo differs: \(Set(undone).symmetricDifference(before).sorted())") }
        #expect(try store.redo() == "second")
        let redone = try snapshot(store)
        if redone != after { Issue.record("redo differs: \(Set(redone).symmetricDifference(after).sorted())") }
        #expect(try store.redo() == nil)
    }

    @Test func undoLastsAcrossARestartAndANewChangeEndsRedo() throws {
        let series = try dialogue()
        do {
            let store = try SQLiteStore(path: path)
            try store.write(undoable: "add") { try $0.save(series) }
            try store.write(undoable: "cancel") { session in
                var meeting = series.override(at: at("2026-05-21T14:00:00"), existing: nil)
                meeting.status = .cancelled
                try session.save(meeting)
            }
        }
        let store = try SQLiteStore(path: path)
        #expect(try store.read { try $0.overrides(ofSeries: [series.id]).count } == 1)
        #expect(try store.undo() == "cancel")
        #expect(try store.read { try $0.overrides(ofSeries: [series.id]).count } == 0)
        try store.write(undoable: "rename") { session in
            var renamed = series
            renamed.title = "Диалоги"
            try session.save(renamed)
        }
        #expect(try store.redo() == nil)
        #expect(try store.undo() == "rename")
        #expect(try store.undo() == "add")
        #expect(try store.read { try $0.allSeries().isEmpty })
        #expect(try store.undo() == nil)
    }

    @Test func unlabelledWritesAndChangesThatTouchNothingAreNotRecorded() throws {
        let store = try SQLiteStore(path: path)
        try store.write { try $0.save(try dialogue()) }
        try store.write(undoable: "nothing") { _ in }
        #expect(try store.undo() == nil)
        #expect(try store.read { try $0.allSeries().count } == 1)
    }

    @Test func aFailedChangeLeavesNoStepToUndo() throws {
        let store = try SQLiteStore(path: path)
        try store.write(undoable: "add") { try $0.save(try dialogue()) }
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.write(undoable: "half") { session in
                try session.save(Organisation(name: "x", kind: .ngo))
                throw Refused()
            }
        }
        #expect(try store.read { try $0.organisations().isEmpty })
        #expect(try store.undo() == "add")
    }

    @Test func anImageFromBeforeAMigrationLeavesTheNewColumnsAndAMissingRowStopsUndo() throws {
        let store = try SQLiteStore(path: path)
        let series = try dialogue()
        try store.write(undoable: "add") { try $0.save(series) }
        try store.write(undoable: "rename") { session in
            var renamed = series
            renamed.title = "Диалоги"
            try session.save(renamed)
        }
        // As if recorded by a tov without the shift column: the before image lacks it.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE changeRow SET before = json_remove(before, '$.shift') WHERE tableName = 'series' AND before IS NOT NULL")
        }
        #expect(try store.undo() == "rename")
        #expect(try store.read { try $0.series(series.id)?.title } == "ТББ-ын диалоги")
        // A row gone another way cannot be undone: the undo says so and changes nothing.
        try queue.write { db in try db.execute(sql: "DELETE FROM series") }
        #expect(throws: StoreError.self) { try store.undo() }
        try queue.close()
    }

    /// Meetings of the series `dialogue()` from `first`, every second month: single events to save at once.
    func meetings(_ count: Int, of series: Series) -> [Event] {
        (0..<count).map { index in
            var event = series.override(at: at("2026-01-15T14:00:00").adding(seconds: 7 * 86_400 * index), existing: nil)
            (event.seriesID, event.recurrenceID) = (nil, nil)
            event.title = "Уулзалт \(index)"
            return event
        }
    }

    @Test func manyRecordsSavedAtOnceAreUndoneAndRedoneExactly() throws {
        let store = try SQLiteStore(path: path)
        let series = try dialogue()
        let original = meetings(3, of: series)
        var kept = original
        try store.write(undoable: "first") { session in
            try session.save(series)
            try session.saveAll(kept)
        }
        let before = try snapshot(store)
        // New events with their origins, one already stored (changed), and one id twice (the later one wins).
        var events = meetings(250, of: series).map { event in
            var event = event
            event.id = UUID()
            return event
        }
        kept[1].title = "Өөрчилсөн"
        var twice = events[7]
        twice.title = "Хоёр дахь"
        events += [kept[1], twice]
        let origins = events.map { Origin(recordID: $0.id, uid: "uid-\($0.id)", sequence: 2, lastModified: nil) }
        try store.write(undoable: "import") { session in
            try session.saveAll(events)
            try session.saveAll(origins)
        }
        let after = try snapshot(store)
        let stored = try store.read { session in try session.allEvents() }
        #expect(stored.count == 253)
        #expect(stored.first { $0.id == kept[1].id }?.title == "Өөрчилсөн")
        #expect(stored.first { $0.id == twice.id }?.title == "Хоёр дахь")
        #expect(try store.read { try $0.origins(ofRecords: events.map(\.id)).count } == 251)
        // Saved at once as saved one by one.
        let oneByOne = try SQLiteStore(path: folder.path("one-by-one.sqlite"))
        try oneByOne.write { session in
            try session.save(series)
            for event in original + events { try session.save(event) }
        }
        func timeless(_ events: [Event]) -> [Event] {
            events.map { event in
                var event = event
                (event.created, event.updated) = (.distantPast, .distantPast)
                return event
            }.sorted { $0.id.uuidString < $1.id.uuidString }
        }
        #expect(try timeless(oneByOne.read { try $0.allEvents() }) == timeless(stored))
        for _ in 0..<2 {
            #expect(try store.undo() == "import")
            let undone = try snapshot(store)
            if undone != before { Issue.record("undo differs: \(Set(undone).symmetricDifference(before).sorted().prefix(4))") }
            #expect(try store.redo() == "import")
            let redone = try snapshot(store)
            if redone != after { Issue.record("redo differs: \(Set(redone).symmetricDifference(after).sorted().prefix(4))") }
        }
    }

    @Test func undoOfRecordsSavedAtOnceStopsWhenOneOfThemIsGoneAnotherWay() throws {
        let store = try SQLiteStore(path: path)
        let events = meetings(20, of: try dialogue())
        try store.write(undoable: "import") { try $0.saveAll(events) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "DELETE FROM event WHERE id = ?", arguments: [events[5].id.lowercasedText]) }
        #expect(throws: StoreError.self) { try store.undo() }
        #expect(try store.read { try $0.allEvents().count } == 19)
        try queue.close()
    }

    @Test func theInMemoryStoreUndoesLikeTheDatabase() throws {
        let store = InMemoryStore()
        let series = try dialogue()
        try store.write(undoable: "add") { try $0.save(series) }
        try store.write(undoable: "delete") { try $0.delete(.series, id: series.id) }
        #expect(try store.undo() == "delete")
        #expect(try store.read { try $0.series(series.id) } != nil)
        #expect(try store.redo() == "delete")
        #expect(try store.read { try $0.series(series.id) } == nil)
    }
}
