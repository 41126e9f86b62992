import ArgumentParser
import TovCore

/// `tov series show`: a series and its coming meetings.
struct SeriesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a series and its next meetings.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The series' id.") var id: String
    @Option(help: "How many meetings to list from today.") var count: Int = 6
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let today = LocalDateTime(date: try Clock.today())
        let store = try global.openStore(creating: false)
        guard (0...Agenda.meetingsPerSeries).contains(count) else {
            throw ValidationError("--count must be between 0 and \(Agenda.meetingsPerSeries), not \(count)")
        }
        let (series, next) = try store.read { session in
            let id = try ShortID.resolve(id, .series, in: session)
            guard let series = try session.series(id) else { throw ValidationError("no series has the id '\(self.id)'") }
            let workingDays = try session.workingDays(from: today.date.adding(days: -400), through: today.date.adding(days: 3700))
            return (series, series.meetings(startingAt: today, limit: count, overrides: try session.overrides(ofSeries: [id]),
                                            workingDays: workingDays))
        }
        switch format {
        case .json:
            let members: [(String, JSON)] = [
                ("id", .string(ShortID.of(series.id))), ("uid", .string(series.id.lowercasedText)),
                ("title", .string(series.title)), ("kind", .string(series.kind.rawValue)),
                ("status", .string(series.status.rawValue)), ("rule", .string(series.rule.description)),
                ("description", .string(RuleDescription(series.rule, start: series.schedule.start).text(in: language))),
                ("shift", .string(series.shift.rawValue)),
                ("start", .string(series.schedule.start.description)), ("end", .string(series.schedule.end.description)),
                ("timeZone", .string(series.schedule.zone.identifier)), ("place", .optional(series.placeCode)),
                ("venue", .optional(series.venue)),
                ("next", .array(next.map { meeting in
                    JSON.object([
                        ("start", .string(meeting.schedule.start.description)),
                        ("recurrenceId", .optional(meeting.recurrenceID?.description)),
                        ("status", .string(meeting.status.rawValue)),
                        ("id", .optional(meeting.eventID.map(ShortID.of))),
                    ])
                })),
            ]
            emit(JSON.object(members).rendered())
        case .text:
            var lines = [
                "\(SafeText.clean(series.title))  [\(ShortID.of(series.id))]",
                say(language, mn: "Дүрэм: ", en: "Rule: ") + RuleDescription(series.rule, start: series.schedule.start).text(in: language)
                    + "  (\(series.rule))",
                say(language, mn: "Эхний уулзалт: ", en: "First meeting: ") + describe(series.schedule, in: language),
            ]
            if let place = series.placeCode.flatMap(ReferenceData.shared.place(code:)) {
                lines.append(say(language, mn: "Хаана: ", en: "Where: ") + [series.venue.map(SafeText.clean), place.name(in: language)].compactMap { $0 }.joined(separator: ", "))
            }
            lines.append(say(language, mn: "Дараагийн уулзалтууд:", en: "Next meetings:"))
            for meeting in next {
                let start = meeting.schedule.start
                let weekday = Vocabulary.name(of: start.date.weekday, in: language)
                var line = "  \(Vocabulary.date(start.date, in: language)), \(weekday) \(start.time.short)"
                if let original = meeting.recurrenceID, original != start {
                    line += say(language, mn: " (анх ", en: " (moved from ") + Vocabulary.date(original.date, in: language) + ")"
                }
                if meeting.status == .cancelled { line += " — " + Vocabulary.name(of: .cancelled, in: language) }
                if let id = meeting.eventID { line += "  " + ShortID.of(id) }
                lines.append(line)
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
