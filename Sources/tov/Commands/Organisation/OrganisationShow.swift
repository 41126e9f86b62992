import ArgumentParser
import TovCore

/// `tov org show`: an organisation, its people, and the dialogue meetings it attended in the last twelve months.
struct OrganisationShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an organisation with its people.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The organisation's id.") var id: String
    @Option(help: "Output format: text or json.") var format: DetailFormat = .text

    func run() throws {
        let language = try global.language()
        let today = try Clock.today()
        let store = try global.openStore(creating: false)
        let (organisation, people, dialogues) = try store.read { session in
            let id = try ShortID.resolve(id, .organisation, in: session)
            guard let organisation = try session.organisation(id) else {
                throw ValidationError("no organisation has the id '\(self.id)'")
            }
            return (organisation, try session.people().filter { $0.organisationID == id },
                    try Attendance.dialoguesAttended(by: id, asOf: today, in: session))
        }
        switch format {
        case .json:
            var members = organisationJSON(organisation)
            let listed: [JSON] = people.map { person in
                JSON.object([("id", .string(ShortID.of(person.id))), ("name", .string(person.name)), ("title", .optional(person.title))])
            }
            members.append(("people", .array(listed)))
            members.append(("dialoguesAttended", .array(dialogues.map { event in
                .object([("id", .string(ShortID.of(event.id))), ("title", .string(event.title)),
                         ("start", .string(event.schedule.start.description))])
            })))
            emit(JSON.object(members).rendered())
        case .text:
            var lines = [
                "\(SafeText.clean(organisation.name))  [\(ShortID.of(organisation.id))]",
                say(language, mn: "Төрөл: ", en: "Kind: ") + Vocabulary.name(of: organisation.kind, in: language),
            ]
            if let place = organisation.placeCode.flatMap(ReferenceData.shared.place(code:)) {
                lines.append(say(language, mn: "Байршил: ", en: "Place: ") + place.name(in: language))
            }
            if let phone = organisation.phone { lines.append(say(language, mn: "Утас: ", en: "Phone: ") + SafeText.clean(phone)) }
            if let email = organisation.email { lines.append(say(language, mn: "Имэйл: ", en: "Email: ") + SafeText.clean(email)) }
            if !people.isEmpty {
                lines.append(say(language, mn: "Хүмүүс:", en: "People:"))
                lines += people.map { "  \(ShortID.of($0.id))  \(SafeText.clean($0.name))\($0.title.map { ", " + SafeText.clean($0) } ?? "")" }
            }
            lines.append(say(language, mn: "Сүүлийн 12 сард оролцсон диалоги: ", en: "Dialogues attended in the last twelve months: ")
                + String(dialogues.count))
            lines += dialogues.map { "  \($0.schedule.start.date)  \(SafeText.clean($0.title))  [\(ShortID.of($0.id))]" }
            emit(lines.joined(separator: "\n"))
        }
    }
}
