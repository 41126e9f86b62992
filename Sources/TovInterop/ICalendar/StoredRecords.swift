import Foundation
import TovCore

/// What the database already holds of the UIDs a file brings, read in a few bulk queries (not one per
/// record: a file may hold 100,000 events), and how each record of the file compares with it.
struct StoredRecords {
    private var originsByUID: [String: [Origin]] = [:]
    private var events: [UUID: Event] = [:]
    private var series: [UUID: Series] = [:]
    private var overrides: [UUID: [Event]] = [:]
    private var items: [UUID: [ProgrammeItem]] = [:]
    private var assignments: [UUID: [Assignment]] = [:]
    private var participation: [UUID: [Participation]] = [:]
    /// Ids of the UIDs' records whose event or series was deleted.
    private var deleted: Set<UUID> = []

    /// What an import does with one record.
    enum Outcome: Equatable {
        case imported, updated, unchanged
        case skipped(String)
    }

    /// Reads the records of these UIDs: those with the ids the UIDs give, those earlier imports made of
    /// them (by their origin), the changed meetings of their series, and what hangs on all of these.
    init(uids: [String], in session: any ScheduleSession) throws {
        let mainIDs = uids.map(ImportedRecord.id(forUID:))
        let origins = try session.origins(withUIDs: uids)
        for origin in origins { originsByUID[origin.uid, default: []].append(origin) }
        let candidates = Array(Set(mainIDs + origins.map(\.recordID)))
        // Which ids are here at all first: in a new database, or for a file of new events, that is all.
        let storedEvents = try session.storedIDs(of: .event, among: candidates)
        let storedSeries = try session.storedIDs(of: .series, among: candidates)
        deleted = storedEvents.deleted.union(storedSeries.deleted)
        if !storedEvents.live.isEmpty {
            for event in try session.events(Array(storedEvents.live)) { events[event.id] = event }
        }
        if !storedSeries.live.isEmpty {
            for one in try session.series(Array(storedSeries.live)) { series[one.id] = one }
        }
        var eventIDs = Array(events.keys)
        if !series.isEmpty {
            for override in try session.overrides(ofSeries: Array(series.keys)) {
                guard let seriesID = override.seriesID else { continue }
                overrides[seriesID, default: []].append(override)
                eventIDs.append(override.id)
            }
        }
        if !eventIDs.isEmpty {
            for item in try session.programme(ofEvents: eventIDs) { items[item.eventID, default: []].append(item) }
            for assignment in try session.assignments(ofEvents: eventIDs) { assignments[assignment.eventID, default: []].append(assignment) }
            for one in try session.participation(ofEvents: eventIDs) { participation[one.eventID, default: []].append(one) }
        }
    }

