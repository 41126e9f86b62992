import ArgumentParser

/// `tov series`: recurring events.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Add, list or show recurring events.",
        subcommands: [SeriesAdd.self, SeriesList.self, SeriesShow.self]
    )
}
