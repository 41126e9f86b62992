import Foundation
import TovCore

/// RFC 4180 rows: fields quoted when they hold a comma, a quote or a line break; CRLF line ends.
struct CSV {
    private var output = OutputBuffer()

    /// A table in memory, starting with its header row.
    init(header: [String]) {
        CSV.append(header, to: &output)
    }

    mutating func append(_ fields: [String]) {
        CSV.append(fields, to: &output)
    }

    var text: String { output.string }

    /// Appends one row to `output`.
    static func append(_ fields: [String], to output: inout OutputBuffer) {
        for (index, value) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            // Terminal-safe like every output: a CSV is often read with `cat` before a spreadsheet opens it.
            output.append(field(SafeText.clean(value)))
        }
        output.append("\r\n")
    }

    private static func field(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
