import Foundation

/// Something wrong with who is where: a person in two places at once, a long trip between two events, a
/// person assigned on a day they are away, a dialogue meeting close ahead with no keynote.
///
///     for conflict in try Conflicts.find(from: today, through: today.adding(days: 90), today: today,
///                                        zone: .ulaanbaatar, in: session) {
///         print(conflict.message(in: .mn))
///     }
public struct Conflict: Hashable, Sendable {
    /// What is wrong.
    public enum Kind: String, Sendable, CaseIterable {
        /// One person in two events whose times overlap.
        case doubleBooked = "double-booked"
        /// One person in events in different places on the same or consecutive days.
        case travel
        /// One person assigned on a day they are away.
        case unavailable
        /// A dialogue meeting in the next two weeks with nobody giving the keynote.
        case noKeynote = "no-keynote"
    }

    public var kind: Kind
    /// Who has the conflict; nil for `noKeynote`.
    public var person: Person?
    /// The earlier event; the event during the time away; the meeting without a keynote.
    public var first: Occurrence
    /// The other event, for `doubleBooked` and `travel`.
    public var second: Occurrence?
    /// The time away, for `unavailable`.
    public var away: Unavailability?

    public init(kind: Kind, person: Person?, first: Occurrence, second: Occurrence? = nil, away: Unavailability? = nil) {
        self.kind = kind
        self.person = person
        self.first = first
        self.second = second
        self.away = away
    }

    /// One line naming the person and both events with their dates, in Mongolian or English.
    public func message(in language: Language) -> String {
        let name = SafeText.clean(person?.name ?? "")
        let first = Conflict.describe(self.first, in: language)
        let second = self.second.map { Conflict.describe($0, in: language) } ?? ""
        let away = Conflict.days(of: self.away, in: language) + Conflict.note(of: self.away)
        switch (kind, language) {
        case (.doubleBooked, .mn):
            return "\(name) нэгэн зэрэг хоёр арга хэмжээнд байна: \(first) ба \(second)"
        case (.doubleBooked, .en):
            return "\(name) is in two events at once: \(first) and \(second)"
        case (.travel, .mn):
            return "\(name) өөр газарт ойрхон өдрүүдэд хоёр арга хэмжээнд байна, замд гарах хугацаа хэрэгтэй: "
                + "\(first), \(second)"
        case (.travel, .en):
            return "\(name) has to travel between \(first) and \(second)"
        case (.unavailable, .mn):
            return "\(name) \(away) завгүй боловч \(first) арга хэмжээнд томилогдсон"
        case (.unavailable, .en):
            return "\(name) is away \(away) but is assigned to \(first)"
        case (.noKeynote, .mn):
            return "\(first) уулзалтад гол илтгэгч томилоогүй байна"
        case (.noKeynote, .en):
            return "\(first) has no keynote yet"
        }
    }

    /// "«Title» (2026 оны 11-р сарын 19 14:00, Ховд)": the event's own wall time, and its place when it has one.
    private static func describe(_ occurrence: Occurrence, in language: Language) -> String {
        let schedule = occurrence.schedule
        var when = Vocabulary.date(schedule.start.date, in: language)
        if schedule.allDay {
            let last = schedule.end.date.adding(days: -1)
            if last != schedule.start.date { when += " – " + Vocabulary.date(last, in: language) }
        } else {
            when += " " + schedule.start.time.short
        }
        let place = occurrence.placeCode.flatMap(ReferenceData.shared.place(code:))?.name(in: language)
        let title = SafeText.clean(occurrence.title)
        let quoted = language == .mn ? "«\(title)»" : "'\(title)'"
        return "\(quoted) (\([when, place].compactMap { $0 }.joined(separator: ", ")))"
    }

    private static func days(of away: Unavailability?, in language: Language) -> String {
        guard let away else { return "" }
        if away.from == away.through { return Vocabulary.date(away.from, in: language) }
        return Vocabulary.date(away.from, in: language) + " – " + Vocabulary.date(away.through, in: language)
    }

    private static func note(of away: Unavailability?) -> String {
        guard let note = away?.note, !note.isEmpty else { return "" }
        return " (\(SafeText.clean(note)))"
    }
}

/// Finding conflicts: over a span of days for the conflicts list, or for one person at one event for the
/// presenter picker.
///
/// Events overlap by their instants, each in its own zone (a Khovd SA Day from 09:00 and an Ulaanbaatar
/// meeting at 10:30 overlap). Days are the events' own wall dates. Cancelled events never conflict, and a
/// person on one event twice (keynote, and on a programme item) is one booking.
public enum Conflicts {
    /// How far ahead a dialogue meeting must have its keynote.
    public static let keynoteNotice = 14

