import Foundation

/// A `ScheduleStore` held in memory, with the same transaction semantics as the SQLite store.
///
/// A write works on a copy of the records and keeps it only when the body returns.
public final class InMemoryStore: ScheduleStore {
    private var records = Records()
    /// Recorded changes as the records before and after them; the undone ones wait for redo.
    private var done: [(label: String, before: Records, after: Records)] = []
    private var undone: [(label: String, before: Records, after: Records)] = []

    /// Counts every write, undo and redo: one store in memory has no other writer to watch.
    private var version = 0

    public init() {}

    public func changeToken() throws -> Int { version }

    public func read<T>(_ body: (any ScheduleSession) throws -> T) throws -> T {
        try body(Session(records: records))
    }

    public func write<T>(undoable label: String?, _ body: (any ScheduleSession) throws -> T) throws -> T {
        let session = Session(records: records)
        let result = try body(session)
        if let label {
            done.append((label, records, session.records))
            undone.removeAll()
        }
        records = session.records
        version += 1
        return result
    }

    public func undo() throws -> String? {
        guard let change = done.popLast() else { return nil }
        records = change.before
        undone.append(change)
        version += 1
        return change.label
    }

    public func redo() throws -> String? {
        guard let change = undone.popLast() else { return nil }
        records = change.after
        done.append(change)
        version += 1
        return change.label
    }

    struct Records {
        var organisations: [UUID: Organisation] = [:]
        var people: [UUID: Person] = [:]
        var events: [UUID: Event] = [:]
        var series: [UUID: Series] = [:]
        var topics: [UUID: Topic] = [:]
        var programme: [UUID: ProgrammeItem] = [:]
        var assignments: [UUID: Assignment] = [:]
        var participation: [UUID: Participation] = [:]
        var unavailability: [UUID: Unavailability] = [:]
        var origins: [UUID: Origin] = [:]
        var deleted: Set<UUID> = []
        /// Seeded from the reference data, as a new database is.
        var holidays: [Holiday] = ReferenceData.shared.holidays
    }

    final class Session: ScheduleSession {
        var records: Records

        init(records: Records) {
            self.records = records
        }

        /// Stores a record; saving a deleted one makes it live again, as the SQLite store's upsert does.
        private func keep<V>(_ value: V, id: UUID, in table: WritableKeyPath<Records, [UUID: V]>) {
            records[keyPath: table][id] = value
            records.deleted.remove(id)
        }

        private func live<V>(_ dictionary: [UUID: V]) -> [V] {
            dictionary.filter { !records.deleted.contains($0.key) }.map(\.value)
        }

        private func live<V>(_ dictionary: [UUID: V], _ id: UUID) -> V? {
            records.deleted.contains(id) ? nil : dictionary[id]
        }

        func organisations() throws -> [Organisation] { live(records.organisations).sorted { $0.name < $1.name } }
        func organisation(_ id: UUID) throws -> Organisation? { live(records.organisations, id) }
        func save(_ organisation: Organisation) throws { keep(organisation, id: organisation.id, in: \.organisations) }
        func people() throws -> [Person] { live(records.people).sorted { $0.name < $1.name } }
        func person(_ id: UUID) throws -> Person? { live(records.people, id) }
        func save(_ person: Person) throws { keep(person, id: person.id, in: \.people) }

        func event(_ id: UUID) throws -> Event? { live(records.events, id) }

        func events(overlapping lower: Int, _ upper: Int, allDayMargin: Int) throws -> [Event] {
            live(records.events).filter { event in
                event.schedule.allDay
                    ? event.schedule.overlaps(lower: lower - allDayMargin, upper: upper + allDayMargin)
                    : event.schedule.overlaps(lower: lower, upper: upper)
            }
            .sorted { $0.schedule.startInstant < $1.schedule.startInstant }
        }

        func allEvents() throws -> [Event] {
            live(records.events).sorted { $0.schedule.startInstant < $1.schedule.startInstant }
        }

        func overrides(ofSeries ids: [UUID]) throws -> [Event] {
            let wanted = Set(ids)
            return live(records.events).filter { $0.seriesID.map(wanted.contains) ?? false }
        }

        func save(_ event: Event) throws { keep(event, id: event.id, in: \.events) }
        func series(_ id: UUID) throws -> Series? { live(records.series, id) }
        func series(_ ids: [UUID]) throws -> [Series] { ids.compactMap { live(records.series, $0) } }
        func allSeries() throws -> [Series] { live(records.series).sorted { $0.schedule.start < $1.schedule.start } }

        func series(overlapping lower: Int, _ upper: Int) throws -> [Series] {
            try allSeries().filter { series in
                let range = series.instantRange
                return range.start < upper && (range.end.map { $0 > lower } ?? true)
            }
        }

        func save(_ series: Series) throws { keep(series, id: series.id, in: \.series) }
        func topics() throws -> [Topic] { live(records.topics).sorted { $0.created < $1.created } }
        func topic(_ id: UUID) throws -> Topic? { live(records.topics, id) }
        func save(_ topic: Topic) throws { keep(topic, id: topic.id, in: \.topics) }

        func programme(ofEvent id: UUID) throws -> [ProgrammeItem] {
            live(records.programme).filter { $0.eventID == id }
                .sorted { ($0.start ?? .midnight, $0.title) < ($1.start ?? .midnight, $1.title) }
        }

