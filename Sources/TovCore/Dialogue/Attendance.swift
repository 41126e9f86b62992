import Foundation

/// How many on an event's list stand where.
///
///     let counts = Attendance.counts(try session.participation(ofEvent: id))
///     counts.attended // 12
public struct AttendanceCounts: Hashable, Sendable {
    public var invited = 0, registered = 0, attended = 0, absent = 0, excused = 0

    /// Everyone on the list.
    public var total: Int { invited + registered + attended + absent + excused }

    public init() {}

    /// The count of one status.
    public subscript(status: Participation.Status) -> Int {
        get {
            switch status {
            case .invited: invited
            case .registered: registered
            case .attended: attended
            case .absent: absent
            case .excused: excused
            }
        }
        set {
            switch status {
            case .invited: invited = newValue
            case .registered: registered = newValue
            case .attended: attended = newValue
            case .absent: absent = newValue
            case .excused: excused = newValue
            }
        }
    }
}

/// Invitations and attendance: who is on an event's list, where each stands, and which dialogue
/// meetings an organisation came to.
///
///     try Attendance.invite(kinds: [.ngo], organisations: [ministry], people: [], to: meeting.id, in: session)
///     try Attendance.mark(.organisation(ngo), .attended, at: meeting.id, in: session)
///     let list = try Attendance.lines(of: meeting.id, in: session)
public enum Attendance {
    /// One line of an event's list, ready to show.
    public struct Line: Hashable, Sendable {
        public var participation: Participation
        /// The organisation's or the person's name.
        public var name: String
        /// A person's organisation.
        public var organisation: String?
        /// The organisation's kind; for a person, their organisation's.
        public var organisationKind: Organisation.Kind?

        public init(participation: Participation, name: String, organisation: String? = nil, organisationKind: Organisation.Kind? = nil) {
            self.participation = participation
            self.name = name
            self.organisation = organisation
            self.organisationKind = organisationKind
        }
    }

    // MARK: - Changing the list

    /// Puts on the event's list, as invited, every organisation of these kinds plus these organisations and
    /// people, skipping those already on it; how many were added.
    @discardableResult
    public static func invite(
        kinds: [Organisation.Kind], organisations: [UUID], people: [UUID], to eventID: UUID, in session: any ScheduleSession
    ) throws -> Int {
        try requireEvent(eventID, in: session)
        var wanted: [Assignment.Holder] = []
        if !kinds.isEmpty {
            wanted += try session.organisations().filter { kinds.contains($0.kind) }
                .sorted { MongolianOrder.precedes($0.name, $1.name) }.map { .organisation($0.id) }
        }
        for id in organisations {
            try requireParticipant(.organisation(id), in: session)
            wanted.append(.organisation(id))
        }
        for id in people {
            try requireParticipant(.person(id), in: session)
            wanted.append(.person(id))
        }
        var onList = Set(try session.participation(ofEvent: eventID).map(\.participant))
        var added = 0
        for participant in wanted where onList.insert(participant).inserted {
            try session.save(Participation(eventID: eventID, participant: participant, status: .invited))
            added += 1
        }
        return added
    }

    /// Records where one participant stands, adding them to the list when they are not on it.
    @discardableResult
    public static func mark(
        _ participant: Assignment.Holder, _ status: Participation.Status, at eventID: UUID, in session: any ScheduleSession
    ) throws -> Participation {
        try requireEvent(eventID, in: session)
        try requireParticipant(participant, in: session)
        guard var participation = try session.participation(ofEvent: eventID).first(where: { $0.participant == participant }) else {
            let added = Participation(eventID: eventID, participant: participant, status: status)
            try session.save(added)
            return added
        }
        // Marking again what is already recorded changes nothing, so it leaves nothing to undo.
        guard participation.status != status else { return participation }
        participation.status = status
        try session.save(participation)
        return participation
    }

    /// Takes a participant off the list.
    public static func remove(_ participant: Assignment.Holder, from eventID: UUID, in session: any ScheduleSession) throws {
        try requireEvent(eventID, in: session)
        guard let participation = try session.participation(ofEvent: eventID).first(where: { $0.participant == participant }) else {
            let name = try session.name(of: participant) ?? ShortID.of(participant.id)
            throw ValidationError("'\(name)' is not on the list of this event", mn: "“\(name)” энэ арга хэмжээний жагсаалтад алга")
        }
        try session.delete(.participation, id: participation.id)
    }

    // MARK: - Reading the list

    /// How many stand where.
    public static func counts(_ list: [Participation]) -> AttendanceCounts {
        var counts = AttendanceCounts()
        for participation in list { counts[participation.status] += 1 }
        return counts
    }

    /// The event's list: organisations first, then people, each in Mongolian alphabetical order. A participant
    /// whose record has been deleted is left out until an undo brings it back.
    public static func lines(of eventID: UUID, in session: any ScheduleSession) throws -> [Line] {
        try lines(of: [eventID], in: session)[eventID] ?? []
    }

