/// Reads the content of an iCalendar file: lines unfolded, parameters split, components nested.
///
/// Accepts what real exports contain: CRLF or LF line ends, a UTF-8 byte order mark, folds on a space or a
/// tab (even inside a multi-byte character, as some writers fold by octets), blank lines, and several
/// VCALENDARs one after another, and properties after the last END (read as that calendar's). Refuses,
/// naming the line: bytes that are not UTF-8, a line without a colon, a bad name or parameter, an END that
/// does not close the open BEGIN, a component never closed, and anything before the first BEGIN.
public enum ICalendarParser {
    /// The top-level components of `bytes` (usually one VCALENDAR).
    public static func parse(_ bytes: [UInt8]) throws -> [ICalendarComponent] {
        var top: [ICalendarComponent] = []
        var open: [ICalendarComponent] = []
        try forEachLine(bytes) { number, line in
            guard !line.isEmpty else { return }
            let property = try parseLine(line, number: number)
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased()
                guard isName(name) else { throw ICalendarSyntaxError(line: number, "BEGIN names no component") }
                open.append(ICalendarComponent(name: name, line: number))
            case "END":
                let name = property.value.uppercased()
                guard let current = open.popLast() else {
                    throw ICalendarSyntaxError(line: number, "END:\(name) without a BEGIN:\(name)")
                }
                guard current.name == name else {
                    throw ICalendarSyntaxError(line: number, "END:\(name) where END:\(current.name) (begun on line \(current.line)) was due")
                }
                if open.isEmpty {
                    top.append(current)
                } else {
                    open[open.count - 1].components.append(current)
                }
            default:
                if open.isEmpty, let calendar = top.indices.last {
                    // Podio writes an X-COMMENT after END:VCALENDAR: the calendar's, and so counted as not kept.
                    top[calendar].properties.append(property)
                    return
                }
                guard !open.isEmpty else {
                    throw ICalendarSyntaxError(line: number, "\(property.name) outside any component: the file should start with BEGIN:VCALENDAR")
                }
                open[open.count - 1].properties.append(property)
            }
        }
        if let unclosed = open.last {
            throw ICalendarSyntaxError(line: unclosed.line, "BEGIN:\(unclosed.name) is never closed with END:\(unclosed.name)")
        }
        return top
    }

    /// Calls `body` with each unfolded line and the number of the line it starts on. A line that is not
    /// folded (nearly all) is passed in place; only a folded one is copied together.
    private static func forEachLine(_ bytes: [UInt8], _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { all in
            var index = 0
            if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { index = 3 }
            // The logical line under way: a range of `all`, or, once folded, `joined`.
            var start = 0, end = 0
            var joined: [UInt8] = []
            var isJoined = false
            var logicalStart = 1
            var lineNumber = 0
            var hasLogical = false
            func emitLogical() throws {
                if isJoined {
                    try joined.withUnsafeBufferPointer { try emit($0, logicalStart, body) }
                } else {
                    try emit(UnsafeBufferPointer(rebasing: all[start..<end]), logicalStart, body)
                }
            }
            while index < all.count {
                lineNumber += 1
                var lineEnd = index
                while lineEnd < all.count && all[lineEnd] != 0x0A && all[lineEnd] != 0x0D { lineEnd += 1 }
                let isContinuation = index < lineEnd && (all[index] == 0x20 || all[index] == 0x09)
                if isContinuation && hasLogical {
                    if !isJoined {
                        joined.removeAll(keepingCapacity: true)
                        joined.append(contentsOf: all[start..<end])
                        isJoined = true
                    }
                    joined.append(contentsOf: all[(index + 1)..<lineEnd])
                } else {
                    if hasLogical { try emitLogical() }
                    (start, end, isJoined) = (index, lineEnd, false)
                    logicalStart = lineNumber
                    hasLogical = true
                }
                // CRLF, LF, or a lone CR end a line.
                if lineEnd < all.count && all[lineEnd] == 0x0D { lineEnd += 1 }
                if lineEnd < all.count && all[lineEnd] == 0x0A { lineEnd += 1 }
                index = lineEnd
            }
            if hasLogical { try emitLogical() }
        }
    }

    private static func emit(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        // Trailing spaces on an otherwise blank line are blank.
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return try body(number, UnsafeBufferPointer(start: nil, count: 0)) }
        try body(number, line)
    }

    /// One unfolded content line: name, parameters, value. Works on bytes: names and delimiters are ASCII,
    /// and a line of a 100,000-event file should not be turned into an array of scalars.
    static func parseLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws -> ICalendarProperty {
        // Most lines are ASCII, which needs no checking.
        guard !line.contains(where: { $0 >= 0x80 }) || String(validating: line, as: UTF8.self) != nil else {
            throw ICalendarSyntaxError(line: number, "the line is not UTF-8 text")
        }
        var index = 0
        func token() -> String {
            let start = index
            var lowercase = false
            while index < line.count, isNameByte(line[index]) {
                if line[index] >= UInt8(ascii: "a") { lowercase = true }
                index += 1
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
            return lowercase ? name.uppercased() : name
        }
        let name = token()
        // A name is followed by its parameters, its value or nothing (then the colon is what is missing).
        guard !name.isEmpty, index == line.count || line[index] == semicolon || line[index] == colon else {
            let shown = String(String(decoding: line, as: UTF8.self).prefix(40))
            throw ICalendarSyntaxError(line: number, "'\(shown)' is neither a content line (NAME:value) nor the fold of one (which begins with a space)")
        }
        var parameters: [ICalendarParameter] = []
        while index < line.count, line[index] == semicolon {
            index += 1
            let parameterName = token()
            guard !parameterName.isEmpty, index < line.count, line[index] == equals else {
                throw ICalendarSyntaxError(line: number, "a parameter of \(name) has no NAME=value form")
            }
            index += 1
            var values: [String] = []
            while true {
                if index < line.count, line[index] == quote {
                    index += 1
                    let start = index
                    while index < line.count, line[index] != quote { index += 1 }
                    guard index < line.count else {
                        throw ICalendarSyntaxError(line: number, "the quoted value of \(name)'s \(parameterName) is never closed")
                    }
                    values.append(caretDecoded(String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)))
                    index += 1
                } else {
                    let start = index
                    while index < line.count, line[index] != semicolon, line[index] != colon, line[index] != comma,
                          line[index] != quote {
                        index += 1
                    }
                    values.append(caretDecoded(String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self)))
                }
                guard index < line.count, line[index] == comma else { break }
                index += 1
            }
            parameters.append(ICalendarParameter(parameterName, values))
        }
        guard index < line.count, line[index] == colon else {
            throw ICalendarSyntaxError(line: number, "\(name) has no ':' before its value")
        }
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[(index + 1)...]), as: UTF8.self)
        return ICalendarProperty(name: name, parameters: parameters, value: value, line: number)
    }

    private static let semicolon = UInt8(ascii: ";"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "=")

    /// RFC 6868: `^n` is a line break, `^'` a double quote, `^^` a caret.
    private static func caretDecoded(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "^")) else { return value }
        var result = ""
        var caret = false
        for character in value {
            if caret {
                switch character {
                case "n": result.append("\n")
                case "'": result.append("\"")
                case "^": result.append("^")
                default: result.append("^"); result.append(character)
                }
                caret = false
            } else if character == "^" {
                caret = true
            } else {
                result.append(character)
            }
        }
        if caret { result.append("^") }
        return result
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isNameByte)
    }
}
