import ArgumentParser
import Foundation
import TovCore

/// `tov programme list`: an event's programme in running order, with the people on each item. A series
/// meeting nothing was recorded on shows the programme it will start with, its items without ids yet.
struct ProgrammeList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List an event's programme in running order, with the people on each item."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    /// One item with the people on it.
    struct Row {
        let item: ProgrammeItem
        /// False for an item of the default programme a meeting not yet stored will start with: its id is not real yet.
        let stored: Bool
        let people: [(name: String, role: Assignment.Role)]
    }

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let (meeting, rows) = try store.read { session in
            let (meeting, stored) = try target.meeting(in: session)
            guard let stored else {
                return (meeting, Programme.preview(of: meeting).map { Row(item: $0, stored: false, people: []) })
            }
            let assignments = try session.assignments(ofEvents: [stored.id])
            let rows = try Programme.items(of: stored.id, in: session).map { item in
                let people = try assignments.filter { $0.programmeItemID == item.id }.map { assignment in
                    (name: try session.name(of: assignment.holder) ?? "?", role: assignment.role)
                }
                return Row(item: item, stored: true, people: people.sorted { Assignment.Role.precedes(($0.role, $0.name), ($1.role, $1.name)) })
            }
            return (meeting, rows)
        }
        switch format {
        case .json: emit(json(rows))
        case .text: emit(text(meeting, rows, in: language))
        }
    }

    private func json(_ rows: [Row]) -> String {
        JSON.array(rows.map { row in
            .object([
                ("id", .optional(row.stored ? ShortID.of(row.item.id) : nil)),
                ("kind", .string(row.item.kind.rawValue)),
                ("title", .string(row.item.title)),
                ("serviceArea", .optional(row.item.serviceArea?.rawValue)),
                ("start", .optional(row.item.start?.short)),
                ("end", .optional(row.item.end?.short)),
                ("people", .array(row.people.map { .object([("name", .string($0.name)), ("role", .string($0.role.rawValue))]) })),
            ])
        }).rendered()
    }

    private func text(_ meeting: Occurrence, _ rows: [Row], in language: Language) -> String {
        var lines = [SafeText.clean(meeting.title) + (meeting.eventID.map { "  [\(ShortID.of($0))]" } ?? ""),
                     describe(meeting.schedule, in: language)]
        guard !rows.isEmpty else {
            lines.append(say(language, mn: "Хөтөлбөр хоосон байна.", en: "The programme is empty."))
            return lines.joined(separator: "\n")
        }
        let blank = String(repeating: " ", count: ShortID.length)
        for row in rows {
            lines.append("  " + (row.stored ? ShortID.of(row.item.id) : blank) + "  " + row.item.line(in: language))
            lines += row.people.map { blank + String(repeating: " ", count: 17) + SafeText.clean($0.name) + ", "
                                      + Vocabulary.name(of: $0.role, in: language) }
        }
        if rows.contains(where: { !$0.stored }) {
            lines.append(say(language,
                             mn: "Цувралын төлөвлөсөн хөтөлбөр: уулзалтад анхны өөрчлөлт орохоор (programme add, assign add) хэсгүүд дугаартай болно.",
                             en: "As the series plans it: the items get ids with the meeting's first change (programme add, assign add)."))
        }
        return lines.joined(separator: "\n")
    }
}