    /// Weighs `record` against what is stored: new, unchanged, newer (then `record` takes the ids of the
    /// stored records it replaces, and `writes` the deletion of those it drops), or skipped and why.
    func weigh(_ record: inout ImportedRecord, writes: inout ICalendarImportPlan.Writes) -> Outcome {
        let origins = originsByUID[record.uid] ?? []
        // A record the database has never held, as is every record of a first import: nothing to weigh.
        if origins.isEmpty && events[record.mainID] == nil && series[record.mainID] == nil && !deleted.contains(record.mainID) {
            return .imported
        }
        var ids = [record.mainID] + origins.map(\.recordID)
        ids = Array(Set(ids))
        let storedSeries = ids.compactMap { series[$0] }
        var storedEvents = ids.compactMap { events[$0] }
        for one in storedSeries { storedEvents += overrides[one.id] ?? [] }
        let origin = origins.first { $0.recordID == record.mainID } ?? origins.max { ($0.sequence, $0.lastModified ?? .distantPast) < ($1.sequence, $1.lastModified ?? .distantPast) }

        if storedSeries.isEmpty && storedEvents.isEmpty {
            // Deleted in tov (a record never held has gone above).
            return record.isNewer(than: origin, updated: nil)
                ? .imported : .skipped("deleted in tov since it was imported, and the file's version of it is not newer")
        }
        record.adoptIDs(of: storedEvents)
        let storedItems = storedEvents.flatMap { items[$0.id] ?? [] }
        let storedAssignments = storedEvents.flatMap { assignments[$0.id] ?? [] }
        let storedParticipation = storedEvents.flatMap { participation[$0.id] ?? [] }
        let stored = Content(series: storedSeries, events: storedEvents, items: storedItems,
                             assignments: storedAssignments, participation: storedParticipation)
        if stored == Content(record) {
            // The same records: at most where they came from is new (a file that now gives LAST-MODIFIED).
            let known = Dictionary(origins.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first })
            writes.origins += record.origins.filter { known[$0.recordID] != $0 }
            return .unchanged
        }
        let updated = series[record.mainID]?.updated ?? events[record.mainID]?.updated
        guard record.isNewer(than: origin, updated: updated) else {
            return .skipped("already here in a newer or the same version, changed since in tov")
        }
        let keptSeries = Set(record.series.map(\.id)), keptEvents = Set(record.events.map(\.id))
        let keptItems = Set(record.items.map(\.id))
        writes.deletions += storedSeries.filter { !keptSeries.contains($0.id) }.map { (.series, $0.id) }
        writes.deletions += storedEvents.filter { !keptEvents.contains($0.id) }.map { (.event, $0.id) }
        writes.deletions += storedItems.filter { !keptItems.contains($0.id) }.map { (.programmeItem, $0.id) }
        // Roles and lists already here keep their ids; the rest go.
        var storedRoles = Dictionary(storedAssignments.map { (Content.Role($0), $0.id) }, uniquingKeysWith: { first, _ in first })
        for index in record.assignments.indices {
            if let id = storedRoles.removeValue(forKey: Content.Role(record.assignments[index])) { record.assignments[index].id = id }
        }
        writes.deletions += storedRoles.values.map { (.assignment, $0) }
        var storedLists = Dictionary(storedParticipation.map { (Content.Listed($0.eventID, $0.participant), $0.id) }, uniquingKeysWith: { first, _ in first })
        for index in record.participation.indices {
            let one = record.participation[index]
            if let id = storedLists.removeValue(forKey: Content.Listed(one.eventID, one.participant)) { record.participation[index].id = id }
        }
        writes.deletions += storedLists.values.map { (.participation, $0) }
        return .updated
    }

    /// A record's content as compared: its series and events as they are (not when they were made or
    /// changed), its programme, and who holds which role and stands where on its lists.
    private struct Content: Equatable {
        let series: [Series]
        let events: [Event]
        let items: [ProgrammeItem]
        let roles: Set<Role>
        let lists: Set<Listing>

        struct Role: Hashable {
            let eventID: UUID, itemID: UUID?, holder: Assignment.Holder, role: Assignment.Role

            init(_ assignment: Assignment) {
                eventID = assignment.eventID
                itemID = assignment.programmeItemID
                holder = assignment.holder
                role = assignment.role
            }
        }

        struct Listed: Hashable {
            let eventID: UUID, holder: Assignment.Holder

            init(_ eventID: UUID, _ holder: Assignment.Holder) {
                self.eventID = eventID
                self.holder = holder
            }
        }

        struct Listing: Hashable {
            let listed: Listed, status: Participation.Status
        }

        init(series: [Series], events: [Event], items: [ProgrammeItem], assignments: [Assignment], participation: [Participation]) {
            self.series = series.map { one in
                var one = one
                (one.created, one.updated) = (.distantPast, .distantPast)
                return one
            }.sorted { $0.id.uuidString < $1.id.uuidString }
            self.events = events.map { one in
                var one = one
                (one.created, one.updated) = (.distantPast, .distantPast)
                return one
            }.sorted { $0.id.uuidString < $1.id.uuidString }
            self.items = items.map { one in
                var one = one
                (one.created, one.updated) = (.distantPast, .distantPast)
                return one
            }.sorted { $0.id.uuidString < $1.id.uuidString }
            roles = Set(assignments.map(Role.init))
            lists = Set(participation.map { Listing(listed: Listed($0.eventID, $0.participant), status: $0.status) })
        }

        init(_ record: ImportedRecord) {
            self.init(series: record.series, events: record.events, items: record.items,
                      assignments: record.assignments, participation: record.participation)
        }
    }
}

extension ImportedRecord {
    /// Whether the file's version is newer than the one imported before (`origin`), or, for a record
    /// never imported, than its last change in tov (`updated`).
    func isNewer(than origin: Origin?, updated: Date?) -> Bool {
        if let origin {
            return sequence > origin.sequence
                || (sequence == origin.sequence && (lastModified ?? .distantPast) > (origin.lastModified ?? .distantPast))
        }
        guard let updated else { return sequence > 0 }
        return sequence > 0 || (lastModified.map { $0 > updated } ?? false)
    }

    /// Takes the ids of stored changes of the same meetings (tov gave them their own), so that an update
    /// replaces them rather than adding a second change of one meeting.
    mutating func adoptIDs(of stored: [Event]) {
        struct Meeting: Hashable { let seriesID: UUID, start: LocalDateTime }
        var storedIDs: [Meeting: UUID] = [:]
        for event in stored {
            if let seriesID = event.seriesID, let start = event.recurrenceID { storedIDs[Meeting(seriesID: seriesID, start: start)] = event.id }
        }
        guard !storedIDs.isEmpty else { return }
        for index in events.indices {
            guard let seriesID = events[index].seriesID, let start = events[index].recurrenceID,
                  let id = storedIDs[Meeting(seriesID: seriesID, start: start)], id != events[index].id
            else { continue }
            let old = events[index].id
            events[index].id = id
            for item in items.indices where items[item].eventID == old { items[item].eventID = id }
            for one in assignments.indices where assignments[one].eventID == old { assignments[one].eventID = id }
            for one in participation.indices where participation[one].eventID == old { participation[one].eventID = id }
        }
    }
}
