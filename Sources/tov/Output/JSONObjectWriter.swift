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
