import TovCore

/// The content of an iCalendar file (RFC 5545 section 3.1): components holding properties and
/// components, each remembering the line it starts on so that a complaint can name it.
///
/// Values are kept as written (escapes and all): how a value is read depends on its type, which the
/// reader of a property knows and this layer does not.
///
///     let calendars = try ICalendarParser.parse(Array(text.utf8))
///     let events = calendars[0].components(named: "VEVENT")
///     events[0].first("SUMMARY")?.text // "ТББ-ын уулзалт"
public struct ICalendarComponent: Hashable, Sendable {
    /// `VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD` …, in capitals.
    public var name: String
    public var properties: [ICalendarProperty]
    public var components: [ICalendarComponent]
    /// The line of its BEGIN, counted from 1 in the file as written (before unfolding).
    public var line: Int

    public init(name: String, properties: [ICalendarProperty] = [], components: [ICalendarComponent] = [], line: Int = 0) {
        self.name = name
        self.properties = properties
        self.components = components
        self.line = line
    }

    /// The first property of a name (in capitals), if any.
    public func first(_ name: String) -> ICalendarProperty? {
        properties.first { $0.name == name }
    }

    /// Every property of a name, in file order.
    public func all(_ name: String) -> [ICalendarProperty] {
        properties.filter { $0.name == name }
    }

    /// The sub-components of a name, in file order.
    public func components(named name: String) -> [ICalendarComponent] {
        components.filter { $0.name == name }
    }
}

/// One content line: `NAME;PARAM=VALUE,VALUE:value`.
public struct ICalendarProperty: Hashable, Sendable {
    /// In capitals.
    public var name: String
    public var parameters: [ICalendarParameter]
    /// As written after the colon, escapes kept.
    public var value: String
    /// The line it starts on, counted from 1 in the file as written.
    public var line: Int

    public init(name: String, parameters: [ICalendarParameter] = [], value: String, line: Int = 0) {
        self.name = name
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// The first value of a parameter (name in capitals), if the property has it.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.values.first
    }

    /// The value read as TEXT: escapes undone (`\n` is a line break, `\,` a comma).
    public var text: String { ICalendarText.unescape(value) }

    /// The value read as a list of TEXT (CATEGORIES, RESOURCES): split on unescaped commas.
    public var texts: [String] { ICalendarText.split(value).map(ICalendarText.unescape) }
}

/// A property parameter: `TZID=Asia/Ulaanbaatar`, `MEMBER="mailto:a@b","mailto:c@d"`.
public struct ICalendarParameter: Hashable, Sendable {
    /// In capitals.
    public var name: String
    /// Quotes removed and RFC 6868 carets undone.
    public var values: [String]

    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }

    public init(_ name: String, _ value: String) {
        self.init(name, [value])
    }
}

/// A file that is not iCalendar as RFC 5545 writes it, at a line.
public struct ICalendarSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Counted from 1 in the file as written.
    public let line: Int
    public let reason: String

    public init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// TEXT values (RFC 5545 section 3.3.11): `\\`, `\;`, `\,` and `\n` escapes.
public enum ICalendarText {
    /// `value` with its escapes undone; `\N` is a line break too, and an unknown escape keeps its character.
    public static func unescape(_ value: String) -> String {
        guard value.utf8Contains(UInt8(ascii: "\\")) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    /// `text` written as a TEXT value: backslashes, semicolons, commas and line breaks escaped; other control
    /// characters, which a TEXT value cannot hold, and terminal escape sequences (a file may well be printed)
    /// left out.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as `escape(_:)` writes it, in UTF-8: byte by byte, as a file of a hundred thousand events
    /// needs. CRLF is one line break.
    public static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var previous: UInt8 = 0
        // Escape sequences and C1 controls (C2 80 to C2 9F) are rare: only text with one is cleaned first.
        let needsCleaning = text.utf8.contains { byte in
            defer { previous = byte }
            return byte == 0x1B || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
        }
        let clean = needsCleaning ? SafeText.cleanKeepingLineBreaks(text) : text
        previous = 0
        for byte in clean.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x0D:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0A:
                if previous != 0x0D { bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")]) }
            case 0x09:
                bytes.append(byte)
            case 0x00..<0x20, 0x7F:
                break
            default:
                bytes.append(byte)
            }
            previous = byte
        }
    }

    /// A multi-valued TEXT split on the commas that are not escaped; escapes are kept in the parts.
    public static func split(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in value {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                current.append(character)
                escaping = true
            } else if character == "," {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
