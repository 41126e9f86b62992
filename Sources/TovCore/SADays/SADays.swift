import Foundation

/// Social Accountability Days: planned by a regional office for its aimag or district, held, reported on,
/// and copied as the template of the next one.
public enum SADays {
    /// Refuses a move of an SA Day's status that its flow does not allow (`EventStatus.moves`), and marking it
    /// held or reported before its day when `today` is given.
    public static func checkMove(of event: Event, from old: EventStatus, to new: EventStatus, today: LocalDate? = nil) throws {
        guard event.kind == .saDay, old != new else { return }
        guard old.moves.contains(new) else {
            let allowed = old.moves.map { Vocabulary.name(of: $0, in: .en) }.joined(separator: ", ")
            let allowedMn = old.moves.map { Vocabulary.name(of: $0, in: .mn) }.joined(separator: ", ")
            throw ValidationError(
                "an SA Day cannot go from \(Vocabulary.name(of: old, in: .en)) to \(Vocabulary.name(of: new, in: .en)); from there: \(allowed)",
                mn: "НЭХ өдөрлөг “\(Vocabulary.name(of: old, in: .mn))”-аас “\(Vocabulary.name(of: new, in: .mn))” болж болохгүй; болох нь: \(allowedMn)")
        }
        if let today, new.tookPlace, event.schedule.start.date > today {
            throw ValidationError("the SA Day of \(event.schedule.start.date) has not come yet, so it cannot be \(Vocabulary.name(of: new, in: .en))",
                                  mn: "\(event.schedule.start.date)-ний өдөрлөг хараахан болоогүй байна")
        }
    }

    /// Refuses a new SA Day that is already held or reported before its day has come.
    public static func checkNew(_ event: Event, today: LocalDate) throws {
        guard event.kind == .saDay, event.status.tookPlace, event.schedule.start.date > today else { return }
        throw ValidationError("the SA Day of \(event.schedule.start.date) has not come yet, so it cannot be \(Vocabulary.name(of: event.status, in: .en))",
                              mn: "\(event.schedule.start.date)-ний өдөрлөг хараахан болоогүй байна")
    }

    /// A new SA Day on `date` made from `template`, an earlier one: its title, place, venue, public event,
    /// hours (the same wall times) and co-organisers, and its programme at the same times; not its
    /// presenters, attendance, report or status (the copy is an idea). Saved, and returned.
    @discardableResult
    public static func copy(_ template: Event, to date: LocalDate, in session: any ScheduleSession) throws -> Event {
        let schedule = template.schedule
        let length = schedule.start.date.days(until: schedule.end.date)
        let days = schedule.allDay ? length - 1 : length
        let moved = schedule.allDay
            ? try Schedule(allDayFrom: date, through: date.adding(days: days), zone: schedule.zone)
            : try Schedule(start: LocalDateTime(date: date, time: schedule.start.time),
                           end: LocalDateTime(date: date.adding(days: days), time: schedule.end.time), zone: schedule.zone)
        let copy = Event(kind: template.kind, title: template.title, schedule: moved, status: .idea, placeCode: template.placeCode,
                         venue: template.venue, publicEvent: template.publicEvent, notes: template.notes)
        try Meetings.save(copy, in: session)
        for item in try session.programme(ofEvent: template.id) {
            var new = item
            new.id = UUID()
            new.eventID = copy.id
            new.created = .distantPast
            try session.save(new)
        }
        for assignment in try session.assignments(ofEvents: [template.id]) where assignment.role == .coOrganiser {
            try session.save(Assignment(eventID: copy.id, holder: assignment.holder, role: .coOrganiser))
        }
        return copy
    }

