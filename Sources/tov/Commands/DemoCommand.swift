import ArgumentParser
import TovCore

/// `tov demo`: fill a database with a realistic year, and optionally many synthetic events.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the database with a realistic sample year (and --events N synthetic events for load tests).",
        discussion: "The sample goes into an empty database only; into one that holds records, only --events are added."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("First day of the sample year, YYYY-MM-DD (default: the first of the month six months ago).", valueName: "date"))
    var from: String?

    @Option(help: "Also add this many synthetic events (single, recurring, all-day) over five years.")
    var events: Int = 0

    func run() throws {
        let language = try global.language()
        guard events >= 0 else { throw ValidationError("--events must be 0 or more, not \(events)") }
        let today = try Clock.today()
        let first = try from.map(Input.date) ?? today.firstOfMonth.adding(months: -6) ?? today.firstOfMonth
        let store = try global.openStore(creating: true)
        let summary = try store.write { session -> DemoData.Summary? in
            let isEmpty = try RecordKind.allCases.allSatisfy { try session.count($0) == 0 }
            guard isEmpty || events > 0 else {
                throw ValidationError("the database already holds records; tov demo fills a new one (use --db with a new file)")
            }
            let summary = isEmpty ? try DemoData(from: first, today: today).write(into: session) : nil
            let loaded = try session.count(.event) + session.count(.series)
            try SyntheticEvents(count: events, from: first, firstNumber: loaded).write(into: session)
            return summary
        }
        var lines: [String] = []
        if let summary {
            lines.append(say(
                language,
                mn: "Жишээ жил \(Vocabulary.date(first, in: .mn))-аас: \(summary.organisations) байгууллага, \(summary.people) хүн, \(summary.topics) сэдэв, \(summary.series) цуврал, \(summary.events) арга хэмжээ.",
                en: "Sample year from \(first): \(summary.organisations) organisations, \(summary.people) people, \(summary.topics) topics, \(summary.series) series, \(summary.events) events."
            ))
        }
        if events > 0 {
            lines.append(say(language, mn: "Туршилтын \(events) арга хэмжээ нэмсэн.", en: "Added \(events) synthetic events."))
        }
        lines.append(say(language, mn: "Өгөгдлийн сан: ", en: "Database: ") + global.databasePath)
        emit(lines.joined(separator: "\n"))
    }
}