    /// Every conflict among events overlapping `first`...`last`, each reported once: a person in two events whose
    /// times overlap (any kinds: an SA Day in another aimag counts); a person in events on consecutive days (or
    /// the same day, not overlapping) in different places (aimag/district codes differ): travel; a person
    /// assigned on a day they are away; and dialogue meetings starting from `today` through `today + 14` days
    /// that have no keynote (a series meeting with nothing stored has none). Sorted by date.
    ///
    /// Both events of a pair must overlap the span, so a conflict is the same whichever span finds it.
    public static func find(
        from first: LocalDate, through last: LocalDate, today: LocalDate, zone: Zone, in session: any ScheduleSession
    ) throws -> [Conflict] {
        guard last >= first else { throw ValidationError("the end date \(last) is before the start date \(first)") }
        let days = Agenda.Days(from: first, through: last, zone: zone)
        let workingDays = try session.workingDays(
            from: first.adding(days: -ShiftPolicy.reach - 2), through: last.adding(days: ShiftPolicy.reach + 2))
        let (all, _, _) = try Agenda.occurrences(on: days, workingDays: workingDays, session: session)
        let live = all.filter { $0.status != .cancelled }
        var byEvent: [UUID: Occurrence] = [:]
        for occurrence in live {
            if let id = occurrence.eventID { byEvent[id] = occurrence }
        }
        let assignments = byEvent.isEmpty ? [] : try session.assignments(ofEvents: Array(byEvent.keys))

        var conflicts: [Conflict] = []
        let keynoted = Set(assignments.filter { $0.role == .keynote }.map(\.eventID))
        let soon = today...today.adding(days: keynoteNotice)
        for meeting in live where meeting.kind == .dialogue && soon.contains(meeting.schedule.start.date) {
            if let id = meeting.eventID, keynoted.contains(id) { continue }
            conflicts.append(Conflict(kind: .noKeynote, person: nil, first: meeting))
        }

        var eventsOf: [UUID: Set<UUID>] = [:]
        for assignment in assignments {
            if case .person(let personID) = assignment.holder { eventsOf[personID, default: []].insert(assignment.eventID) }
        }
        var awayOf: [UUID: [Unavailability]] = [:]
        if !eventsOf.isEmpty {
            for away in try session.unavailability(ofPeople: Array(eventsOf.keys)) { awayOf[away.personID, default: []].append(away) }
        }
        for (personID, eventIDs) in eventsOf {
            guard let person = try session.person(personID) else { continue }
            let bookings = eventIDs.compactMap { byEvent[$0] }.sorted(by: Booking.precedes)
            conflicts += Booking.conflicts(of: person, among: bookings, away: awayOf[personID] ?? [])
        }
        return sorted(conflicts, zone: zone)
    }

    /// The conflicts `personID` has, or would have if assigned, at `event`: for the presenter picker.
    public static func find(
        for personID: UUID, at event: Occurrence, zone: Zone, in session: any ScheduleSession
    ) throws -> [Conflict] {
        guard let person = try session.person(personID) else {
            throw ValidationError("no person has the id '\(personID.lowercasedText)'")
        }
        guard event.status != .cancelled else { return [] }
        var otherIDs = Set(try session.assignments(of: .person(personID)).map(\.eventID))
        if let id = event.eventID { otherIDs.remove(id) }
        let others = try session.events(Array(otherIDs)).filter { $0.status != .cancelled }.map(Occurrence.init(event:))
        var conflicts: [Conflict] = []
        for other in others {
            let pair = [event, other].sorted(by: Booking.precedes)
            if let conflict = Booking.conflict(of: person, between: pair[0], and: pair[1]) { conflicts.append(conflict) }
        }
        let away = try session.unavailability(ofPeople: [personID])
        if let conflict = Booking.unavailable(person, at: event, away: away) { conflicts.append(conflict) }
        return sorted(conflicts, zone: zone)
    }

    /// By the first event's start (an all-day one from the start of its day in `zone`), then its title, the
    /// kind, the person and the second event, so that the same conflicts always list the same way.
    private static func sorted(_ conflicts: [Conflict], zone: Zone) -> [Conflict] {
        func start(_ occurrence: Occurrence) -> Int {
            occurrence.schedule.allDay ? zone.instant(of: occurrence.schedule.start) : occurrence.schedule.startInstant
        }
        let kinds = Conflict.Kind.allCases
        return conflicts.sorted { a, b in
            let (startA, startB) = (start(a.first), start(b.first))
            if startA != startB { return startA < startB }
            if a.first.title != b.first.title { return a.first.title < b.first.title }
            if a.kind != b.kind { return kinds.firstIndex(of: a.kind)! < kinds.firstIndex(of: b.kind)! }
            let (nameA, nameB) = (a.person?.name ?? "", b.person?.name ?? "")
            if nameA != nameB { return MongolianOrder.precedes(nameA, nameB) }
            return (a.second.map(start) ?? 0) < (b.second.map(start) ?? 0)
        }
    }
}

