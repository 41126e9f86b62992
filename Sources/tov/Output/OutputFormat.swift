import ArgumentParser
import Foundation

/// How a listing is printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv
}

/// How a single record is printed.
enum DetailFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// Writes to standard output in one piece: an agenda of a year is one write, not thousands.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
