import ArgumentParser

/// `tov org`: organisations.
struct OrganisationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Add, list or show organisations.",
        subcommands: [OrganisationAdd.self, OrganisationList.self, OrganisationShow.self]
    )
}
