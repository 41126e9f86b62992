import ArgumentParser
import Foundation
import TovCore

/// `tov assign add`: a person or an organisation in a role on an event or one item of its programme, as one
/// undoable change. The conflicts it makes are warnings: the coordinator may know better.
struct AssignAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Give a person or an organisation a role on an event or on one item of its programme.",
        discussion: """
            Roles: \(Assignment.Role.allCases.map(\.rawValue).joined(separator: ", ")). Conflicts the \
            assignment makes (double-booked, travel, unavailable) are printed as warnings on stderr; the \
            assignment is made all the same.
            Example: tov assign add --series ff10 --meeting 2027-01-21 --person 3f9a --role keynote
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("The person's id.", valueName: "id")) var person: String?
    @Option(help: ArgumentHelp("The organisation's id.", valueName: "id")) var org: String?
    @Option(help: ArgumentHelp("The role: keynote, lead-discussant, moderator, presenter, trainer, interviewer or co-organiser.",
                               valueName: "role"))
    var role: String
    @Option(help: ArgumentHelp("An item of the event's programme (its id, as tov assign list shows it).", valueName: "id"))
    var item: String?

    func run() throws {
        let language = try global.language()
        let role: Assignment.Role = try Input.choice(role, "role")
        let who: String
        switch (person, org) {
        case (let person?, nil): who = person
        case (nil, let org?): who = org
        case (.some, .some): throw ValidationError("give either --person or --org, not both")
        case (nil, nil): throw ValidationError("say who takes the role: --person ID or --org ID")
        }
        let zone = Clock.zone()
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Үүрэг оноосон: \(who), \(Vocabulary.name(of: role, in: language))",
                        en: "Assigned \(who) as \(Vocabulary.name(of: role, in: language))")
        let (assignment, name, event, conflicts) = try store.write(undoable: label) { session in
            let (holder, name) = try resolveHolder(in: session)
            let event = try target.storedEvent(in: session)
            let itemID = try item.map { try ProgrammeCommand.item($0, of: event, in: session).id }
            let isOnEvent = try session.assignments(ofEvents: [event.id]).contains { $0.holder == holder }
            let assignment = try Meetings.assign(holder, as: role, on: itemID, to: event, named: name, in: session)
            // Someone already on the event has its conflicts already: a second role makes none.
            var conflicts: [Conflict] = []
            if case .person(let personID) = holder, !isOnEvent {
                conflicts = try Conflicts.find(for: personID, at: Occurrence(event: event), zone: zone, in: session)
            }
            return (assignment, name, event, conflicts)
        }
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + ShortID.of(assignment.id) + "  " + SafeText.clean(name) + ", "
             + Vocabulary.name(of: role, in: language) + ": " + SafeText.clean(event.title) + ", "
             + describe(event.schedule, in: language))
        Conflict.warn(conflicts, in: language)
    }

    /// The person or organisation named, and their name.
    private func resolveHolder(in session: any ScheduleSession) throws -> (Assignment.Holder, String) {
        if let person {
            let id = try ShortID.resolve(person, .person, in: session)
            guard let found = try session.person(id) else { throw ValidationError("no person has the id '\(person)'") }
            return (.person(id), found.name)
        }
        let text = org ?? ""
        let id = try ShortID.resolve(text, .organisation, in: session)
        guard let found = try session.organisation(id) else { throw ValidationError("no organisation has the id '\(text)'") }
        return (.organisation(id), found.name)
    }
}
