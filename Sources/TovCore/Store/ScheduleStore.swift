import Foundation

/// Where tov keeps its records. The SQLite store is the real one; `InMemoryStore` serves tests.
///
/// Every command works inside one `write` (or `read`), which is one transaction: if the body
/// throws, nothing it did is kept.
///
///     try store.write { session in
///         try session.save(organisation)
///         try session.save(person)
///     }
public protocol ScheduleStore: AnyObject {
    /// Runs `body` in a read-only view of the records.
    func read<T>(_ body: (any ScheduleSession) throws -> T) throws -> T
    /// Runs `body` as one transaction: all of its changes are kept, or none. With a label ("Moved the
    /// meeting of 19 March") the change is one step that `undo` can take back; without one (a demo or
    /// bulk load) it is not recorded.
    func write<T>(undoable label: String?, _ body: (any ScheduleSession) throws -> T) throws -> T
    /// Takes back the newest change not yet undone; its label, or nil when there is nothing to undo.
    func undo() throws -> String?
    /// Makes again the change undone last; its label, or nil when there is nothing to redo. A new change
    /// ends what can be redone.
    func redo() throws -> String?
    /// A number that changes when another process (or another store on the same file) changes the
    /// records: the interface polls it to show such changes. Its own writes need not change it.
    func changeToken() throws -> Int
}

extension ScheduleStore {
    /// Runs `body` as one transaction that is not recorded for undo.
    public func write<T>(_ body: (any ScheduleSession) throws -> T) throws -> T {
        try write(undoable: nil, body)
    }
}

/// The kinds of record a short id can name.
public enum RecordKind: String, CaseIterable, Sendable {
    case organisation, person, event, series, topic, programmeItem, assignment, participation, unavailability

    /// "a" or "an", for the noun.
    public var article: String {
        switch self {
        case .organisation, .event, .assignment, .unavailability: "an"
        default: "a"
        }
    }

    /// The word users see, in English.
    public var noun: String {
        switch self {
        case .programmeItem: "programme item"
        case .unavailability: "unavailability"
        default: rawValue
        }
    }
}

/// Records as one transaction sees them. Deleted records are invisible; deletes are soft, so undo can restore them.
public protocol ScheduleSession {
    // MARK: Organisations and people
    func organisations() throws -> [Organisation]
    func organisation(_ id: UUID) throws -> Organisation?
    func save(_ organisation: Organisation) throws
    func people() throws -> [Person]
    func person(_ id: UUID) throws -> Person?
    func save(_ person: Person) throws

    // MARK: Events and series
    func event(_ id: UUID) throws -> Event?
    /// Events (single ones and series overrides) whose instants overlap `[lower, upper)`, in no particular
    /// order; an event with no length counts when it starts inside. All-day events count when they overlap
    /// the range widened by `allDayMargin` seconds on each side: their instants are those of their own
    /// zone, and the caller decides by date which of them it keeps.
    func events(overlapping lower: Int, _ upper: Int, allDayMargin: Int) throws -> [Event]
    /// Every event, ordered by start.
    func allEvents() throws -> [Event]
    /// The stored overrides of these series.
    func overrides(ofSeries ids: [UUID]) throws -> [Event]
    func save(_ event: Event) throws
    func series(_ id: UUID) throws -> Series?
    /// The live series among `ids`, in no particular order.
    func series(_ ids: [UUID]) throws -> [Series]
    func allSeries() throws -> [Series]
    /// Series whose instant range overlaps `[lower, upper)`.
    func series(overlapping lower: Int, _ upper: Int) throws -> [Series]
    func save(_ series: Series) throws

    // MARK: Topics
    func topics() throws -> [Topic]
    func topic(_ id: UUID) throws -> Topic?
    func save(_ topic: Topic) throws