    /// Writes the report of a day that has come (how many came, notes) and marks it reported.
    @discardableResult
    public static func report(_ event: Event, attendance: Int?, notes: String?, today: LocalDate, in session: any ScheduleSession) throws -> Event {
        guard attendance != nil || notes != nil else {
            throw ValidationError("a report needs the attendance or notes", mn: "Тайланд ирцийн тоо эсвэл тэмдэглэл хэрэгтэй")
        }
        if let attendance, attendance < 0 {
            throw ValidationError("the attendance \(attendance) is below zero", mn: "Ирцийн тоо сөрөг байж болохгүй")
        }
        guard event.schedule.start.date <= today else {
            throw ValidationError("the event of \(event.schedule.start.date) has not come yet, so it has no report",
                                  mn: "\(event.schedule.start.date)-ний арга хэмжээ хараахан болоогүй тул тайлангүй")
        }
        var event = event
        event.report = Event.Report(attendance: attendance, notes: notes)
        // A day reported straight from confirmed was held first: two steps of its flow.
        if event.status == .confirmed {
            event.status = .held
            try Meetings.save(event, in: session)
        }
        if event.status != .reported {
            try checkMove(of: event, from: event.status, to: .reported, today: today)
            event.status = .reported
        }
        try Meetings.save(event, in: session)
        return event
    }
}

/// Which aimags and Ulaanbaatar districts have an SA Day in a year: held, planned, only an idea, or none.
///
///     let coverage = try SADayCoverage(year: 2026, zone: .ulaanbaatar, in: session)
///     coverage.notYetPlanned.map(\.nameMn)
public struct SADayCoverage: Sendable {
    /// How far a place's SA Days have got; the furthest of them counts.
    public enum State: String, Sendable, CaseIterable, Comparable {
        case none
        case idea
        case planned
        case held

        public static func < (a: State, b: State) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// The state an SA Day of this status gives its place; nil for a cancelled one.
        init?(_ status: EventStatus) {
            switch status {
            case .idea: self = .idea
            case .tentative, .confirmed: self = .planned
            case .held, .reported: self = .held
            case .cancelled: return nil
            }
        }
    }

    public struct Row: Sendable {
        public var place: Place
        public var state: State
        /// The place's SA Days of the year that are not cancelled, in date order.
        public var days: [Occurrence]
    }

    public var year: Int
    /// Every aimag, then every district, in the reference data's order.
    public var rows: [Row]
    /// SA Days of the year with no aimag or district, or one tov does not know.
    public var unplaced: [Occurrence]

    /// Reads the year's SA Days (single events and series meetings alike).
    public init(year: Int, zone: Zone, in session: any ScheduleSession) throws {
        guard (1900...9000).contains(year) else {
            throw ValidationError("\(year) is not a year tov plans for; give one between 1900 and 9000")
        }
        let first = try LocalDate(year: year, month: 1, day: 1), last = try LocalDate(year: year, month: 12, day: 31)
        let days = try Agenda(from: first, through: last, zone: zone, session: session).entries
            .map(\.occurrence).filter { $0.kind == .saDay && $0.status != .cancelled && $0.schedule.start.date.year == year }
        var byPlace: [String: [Occurrence]] = [:]
        var unplaced: [Occurrence] = []
        let places = ReferenceData.shared.places
        let known = Set(places.map(\.code))
        for day in days {
            if let code = day.placeCode, known.contains(code) { byPlace[code, default: []].append(day) } else { unplaced.append(day) }
        }
        self.year = year
        self.unplaced = unplaced
        rows = places.map { place in
            let days = (byPlace[place.code] ?? []).sorted { $0.schedule.startInstant < $1.schedule.startInstant }
            return Row(place: place, state: days.compactMap { State($0.status) }.max() ?? .none, days: days)
        }
    }

    /// How many places are in each state.
    public var counts: [State: Int] {
        Dictionary(grouping: rows, by: \.state).mapValues(\.count)
    }

    /// The places with nothing planned yet: no SA Day, or only an idea.
    public var notYetPlanned: [Place] {
        rows.filter { $0.state < .planned }.map(\.place)
    }
}
