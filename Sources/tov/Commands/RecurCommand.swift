import ArgumentParser
import TovCore

/// `tov recur`: previews a recurrence rule without storing anything.
struct RecurCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recur",
        abstract: "Preview a recurrence rule: its starts from --start, one per line.",
        discussion: """
            Example: tov recur --start 2026-01-15T10:00:00 --rule 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH' --limit 6
            A start the rule does not match is not an occurrence itself, as in iCalendar.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The first start (DTSTART), YYYY-MM-DDTHH:MM:SS.", valueName: "date-time"))
    var start: String

    @Option(help: ArgumentHelp("RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH.", valueName: "rrule"))
    var rule: String

    @Option(help: "At most this many starts (1 to 100000).")
    var limit: Int = 20

    @Option(help: ArgumentHelp("No start after this one, YYYY-MM-DDTHH:MM:SS.", valueName: "date-time"))
    var to: String?

    @Option(help: ArgumentHelp("The rule's zone, for an UNTIL in UTC (default: the system zone).", valueName: "zone"))
    var tz: String?

    @Option(help: "Output format: text or json.")
    var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let dtstart = try Input.dateTime(start)
        let rule = try Input.rule(rule)
        let last = try to.map(Input.dateTime)
        let zone = try tz.map(Input.zone) ?? Clock.zone()
        guard (1...100_000).contains(limit) else {
            throw ValidationError("--limit must be between 1 and 100000, not \(limit)")
        }
        try rule.check(start: dtstart)
        var starts: [LocalDateTime] = []
        for occurrence in rule.occurrences(from: dtstart, in: zone) {
            if let last, occurrence > last { break }
            starts.append(occurrence)
            if starts.count == limit { break }
        }
        switch format {
        case .json:
            emit(JSON.object([
                ("rule", .string(rule.description)),
                ("description", .string(RuleDescription(rule, start: dtstart).text(in: language))),
                ("starts", .array(starts.map { .string($0.description) })),
            ]).rendered())
        case .text:
            guard !starts.isEmpty else {
                return emit(say(language, mn: "Энэ дүрэм ямар ч огноо өгөхгүй.", en: "The rule gives no starts."))
            }
            emit(starts.map(\.description).joined(separator: "\n"))
        }
    }
}
