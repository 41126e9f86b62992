import Foundation

/// The schedule the centre publishes: the meetings of a span of days with their topic, programme and
/// people, month by month. Built once from the store; `html(in:)`, `markdown(in:)` and `text(in:)` write it.
///
/// Days are Ulaanbaatar's, and each meeting is shown at its own local time (a Khovd SA Day at UTC+7, saying
/// so). Cancelled meetings are left out of the grids and the list, and named in a closing section, struck
/// through, so that a reader who saw them announced learns they are off.
///
///     let page = try store.read { try SchedulePage(from: nov1, through: feb28, session: $0) }
///     let html = page.html(in: .mn)
public struct SchedulePage: Sendable {
    /// A person or an organisation in a role, named as the page prints them.
    public struct RoleHolder: Hashable, Sendable {
        public var name: String
        /// A person's organisation.
        public var organisation: String?
        public var role: Assignment.Role

        public init(name: String, organisation: String? = nil, role: Assignment.Role) {
            self.name = name
            self.organisation = organisation
            self.role = role
        }
    }

    /// One item of a meeting's programme with the people on it.
    public struct Item: Sendable {
        public var item: ProgrammeItem
        public var people: [RoleHolder]

        /// The item with its people, keynote first.
        public init(item: ProgrammeItem, people: [RoleHolder]) {
            self.item = item
            self.people = SchedulePage.ranked(people)
        }
    }

    /// One meeting on the page.
    public struct Entry: Sendable {
        public var occurrence: Occurrence
        public var topic: Topic?
        /// The roles on the meeting as a whole (co-organisers, a moderator), not on one item.
        public var roles: [RoleHolder]
        /// The stored programme, in the order it runs; empty for a series meeting nothing is stored on yet.
        public var programme: [Item]
        /// The date of the public event it is attached to, when it has one.
        public var publicEventDate: LocalDate? = nil

        /// A meeting with the roles on it as a whole, keynote first, and its programme in the order it runs.
        public init(occurrence: Occurrence, topic: Topic?, roles: [RoleHolder], programme: [Item], publicEventDate: LocalDate? = nil) {
            self.occurrence = occurrence
            self.topic = topic
            self.roles = SchedulePage.ranked(roles)
            self.programme = programme
            self.publicEventDate = publicEventDate
        }

        /// Everyone in a role on the meeting or its programme, once each, keynote first.
        public var everyone: [RoleHolder] {
            var seen: Set<RoleHolder> = []
            return SchedulePage.ranked(roles + programme.flatMap(\.people)).filter { seen.insert($0).inserted }
        }

        /// The local days the meeting takes: from its first to its last (an end at midnight does not count).
        public var days: [LocalDate] {
            let schedule = occurrence.schedule
            let first = schedule.start.date
            var last = schedule.end.date
            if last > first, schedule.allDay || schedule.end.time == .midnight { last = last.adding(days: -1) }
            return (0...first.days(until: last)).map { first.adding(days: $0) }
        }
    }

    /// The first day shown.
    public let from: LocalDate
    /// The last day shown, included.
    public let through: LocalDate
    /// The meetings to publish, oldest first.
    public let entries: [Entry]
    /// The meetings called off, oldest first.
    public let cancelled: [Entry]
    /// The public holidays that are days off, by date.
    public let holidays: [LocalDate: [Holiday]]

    /// The zone whose days the page covers, and against which a meeting's own zone is named.
    public static let zone = Zone.ulaanbaatar

