import Foundation
import ArgumentParser
import TovCore

/// `tov agenda`: every occurrence overlapping a range of days, oldest first.
struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "List what is scheduled from --from through --to (default: today and the next 30 days)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (default: today).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, YYYY-MM-DD, included (default: 30 days after --from).", valueName: "date"))
    var to: String?

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Show times in this IANA zone (default: the system zone).", valueName: "zone"))
    var tz: String?

    func run() throws {
        try AgendaArguments(global: global.values, from: from, to: to, format: format, tz: tz).run()
    }
}

/// What `tov agenda` was asked, and the printing of it.
///
/// ArgumentParser spends about 3.5 ms of every run building its command tree and reflecting on
/// every command (a tenth of a month's agenda at 100,000 events). An agenda asked for with plain
/// options only (`[--db P] [--lang L] agenda [--from D] [--to D] [--format F] [--tz Z]`, each once,
/// as separate words or `--name=value`) is read here without it; anything else (help, a
/// repeated or unknown option, a missing or odd-looking value, a format it does not name) goes to
/// ArgumentParser, which reads it or says what is wrong, as before.
struct AgendaArguments {
    var global: Globals
    var from: String?
    var to: String?
    var format: OutputFormat
    var tz: String?

    init(global: Globals, from: String?, to: String?, format: OutputFormat, tz: String?) {
        self.global = global
        self.from = from
        self.to = to
        self.format = format
        self.tz = tz
    }

    /// The arguments after the program's name, when they are a plain agenda request; nil otherwise.
    init?(plain arguments: ArraySlice<String>) {
        guard let verb = arguments.firstIndex(of: "agenda") else { return nil }
        var values: [Substring: String] = [:]
        var index = arguments.startIndex
        while index < arguments.endIndex {
            if index == verb {
                index += 1
                continue
            }
            let beforeVerb = index < verb
            let word = arguments[index]
            guard word.hasPrefix("--") else { return nil }
            let name: Substring, value: String
            if let equals = word.firstIndex(of: "=") {
                name = word[word.index(word.startIndex, offsetBy: 2)..<equals]
                value = String(word[word.index(after: equals)...])
                index += 1
            } else {
                guard index + 1 < arguments.endIndex, index + 1 != verb else { return nil }
                name = word.dropFirst(2)
                value = arguments[index + 1]
                index += 2
            }
            switch name {
            case "db", "lang": break
            case "from", "to", "format", "tz": if beforeVerb { return nil }
            default: return nil
            }
            // A value must look like one, and each option comes once.
            guard !value.isEmpty, !value.hasPrefix("-"), values[name] == nil else { return nil }
            values[name] = value
        }
        var format = OutputFormat.text
        if let name = values["format"] {
            guard let named = OutputFormat(rawValue: name) else { return nil }
            format = named
        }
        self.init(
            global: Globals(db: values["db"], lang: values["lang"]),
            from: values["from"], to: values["to"], format: format, tz: values["tz"]
        )
    }

    func run() throws {
        let language = try global.language()
        let zone = try tz.map(Input.zone) ?? Clock.zone()
        let first = try from.map(Input.date) ?? Clock.today()
        let last = try to.map(Input.date) ?? first.adding(days: 30)
        // The store is closed as soon as the agenda is read (it does not outlive the statement).
        let agenda = try global.openStore(creating: false).read { try Agenda(from: first, through: last, zone: zone, session: $0) }
        for series in agenda.crowdedSeries {
            StandardStreams.error("tov: " + say(language,
                mn: "\(ShortID.of(series.id)) цуврал энэ хугацаанд \(Agenda.meetingsPerSeries)-аас олон уулзалттай; эхний \(Agenda.meetingsPerSeries)-ыг харуулав\n",
                en: "series \(ShortID.of(series.id)) has more than \(Agenda.meetingsPerSeries) meetings in this range; showing the first \(Agenda.meetingsPerSeries)\n"))
        }
        let presenter = AgendaPresenter(entries: agenda.entries, zone: zone, language: language)
        var output = OutputBuffer.streamingToStandardOutput()
        presenter.write(format, into: &output)
        output.flush()
        // Nothing is left to do: the process ends here instead of first freeing the thousands of entries
        // one by one (0.8 ms of a month at 100,000 events).
        exit(0)
    }
}
