/// The numbers of a fixed-layout ASCII text such as `2026-01-15T10:00:00`, read byte by byte.
///
/// `d` in the layout is a digit; any other character must match exactly. Fields are the runs of digits;
/// there are at most six (a date and a time), kept inline so that reading a row allocates nothing.
struct DigitFields {
    private var values: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)

    init?(_ text: String, layout: StaticString) {
        var text = text
        guard let fields = text.withUTF8({ DigitFields(utf8: $0, layout: layout) }) else { return nil }
        self = fields
    }

    init?(utf8: UnsafeBufferPointer<UInt8>, layout: StaticString) {
        let expected = UnsafeBufferPointer(start: layout.utf8Start, count: layout.utf8CodeUnitCount)
        guard utf8.count == expected.count else { return nil }
        var fields = (0, 0, 0, 0, 0, 0)
        var field = 0, current = 0
        for (byte, want) in zip(utf8, expected) {
            if want == UInt8(ascii: "d") {
                guard (0x30...0x39).contains(byte) else { return nil }
                current = current * 10 + Int(byte - 0x30)
            } else {
                guard byte == want else { return nil }
                DigitFields.set(&fields, field, current)
                field += 1
                current = 0
            }
        }
        DigitFields.set(&fields, field, current)
        values = fields
    }

    private static func set(_ fields: inout (Int, Int, Int, Int, Int, Int), _ index: Int, _ value: Int) {
        switch index {
        case 0: fields.0 = value
        case 1: fields.1 = value
        case 2: fields.2 = value
        case 3: fields.3 = value
        case 4: fields.4 = value
        default: fields.5 = value
        }
    }

    subscript(index: Int) -> Int {
        switch index {
        case 0: values.0
        case 1: values.1
        case 2: values.2
        case 3: values.3
        case 4: values.4
        default: values.5
        }
    }
}