/// The rules for one person's events, shared by both searches.
private enum Booking {
    /// Events in the order a conflict names them: by start instant, then title and id.
    static func precedes(_ a: Occurrence, _ b: Occurrence) -> Bool {
        let (startA, startB) = (a.schedule.startInstant, b.schedule.startInstant)
        if startA != startB { return startA < startB }
        if a.title != b.title { return a.title < b.title }
        return (a.eventID?.lowercasedText ?? "") < (b.eventID?.lowercasedText ?? "")
    }

    /// The double bookings, trips and days away among one person's events, which are in `precedes` order.
    static func conflicts(of person: Person, among bookings: [Occurrence], away: [Unavailability]) -> [Conflict] {
        var conflicts: [Conflict] = []
        for (index, event) in bookings.enumerated() {
            // Later events that start more than two days and a zone's difference (up to 26 hours) after this
            // one ends can be neither at the same time nor on the next day.
            let reach = event.schedule.endInstant + 4 * 86_400
            for later in bookings[(index + 1)...] {
                if later.schedule.startInstant > reach { break }
                if let conflict = conflict(of: person, between: event, and: later) { conflicts.append(conflict) }
            }
            if let conflict = unavailable(person, at: event, away: away) { conflicts.append(conflict) }
        }
        return conflicts
    }

    /// The conflict between two events of one person, the earlier first: overlapping times, else a trip
    /// between different places on the same or the next day.
    static func conflict(of person: Person, between first: Occurrence, and second: Occurrence) -> Conflict? {
        if overlap(first.schedule, second.schedule) {
            return Conflict(kind: .doubleBooked, person: person, first: first, second: second)
        }
        guard let here = first.placeCode, let there = second.placeCode, here != there else { return nil }
        let (a, b) = (days(of: first.schedule), days(of: second.schedule))
        let gap = max(b.lowerBound.daysSinceEpoch - a.upperBound.daysSinceEpoch,
                      a.lowerBound.daysSinceEpoch - b.upperBound.daysSinceEpoch)
        return gap <= 1 ? Conflict(kind: .travel, person: person, first: first, second: second) : nil
    }

    /// The person's first time away that meets the event's days.
    static func unavailable(_ person: Person, at event: Occurrence, away: [Unavailability]) -> Conflict? {
        let span = days(of: event.schedule)
        guard let trip = away.first(where: { $0.personID == person.id && $0.overlaps(span.lowerBound, span.upperBound) }) else {
            return nil
        }
        return Conflict(kind: .unavailable, person: person, first: event, away: trip)
    }

    /// Whether two schedules share an instant; one with no length is taken as its first second.
    static func overlap(_ a: Schedule, _ b: Schedule) -> Bool {
        let (startA, startB) = (a.startInstant, b.startInstant)
        let endA = max(a.endInstant, startA + 1), endB = max(b.endInstant, startB + 1)
        return startA < endB && startB < endA
    }

    /// The wall dates an event is on, in its own zone: an all-day one's days, a timed one's first day
    /// through the day of its last second.
    static func days(of schedule: Schedule) -> ClosedRange<LocalDate> {
        let first = schedule.start.date
        let last = schedule.end > schedule.start ? schedule.end.adding(seconds: -1).date : first
        return first...max(first, last)
    }
}

/// How often people have held roles: the presenter picker shows it, so nobody presents too often.
public enum PresenterLoad {
    /// How many roles each person held on events that started in the twelve months up to `today` (today
    /// included): from the day after the same date a year before. A role held twice on one event (keynote,
    /// and keynote of its programme item) counts once; cancelled events do not count.
    public static func pastYear(asOf today: LocalDate, zone: Zone, in session: any ScheduleSession) throws -> [UUID: Int] {
        let yearAgo = (try? LocalDate(year: today.year - 1, month: today.month, day: today.day))
            ?? LocalDate(daysSinceEpoch: today.daysSinceEpoch - 366)
        let first = yearAgo.adding(days: 1)
        let lower = zone.instant(of: LocalDateTime(date: first))
        let upper = zone.instant(of: LocalDateTime(date: today.adding(days: 1)))
        let events = try session.events(overlapping: lower, upper, allDayMargin: 36 * 3600).filter { event in
            guard event.status != .cancelled else { return false }
            if event.schedule.allDay { return (first...today).contains(event.schedule.start.date) }
            return (lower..<upper).contains(event.schedule.startInstant)
        }
        guard !events.isEmpty else { return [:] }
        struct Role: Hashable {
            let event: UUID
            let role: Assignment.Role
        }
        var roles: [UUID: Set<Role>] = [:]
        for assignment in try session.assignments(ofEvents: events.map(\.id)) {
            guard case .person(let personID) = assignment.holder else { continue }
            roles[personID, default: []].insert(Role(event: assignment.eventID, role: assignment.role))
        }
        return roles.mapValues(\.count)
    }
}
