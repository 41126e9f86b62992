import ArgumentParser
import TovCore

/// `tov person add`.
struct PersonAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Name, e.g. 'Б. Энхтуяа'.") var name: String
    @Option(help: "The organisation's id.") var org: String?
    @Option(help: "Job title.") var title: String?
    @Option(help: "Phone.") var phone: String?
    @Option(help: "Email.") var email: String?
    @Option(help: "Expertise.") var expertise: String?

    func run() throws {
        let language = try global.language()
        let name = try Input.requiredText(name, "name")
        let store = try global.openStore(creating: true)
        let person = try store.write(undoable: say(language, mn: "Хүн нэмсэн: \(name)", en: "Added person \(name)")) { session in
            let person = Person(
                name: name, organisationID: try org.map { try ShortID.resolve($0, .organisation, in: session) },
                title: Input.text(title), phone: Input.text(phone), email: Input.text(email), expertise: Input.text(expertise)
            )
            try session.save(person)
            return person
        }
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + "\(ShortID.of(person.id))  \(person.name)")
    }
}
