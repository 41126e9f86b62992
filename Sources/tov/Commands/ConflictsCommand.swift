import ArgumentParser
import TovCore

/// `tov conflicts`: people double-booked, travelling between places, assigned while away, and dialogue
/// meetings close ahead with no keynote.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List scheduling conflicts from --from through --to (default: today and the next 90 days).",
        discussion: """
            Kinds: double-booked (one person in two events at once, in any zone), travel (one person in \
            different aimags or districts on the same or the next day), unavailable (assigned on a day away: \
            tov person unavailable), no-keynote (a dialogue meeting in the next 14 days without a keynote). \
            Exits 0 when there are conflicts too.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (default: today).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD, included (default: 90 days after --from).", valueName: "date"))
    var to: String?
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let today = try Clock.today()
        let first = try from.map(Input.date) ?? today
        let last = try to.map(Input.date) ?? first.adding(days: 90)
        let store = try global.openStore(creating: false)
        let conflicts = try store.read {
            try Conflicts.find(from: first, through: last, today: today, zone: Clock.zone(), in: $0)
        }
        switch format {
        case .json:
            emit(JSON.array(conflicts.map { $0.json(in: language) }).rendered())
        case .text:
            guard !conflicts.isEmpty else { return emit(say(language, mn: "Давхцал алга.", en: "No conflicts.")) }
            emit(conflicts.map { $0.message(in: language) }.joined(separator: "\n"))
        }
    }
}
