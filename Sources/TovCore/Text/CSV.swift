/// RFC 4180 rows: fields quoted when they hold a comma, a quote or a line break; CRLF line ends.
///
/// Fields are made terminal-safe like every output (a CSV is often read with `cat` before a spreadsheet
/// opens it): escape sequences and control characters go, but line breaks stay, quoted, as a spreadsheet
/// shows them.
///
///     var csv = CSV(header: ["name", "status"])
///     csv.append(["Хүний эрх, хөгжил", "attended"])
///     csv.text // "name,status\r\n\"Хүний эрх, хөгжил\",attended\r\n"
public struct CSV: Sendable {
    private var bytes: [UInt8] = []

    /// A table in memory, starting with its header row.
    public init(header: [String]) {
        CSV.append(header, to: &bytes)
    }

    /// Adds one row.
    public mutating func append(_ fields: [String]) {
        CSV.append(fields, to: &bytes)
    }

    /// The rows so far, each ending in CRLF.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends one row to `bytes`, for writers that stream a long table instead of keeping it.
    public static func append(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, value) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(clean(value), to: &bytes)
        }
        bytes.append(13)
        bytes.append(10)
    }

    private static func appendField(_ value: String, to bytes: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        guard value.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 10 || $0 == 13 }) else {
            bytes.append(contentsOf: value.utf8)
            return
        }
        bytes.append(quote)
        for byte in value.utf8 {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }

    /// `value` with escape sequences and controls removed line by line, its line breaks kept as LF.
    private static func clean(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return SafeText.clean(value) }
        return value.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { SafeText.clean(String($0)) }.joined(separator: "\n")
    }
}
