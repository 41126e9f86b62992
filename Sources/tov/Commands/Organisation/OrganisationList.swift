import ArgumentParser
import TovCore

/// `tov org list`: organisations in Mongolian alphabetical order.
struct OrganisationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List organisations.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this kind.") var kind: String?
    @Option(help: "Only this aimag or district.") var aimag: String?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let kind: Organisation.Kind? = try kind.map { try Input.choice($0, "kind of organisation") }
        let place = try aimag.map(Input.place)
        let store = try global.openStore(creating: false)
        let organisations = try store.read { try $0.organisations() }
            .filter { (kind == nil || $0.kind == kind) && (place == nil || $0.placeCode == place?.code) }
            .sorted { MongolianOrder.precedes($0.name, $1.name) }
        switch format {
        case .json:
            emit(JSON.array(organisations.map { JSON.object(organisationJSON($0)) }).rendered())
        case .csv:
            var csv = CSV(header: ["id", "name", "kind", "place", "phone", "email"])
            for o in organisations {
                csv.append([ShortID.of(o.id), o.name, o.kind.rawValue, o.placeCode ?? "", o.phone ?? "", o.email ?? ""])
            }
            emit(csv.text)
        case .text:
            guard !organisations.isEmpty else { return emit(say(language, mn: "Байгууллага алга.", en: "No organisations.")) }
            emit(organisations.map { o in
                let place = o.placeCode.flatMap(ReferenceData.shared.place(code:))?.name(in: language)
                return "\(ShortID.of(o.id))  \(SafeText.clean(o.name))  [\(Vocabulary.name(of: o.kind, in: language))\(place.map { ", " + $0 } ?? "")]"
            }.joined(separator: "\n"))
        }
    }
}

/// An organisation as `org list` and `org show` print it in JSON.
func organisationJSON(_ o: Organisation) -> [(String, JSON)] {
    [
        ("id", .string(ShortID.of(o.id))), ("uid", .string(o.id.lowercasedText)), ("name", .string(o.name)),
        ("kind", .string(o.kind.rawValue)), ("place", .optional(o.placeCode)), ("phone", .optional(o.phone)),
        ("email", .optional(o.email)),
    ]
}
