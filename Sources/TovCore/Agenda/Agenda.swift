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

        public init(occurrence: Occurrence, topic: Topic? = nil, people: [(name: String, role: Assignment.Role)] = []) {
            self.occurrence = occurrence
            self.topic = topic
            self.people = people
        }
    }

    public let entries: [Entry]

    /// The occurrences overlapping `[from 00:00, the day after through 00:00)` in `zone`, oldest first.
    public init(from: LocalDate, through: LocalDate, zone: Zone, session: any ScheduleSession) throws {
        guard through >= from else {
            throw ValidationError("the end date \(through) is before the start date \(from)")
        }
        let lower = zone.instant(of: LocalDateTime(date: from))
        let upper = zone.instant(of: LocalDateTime(date: through.adding(days: 1)))
        try self.init(lower: lower, upper: upper, session: session)
    }

    /// The occurrences overlapping the instants `[lower, upper)`, oldest first.
    public init(lower: Int, upper: Int, session: any ScheduleSession) throws {
        let occurrences = try Agenda.occurrences(lower: lower, upper: upper, session: session)
        entries = try Agenda.entries(for: occurrences, session: session)
    }

    /// Single events, overrides and computed series occurrences overlapping `[lower, upper)`.
    static func occurrences(lower: Int, upper: Int, session: any ScheduleSession) throws -> [Occurrence] {
        var result = try session.events(overlapping: lower, upper).map(Occurrence.init(event:))
        let series = try session.series(overlapping: lower, upper)
        guard !series.isEmpty else { return sorted(result) }

        struct OriginalStart: Hashable {
            let series: UUID
            let start: LocalDateTime
        }
        var overridden: Set<OriginalStart> = []
        for override in try session.overrides(ofSeries: series.map(\.id)) {
            if let seriesID = override.seriesID, let recurrenceID = override.recurrenceID {
                overridden.insert(OriginalStart(series: seriesID, start: recurrenceID))
            }
        }
        for one in series {
            let zone = one.schedule.zone
            // Search a day wider than the range in wall time, then keep what overlaps in instants.
            let lowerWall = zone.wallTime(at: lower).adding(seconds: -one.schedule.duration - 86_400)
            let upperWall = zone.wallTime(at: upper).adding(seconds: 86_400)
            for start in one.originalStarts(between: lowerWall, and: upperWall)
            where !overridden.contains(OriginalStart(series: one.id, start: start)) {
                let occurrence = Occurrence(series: one, start: start)
                let startInstant = occurrence.schedule.startInstant
                let endInstant = occurrence.schedule.endInstant
                if startInstant < upper && (endInstant > lower || (endInstant == startInstant && startInstant >= lower)) {
                    result.append(occurrence)
                }
            }
        }
        return sorted(result)
    }

    private static func sorted(_ occurrences: [Occurrence]) -> [Occurrence] {
        // Sort positions, not the occurrences themselves, which are large to move.
        let instants = occurrences.map(\.schedule.startInstant)
        return occurrences.indices
            .sorted { a, b in
                instants[a] != instants[b] ? instants[a] < instants[b] : occurrences[a].title < occurrences[b].title
            }
            .map { occurrences[$0] }
    }

    private static func entries(for occurrences: [Occurrence], session: any ScheduleSession) throws -> [Entry] {
        let eventIDs = occurrences.compactMap(\.eventID)
        var peopleByEvent: [UUID: [(name: String, role: Assignment.Role)]] = [:]
        if !eventIDs.isEmpty {
            var names: [UUID: String] = [:]
            for assignment in try session.assignments(ofEvents: eventIDs) {
                guard case .person(let personID) = assignment.holder else { continue }
                if names[personID] == nil { names[personID] = try session.person(personID)?.name }
                guard let name = names[personID] else { continue }
                let entry = (name: name, role: assignment.role)
                if !(peopleByEvent[assignment.eventID] ?? []).contains(where: { $0 == entry }) {
                    peopleByEvent[assignment.eventID, default: []].append(entry)
                }
            }
        }
        var topics: [UUID: Topic] = [:]
        return try occurrences.map { occurrence in
            var topic: Topic?
            if let topicID = occurrence.topicID {
                if topics[topicID] == nil { topics[topicID] = try session.topic(topicID) }
                topic = topics[topicID]
            }
            let people = occurrence.eventID.flatMap { peopleByEvent[$0] } ?? []
            return Entry(occurrence: occurrence, topic: topic, people: people.sorted { rank($0.role) < rank($1.role) })
        }
    }

    /// Keynote first, then lead discussants, then the rest, as a programme lists them.
    private static func rank(_ role: Assignment.Role) -> Int {
        Assignment.Role.allCases.firstIndex(of: role) ?? 0
    }
}
