/// A JSON value that keeps its keys in the order written, so output reads like the contract.
enum JSON {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// A string, or null for nil.
    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    /// Pretty-printed with two-space indentation.
    func rendered() -> String {
        var output = OutputBuffer()
        write(into: &output, indent: 0)
        return output.string
    }

    /// Appends the pretty-printed value to `output`.
    func write(into output: inout OutputBuffer, indent: Int) {
        switch self {
        case .string(let text): JSON.quote(text, into: &output)
        case .number(let value): output.append(String(value))
        case .bool(let value): output.append(value ? "true" : "false")
        case .null: output.append("null")
        case .array(let values):
            guard !values.isEmpty else { return output.append("[]") }
            output.append("[\n")
            for (index, value) in values.enumerated() {
                output.indent(indent + 1)
                value.write(into: &output, indent: indent + 1)
                output.append(index == values.count - 1 ? "\n" : ",\n")
            }
            output.indent(indent)
            output.append("]")
        case .object(let members):
            guard !members.isEmpty else { return output.append("{}") }
            output.append("{\n")
            for (index, (key, value)) in members.enumerated() {
                output.indent(indent + 1)
                JSON.quote(key, into: &output)
                output.append(": ")
                value.write(into: &output, indent: indent + 1)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.indent(indent)
            output.append("}")
        }
    }

    static func quote(_ text: String, into output: inout OutputBuffer) {
        output.append(UInt8(ascii: "\""))
        escape(text, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `text` with JSON escapes, copying the runs between escapes whole.
    static func escape(_ text: String, into output: inout OutputBuffer) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
                output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(literal: "\\\"")
                case UInt8(ascii: "\\"): output.append(literal: "\\\\")
                case UInt8(ascii: "\n"): output.append(literal: "\\n")
                case UInt8(ascii: "\r"): output.append(literal: "\\r")
                case UInt8(ascii: "\t"): output.append(literal: "\\t")
                default:
                    let hex = String(byte, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                }
            }
            output.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }
}
