import ArgumentParser
import Foundation
import TovCore

/// `tov assign list`: who holds which role on one event, how many roles each person held in the past year,
/// their conflicts there, and the event's programme with the item ids `assign add --item` takes.
struct AssignList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the roles on an event, with each person's load over the past year and their conflicts."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    /// One assignment with the names it needs.
    struct Row {
        let assignment: Assignment
        let name: String
        let item: ProgrammeItem?
        /// Roles in the past twelve months; nil for an organisation.
        let load: Int?
        let conflicts: [Conflict]
    }

    func run() throws {
        let language = try global.language()
        let zone = Clock.zone()
        let today = try Clock.today()
        let store = try global.openStore(creating: false)
        let (meeting, rows, programme) = try store.read { session in
            let (meeting, stored) = try target.meeting(in: session)
            guard let stored else { return (meeting, [Row](), [ProgrammeItem]()) }
            let programme = try session.programme(ofEvent: stored.id)
            let loads = try PresenterLoad.pastYear(asOf: today, zone: zone, in: session)
            var conflicts: [UUID: [Conflict]] = [:]
            let rows = try session.assignments(ofEvents: [stored.id]).map { assignment in
                switch assignment.holder {
                case .person(let id):
                    if conflicts[id] == nil { conflicts[id] = try Conflicts.find(for: id, at: meeting, zone: zone, in: session) }
                    return Row(assignment: assignment, name: try session.person(id)?.name ?? "?",
                               item: programme.first { $0.id == assignment.programmeItemID }, load: loads[id] ?? 0,
                               conflicts: conflicts[id] ?? [])
                case .organisation(let id):
                    return Row(assignment: assignment, name: try session.organisation(id)?.name ?? "?",
                               item: programme.first { $0.id == assignment.programmeItemID }, load: nil, conflicts: [])
                }
            }
            return (meeting, rows.sorted { Assignment.Role.precedes(($0.assignment.role, $0.name), ($1.assignment.role, $1.name)) }, programme)
        }
        switch format {
        case .json: emit(json(meeting, rows, programme, in: language))
        case .text: emit(text(meeting, rows, programme, in: language))
        }
    }

    private func json(_ meeting: Occurrence, _ rows: [Row], _ programme: [ProgrammeItem], in language: Language) -> String {
        JSON.object([
            ("event", meeting.summaryJSON(in: language)),
            ("assignments", .array(rows.map { row in
                let (kind, holderID) = switch row.assignment.holder {
                case .person(let id): ("person", id)
                case .organisation(let id): ("organisation", id)
                }
                return .object([
                    ("id", .string(ShortID.of(row.assignment.id))), ("uid", .string(row.assignment.id.lowercasedText)),
                    ("role", .string(row.assignment.role.rawValue)), ("holder", .string(kind)),
                    ("holderId", .string(ShortID.of(holderID))), ("name", .string(row.name)),
                    ("itemId", .optional(row.item.map { ShortID.of($0.id) })), ("item", .optional(row.item?.title)),
                    ("load", row.load.map(JSON.number) ?? .null),
                    ("conflicts", .array(row.conflicts.map { $0.json(in: language) })),
                ])
            })),
            ("programme", .array(programme.map { item in
                .object([
                    ("id", .string(ShortID.of(item.id))), ("kind", .string(item.kind.rawValue)), ("title", .string(item.title)),
                    ("start", .optional(item.start?.short)), ("end", .optional(item.end?.short)),
                ])
            })),
        ]).rendered()
    }

    private func text(_ meeting: Occurrence, _ rows: [Row], _ programme: [ProgrammeItem], in language: Language) -> String {
        let clean = SafeText.clean
        var lines = [clean(meeting.title) + (meeting.eventID.map { "  [\(ShortID.of($0))]" } ?? ""),
                     describe(meeting.schedule, in: language)]
        if rows.isEmpty { lines.append(say(language, mn: "Үүрэг оноогоогүй байна.", en: "No one has a role yet.")) }
        var warned: Set<UUID> = []
        for row in rows {
            var line = "  \(ShortID.of(row.assignment.id))  \(Vocabulary.name(of: row.assignment.role, in: language)): \(clean(row.name))"
            if let item = row.item { line += " (\(clean(item.title)))" }
            if let load = row.load {
                line += say(language, mn: ", сүүлийн жилд \(load) үүрэг", en: ", \(load) \(load == 1 ? "role" : "roles") in the past year")
            }
            lines.append(line)
            // A person in two roles has one set of conflicts: shown under the first.
            guard case .person(let id) = row.assignment.holder, warned.insert(id).inserted else { continue }
            lines += row.conflicts.map { "            ! " + $0.message(in: language) }
        }
        if !programme.isEmpty {
            lines.append(say(language, mn: "Хөтөлбөр:", en: "Programme:"))
            for item in programme {
                let times = [item.start?.short, item.end?.short].compactMap { $0 }.joined(separator: "–")
                lines.append("  \(ShortID.of(item.id))  " + times.padding(toLength: 12, withPad: " ", startingAt: 0)
                             + clean(item.title) + " (" + Vocabulary.name(of: item.kind, in: language) + ")")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension EventTarget {
    /// The meeting as the calendar shows it, with its stored event when it has one; nothing is made, so a
    /// series meeting nothing was recorded on comes back as the series plans it, with no stored event.
    func meeting(in session: any ScheduleSession) throws -> (Occurrence, Event?) {
        if let stored = try existingEvent(in: session) { return (Occurrence(event: stored), stored) }
        let seriesID = try ShortID.resolve(series ?? "", .series, in: session)
        guard let found = try session.series(seriesID), let meeting else { throw ValidationError("no series has the id '\(series ?? "")'") }
        let original = try found.originalStart(named: meeting)
        if found.exceptionDates.contains(original) {
            throw ValidationError("the meeting of \(original) has been removed; `tov series restore` brings it back first")
        }
        let workingDays = try session.workingDays(
            from: original.date.adding(days: -ShiftPolicy.reach), through: original.date.adding(days: ShiftPolicy.reach))
        return (found.occurrence(at: original, workingDays: workingDays), nil)
    }
}
