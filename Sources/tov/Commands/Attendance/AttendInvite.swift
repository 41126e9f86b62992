import ArgumentParser
import TovCore

/// `tov attend invite`: organisations by kind or by hand, and people, on an event's list as invited.
struct AttendInvite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Invite every organisation of some kinds, and organisations and people by id, to an event.",
        discussion: "Example: tov attend invite --series ff10 --meeting 2027-01-21 --kind ngo --org 7c01 --person 5e2a"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(name: .customLong("kind"), help: ArgumentHelp(
        "Every organisation of this kind (repeatable): ngo, cso, ministry, state-agency, development-project, "
            + "service-provider, local-administration, citizen-group, media or other.", valueName: "kind"))
    var kinds: [String] = []
    @Option(name: .customLong("org"), help: ArgumentHelp("An organisation, by id (repeatable).", valueName: "id"))
    var organisations: [String] = []
    @Option(name: .customLong("person"), help: ArgumentHelp("A person, by id (repeatable).", valueName: "id"))
    var people: [String] = []

    // ArgumentParser's own ValidationError: it exits with status 2 like every bad value; another error type
    // thrown while parsing would exit with 1.
    func validate() throws {
        if kinds.isEmpty && organisations.isEmpty && people.isEmpty {
            throw ArgumentParser.ValidationError("say whom to invite: --kind, --org or --person")
        }
    }

    func run() throws {
        let language = try global.language()
        let kinds: [Organisation.Kind] = try kinds.map { try Input.choice($0, "kind of organisation") }
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Урьсан: ", en: "Invited to ") + target.labelName(in: language)
        let (added, total) = try store.write(undoable: label) { session in
            let organisations = try self.organisations.map { try ShortID.resolve($0, .organisation, in: session) }
            let people = try self.people.map { try ShortID.resolve($0, .person, in: session) }
            let event = try target.storedEvent(in: session)
            let added = try Attendance.invite(kinds: kinds, organisations: organisations, people: people, to: event.id, in: session)
            return (added, try session.participation(ofEvent: event.id).count)
        }
        emit(say(language, mn: "Урьсан: \(added); жагсаалтад нийт \(total).", en: "Invited \(added); \(total) on the list."))
    }
}
