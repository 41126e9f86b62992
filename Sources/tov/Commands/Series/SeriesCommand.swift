import ArgumentParser

/// `tov series`: recurring events.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Recurring events: add, list, show; move, cancel or restore one meeting; split the series.",
        subcommands: [
            SeriesAdd.self, SeriesList.self, SeriesShow.self, SeriesMove.self, SeriesCancel.self, SeriesRestore.self,
            SeriesSplit.self, SeriesShift.self,
        ]
    )
}
