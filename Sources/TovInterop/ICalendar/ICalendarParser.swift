import Foundation

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
        // Components at one depth are much alike (VEVENT after VEVENT): each reserves room for as many
        // properties as the last one closed there had, rather than growing its array 1, 2, 4, 8, 16 ….
        var lastSizes: [Int] = []
        var recentParameters = RecentParameters()
        try forEachLine(bytes) { number, line, isASCII in
            guard !line.isEmpty else { return }
            let property = try parseLine(line, number: number, isASCII: isASCII, recentParameters: &recentParameters)
            switch property.name {
            case "BEGIN":
                let name = property.value.uppercased()
                guard isName(name) else { throw ICalendarSyntaxError(line: number, "BEGIN names no component") }
                var component = ICalendarComponent(name: name, line: number)
                component.properties.reserveCapacity(open.count < lastSizes.count ? lastSizes[open.count] : 0)
                open.append(component)
            case "END":
                let name = property.value.uppercased()
                guard let current = open.popLast() else {
                    throw ICalendarSyntaxError(line: number, "END:\(name) without a BEGIN:\(name)")
                }
                guard current.name == name else {
                    throw ICalendarSyntaxError(line: number, "END:\(name) where END:\(current.name) (begun on line \(current.line)) was due")
                }
                if open.count < lastSizes.count {
                    lastSizes[open.count] = current.properties.count
                } else {
                    lastSizes.append(current.properties.count)
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

    /// Calls `body` with each unfolded line, the number of the line it starts on, and whether it is all
    /// ASCII (found out on the way, as every byte is looked at anyway). A line that is not folded (nearly
    /// all) is passed in place; only a folded one is copied together.
    private static func forEachLine(_ bytes: [UInt8], _ body: (Int, UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws {
        try bytes.withUnsafeBufferPointer { all in
            var index = 0
            if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { index = 3 }
            // The logical line under way: a range of `all`, or, once folded, `joined`.
            var start = 0, end = 0
            var joined: [UInt8] = []
            var isJoined = false
            var isASCII = true
            var logicalStart = 1
            var lineNumber = 0
            var hasLogical = false
            func emitLogical() throws {
                if isJoined {
                    try joined.withUnsafeBufferPointer { try emit($0, logicalStart, isASCII, body) }
                } else {
                    try emit(UnsafeBufferPointer(rebasing: all[start..<end]), logicalStart, isASCII, body)
                }
            }
            while index < all.count {
                lineNumber += 1
                let line = endOfLine(in: all, from: index)
                var lineEnd = line.end
                let isContinuation = index < lineEnd && (all[index] == 0x20 || all[index] == 0x09)
                if isContinuation && hasLogical {
                    if !isJoined {
                        joined.removeAll(keepingCapacity: true)
                        joined.append(contentsOf: all[start..<end])
                        isJoined = true
                    }
                    joined.append(contentsOf: all[(index + 1)..<lineEnd])
                    isASCII = isASCII && line.isASCII
                } else {
                    if hasLogical { try emitLogical() }
                    (start, end, isJoined, isASCII) = (index, lineEnd, false, line.isASCII)
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

    private static func emit(
        _ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ isASCII: Bool, _ body: (Int, UnsafeBufferPointer<UInt8>, Bool) throws -> Void
    ) throws {
        // Trailing spaces on an otherwise blank line are blank.
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return try body(number, UnsafeBufferPointer(start: nil, count: 0), true) }
        try body(number, line, isASCII)
    }

    /// Where the line from `start` ends (at its CR or LF, or the end of the bytes), and whether it is all
    /// ASCII. Eight bytes at a time, as long as none of them ends the line: going through the 44 million
    /// bytes of a 100,000-event file one by one took a tenth of reading it.
    private static func endOfLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, isASCII: Bool) {
        let raw = UnsafeRawBufferPointer(bytes)
        var highBits: UInt64 = 0
        var index = start
        while index + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if holds(word, 0x0A) || holds(word, 0x0D) { break }
            highBits |= word
            index += 8
        }
        while index < bytes.count && bytes[index] != 0x0A && bytes[index] != 0x0D {
            highBits |= UInt64(bytes[index])
            index += 1
        }
        return (index, highBits & 0x8080_8080_8080_8080 == 0)
    }

    /// Whether one of the eight bytes of `word` is `byte`: XOR turns that byte to zero, and the classic
    /// has-zero-byte test (subtract one from each byte, keep the high bits of bytes that were below 0x80)
    /// is non-zero exactly when some byte is zero.
    private static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let zeroed = word ^ (ones &* UInt64(byte))
        return (zeroed &- ones) & ~zeroed & 0x8080_8080_8080_8080 != 0
    }

    /// One unfolded content line: name, parameters, value. Works on bytes: names and delimiters are ASCII,
    /// and a line of a 100,000-event file should not be turned into an array of scalars.
    ///
    /// A line that is not UTF-8 is refused as such, before any complaint about its syntax. As delimiters
    /// are ASCII, a line is UTF-8 exactly when each of its pieces is: the pieces are checked as they are
    /// read, and the whole line only when about to complain.
    private static func parseLine(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, isASCII: Bool, recentParameters: inout RecentParameters
    ) throws -> ICalendarProperty {
        // Most lines are ASCII, which needs no checking.
        let notUTF8 = ICalendarSyntaxError(line: number, "the line is not UTF-8 text")
        func syntaxError(_ reason: @autoclosure () -> String) -> ICalendarSyntaxError {
            isASCII || text(line) != nil ? ICalendarSyntaxError(line: number, reason()) : notUTF8
        }
        func piece(_ range: Range<Int>) throws -> String {
            let bytes = UnsafeBufferPointer(rebasing: line[range])
            if isASCII { return String(decoding: bytes, as: UTF8.self) }
            guard let piece = text(bytes) else { throw notUTF8 }
            return piece
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
            throw syntaxError("'\(String(String(decoding: line, as: UTF8.self).prefix(40)))' is neither a content line (NAME:value) nor the fold of one (which begins with a space)")
        }
        var parameters: [ICalendarParameter] = []
        if let (known, length) = recentParameters.parameters(startingLine: UnsafeBufferPointer(rebasing: line[index...])) {
            parameters = known
            index += length
        }
        let parametersStart = index
        while index < line.count, line[index] == semicolon {
            index += 1
            let parameterName = token()
            guard !parameterName.isEmpty, index < line.count, line[index] == equals else {
                throw syntaxError("a parameter of \(name) has no NAME=value form")
            }
            index += 1
            var values: [String] = []
            while true {
                if index < line.count, line[index] == quote {
                    index += 1
                    let start = index
                    while index < line.count, line[index] != quote { index += 1 }
                    guard index < line.count else {
                        throw syntaxError("the quoted value of \(name)'s \(parameterName) is never closed")
                    }
                    values.append(caretDecoded(try piece(start..<index)))
                    index += 1
                } else {
                    let start = index
                    while index < line.count, line[index] != semicolon, line[index] != colon, line[index] != comma,
                          line[index] != quote {
                        index += 1
                    }
                    values.append(caretDecoded(try piece(start..<index)))
                }
                guard index < line.count, line[index] == comma else { break }
                index += 1
            }
            parameters.append(ICalendarParameter(parameterName, values))
        }
        guard index < line.count, line[index] == colon else {
            throw syntaxError("\(name) has no ':' before its value")
        }
        if index > parametersStart {
            recentParameters.remember(UnsafeBufferPointer(rebasing: line[parametersStart..<index]), parameters)
        }
        let value = try piece((index + 1)..<line.count)
        return ICalendarProperty(name: name, parameters: parameters, value: value, line: number)
    }

    /// The text `bytes` spell, or nil when they are not UTF-8. Decoding repairs what is not UTF-8, so the
    /// bytes are UTF-8 exactly when their decoding gives them back unchanged: the text is checked and made
    /// in one pass, where `String(validating:)` first (not specialised for a buffer of bytes, and slow) and
    /// then decoding made two strings of every line that is not ASCII.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return unchanged ? text : nil
    }

    /// The parameters of the last few lines that had any, by their text as written: a file repeats the
    /// same ones line after line (`;TZID=Asia/Ulaanbaatar` on each DTSTART and DTEND), and a list read once
    /// and shared spares three allocations a line. What parameters a text gives does not depend on the
    /// line it is on, and reading them stops at the colon after them, so a line whose text from the first
    /// semicolon to its colon is one remembered has the same.
    private struct RecentParameters {
        private var entries: [(text: [UInt8], parameters: [ICalendarParameter])] = []
        private var next = 0
        private static let count = 8

        /// The parameters `line` (the rest of a line after its name) begins with, if they are remembered,
        /// and the length of their text.
        func parameters(startingLine line: UnsafeBufferPointer<UInt8>) -> ([ICalendarParameter], Int)? {
            guard line.first == semicolon else { return nil }
            for entry in entries where entry.text.count < line.count && line[entry.text.count] == colon
                && line.starts(with: entry.text) {
                return (entry.parameters, entry.text.count)
            }
            return nil
        }

        mutating func remember(_ text: UnsafeBufferPointer<UInt8>, _ parameters: [ICalendarParameter]) {
            if entries.count < RecentParameters.count {
                entries.append((Array(text), parameters))
            } else {
                entries[next] = (Array(text), parameters)
                next = (next + 1) % RecentParameters.count
            }
        }
    }

    private static let semicolon = UInt8(ascii: ";"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\""), equals = UInt8(ascii: "=")

    /// RFC 6868: `^n` is a line break, `^'` a double quote, `^^` a caret.
    private static func caretDecoded(_ value: String) -> String {
        guard value.utf8Contains(UInt8(ascii: "^")) else { return value }
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

    /// A letter, digit or hyphen. Compared by hand: a `switch` on ranges of bytes calls through the
    /// range's `contains` for every byte of every name.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isNameByte)
    }
}
