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
        let utf8 = text.utf8
        // Most text needs no escaping: copy it whole.
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F }) {
            output.append(text)
        } else {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): output.append("\\\"")
                case UInt8(ascii: "\\"): output.append("\\\\")
                case UInt8(ascii: "\n"): output.append("\\n")
                case UInt8(ascii: "\r"): output.append("\\r")
                case UInt8(ascii: "\t"): output.append("\\t")
                case 0..<0x20, 0x7F:
                    let hex = String(byte, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
