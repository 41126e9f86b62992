import ArgumentParser
import TovCore

/// `tov series list`: every series with its rule and next meeting.
struct SeriesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List series.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let today = LocalDateTime(date: try Clock.today())
        let store = try global.openStore(creating: false)
        let rows = try store.read { session -> [(Series, LocalDateTime?)] in
            let all = try session.allSeries()
            let overrides = try session.overrides(ofSeries: all.map(\.id))
            let workingDays = try session.workingDays(from: today.date.adding(days: -400), through: today.date.adding(days: 3700))
            return all.map { series in
                let next = series.meetings(startingAt: today, limit: 8, overrides: overrides, workingDays: workingDays)
                    .first { $0.status != .cancelled }
                return (series, next?.schedule.start)
            }
        }
        switch format {
        case .json:
            emit(JSON.array(rows.map { series, next in
                .object([
                    ("id", .string(ShortID.of(series.id))), ("uid", .string(series.id.lowercasedText)),
                    ("title", .string(series.title)), ("kind", .string(series.kind.rawValue)),
                    ("rule", .string(series.rule.description)),
                    ("description", .string(RuleDescription(series.rule, start: series.schedule.start).text(in: language))),
                    ("start", .string(series.schedule.start.description)),
                    ("timeZone", .string(series.schedule.zone.identifier)), ("place", .optional(series.placeCode)),
                    ("shift", .string(series.shift.rawValue)),
                    ("next", .optional(next?.description)),
                ])
            }).rendered())
        case .csv:
            var csv = CSV(header: ["id", "title", "kind", "rule", "description", "start", "timeZone", "place", "next"])
            for (series, next) in rows {
                csv.append([ShortID.of(series.id), series.title, series.kind.rawValue, series.rule.description,
                            RuleDescription(series.rule, start: series.schedule.start).text(in: language),
                            series.schedule.start.description, series.schedule.zone.identifier,
                            series.placeCode ?? "", next?.description ?? ""])
            }
            emit(csv.text)
        case .text:
            guard !rows.isEmpty else { return emit(say(language, mn: "Цуврал алга.", en: "No series.")) }
            emit(rows.map { series, next in
                "\(ShortID.of(series.id))  \(SafeText.clean(series.title))\n          "
                    + RuleDescription(series.rule, start: series.schedule.start).text(in: language) + "  (\(series.rule))\n          "
                    + say(language, mn: "дараагийнх: ", en: "next: ")
                    + (next.map { Vocabulary.date($0.date, in: language) + " " + $0.time.short } ?? "—")
            }.joined(separator: "\n"))
        }
    }
}
