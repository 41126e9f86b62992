import TovCore

/// Writes iCalendar content lines (RFC 5545 section 3.1): CRLF ends, lines folded at 75 octets without
/// splitting a character, parameter values quoted when they must be.
///
///     var writer = ICalendarWriter()
///     writer.begin("VCALENDAR")
///     writer.property("SUMMARY", text: "Хүний эрх, хөгжил")   // SUMMARY:Хүний эрх\, хөгжил
///     writer.property("DTSTART", [ICalendarParameter("TZID", "Asia/Ulaanbaatar")], "20261119T100000")
///     writer.end("VCALENDAR")
///     writer.bytes
public struct ICalendarWriter: Sendable {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []
    /// The line being made, kept for its capacity.
    private var line: [UInt8] = []
    /// The longest line, in octets, before its line break (RFC 5545: 75).
    public static let lineLimit = 75

    public init() {}

    /// Makes room for `count` bytes in all, so that a large file is not copied as it grows.
    public mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    public mutating func begin(_ component: String) {
        property("BEGIN", [], component)
    }

    public mutating func end(_ component: String) {
        property("END", [], component)
    }

    /// A property whose value is TEXT: escaped here.
    public mutating func property(_ name: String, _ parameters: [ICalendarParameter] = [], text: String) {
        property(name, parameters) { ICalendarText.appendEscaped(text, to: &$0) }
    }

    /// A property whose value is already written in its type's form.
    public mutating func property(_ name: String, _ parameters: [ICalendarParameter], _ value: String) {
        property(name, parameters) { $0.append(contentsOf: value.utf8) }
    }

    /// A property whose value `value` appends in its type's form, straight into the line: a file of a
    /// hundred thousand events writes its dates without making a string of each.
    public mutating func property(_ name: String, _ parameters: [ICalendarParameter] = [], value: (inout [UInt8]) -> Void) {
        // One line's buffer serves every property: its capacity stays, so writing a line allocates nothing.
        var line = self.line
        self.line = []
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        for parameter in parameters {
            line.append(UInt8(ascii: ";"))
            line.append(contentsOf: parameter.name.utf8)
            line.append(UInt8(ascii: "="))
            for (index, value) in parameter.values.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                Self.appendParameterValue(value, to: &line)
            }
        }
        line.append(UInt8(ascii: ":"))
        value(&line)
        appendFolded(line)
        self.line = line
    }

    /// A parameter value, quoted when it holds `;`, `:` or `,`; quotes and line breaks as RFC 6868 carets;
    /// other controls and terminal escape sequences left out.
    private static func appendParameterValue(_ value: String, to line: inout [UInt8]) {
        let value = SafeText.cleanKeepingLineBreaks(value)
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") }
        if needsQuotes { line.append(UInt8(ascii: "\"")) }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "^"): line.append(contentsOf: "^^".utf8)
            case UInt8(ascii: "\""): line.append(contentsOf: "^'".utf8)
            case 0x0A: line.append(contentsOf: "^n".utf8)
            case 0x0D: break
            // Other controls are not allowed in a parameter value at all.
            case 0x00..<0x20 where byte != 0x09, 0x7F: break
            default: line.append(byte)
            }
        }
        if needsQuotes { line.append(UInt8(ascii: "\"")) }
    }

    /// `line` with CRLF, broken into lines of at most 75 octets; each continuation starts with a space and
    /// a break never falls inside a UTF-8 sequence.
    private mutating func appendFolded(_ line: [UInt8]) {
        var start = 0
        var limit = Self.lineLimit
        while line.count - start > limit {
            var cut = start + limit
            // Back up over continuation bytes (10xxxxxx) so that the cut is on a character boundary.
            while cut > start && line[cut] & 0xC0 == 0x80 { cut -= 1 }
            bytes.append(contentsOf: line[start..<cut])
            bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = Self.lineLimit - 1
        }
        bytes.append(contentsOf: line[start...])
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
}
