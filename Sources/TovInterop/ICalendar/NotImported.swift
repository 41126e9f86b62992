/// Why one event of a file is left out of an import; the rest go in.
struct NotImported: Error, Equatable {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
