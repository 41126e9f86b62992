import CNCursesW
import TovUI

/// How a `Style` is shown by ncurses: attributes, and colour pairs made as they are first needed.
enum CellStyle {
    /// The attribute bits for a style's bold, reverse, underline and dim; colours go in a pair.
    static func attributes(for style: Style) -> attr_t {
        var attributes = tov_attr_normal()
        if style.bold { attributes |= tov_attr_bold() }
        if style.reverse { attributes |= tov_attr_reverse() }
        if style.underline { attributes |= tov_attr_underline() }
        if style.dim { attributes |= tov_attr_dim() }
        return attributes
    }
}

/// The colour pairs given out so far. Pair 0 is the terminal's own colours; the others are numbered
/// from 1 as each foreground and background combination first appears, up to what the terminal has.
///
///     var pairs = ColorPairs(capacity: 64)
///     pairs.number(foreground: .red, background: nil) // (1, isNew: true): init_pair(1, COLOR_RED, -1)
///     pairs.number(foreground: .red, background: nil) // (1, isNew: false)
struct ColorPairs {
    private struct Colors: Hashable {
        var foreground: Style.Color?
        var background: Style.Color?
    }

    /// How many pairs the terminal has, pair 0 included.
    let capacity: Int
    private var numbers: [Colors: Int16] = [:]

    init(capacity: Int) {
        // setcchar takes the pair as a short.
        self.capacity = min(max(capacity, 1), Int(Int16.max))
    }

    /// The pair for these colours, and whether it is new (so the caller defines it). When the
    /// terminal has no pairs left the colours fall back to the terminal's own, pair 0.
    mutating func number(foreground: Style.Color?, background: Style.Color?) -> (number: Int16, isNew: Bool) {
        if foreground == nil && background == nil { return (0, false) }
        let colors = Colors(foreground: foreground, background: background)
        if let number = numbers[colors] { return (number, false) }
        let next = numbers.count + 1
        guard next < capacity else { return (0, false) }
        numbers[colors] = Int16(next)
        return (Int16(next), true)
    }
}
