import Foundation

/// RFC 4180 rows: fields quoted when they hold a comma, a quote or a line break; CRLF line ends.
struct CSV {
    private(set) var text = ""

    init(header: [String]) {
        append(header)
    }

    mutating func append(_ fields: [String]) {
        text += fields.map(CSV.field).joined(separator: ",") + "\r\n"
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
