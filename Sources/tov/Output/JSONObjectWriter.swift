import Foundation
import TovCore

/// Writes one JSON object's members straight into an output buffer, in the layout `JSON.rendered()`
/// uses, without building a tree first: an agenda writes one object per occurrence.
struct JSONObjectWriter {
    private var first = true
    private let indent: Int

    /// Opens an object whose members sit at `indent + 1`.
    init(indent: Int, into output: inout OutputBuffer) {
        self.indent = indent
        output.append("{")
    }

    private mutating func key(_ name: StaticString, into output: inout OutputBuffer) {
        output.appendKey(name, indent: (indent + 1) * 2, first: first)
        first = false
    }

    /// A member with a value already made.
    mutating func member(_ name: StaticString, _ value: JSON, into output: inout OutputBuffer) {
        key(name, into: &output)
        value.write(into: &output, indent: indent + 1)
    }

    /// A string member, or null.
    mutating func member(_ name: StaticString, _ value: String?, into output: inout OutputBuffer) {
        key(name, into: &output)
        if let value { JSON.quote(value, into: &output) } else { output.append(literal: "null") }
    }

    /// A string member whose text `body` appends as bytes; only for text that needs no escaping
    /// (dates, ids).
    mutating func member(_ name: StaticString, bytes body: (inout [UInt8]) -> Void, into output: inout OutputBuffer) {
        key(name, into: &output)
        output.append(UInt8(ascii: "\""))
        output.appendBytes(body)
        output.append(UInt8(ascii: "\""))
    }

    /// A string member holding a date, `YYYY-MM-DD`.
    mutating func member(_ name: StaticString, date: LocalDate, into output: inout OutputBuffer) {
        guard TextBytes.fits(date) else { return member(name, bytes: { date.appendText(to: &$0) }, into: &output) }
        key(name, into: &output)
        output.write(upTo: 12) { start in
            start[0] = UInt8(ascii: "\"")
            start[11] = UInt8(ascii: "\"")
            return TextBytes.write(date, at: start + 1) + 2
        }
    }

    /// A string member holding a date and time, `YYYY-MM-DDTHH:MM:SS`.
    mutating func member(_ name: StaticString, dateTime: LocalDateTime, into output: inout OutputBuffer) {
        guard TextBytes.fits(dateTime.date) else { return member(name, bytes: { dateTime.appendText(to: &$0) }, into: &output) }
        key(name, into: &output)
        output.write(upTo: 21) { start in
            start[0] = UInt8(ascii: "\"")
            start[20] = UInt8(ascii: "\"")
            return TextBytes.write(dateTime, at: start + 1) + 2
        }
    }

    /// A string member holding an id in lowercase, or its first `length` characters.
    mutating func member(_ name: StaticString, id: UUID, length: Int = 36, into output: inout OutputBuffer) {
        key(name, into: &output)
        output.write(upTo: 38) { start in
            start[0] = UInt8(ascii: "\"")
            let written = TextBytes.write(id, length: length, at: start + 1)
            start[written + 1] = UInt8(ascii: "\"")
            return written + 2
        }
    }

    /// An array member of `{"name": …, "role": …}` objects, laid out as `JSON.write` lays out such an array.
    mutating func member(_ name: StaticString, people: [(name: String, role: Assignment.Role)], into output: inout OutputBuffer) {
        key(name, into: &output)
        guard !people.isEmpty else { return output.append(literal: "[]") }
        let level = indent + 1
        output.append(literal: "[\n")
        for index in people.indices {
            output.indent(level + 1)
            output.append(literal: "{\n")
            output.indent(level + 2)
            output.append(literal: "\"name\": ")
            JSON.quote(people[index].name, into: &output)
            output.append(literal: ",\n")
            output.indent(level + 2)
            output.append(literal: "\"role\": ")
            JSON.quote(people[index].role.rawValue, into: &output)
            output.append(literal: "\n")
            output.indent(level + 1)
            output.append(literal: index == people.count - 1 ? "}\n" : "},\n")
        }
        output.indent(level)
        output.append(literal: "]")
    }

    /// A null member.
    mutating func null(_ name: StaticString, into output: inout OutputBuffer) {
        key(name, into: &output)
        output.append(literal: "null")
    }

    /// A string member made of two optional parts joined by `separator`, or null when both are missing.
    mutating func member(_ name: StaticString, _ first: String?, _ second: String?, separator: String, into output: inout OutputBuffer) {
        key(name, into: &output)
        guard first != nil || second != nil else { return output.append(literal: "null") }
        output.append(UInt8(ascii: "\""))
        if let first { JSON.escape(first, into: &output) }
        if first != nil && second != nil { JSON.escape(separator, into: &output) }
        if let second { JSON.escape(second, into: &output) }
        output.append(UInt8(ascii: "\""))
    }

    /// A boolean member.
    mutating func member(_ name: StaticString, _ value: Bool, into output: inout OutputBuffer) {
        key(name, into: &output)
        if value { output.append(literal: "true") } else { output.append(literal: "false") }
    }

    /// Closes the object.
    func close(into output: inout OutputBuffer) {
        if first { return output.append("}") }
        output.append("\n")
        output.indent(indent)
        output.append("}")
    }
}
