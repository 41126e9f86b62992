import ArgumentParser
import TovCore

/// The one organisation or person a command marks or takes off a list: `--org ID` or `--person ID`.
struct ParticipantOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The organisation's id.", valueName: "id")) var org: String?
    @Option(help: ArgumentHelp("The person's id.", valueName: "id")) var person: String?

    // ArgumentParser's own ValidationError: it exits with status 2 like every bad value; another error type
    // thrown while parsing would exit with 1.
    func validate() throws {
        switch (org, person) {
        case (.some, nil), (nil, .some): return
        case (.some, .some): throw ArgumentParser.ValidationError("give either --org or --person, not both")
        case (nil, nil): throw ArgumentParser.ValidationError("say who: --org ID or --person ID")
        }
    }

    /// The participant and their name, safe for a terminal.
    func resolve(in session: any ScheduleSession) throws -> (holder: Assignment.Holder, name: String) {
        if let org {
            let id = try ShortID.resolve(org, .organisation, in: session)
            guard let found = try session.organisation(id) else { throw ValidationError("no organisation has the id '\(org)'") }
            return (.organisation(id), SafeText.clean(found.name))
        }
        let text = person ?? ""
        let id = try ShortID.resolve(text, .person, in: session)
        guard let found = try session.person(id) else { throw ValidationError("no person has the id '\(text)'") }
        return (.person(id), SafeText.clean(found.name))
    }
}
