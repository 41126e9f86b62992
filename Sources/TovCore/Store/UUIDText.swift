import Foundation

/// Record ids as text, lowercase as the database and iCalendar keep them, without Foundation's
/// printf and scanf (which dominate reading and printing a year of events).
extension UUID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `3f9a12c0-…`, lowercase.
    public var lowercasedText: String {
        // Written straight into the string's storage: an import writes one for every row.
        String(unsafeUninitializedCapacity: 36, initializingUTF8With: writeLowercasedText)
    }

    /// Appends the lowercase text as UTF-8, or only its first `length` characters.
    public func appendLowercasedText(to text: inout [UInt8], length: Int = 36) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { buffer in
            text.append(contentsOf: buffer.prefix(min(length, writeLowercasedText(into: buffer))))
        }
    }

    /// Writes the 36 characters of the lowercase text into `buffer`, which has room for them; returns 36.
    private func writeLowercasedText(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var index = 0
        withUnsafeBytes(of: uuid) { bytes in
            for (offset, byte) in bytes.enumerated() {
                if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                    buffer[index] = UInt8(ascii: "-")
                    index += 1
                }
                buffer[index] = UUID.hexDigits[Int(byte >> 4)]
                buffer[index + 1] = UUID.hexDigits[Int(byte & 0x0F)]
                index += 2
            }
        }
        return index
    }

    /// Parses the 36-character form, in either case.
    public init?(text: String) {
        var text = text
        guard let value = text.withUTF8({ UUID(utf8: $0) }) else { return nil }
        self = value
    }

    /// Parses the 36-character form from UTF-8 bytes, as a database column holds it.
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 36, let text = utf8.baseAddress,
              text[8] == UInt8(ascii: "-"), text[13] == UInt8(ascii: "-"), text[18] == UInt8(ascii: "-"), text[23] == UInt8(ascii: "-")
        else { return nil }
        // Each byte from two hex digits, looked up in a table; any byte that is not a hex digit sets the high
        // bit of `invalid`. An agenda reads a few thousand ids.
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var invalid: UInt8 = 0
        withUnsafeMutableBytes(of: &value) { bytes in
            UUID.hexValues.withUnsafeBufferPointer { table in
                var position = 0
                for byteIndex in 0..<16 {
                    if byteIndex == 4 || byteIndex == 6 || byteIndex == 8 || byteIndex == 10 { position += 1 }
                    let high = table[Int(text[position])], low = table[Int(text[position + 1])]
                    invalid |= high | low
                    bytes[byteIndex] = high << 4 | low & 0x0F
                    position += 2
                }
            }
        }
        guard invalid & 0x80 == 0 else { return nil }
        self.init(uuid: value)
    }

    /// The value of each byte as a hex digit, or 0x80 when it is not one.
    private static let hexValues: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0x80
        }
    }
}
