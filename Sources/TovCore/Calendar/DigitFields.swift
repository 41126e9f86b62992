/// The numbers of a fixed-layout ASCII text such as `2026-01-15T10:00:00`, read byte by byte.
///
/// `d` in the layout is a digit; any other character must match exactly. Fields are the runs of digits.
struct DigitFields {
    private var values: [Int] = []

    init?(_ text: String, layout: StaticString) {
        let expected = UnsafeBufferPointer(start: layout.utf8Start, count: layout.utf8CodeUnitCount)
        var utf8 = text.utf8.makeIterator()
        var current = 0, inField = false
        for want in expected {
            guard let byte = utf8.next() else { return nil }
            if want == UInt8(ascii: "d") {
                guard (0x30...0x39).contains(byte) else { return nil }
                current = current * 10 + Int(byte - 0x30)
                inField = true
            } else {
                guard byte == want else { return nil }
                if inField { values.append(current) }
                current = 0
                inField = false
            }
        }
        guard utf8.next() == nil else { return nil }
        if inField { values.append(current) }
    }

    subscript(index: Int) -> Int { values[index] }
}