    /// Reads the meetings from `from` through `through` with their topics, programmes and people.
    public init(from: LocalDate, through: LocalDate, session: any ScheduleSession) throws {
        let agenda = try Agenda(from: from, through: through, zone: SchedulePage.zone, session: session)
        let eventIDs = agenda.entries.compactMap(\.occurrence.eventID)
        let assignments = eventIDs.isEmpty ? [] : try session.assignments(ofEvents: eventIDs)
        var names = Names(session: session)
        var roles: [UUID: [RoleHolder]] = [:]
        var itemPeople: [UUID: [RoleHolder]] = [:]
        for assignment in assignments {
            guard let holder = try names.holder(assignment) else { continue }
            if let itemID = assignment.programmeItemID {
                itemPeople[itemID, default: []].append(holder)
            } else {
                roles[assignment.eventID, default: []].append(holder)
            }
        }
        var published: [Entry] = [], cancelled: [Entry] = []
        // An idea is not published: the schedule shows the dates once they are at least tentative.
        for agendaEntry in agenda.entries where agendaEntry.occurrence.status != .idea {
            let occurrence = agendaEntry.occurrence
            var entry = Entry(occurrence: occurrence, topic: agendaEntry.topic, roles: [], programme: [])
            if let eventID = occurrence.eventID {
                let publicEventDate = occurrence.publicEvent == nil ? nil : try session.event(eventID)?.publicEventDate
                let programme = try Programme.items(of: eventID, in: session).map { Item(item: $0, people: itemPeople[$0.id] ?? []) }
                entry = Entry(occurrence: occurrence, topic: agendaEntry.topic, roles: roles[eventID] ?? [], programme: programme,
                              publicEventDate: publicEventDate)
            } else {
                // A series meeting nothing is stored on yet runs the default programme of its kind.
                entry.programme = Programme.preview(of: occurrence).map { Item(item: $0, people: []) }
            }
            if occurrence.status == .cancelled { cancelled.append(entry) } else { published.append(entry) }
        }
        let holidays = try session.holidays(from: from, through: through).filter(\.dayOff)
        self.init(from: from, through: through, entries: published, cancelled: cancelled,
                  holidays: Dictionary(grouping: holidays, by: \.date))
    }

    /// A page of the given meetings, as they are.
    public init(from: LocalDate, through: LocalDate, entries: [Entry], cancelled: [Entry] = [], holidays: [LocalDate: [Holiday]] = [:]) {
        self.from = from
        self.through = through
        self.entries = entries
        self.cancelled = cancelled
        self.holidays = holidays
    }

    // MARK: - Months

    /// The first day of each month the page covers.
    public var months: [LocalDate] {
        var months: [LocalDate] = []
        var month = from.firstOfMonth
        while month <= through, let next = month.adding(months: 1) {
            months.append(month)
            month = next
        }
        return months
    }

    /// The weeks of `month`'s grid, Monday first: seven days each, nil outside the month.
    public static func weeks(of month: LocalDate) -> [[LocalDate?]] {
        let first = month.firstOfMonth
        let length = LocalDate.daysIn(month: first.month, year: first.year)
        let lead = first.weekday.rawValue
        let cells = Array(repeating: nil, count: lead) + (0..<length).map { Optional(first.adding(days: $0)) }
        let padded = cells + Array(repeating: nil, count: (7 - cells.count % 7) % 7)
        return stride(from: 0, to: padded.count, by: 7).map { Array(padded[$0..<$0 + 7]) }
    }

    /// Whether `day` is one the page covers.
    public func covers(_ day: LocalDate) -> Bool { day >= from && day <= through }

    /// The positions in `entries` of the meetings on each day the page covers.
    var positionsByDay: [LocalDate: [Int]] {
        var result: [LocalDate: [Int]] = [:]
        for index in entries.indices {
            for day in entries[index].days where covers(day) { result[day, default: []].append(index) }
        }
        return result
    }

    /// Keynote first, then lead discussants, then the other roles; by name within a role.
    static func ranked(_ holders: [RoleHolder]) -> [RoleHolder] {
        holders.sorted { Assignment.Role.precedes(($0.role, $0.name), ($1.role, $1.name)) }
    }

    /// Names of people and organisations, each looked up once.
    private struct Names {
        let session: any ScheduleSession
        var people: [UUID: Person?] = [:]
        var organisations: [UUID: Organisation?] = [:]

        mutating func holder(_ assignment: Assignment) throws -> RoleHolder? {
            switch assignment.holder {
            case .person(let id):
                guard let person = try person(id) else { return nil }
                let organisation = try person.organisationID.flatMap { try self.organisation($0) }
                return RoleHolder(name: person.name, organisation: organisation?.name, role: assignment.role)
            case .organisation(let id):
                return try organisation(id).map { RoleHolder(name: $0.name, role: assignment.role) }
            }
        }

        private mutating func person(_ id: UUID) throws -> Person? {
            if let known = people[id] { return known }
            let found = try session.person(id)
            people[id] = .some(found)
            return found
        }

        private mutating func organisation(_ id: UUID) throws -> Organisation? {
            if let known = organisations[id] { return known }
            let found = try session.organisation(id)
            organisations[id] = .some(found)
            return found
        }
    }
}
