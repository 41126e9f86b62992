import Foundation

/// Everything on the calendar in a span of time, with topics and people: what `tov agenda` prints.
///
///     let agenda = try Agenda(from: nov1, through: nov30, zone: .ulaanbaatar, session: session)
///     agenda.entries.first?.occurrence.title
public struct Agenda: Sendable {
    /// An occurrence with the names it needs for display.
    public struct Entry: Sendable {
        public var occurrence: Occurrence
        public var topic: Topic?
        public var people: [(name: String, role: Assignment.Role)]
        /// The public holidays that make its first day a day off.
        public var daysOff: [Holiday]
        /// Whether its first day is a Saturday or Sunday.
        public var onWeekend: Bool

        public init(occurrence: Occurrence, topic: Topic? = nil, people: [(name: String, role: Assignment.Role)] = [],
                    daysOff: [Holiday] = [], onWeekend: Bool = false) {
            self.occurrence = occurrence
            self.topic = topic
            self.people = people
            self.daysOff = daysOff
            self.onWeekend = onWeekend
        }
    }

    public let entries: [Entry]
    /// The series that have more meetings in the range than an agenda lists (`meetingsPerSeries`):
    /// only their first ones are in `entries`.
    public let crowdedSeries: [Series]

    /// The most meetings of one series an agenda lists: a rule that repeats every minute or second
    /// would otherwise fill memory before anything is shown.
    public static let meetingsPerSeries = 10_000

    /// The occurrences on the days `from` through `through` as seen in `zone`, oldest first: timed ones that
    /// overlap `[from 00:00, the day after through 00:00)` in `zone`, all-day ones whose dates meet those days.
    public init(from: LocalDate, through: LocalDate, zone: Zone, session: any ScheduleSession) throws {
        guard through >= from else {
            throw ValidationError("the end date \(through) is before the start date \(from)")
        }
        let days = Days(from: from, through: through, zone: zone)
        // Holidays a little beyond the days: a meeting shifted off a day off may come from outside them.
        let workingDays = try session.workingDays(
            from: from.adding(days: -ShiftPolicy.reach - 2), through: through.adding(days: ShiftPolicy.reach + 2))
        let (occurrences, order, crowded) = try Agenda.occurrences(on: days, workingDays: workingDays, session: session)
        crowdedSeries = crowded
        entries = try Agenda.entries(for: occurrences, in: order, workingDays: workingDays, session: session)
    }

    /// A span of whole days in a zone: instants for timed occurrences, dates for all-day ones.
    struct Days {
        let from: LocalDate
        /// The day after the last one.
        let end: LocalDate
        let zone: Zone
        let lower: Int
        let upper: Int

        init(from: LocalDate, through: LocalDate, zone: Zone) {
            self.from = from
            self.end = through.adding(days: 1)
            self.zone = zone
            lower = zone.instant(of: LocalDateTime(date: from))
            upper = zone.instant(of: LocalDateTime(date: end))
        }

        /// Whether an occurrence belongs to these days.
        func contains(_ schedule: Schedule) -> Bool {
            if schedule.allDay {
                // All-day events are dates: the same days in every zone.
                return schedule.start.date < end && schedule.end.date > from
            }
            return schedule.overlaps(lower: lower, upper: upper)
        }

        /// Where an occurrence sorts: its start instant, or for an all-day one the start of its first day here.
        func sortKey(_ schedule: Schedule) -> Int {
            schedule.allDay ? zone.instant(of: schedule.start) : schedule.startInstant
        }
    }

