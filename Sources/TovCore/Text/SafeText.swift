/// Text from data made safe for a terminal: control characters and escape sequences removed.
///
/// Names, titles and imported files can carry `ESC [` sequences that would repaint or
/// retitle a terminal; everything printed from data goes through here.
public enum SafeText {
    /// `text` with C0 and C1 controls (tab and newline become a space) and escape sequences removed.
    public static func clean(_ text: String) -> String {
        clean(text, keepingLineBreaks: false)
    }

    /// `text` with escape sequences and C0 and C1 controls removed, but for tabs and line breaks: text that
    /// goes into a file (an iCalendar description) rather than onto a screen line.
    public static func cleanKeepingLineBreaks(_ text: String) -> String {
        clean(text, keepingLineBreaks: true)
    }

    private static func clean(_ text: String, keepingLineBreaks: Bool) -> String {
        // Nearly all text is clean already: find that out from the bytes and hand it back as it is.
        guard needsCleaning(text) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                // Drop the whole sequence: CSI up to its final byte, OSC up to BEL or ST, else ESC and one character.
                switch scalars.next() {
                case "[":
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                case "]":
                    while let c = scalars.next(), c != "\u{07}", c != "\u{1B}" {}
                default:
                    break
                }
            case 0x09, 0x0A, 0x0D:
                result.append(keepingLineBreaks ? scalar : " ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` holds a C0 control, DEL or a C1 control (U+0080–U+009F, which UTF-8 writes as
    /// C2 80 to C2 9F).
    private static func needsCleaning(_ text: String) -> Bool {
        // Read in place: iterating `utf8` itself takes an index step per byte, which an import of 100,000
        // events feels.
        var text = text
        return text.withUTF8(needsCleaning(utf8:))
    }

    private static func needsCleaning(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte <= 0x9F) { return true }
            previous = byte
        }
        return false
    }
}