    /// The lists of these events, as `lines(of:in:)` gives each, read together: an export of every list
    /// reads the participation, the organisations and the people once, not once per event. Events without
    /// a list are left out.
    public static func lines(of eventIDs: [UUID], in session: any ScheduleSession) throws -> [UUID: [Line]] {
        let list = try session.participation(ofEvents: eventIDs)
        guard !list.isEmpty else { return [:] }
        let organisations = Dictionary(uniqueKeysWithValues: try session.organisations().map { ($0.id, $0) })
        let people = list.contains { $0.participant.isPerson }
            ? Dictionary(uniqueKeysWithValues: try session.people().map { ($0.id, $0) }) : [:]
        var lines: [UUID: [Line]] = [:]
        for participation in list {
            switch participation.participant {
            case .organisation(let id):
                guard let organisation = organisations[id] else { continue }
                lines[participation.eventID, default: []].append(
                    Line(participation: participation, name: organisation.name, organisationKind: organisation.kind))
            case .person(let id):
                guard let person = people[id] else { continue }
                let organisation = person.organisationID.flatMap { organisations[$0] }
                lines[participation.eventID, default: []].append(
                    Line(participation: participation, name: person.name, organisation: organisation?.name, organisationKind: organisation?.kind))
            }
        }
        return lines.mapValues { $0.sorted(by: precedes) }
    }

    /// Organisations before people, then by name, then by id so that the order is stable.
    private static func precedes(_ a: Line, _ b: Line) -> Bool {
        let aIsPerson = a.participation.participant.isPerson, bIsPerson = b.participation.participant.isPerson
        if aIsPerson != bIsPerson { return bIsPerson }
        if a.name != b.name { return MongolianOrder.precedes(a.name, b.name) }
        return a.participation.participant.id.uuidString < b.participation.participant.id.uuidString
    }

    /// The attendance list as CSV (header in `language`): name, organisation, kind, status.
    public static func csv(_ lines: [Line], in language: Language) -> String {
        var csv = CSV(header: language == .mn
            ? ["Нэр", "Байгууллага", "Төрөл", "Төлөв"]
            : ["Name", "Organisation", "Kind", "Status"])
        for line in lines {
            csv.append([
                line.name, line.organisation ?? "",
                line.organisationKind.map { Vocabulary.name(of: $0, in: language) } ?? "",
                Vocabulary.name(of: line.participation.status, in: language),
            ])
        }
        return csv.text
    }

    // MARK: - History

    /// The dialogue meetings (kind .dialogue, not cancelled) an organisation attended (it, or one of its people,
    /// marked attended) that started in the twelve months up to `today`, oldest first.
    ///
    /// The twelve months run from the day after the same date a year before through `today`.
    public static func dialoguesAttended(by organisationID: UUID, asOf today: LocalDate, in session: any ScheduleSession) throws -> [Event] {
        guard try session.organisation(organisationID) != nil else {
            throw ValidationError("no organisation has the id '\(ShortID.of(organisationID))'")
        }
        var holders: [Assignment.Holder] = [.organisation(organisationID)]
        holders += try session.people().filter { $0.organisationID == organisationID }.map { .person($0.id) }
        var attended = Set<UUID>()
        for holder in holders {
            for participation in try session.participation(of: holder) where participation.status == .attended {
                attended.insert(participation.eventID)
            }
        }
        return try session.events(Array(attended)).filter { isDialogue($0, ofTheYearTo: today) }.sorted(by: startsBefore)
    }

    /// `dialoguesAttended(by:asOf:in:)` for every organisation at once, among `meetings` (the events of an
    /// agenda that covers the twelve months): one read of the people and one of each meeting's list, where
    /// asking organisation by organisation reads them all for each. Organisations that attended none are left out.
    public static func dialoguesAttended(among meetings: [Event], asOf today: LocalDate, in session: any ScheduleSession) throws -> [UUID: [Event]] {
        let organisationOf = Dictionary(uniqueKeysWithValues: try session.people().map { ($0.id, $0.organisationID) })
        var attended: [UUID: [Event]] = [:]
        for meeting in meetings.filter({ isDialogue($0, ofTheYearTo: today) }).sorted(by: startsBefore) {
            var organisations = Set<UUID>()
            for participation in try session.participation(ofEvent: meeting.id) where participation.status == .attended {
                switch participation.participant {
                case .organisation(let id): organisations.insert(id)
                case .person(let id): if let organisation = organisationOf[id] ?? nil { organisations.insert(organisation) }
                }
            }
            for organisation in organisations { attended[organisation, default: []].append(meeting) }
        }
        return attended
    }

    /// Whether an event counts among the dialogues of the twelve months up to `today`: a dialogue meeting,
    /// not cancelled, from the day after the same date a year before.
    static func isDialogue(_ event: Event, ofTheYearTo today: LocalDate) -> Bool {
        // 29 February has no date a year before: the window then starts on 1 March.
        let yearBefore = today.adding(months: -12) ?? today.adding(days: -1).adding(months: -12) ?? today.adding(days: -366)
        let day = event.schedule.start.date
        return event.kind == .dialogue && event.status != .cancelled && day > yearBefore && day <= today
    }

    private static func startsBefore(_ a: Event, _ b: Event) -> Bool {
        (a.schedule.startInstant, a.id.uuidString) < (b.schedule.startInstant, b.id.uuidString)
    }

    // MARK: - Checks

    private static func requireEvent(_ id: UUID, in session: any ScheduleSession) throws {
        guard try session.event(id) != nil else { throw ValidationError("no event has the id '\(ShortID.of(id))'") }
    }

    private static func requireParticipant(_ participant: Assignment.Holder, in session: any ScheduleSession) throws {
        guard try session.name(of: participant) == nil else { return }
        switch participant {
        case .organisation(let id): throw ValidationError("no organisation has the id '\(ShortID.of(id))'")
        case .person(let id): throw ValidationError("no person has the id '\(ShortID.of(id))'")
        }
    }
}

fileprivate extension Assignment.Holder {
    /// The person's or the organisation's id.
    var id: UUID {
        switch self {
        case .person(let id), .organisation(let id): id
        }
    }

    var isPerson: Bool {
        if case .person = self { true } else { false }
    }
}
