/// How a cell looks: colours and attributes, as a terminal can show them.
///
///     Style(foreground: .red, bold: true)
///     Style.plain.reversed
public struct Style: Hashable, Sendable {
    /// The eight colours every colour terminal has; nil leaves the terminal's own.
    public enum Color: Int, Hashable, Sendable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
    }

    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false,
                underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// The terminal's own colours, no attributes.
    public static let plain = Style()

    /// The same style with foreground and background swapped: the selection.
    public var reversed: Style {
        var style = self
        style.reverse.toggle()
        return style
    }

    /// The same style without colours, for `NO_COLOR` and terminals without them: what colour told
    /// apart must still be told apart, so attributes stay (today is reversed, holidays bold).
    public var withoutColor: Style {
        var style = self
        style.foreground = nil
        style.background = nil
        return style
    }
}