    // MARK: Programme, assignments, participation
    func programme(ofEvent id: UUID) throws -> [ProgrammeItem]
    /// The programme items of these events, in no particular order: one read for a whole export.
    func programme(ofEvents ids: [UUID]) throws -> [ProgrammeItem]
    func save(_ item: ProgrammeItem) throws
    func assignments(ofEvents ids: [UUID]) throws -> [Assignment]
    func save(_ assignment: Assignment) throws
    func participation(ofEvent id: UUID) throws -> [Participation]
    /// The lists of these events, each event's oldest first: one read for a whole export.
    func participation(ofEvents ids: [UUID]) throws -> [Participation]
    func save(_ participation: Participation) throws
    /// Every role a person or organisation holds, on any event, oldest first.
    func assignments(of holder: Assignment.Holder) throws -> [Assignment]
    /// Every list a person or organisation is on, oldest first.
    func participation(of holder: Assignment.Holder) throws -> [Participation]
    /// The live events among `ids`, in no particular order.
    func events(_ ids: [UUID]) throws -> [Event]
    /// The live events (single ones and series changes) that have this topic, or any topic when nil.
    func events(withTopic id: UUID?) throws -> [Event]

    // MARK: Unavailability
    /// The days these people are away (everyone's when `ids` is nil), by first day.
    func unavailability(ofPeople ids: [UUID]?) throws -> [Unavailability]
    func save(_ unavailability: Unavailability) throws

    // MARK: Where imported records came from
    /// The origins of these events or series, for those that were imported.
    func origins(ofRecords ids: [UUID]) throws -> [Origin]
    /// Records (or replaces) where an event or series came from.
    func save(_ origin: Origin) throws
    /// The origins of the records imported under these UIDs (an import finds what an earlier one made of them).
    func origins(withUIDs uids: [String]) throws -> [Origin]

    // MARK: Many records at once
    /// Save these as `save` saves each one, in order, in fewer steps: an import writes 100,000 events.
    func saveAll(_ series: [Series]) throws
    func saveAll(_ events: [Event]) throws
    func saveAll(_ items: [ProgrammeItem]) throws
    func saveAll(_ assignments: [Assignment]) throws
    func saveAll(_ participation: [Participation]) throws
    func saveAll(_ origins: [Origin]) throws

    // MARK: Any record
    /// Marks a record deleted; it disappears from every query but is kept for undo.
    func delete(_ kind: RecordKind, id: UUID) throws
    /// Those of `ids` that name a record of a kind, live or deleted (an import tells what is new, what is
    /// here, and what was deleted and must not come back unasked).
    func storedIDs(of kind: RecordKind, among ids: [UUID]) throws -> (live: Set<UUID>, deleted: Set<UUID>)

    // MARK: Public holidays
    /// The holidays from `first` through `last`, by date.
    func holidays(from first: LocalDate, through last: LocalDate) throws -> [Holiday]
    /// Adds a holiday, or replaces the one of the same date and English name.
    func save(_ holiday: Holiday) throws
    /// Removes the holidays on `date` (only the one with this name, in either language, when given);
    /// how many were removed.
    func removeHolidays(on date: LocalDate, named name: String?) throws -> Int
    /// How many live records of a kind there are.
    func count(_ kind: RecordKind) throws -> Int
    /// Ids of the live records of a kind whose id starts with `prefix` (lowercase hex).
    func ids(of kind: RecordKind, withPrefix prefix: String) throws -> [UUID]
}

public extension ScheduleSession {
    /// One `save` after another: what a store without a faster way does.
    func saveAll(_ series: [Series]) throws { for one in series { try save(one) } }
    func saveAll(_ events: [Event]) throws { for one in events { try save(one) } }
    func saveAll(_ items: [ProgrammeItem]) throws { for one in items { try save(one) } }
    func saveAll(_ assignments: [Assignment]) throws { for one in assignments { try save(one) } }
    func saveAll(_ participation: [Participation]) throws { for one in participation { try save(one) } }
    func saveAll(_ origins: [Origin]) throws { for one in origins { try save(one) } }
}

public extension ScheduleSession {
    /// The name of the person or organisation in a role or on a list; nil for one deleted since.
    func name(of holder: Assignment.Holder) throws -> String? {
        switch holder {
        case .person(let id): try person(id)?.name
        case .organisation(let id): try organisation(id)?.name
        }
    }
}
