import Foundation

/// Record ids as text, lowercase as the database and iCalendar keep them, without Foundation's
/// printf and scanf (which dominate reading and printing a year of events).
extension UUID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `3f9a12c0-…`, lowercase.
    public var lowercasedText: String {
        var text = [UInt8]()
        text.reserveCapacity(36)
        appendLowercasedText(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the lowercase text as UTF-8, or only its first `length` characters.
    public func appendLowercasedText(to text: inout [UInt8], length: Int = 36) {
        let start = text.count
        withUnsafeBytes(of: uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(UUID.hexDigits[Int(byte >> 4)])
                text.append(UUID.hexDigits[Int(byte & 0x0F)])
                if text.count - start >= length { break }
            }
        }
        if text.count - start > length { text.removeLast(text.count - start - length) }
    }

    /// Parses the 36-character form, in either case.
    public init?(text: String) {
        var text = text
        guard let value = text.withUTF8({ UUID(utf8: $0) }) else { return nil }
        self = value
    }

    /// Parses the 36-character form from UTF-8 bytes, as a database column holds it.
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 36 else { return nil }
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &value) { bytes -> Bool in
            var byteIndex = 0, position = 0
            while position < 36 {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard utf8[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                    continue
                }
                guard let high = UUID.hexValue(utf8[position]), let low = UUID.hexValue(utf8[position + 1]) else {
                    return false
                }
                bytes[byteIndex] = high << 4 | low
                byteIndex += 1
                position += 2
            }
            return true
        }
        guard parsed else { return nil }
        self.init(uuid: value)
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
