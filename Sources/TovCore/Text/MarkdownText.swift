/// Text from data made safe for Markdown: it reads as the same characters in CommonMark, GitHub's
/// Markdown and Python-Markdown, never as emphasis, a link, a table cell's end or raw HTML.
///
///     MarkdownText.escape("*x* <b>") // "\\*x\\* &lt;b&gt;"
public enum MarkdownText {
    /// `text` without controls, with the characters that make Markdown structure inside a line escaped.
    ///
    /// Backslashes for the punctuation every dialect escapes that way; character references for `<`, `>`
    /// and `&` (HTML, which a backslash does not stop in Python-Markdown) and for `|` and `~` (table cells and
    /// strike-through, which only some dialects let a backslash escape). The text never starts a line: the
    /// page puts a heading mark, a list mark or a label first, so line-start syntax (`1.`, `-`, `>`) is inert.
    public static func escape(_ text: String) -> String {
        var result = ""
        for scalar in HTMLText.printable(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "#": result += "\\" + String(scalar)
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "|": result += "&#124;"
            case "~": result += "&#126;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
