/// Text from data made safe for an HTML page: fit for element content and quoted attribute values.
///
///     HTMLText.escape("<script>alert(\"x\")</script>") // "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
public enum HTMLText {
    /// `text` without controls, escape sequences and noncharacters, with `&`, `<`, `>`, `"` and `'` written
    /// as character references.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in printable(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` as `SafeText` leaves it, less the noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), which an
    /// HTML parser reports as errors and no font draws.
    static func printable(_ text: String) -> String {
        let clean = SafeText.clean(text)
        guard clean.unicodeScalars.contains(where: isNoncharacter) else { return clean }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: clean.unicodeScalars.filter { !isNoncharacter($0) })
        return String(result)
    }

    private static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
    }
}
