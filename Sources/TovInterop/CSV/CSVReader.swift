/// Reads a CSV file (RFC 4180) as spreadsheets write it: records of fields, each knowing the line it starts on.
///
/// Accepts quoted fields with `""` for a quote and line breaks inside, CRLF, LF or a lone CR between lines,
/// UTF-8 with or without the byte order mark Excel writes, `,` or `;` between fields (whichever the header
/// line uses more, outside quotes: Excel in a Mongolian or European locale writes `;`), and a last line with
/// or without its line break. Blank lines, and lines of empty fields (`;;;;`, which Excel writes for an
/// empty row), are left out. Refuses, naming the line: bytes that are not UTF-8, a quote never closed, and
/// text after a closing quote.
///
///     let document = try CSVReader.read(Array("\u{FEFF}Нэр;Төрөл\r\n\"Итгэл; ТББ\";ngo\r\n".utf8))
///     document.separator          // ";"
///     document.records[1].fields  // ["Итгэл; ТББ", "ngo"]
///     document.records[1].line    // 2
public enum CSVReader {
    /// The records of `bytes`, the header first.
    public static func read(_ bytes: [UInt8]) throws -> CSVDocument {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw CSVError(line: 1, "the file is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV UTF-8 (comma delimited)")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        try requireUTF8(bytes, from: start)
        var reading = Reading(bytes: bytes, index: start, separator: separator(of: bytes, from: start))
        var records: [CSVRecord] = []
        while let record = try reading.nextRecord() {
            if record.fields.contains(where: { !isBlank($0) }) { records.append(record) }
        }
        return CSVDocument(separator: Character(UnicodeScalar(reading.separator)), records: records)
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let cr: UInt8 = 13, lf: UInt8 = 10

    /// `;` when the first line that is not blank has more semicolons than commas outside quotes, else `,`.
    private static func separator(of bytes: [UInt8], from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false, seenText = false
        for byte in bytes[start...] {
            if byte == quote { quoted.toggle() }
            if quoted { continue }
            switch byte {
            case comma: commas += 1
            case semicolon: semicolons += 1
            case cr, lf: if seenText { return semicolons > commas ? semicolon : comma }
            default: break
            }
            if byte != cr && byte != lf { seenText = true }
        }
        return semicolons > commas ? semicolon : comma
    }

    /// Throws, naming the first line that is not UTF-8. The bytes that end lines are ASCII, which never
    /// occurs inside a multi-byte character, so each line can be checked alone.
    private static func requireUTF8(_ bytes: [UInt8], from start: Int) throws {
        guard String(validating: bytes[start...], as: UTF8.self) == nil else { return }
        var line = 1, lineStart = start, index = start
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == lf || bytes[index] == cr {
                if String(validating: bytes[lineStart..<index], as: UTF8.self) == nil {
                    throw CSVError(line: line, """
                        the line is not UTF-8 text (a spreadsheet saved it in another encoding, often Windows-1251): \
                        save the file as CSV UTF-8 (comma delimited)
                        """)
                }
                if index < bytes.count && bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf { index += 1 }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
    }

    private static func isBlank(_ field: String) -> Bool {
        field.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// A position in the file and the line it is on.
    private struct Reading {
        let bytes: [UInt8]
        var index: Int
        let separator: UInt8
        var line = 1

        init(bytes: [UInt8], index: Int, separator: UInt8) {
            self.bytes = bytes
            self.index = index
            self.separator = separator
        }

        /// The record starting here, its line break consumed; nil at the end of the file.
        mutating func nextRecord() throws -> CSVRecord? {
            guard index < bytes.count else { return nil }
            let first = line
            var fields: [String] = []
            while true {
                fields.append(try field(number: fields.count + 1))
                guard index < bytes.count else { break }
                if bytes[index] == separator {
                    index += 1
                    continue
                }
                // A line break ends the record.
                if bytes[index] == CSVReader.cr { index += 1 }
                if index < bytes.count && bytes[index] == CSVReader.lf { index += 1 }
                line += 1
                break
            }
            return CSVRecord(line: first, fields: fields)
        }

        /// One field, up to (not including) the separator or line break after it.
        private mutating func field(number: Int) throws -> String {
            guard index < bytes.count, bytes[index] == CSVReader.quote else {
                let start = index
                while index < bytes.count && bytes[index] != separator && bytes[index] != CSVReader.cr && bytes[index] != CSVReader.lf {
                    index += 1
                }
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            let opened = line
            index += 1
            var value: [UInt8] = []
            while true {
                guard index < bytes.count else {
                    throw CSVError(line: opened, "the quote that opens field \(number) is never closed")
                }
                let byte = bytes[index]
                index += 1
                if byte == CSVReader.quote {
                    guard index < bytes.count && bytes[index] == CSVReader.quote else { break }
                    index += 1
                } else if byte == CSVReader.lf || (byte == CSVReader.cr && (index == bytes.count || bytes[index] != CSVReader.lf)) {
                    line += 1
                }
                value.append(byte)
            }
            while index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
            if index < bytes.count && bytes[index] != separator && bytes[index] != CSVReader.cr && bytes[index] != CSVReader.lf {
                throw CSVError(line: line, """
                    field \(number) has text after its closing quote; a quote inside a quoted field is written twice ("")
                    """)
            }
            return String(decoding: value, as: UTF8.self)
        }
    }
}

/// A CSV file read: its separator and its records, the header first.
public struct CSVDocument: Equatable, Sendable {
    /// `,` or `;`.
    public var separator: Character
    public var records: [CSVRecord]
}

/// One record of a CSV file.
public struct CSVRecord: Equatable, Sendable {
    /// The line it starts on, counted from 1 in the file as written (a quoted line break starts a new line).
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
