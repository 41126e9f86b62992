import ArgumentParser
import TovCore

/// `tov attend list`: an event's list with its counts; `--format csv` is the attendance list export.
struct AttendList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List who is invited to an event and who came, with counts; --format csv exports the list.",
        discussion: "Example: tov attend list --series ff10 --meeting 2027-01-21 --format csv --output ирц.csv"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        // A series meeting nothing is stored on has an empty list; reading it stores nothing.
        let lines = try store.read { session in
            try target.existingEvent(in: session).map { try Attendance.lines(of: $0.id, in: session) } ?? []
        }
        let counts = Attendance.counts(lines.map(\.participation))
        let text = switch format {
        case .text: self.text(lines, counts, in: language)
        case .json: json(lines, counts)
        case .csv: Attendance.csv(lines, in: language)
        }
        guard let output else { return emit(text) }
        // Every line ends in a line break, as on standard output (a CSV's already end in CRLF).
        try OutputFile.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n", to: output)
        emit(say(language, mn: "Хадгалсан: ", en: "Written to ") + output)
    }

    private func json(_ lines: [Attendance.Line], _ counts: AttendanceCounts) -> String {
        var members = Participation.Status.allCases.map { ($0.rawValue, JSON.number(counts[$0])) }
        members.append(("total", .number(counts.total)))
        let participants: [JSON] = lines.map { line in
            let participant = line.participation.participant
            let (id, type) = switch participant {
            case .organisation(let id): (id, "organisation")
            case .person(let id): (id, "person")
            }
            return .object([
                ("name", .string(line.name)), ("organisation", .optional(line.organisation)),
                ("kind", .optional(line.organisationKind?.rawValue)), ("status", .string(line.participation.status.rawValue)),
                ("id", .string(ShortID.of(id))), ("type", .string(type)),
            ])
        }
        return JSON.object([("counts", .object(members)), ("participants", .array(participants))]).rendered()
    }

    /// One line per participant (id, status, name, organisation, kind), then the counts.
    private func text(_ lines: [Attendance.Line], _ counts: AttendanceCounts, in language: Language) -> String {
        guard !lines.isEmpty else { return say(language, mn: "Жагсаалт хоосон байна.", en: "Nobody is on the list.") }
        var rows = lines.map { line in
            let id = switch line.participation.participant {
            case .organisation(let id), .person(let id): ShortID.of(id)
            }
            let status = Vocabulary.name(of: line.participation.status, in: language)
            var row = "  \(id)  " + status + String(repeating: " ", count: max(13 - status.count, 2)) + SafeText.clean(line.name)
            if let organisation = line.organisation { row += ", " + SafeText.clean(organisation) }
            if let kind = line.organisationKind { row += "  [" + Vocabulary.name(of: kind, in: language) + "]" }
            return row
        }
        let parts = Participation.Status.allCases.map { "\(Vocabulary.name(of: $0, in: language)) \(counts[$0])" }
        rows.append(say(language, mn: "Нийт \(counts.total): ", en: "Total \(counts.total): ") + parts.joined(separator: ", "))
        return rows.joined(separator: "\n")
    }
}
