import ArgumentParser
import TovCore

/// `tov person list`: people in Mongolian alphabetical order, with their organisations.
struct PersonList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List people.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only people of this organisation (id).") var org: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let store = try global.openStore(creating: false)
        let (people, organisations) = try store.read { session in
            let only = try org.map { try ShortID.resolve($0, .organisation, in: session) }
            let people = try session.people().filter { only == nil || $0.organisationID == only }
            let organisations = Dictionary(uniqueKeysWithValues: try session.organisations().map { ($0.id, $0.name) })
            return (people.sorted { MongolianOrder.precedes($0.name, $1.name) }, organisations)
        }
        switch format {
        case .json:
            emit(JSON.array(people.map { p in
                .object([
                    ("id", .string(ShortID.of(p.id))), ("uid", .string(p.id.lowercasedText)),
                    ("name", .string(p.name)), ("organisation", .optional(p.organisationID.flatMap { organisations[$0] })),
                    ("title", .optional(p.title)), ("phone", .optional(p.phone)), ("email", .optional(p.email)),
                    ("expertise", .optional(p.expertise)),
                ])
            }).rendered())
        case .csv:
            var csv = CSV(header: ["id", "name", "organisation", "title", "phone", "email", "expertise"])
            for p in people {
                csv.append([ShortID.of(p.id), p.name, p.organisationID.flatMap { organisations[$0] } ?? "", p.title ?? "",
                            p.phone ?? "", p.email ?? "", p.expertise ?? ""])
            }
            emit(csv.text)
        case .text:
            guard !people.isEmpty else { return emit(say(language, mn: "Хүн алга.", en: "No people.")) }
            emit(people.map { p in
                let organisation = p.organisationID.flatMap { organisations[$0] }
                let details = [p.title, organisation].compactMap { $0.map(SafeText.clean) }.joined(separator: ", ")
                return "\(ShortID.of(p.id))  \(SafeText.clean(p.name))\(details.isEmpty ? "" : "  (" + details + ")")"
            }.joined(separator: "\n"))
        }
    }
}
