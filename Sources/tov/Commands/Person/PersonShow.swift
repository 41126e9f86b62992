import ArgumentParser
import TovCore

/// `tov person show`: a person with their organisation and the days they are away.
struct PersonShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a person.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's id.") var id: String
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let (person, organisation, away) = try store.read { session in
            let id = try ShortID.resolve(id, .person, in: session)
            guard let person = try session.person(id) else { throw ValidationError("no person has the id '\(self.id)'") }
            return (person, try person.organisationID.flatMap(session.organisation), try session.unavailability(ofPeople: [id]))
        }
        switch format {
        case .json:
            emit(JSON.object([
                ("id", .string(ShortID.of(person.id))), ("uid", .string(person.id.lowercasedText)),
                ("name", .string(person.name)), ("organisation", .optional(organisation?.name)),
                ("organisationId", .optional(organisation.map { ShortID.of($0.id) })),
                ("title", .optional(person.title)), ("phone", .optional(person.phone)), ("email", .optional(person.email)),
                ("expertise", .optional(person.expertise)),
                ("away", .array(away.map(\.json))),
            ]).rendered())
        case .text:
            var lines = ["\(SafeText.clean(person.name))  [\(ShortID.of(person.id))]"]
            let fields: [(String, String, String?)] = [
                ("Байгууллага: ", "Organisation: ", organisation?.name), ("Албан тушаал: ", "Title: ", person.title),
                ("Утас: ", "Phone: ", person.phone), ("Имэйл: ", "Email: ", person.email),
                ("Мэргэшил: ", "Expertise: ", person.expertise),
            ]
            for (mn, en, value) in fields {
                if let value { lines.append(say(language, mn: mn, en: en) + SafeText.clean(value)) }
            }
            if !away.isEmpty {
                lines.append(say(language, mn: "Завгүй өдрүүд:", en: "Away:"))
                lines += away.map { "  " + PersonUnavailable.line($0) }
            }
            emit(lines.joined(separator: "\n"))
        }
    }
}
