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

/// Writes `text` to standard output in one piece, ending it with a line break unless it has one
/// (CSV rows end in CRLF, which is one `Character`: look at the last byte).
func emit(_ text: String) {
    emit(bytes: Array(text.utf8))
}

/// Writes `bytes` to standard output in one piece, ending them with a line break unless they have one.
func emit(bytes: [UInt8]) {
    var bytes = bytes
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    StandardStreams.output(bytes)
}
