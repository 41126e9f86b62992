/// A JSON document read without Codable, for the embedded reference files.
///
/// Every agenda that names a place reads `aimags.json`; Foundation's decoder spends half a millisecond
/// setting itself up for that, more than the rest of reading the file. This reader is strict RFC 8259.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a whole document; throws naming the byte offset of the first fault.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.position == buffer.count else { throw reader.fault("text after the document") }
            return value
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        func fault(_ what: String) -> ValidationError {
            ValidationError("JSON: \(what) at byte \(position)")
        }

        mutating func skipSpace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth < 512 else { throw fault("nesting too deep") }
            skipSpace()
            guard position < bytes.count else { throw fault("unexpected end") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        private mutating func literal(_ word: StaticString) throws {
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard bytes.count - position >= expected.count,
                  zip(bytes[position...], expected).allSatisfy({ $0 == $1 }) else { throw fault("unknown word") }
            position += expected.count
        }

        private mutating func object(depth: Int) throws -> JSONValue {
            position += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fault("expected a key") }
                let key = try string()
                skipSpace()
                try expect(":")
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard position < bytes.count else { throw fault("unexpected end") }
                if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                try expect(",")
            }
        }

        private mutating func array(depth: Int) throws -> JSONValue {
            position += 1
            var values: [JSONValue] = []
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(values)
            }
            while true {
                values.append(try value(depth: depth + 1))
                skipSpace()
                guard position < bytes.count else { throw fault("unexpected end") }
                if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(values) }
                try expect(",")
            }
        }

        private mutating func expect(_ character: Unicode.Scalar) throws {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else {
                throw fault("expected '\(character)'")
            }
            position += 1
        }

        private mutating func string() throws -> String {
            position += 1
            // Most strings have no escapes: made straight from the bytes between the quotes.
            var end = position
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                let string = try Reader.validated(UnsafeBufferPointer(rebasing: bytes[position..<end]))
                position = end + 1
                return string
            }
            var text: [UInt8] = Array(bytes[position..<end])
            position = end
            while true {
                guard position < bytes.count else { throw fault("unterminated string") }
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return try text.withUnsafeBufferPointer { try Reader.validated($0) }
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { throw fault("unterminated string") }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"): text.append(contentsOf: String(try escapedScalar()).utf8)
                    default: throw fault("unknown escape")
                    }
                case 0..<0x20:
                    throw fault("control character in a string")
                default:
                    text.append(byte)
                }
            }
        }

        /// The scalar of a `\u` escape, joining a surrogate pair.
        private mutating func escapedScalar() throws -> Unicode.Scalar {
            let first = try hexUnit()
            if (0xD800..<0xDC00).contains(first) {
                guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                    throw fault("lone surrogate")
                }
                position += 2
                let second = try hexUnit()
                guard (0xDC00..<0xE000).contains(second),
                      let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                    throw fault("lone surrogate")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw fault("lone surrogate") }
            return scalar
        }

        private mutating func hexUnit() throws -> UInt32 {
            guard bytes.count - position >= 4 else { throw fault("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else { throw fault("bad \\u escape") }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }

        /// The text of UTF-8 bytes, which must be valid: decoding replaces faults, so any change is one.
        /// (`String(validating:)` is generic and looks its types up on every call.)
        private static func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
            let text = String(decoding: utf8, as: UTF8.self)
            guard text.utf8.elementsEqual(utf8) else { throw ValidationError("JSON: invalid UTF-8 in a string") }
            return text
        }

        private mutating func number() throws -> Double {
            let start = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            func digits() -> Int {
                let from = position
                while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
                return position - from
            }
            let whole = digits()
            guard whole > 0, !(whole > 1 && bytes[position - whole] == UInt8(ascii: "0")) else { throw fault("bad number") }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits() > 0 else { throw fault("bad number") }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
                guard digits() > 0 else { throw fault("bad number") }
            }
            guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) else { throw fault("bad number") }
            return value
        }
    }
}
