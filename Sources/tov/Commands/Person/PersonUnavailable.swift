import ArgumentParser
import TovCore

/// `tov person unavailable`: the days a person is away. With `--from` (and `--to`) it adds a time away and
/// warns of the events they are assigned to then; with `--remove` it takes one back; alone it lists them.
struct PersonUnavailable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unavailable",
        abstract: "Add, list or remove the days a person is away.",
        discussion: """
            With --from (and --to) it adds a time away and warns of the events the person is assigned to \
            then; with --remove it takes one back; with neither it lists them.
            Example: tov person unavailable 3f9a --from 2026-11-18 --to 2026-11-20 --note Leave
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's id.") var id: String
    @Option(help: ArgumentHelp("The first day away, YYYY-MM-DD.", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The last day away, included (default: --from).", valueName: "date")) var to: String?
    @Option(help: "Why, e.g. 'Leave'.") var note: String?
    @Option(help: ArgumentHelp("Remove this time away (its id, as the list shows it).", valueName: "id")) var remove: String?
    @Option(help: "Output format of the list: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        if let remove {
            guard from == nil, to == nil, note == nil else {
                throw ValidationError("--remove takes no --from, --to or --note")
            }
            return try removeAway(remove, in: language)
        }
        if from != nil || to != nil || note != nil {
            guard let from else { throw ValidationError("say the first day away: --from YYYY-MM-DD") }
            let first = try Input.date(from)
            let last = try to.map(Input.date) ?? first
            guard last >= first else { throw ValidationError("the last day away \(last) is before the first day \(first)") }
            return try add(first, last, in: language)
        }
        try list(in: language)
    }

    /// The person the id names.
    private func findPerson(in session: any ScheduleSession) throws -> Person {
        let personID = try ShortID.resolve(id, .person, in: session)
        guard let person = try session.person(personID) else { throw ValidationError("no person has the id '\(id)'") }
        return person
    }

    private func add(_ first: LocalDate, _ last: LocalDate, in language: Language) throws {
        let zone = Clock.zone()
        let store = try global.openStore(creating: false)
        let days = first == last ? first.description : "\(first) – \(last)"
        let label = say(language, mn: "Завгүй өдрүүд нэмсэн: \(id), \(days)", en: "Added time away for \(id), \(days)")
        let (person, away, conflicts) = try store.write(undoable: label) { session in
            let person = try findPerson(in: session)
            let away = Unavailability(personID: person.id, from: first, through: last, note: Input.text(note))
            try session.save(away)
            // The events they are assigned to in those days now have a conflict.
            let eventIDs = Set(try session.assignments(of: .person(person.id)).map(\.eventID))
            let conflicts = try session.events(Array(eventIDs)).flatMap { event in
                try Conflicts.find(for: person.id, at: Occurrence(event: event), zone: zone, in: session)
                    .filter { $0.kind == .unavailable && $0.away?.id == away.id }
            }
            return (person, away, conflicts)
        }
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + "\(ShortID.of(away.id))  \(SafeText.clean(person.name))"
             + say(language, mn: " завгүй: ", en: " away ") + away.days)
        Conflict.warn(conflicts.sorted { $0.first.schedule.startInstant < $1.first.schedule.startInstant }, in: language)
    }

    private func removeAway(_ text: String, in language: Language) throws {
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Завгүй өдрүүд хассан: \(text)", en: "Removed time away \(text)")
        let (person, away) = try store.write(undoable: label) { session in
            let person = try findPerson(in: session)
            let awayID = try ShortID.resolve(text, .unavailability, in: session)
            guard let away = try session.unavailability(ofPeople: [person.id]).first(where: { $0.id == awayID }) else {
                throw ValidationError("the time away '\(text)' is not \(person.name)'s")
            }
            try session.delete(.unavailability, id: awayID)
            return (person, away)
        }
        emit(say(language, mn: "Хассан: ", en: "Removed ") + "\(ShortID.of(away.id))  \(SafeText.clean(person.name))"
             + say(language, mn: " завгүй: ", en: " away ") + away.days)
    }

    private func list(in language: Language) throws {
        let store = try global.openStore(creating: false)
        let (person, times) = try store.read { session in
            let person = try findPerson(in: session)
            return (person, try session.unavailability(ofPeople: [person.id]))
        }
        switch format {
        case .json:
            emit(JSON.array(times.map(\.json)).rendered())
        case .text:
            let name = SafeText.clean(person.name)
            guard !times.isEmpty else { return emit(say(language, mn: "\(name) завгүй өдөргүй.", en: "\(name) has no times away.")) }
            emit(times.map(PersonUnavailable.line).joined(separator: "\n"))
        }
    }

    /// "7c01ab23  2026-11-18 – 2026-11-20  Leave".
    static func line(_ away: Unavailability) -> String {
        "\(ShortID.of(away.id))  \(away.days)" + (away.note.map { "  " + SafeText.clean($0) } ?? "")
    }
}
