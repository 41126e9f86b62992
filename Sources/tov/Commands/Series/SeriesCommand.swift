import ArgumentParser

/// `tov series`: recurring events.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Recurring events: add, list, show; move, change, cancel, remove or restore one meeting; split the series.",
        subcommands: [
            SeriesAdd.self, SeriesList.self, SeriesShow.self, SeriesMove.self, SeriesCancel.self, SeriesRestore.self, SeriesRemove.self, SeriesChange.self,
            SeriesSplit.self, SeriesShift.self,
        ]
    )
}