    /// Single events, overrides and computed series occurrences on `days`, with the order to show them in
    /// (positions into the first; the occurrences are large to move, so they are not sorted themselves).
    static func occurrences(
        on days: Days, workingDays: WorkingDays, session: any ScheduleSession
    ) throws -> ([Occurrence], [Int], crowded: [Series]) {
        // The store answers in instants; all-day events sit in their own zone's instants, which differ from
        // ours by up to 26 hours. Ask with a margin, then keep what belongs to the days.
        let margin = 36 * 3600
        let lower = days.lower - margin, upper = days.upper + margin
        let events = try session.events(overlapping: days.lower, days.upper, allDayMargin: margin)
        var result: [Occurrence] = []
        var crowded: [Series] = []
        // Where each occurrence sorts, kept beside it: the order's tie-break reads titles, and reading one
        // through `result` copied the whole occurrence (many share a start: all-day ones, the hour).
        var keys: [Int] = [], titles: [String] = []
        func add(_ occurrence: Occurrence) {
            keys.append(days.sortKey(occurrence.schedule))
            titles.append(occurrence.title)
            result.append(occurrence)
        }
        result.reserveCapacity(events.count)
        keys.reserveCapacity(events.count)
        titles.reserveCapacity(events.count)
        // Events and series are read in place: copying one out retains each of its strings and releases them.
        events.withUnsafeBufferPointer { events in
            for index in events.indices where days.contains(events[index].schedule) {
                add(Occurrence(event: events[index]))
            }
        }
        let series = try session.series(overlapping: lower, upper)
        if !series.isEmpty {
            struct OriginalStart: Hashable {
                let series: UUID
                let start: LocalDateTime
            }
            var overridden: Set<OriginalStart> = []
            var seriesOverridden: Set<UUID> = []
            for override in try session.overrides(ofSeries: series.map { $0.id }) {
                if let seriesID = override.seriesID, let recurrenceID = override.recurrenceID {
                    overridden.insert(OriginalStart(series: seriesID, start: recurrenceID))
                    seriesOverridden.insert(seriesID)
                }
            }
            series.withUnsafeBufferPointer { series in
                for index in series.indices {
                    let one = series.baseAddress! + index
                    let zone = one.pointee.schedule.zone
                    // Timed meetings are found from the days' own instants; all-day ones, which are dates, with
                    // the margin. The cap counts meetings of the days, so a rule repeating every second still
                    // shows the days' first ten thousand.
                    let (from, to) = one.pointee.schedule.allDay ? (lower, upper) : (days.lower, days.upper)
                    let lowerWall = zone.wallTime(at: from).adding(seconds: -one.pointee.schedule.duration)
                    let upperWall = zone.wallTime(at: to)
                    var starts = one.pointee.originalStarts(between: lowerWall, and: upperWall, limit: Agenda.meetingsPerSeries)
                    if starts.count >= Agenda.meetingsPerSeries { crowded.append(one.pointee) }
                    if one.pointee.shift != .keep {
                        // A meeting shifted off a day off can come from up to the shift's reach away.
                        let reach = ShiftPolicy.reach * 86_400
                        starts += one.pointee.originalStarts(between: lowerWall.adding(seconds: -reach), and: lowerWall, limit: 1_000)
                        starts += one.pointee.originalStarts(between: upperWall, and: upperWall.adding(seconds: reach), limit: 1_000)
                    }
                    let hasOverrides = seriesOverridden.contains(one.pointee.id)
                    for start in starts where !hasOverrides || !overridden.contains(OriginalStart(series: one.pointee.id, start: start)) {
                        let occurrence = one.pointee.occurrence(at: start, workingDays: workingDays)
                        if days.contains(occurrence.schedule) { add(occurrence) }
                    }
                }
            }
        }
        let order = result.indices
            .sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : titles[a] < titles[b] }
        return (result, order, crowded)
    }

    /// The entries for `occurrences` taken in `order`.
    private static func entries(
        for occurrences: [Occurrence], in order: [Int], workingDays: WorkingDays, session: any ScheduleSession
    ) throws -> [Entry] {
        var eventIDs: [UUID] = []
        eventIDs.reserveCapacity(occurrences.count)
        for index in occurrences.indices {
            if let eventID = occurrences[index].eventID { eventIDs.append(eventID) }
        }
        var peopleByEvent: [UUID: [(name: String, role: Assignment.Role)]] = [:]
        if !eventIDs.isEmpty {
            // Looked up once each, found or not (a deleted person is remembered as missing).
            var names: [UUID: String?] = [:]
            for assignment in try session.assignments(ofEvents: eventIDs) {
                guard case .person(let personID) = assignment.holder else { continue }
                if names[personID] == nil { names[personID] = .some(try session.person(personID)?.name) }
                guard let name = names[personID] ?? nil else { continue }
                let entry = (name: name, role: assignment.role)
                if !(peopleByEvent[assignment.eventID] ?? []).contains(where: { $0 == entry }) {
                    peopleByEvent[assignment.eventID, default: []].append(entry)
                }
            }
        }
        var topics: [UUID: Topic?] = [:]
        var entries: [Entry] = []
        entries.reserveCapacity(order.count)
        for position in order {
            let occurrence = occurrences[position]
            var topic: Topic?
            if let topicID = occurrence.topicID {
                if topics[topicID] == nil { topics[topicID] = .some(try session.topic(topicID)) }
                topic = topics[topicID] ?? nil
            }
            var people = occurrence.eventID.flatMap { peopleByEvent[$0] } ?? []
            if people.count > 1 {
                people.sort { Assignment.Role.precedes(($0.role, $0.name), ($1.role, $1.name)) }
            }
            let day = occurrence.schedule.start.date
            entries.append(Entry(occurrence: occurrence, topic: topic, people: people,
                                 daysOff: workingDays.daysOff(on: day), onWeekend: workingDays.isWeekend(day)))
        }
        return entries
    }
}
