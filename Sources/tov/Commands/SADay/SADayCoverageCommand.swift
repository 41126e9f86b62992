import ArgumentParser
import TovCore

/// `tov sa-day coverage`: which aimags and districts have held, planned or only thought of an SA Day in a
/// year, and which have nothing planned yet.
struct SADayCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List the aimags and districts with their SA Days of a year: held, planned, an idea, or none.",
        discussion: """
            A place counts as held when one of its days was held (or reported), planned when one is tentative or \
            confirmed, idea when it has only ideas; cancelled days do not count. Series meetings count like \
            single days.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The year (default: this year).") var year: Int?
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let year = try year ?? Clock.today().year
        let zone = Clock.zone()
        let store = try global.openStore(creating: false)
        let coverage = try store.read { try SADayCoverage(year: year, zone: zone, in: $0) }
        emit(format == .json ? json(coverage, in: language) : text(coverage, in: language))
    }

    // MARK: - JSON

    private func json(_ coverage: SADayCoverage, in language: Language) -> String {
        let counts = coverage.counts
        return JSON.object([
            ("year", .number(coverage.year)),
            ("counts", .object([SADayCoverage.State.held, .planned, .idea, .none].map { ($0.rawValue, .number(counts[$0] ?? 0)) })),
            ("places", .array(coverage.rows.map { row in
                .object([
                    ("code", .string(row.place.code)), ("name", .string(row.place.name(in: language))),
                    ("kind", .string(row.place.kind.rawValue)), ("state", .string(row.state.rawValue)),
                    ("days", .array(row.days.map { dayJSON($0) })),
                ])
            })),
            ("notYetPlanned", .array(coverage.notYetPlanned.map { .string($0.code) })),
            ("unplaced", .array(coverage.unplaced.map { dayJSON($0, place: true) })),
        ]).rendered()
    }

    /// `{date, title, status, id}`, and `place` (a code tov does not know, or null) for an unplaced day. The id is
    /// the stored event's, null for a series meeting nothing is stored on.
    private func dayJSON(_ day: Occurrence, place: Bool = false) -> JSON {
        var members: [(String, JSON)] = [
            ("date", .string(day.schedule.start.date.description)), ("title", .string(day.title)),
            ("status", .string(day.status.rawValue)), ("id", .optional(day.eventID.map(ShortID.of))),
        ]
        if place { members.append(("place", .optional(day.placeCode))) }
        return .object(members)
    }

    // MARK: - Text

    private func text(_ coverage: SADayCoverage, in language: Language) -> String {
        var lines = [say(language, mn: "\(coverage.year) оны НЭХ өдөрлөгүүд: аймаг, дүүргээр",
                         en: "SA Days in \(coverage.year), by aimag and district")]
        for (kind, heading) in [(Place.Kind.aimag, say(language, mn: "Аймгууд", en: "Aimags")),
                                (.capitalDistrict, say(language, mn: "Улаанбаатарын дүүргүүд", en: "Districts of Ulaanbaatar"))] {
            lines.append(heading)
            for row in coverage.rows where row.place.kind == kind {
                let head = "  " + pad(row.place.code, 10) + pad(row.place.name(in: language), 18)
                    + pad(Vocabulary.name(of: row.state, in: language), 12)
                let days = row.days.map { dayLine($0, in: language) }
                lines.append((head + (days.first ?? "")).trimmingTrailingSpaces)
                lines += days.dropFirst().map { String(repeating: " ", count: head.count) + $0 }
            }
        }
        let counts = coverage.counts
        lines.append([SADayCoverage.State.held, .planned, .idea, .none].enumerated().map { index, state in
            let name = Vocabulary.name(of: state, in: language)
            return (index == 0 ? name.prefix(1).uppercased() + name.dropFirst() : name) + " \(counts[state] ?? 0)"
        }.joined(separator: ", ") + ".")
        let waiting = coverage.notYetPlanned
        if !waiting.isEmpty {
            // Aimags, then districts under their own word: Sükhbaatar is both.
            let aimags = waiting.filter { $0.kind == .aimag }.map { $0.name(in: language) }
            var districts = waiting.filter { $0.kind == .capitalDistrict }.map { $0.name(in: language) }
            if !aimags.isEmpty && !districts.isEmpty { districts[0] = say(language, mn: "дүүргүүд: ", en: "districts: ") + districts[0] }
            lines += wrapped(say(language, mn: "Төлөвлөөгүй (\(waiting.count)): ", en: "Not yet planned (\(waiting.count)): "),
                             [aimags, districts].filter { !$0.isEmpty })
        }
        if !coverage.unplaced.isEmpty {
            lines.append(say(language, mn: "Аймаг, дүүрэг нь тодорхойгүй:", en: "With no known aimag or district:"))
            lines += coverage.unplaced.map { "  " + dayLine($0, in: language) }
        }
        return lines.joined(separator: "\n")
    }

    /// "2026-07-09  Title (held)  [3f9a12c0]".
    private func dayLine(_ day: Occurrence, in language: Language) -> String {
        "\(day.schedule.start.date)  \(SafeText.clean(day.title)) (\(Vocabulary.name(of: day.status, in: language)))"
            + (day.eventID.map { "  [\(ShortID.of($0))]" } ?? "")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    /// `lead` then the names, comma-separated within a group and semicolon-separated between groups, in lines
    /// of at most 80 characters; later lines indented.
    private func wrapped(_ lead: String, _ groups: [[String]]) -> [String] {
        let words = groups.enumerated().flatMap { group, names in
            names.enumerated().map { index, name in
                name + (index < names.count - 1 ? "," : group < groups.count - 1 ? ";" : ".")
            }
        }
        var lines: [String] = []
        var line = lead
        for word in words {
            if line.count + word.count + 1 > 80 && line.count > lead.count {
                lines.append(line)
                line = "  " + word
            } else {
                line += (line == lead ? "" : " ") + word
            }
        }
        return lines + [line]
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