        func programme(ofEvents ids: [UUID]) throws -> [ProgrammeItem] {
            let wanted = Set(ids)
            return live(records.programme).filter { wanted.contains($0.eventID) }
        }

        func save(_ item: ProgrammeItem) throws { keep(item, id: item.id, in: \.programme) }

        func assignments(ofEvents ids: [UUID]) throws -> [Assignment] {
            let wanted = Set(ids)
            return live(records.assignments).filter { wanted.contains($0.eventID) }.sorted { $0.created < $1.created }
        }

        func save(_ assignment: Assignment) throws { keep(assignment, id: assignment.id, in: \.assignments) }

        func participation(ofEvent id: UUID) throws -> [Participation] {
            live(records.participation).filter { $0.eventID == id }.sorted { $0.created < $1.created }
        }

        func participation(ofEvents ids: [UUID]) throws -> [Participation] {
            let wanted = Set(ids)
            return live(records.participation).filter { wanted.contains($0.eventID) }.sorted { $0.created < $1.created }
        }

        func save(_ participation: Participation) throws { keep(participation, id: participation.id, in: \.participation) }

        func assignments(of holder: Assignment.Holder) throws -> [Assignment] {
            live(records.assignments).filter { $0.holder == holder }.sorted { $0.created < $1.created }
        }

        func participation(of holder: Assignment.Holder) throws -> [Participation] {
            live(records.participation).filter { $0.participant == holder }.sorted { $0.created < $1.created }
        }

        func events(_ ids: [UUID]) throws -> [Event] { ids.compactMap { live(records.events, $0) } }

        func events(withTopic id: UUID?) throws -> [Event] {
            live(records.events).filter { event in event.topicID != nil && (id == nil || event.topicID == id) }
        }

        func unavailability(ofPeople ids: [UUID]?) throws -> [Unavailability] {
            let wanted = ids.map(Set.init)
            return live(records.unavailability).filter { wanted?.contains($0.personID) ?? true }
                .sorted { ($0.from, $0.created) < ($1.from, $1.created) }
        }

        func save(_ unavailability: Unavailability) throws { keep(unavailability, id: unavailability.id, in: \.unavailability) }

        func origins(ofRecords ids: [UUID]) throws -> [Origin] { ids.compactMap { records.origins[$0] } }

        func save(_ origin: Origin) throws { records.origins[origin.recordID] = origin }

        func origins(withUIDs uids: [String]) throws -> [Origin] {
            // A dry run into a new database asks with every UID of a file: no set of them is needed for none.
            guard !records.origins.isEmpty else { return [] }
            let wanted = Set(uids)
            return records.origins.values.filter { wanted.contains($0.uid) }
        }

        func delete(_ kind: RecordKind, id: UUID) throws { records.deleted.insert(id) }

        func storedIDs(of kind: RecordKind, among ids: [UUID]) throws -> (live: Set<UUID>, deleted: Set<UUID>) {
            let stored = ids.filter { holds(kind, $0) }
            return (Set(stored.filter { !records.deleted.contains($0) }), Set(stored.filter { records.deleted.contains($0) }))
        }

        func holidays(from first: LocalDate, through last: LocalDate) throws -> [Holiday] {
            records.holidays.filter { $0.date >= first && $0.date <= last }.sorted { $0.date < $1.date }
        }

        func save(_ holiday: Holiday) throws {
            records.holidays.removeAll { $0.date == holiday.date && $0.nameEn == holiday.nameEn }
            records.holidays.append(holiday)
        }

        func removeHolidays(on date: LocalDate, named name: String?) throws -> Int {
            let before = records.holidays.count
            records.holidays.removeAll { $0.date == date && (name == nil || $0.nameMn == name || $0.nameEn == name) }
            return before - records.holidays.count
        }

        func count(_ kind: RecordKind) throws -> Int {
            try ids(of: kind, withPrefix: "").count
        }

        func ids(of kind: RecordKind, withPrefix prefix: String) throws -> [UUID] {
            let all: [UUID]
            switch kind {
            case .organisation: all = Array(records.organisations.keys)
            case .person: all = Array(records.people.keys)
            case .event: all = Array(records.events.keys)
            case .series: all = Array(records.series.keys)
            case .topic: all = Array(records.topics.keys)
            case .programmeItem: all = Array(records.programme.keys)
            case .assignment: all = Array(records.assignments.keys)
            case .participation: all = Array(records.participation.keys)
            case .unavailability: all = Array(records.unavailability.keys)
            }
            return all.filter { !records.deleted.contains($0) && $0.lowercasedText.hasPrefix(prefix) }
        }

        /// Whether a record of a kind is held, deleted or not.
        private func holds(_ kind: RecordKind, _ id: UUID) -> Bool {
            switch kind {
            case .organisation: records.organisations[id] != nil
            case .person: records.people[id] != nil
            case .event: records.events[id] != nil
            case .series: records.series[id] != nil
            case .topic: records.topics[id] != nil
            case .programmeItem: records.programme[id] != nil
            case .assignment: records.assignments[id] != nil
            case .participation: records.participation[id] != nil
            case .unavailability: records.unavailability[id] != nil
            }
        }
    }
}
