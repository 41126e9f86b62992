import ArgumentParser
import TovCore

/// `tov person show`.
struct PersonShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a person.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The person's id.") var id: String
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let (person, organisation) = try store.read { session in
            let id = try ShortID.resolve(id, .person, in: session)
            guard let person = try session.person(id) else { throw ValidationError("no person has the id '\(self.id)'") }
            return (person, try person.organisationID.flatMap(session.organisation))
        }
        switch format {
        case .json:
            emit(JSON.object([
                ("id", .string(ShortID.of(person.id))), ("uid", .string(person.id.lowercasedText)),
                ("name", .string(person.name)), ("organisation", .optional(organisation?.name)),
                ("organisationId", .optional(organisation.map { ShortID.of($0.id) })),
                ("title", .optional(person.title)), ("phone", .optional(person.phone)), ("email", .optional(person.email)),
                ("expertise", .optional(person.expertise)),
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
            emit(lines.joined(separator: "\n"))
        }
    }
}
