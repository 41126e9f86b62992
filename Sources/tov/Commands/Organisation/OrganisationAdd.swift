import ArgumentParser
import TovCore

/// `tov org add`.
struct OrganisationAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an organisation.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Name.") var name: String
    @Option(help: "ngo, cso, ministry, state-agency, development-project, service-provider, local-administration, citizen-group, media or other.")
    var kind: String
    @Option(help: "Aimag or district (omit for a national body).") var aimag: String?
    @Option(help: "Phone.") var phone: String?
    @Option(help: "Email.") var email: String?

    func run() throws {
        let language = try global.language()
        let organisation = Organisation(
            name: try Input.requiredText(name, "name"), kind: try Input.choice(kind, "kind of organisation"),
            placeCode: try aimag.map(Input.place)?.code, phone: Input.text(phone), email: Input.text(email)
        )
        let store = try global.openStore(creating: true)
        try store.write(undoable: say(language, mn: "Байгууллага нэмсэн: \(organisation.name)", en: "Added organisation \(organisation.name)")) { try $0.save(organisation) }
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + "\(ShortID.of(organisation.id))  \(organisation.name)")
    }
}
