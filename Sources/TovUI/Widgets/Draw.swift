import TovCore

/// Drawing helpers the panes share: boxes, lists, labelled lines.
enum Draw {
    /// A box with a title in its top border; returns the inside.
    @discardableResult
    static func box(_ grid: inout CellGrid, _ rect: Rect, title: String, focused: Bool, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let style = focused ? theme.focusedBorder : theme.border
        let horizontal = String(repeating: "─", count: rect.width - 2)
        grid.write("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        grid.write("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            grid.write("│", x: rect.x, y: y, style: style)
            grid.write("│", x: rect.maxX - 1, y: y, style: style)
        }
        if rect.width > 6 {
            grid.write(" " + title + " ", x: rect.x + 2, y: rect.y, style: focused ? theme.focusedTitle : theme.title, limit: rect.width - 4)
        }
        return rect.inset(by: 1)
    }

    /// The first row shown of a list of `count` rows in `height` lines, so that `selected` is in view.
    static func scrollOffset(selected: Int, count: Int, height: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        return min(max(0, selected - height + 1 + min(2, height / 4)), count - height)
    }

    /// A list of one-line rows, the selected one highlighted (reversed when the list has the focus).
    /// Only the rows in view are made (`row` is called for them alone): a month can list thousands.
    static func list(_ grid: inout CellGrid, _ rect: Rect, count: Int, selected: Int?, focused: Bool,
                     empty: String, theme: Theme, row: (Int) -> [(String, Style)]) {
        guard rect.height > 0, rect.width > 0 else { return }
        if count == 0 {
            grid.write(empty, x: rect.x, y: rect.y, style: theme.dim, limit: rect.width)
            return
        }
        let offset = scrollOffset(selected: selected ?? 0, count: count, height: rect.height)
        for line in 0..<min(rect.height, count - offset) {
            let index = offset + line
            var x = rect.x
            for (text, style) in row(index) {
                x += grid.write(text, x: x, y: rect.y + line, style: style, limit: rect.maxX - x)
                if x >= rect.maxX { break }
            }
            if index == selected {
                let row = Rect(x: rect.x, y: rect.y + line, width: rect.width, height: 1)
                grid.restyle(row) { style in
                    if focused { style.reverse = true } else { style.underline = true }
                }
            }
        }
        if offset > 0 { grid.write("↑", x: rect.maxX - 1, y: rect.y, style: theme.dim) }
        if offset + rect.height < count { grid.write("↓", x: rect.maxX - 1, y: rect.maxY - 1, style: theme.dim) }
    }

    /// Lines of "label: value" (values wrapped under themselves), from `y` down; returns the next free line.
    @discardableResult
    static func details(_ grid: inout CellGrid, _ rect: Rect, from y: Int, _ lines: [(label: String, value: String)], theme: Theme) -> Int {
        let labelWidth = min(rect.width * 2 / 5, (lines.map { CellWidth.of($0.label) }.max() ?? 0) + 1)
        var y = y
        for (label, value) in lines {
            guard y < rect.maxY else { break }
            grid.write(label, x: rect.x, y: y, style: theme.label, limit: labelWidth - 1)
            for piece in wrap(value, width: rect.width - labelWidth) {
                guard y < rect.maxY else { break }
                grid.write(piece, x: rect.x + labelWidth, y: y, limit: rect.width - labelWidth)
                y += 1
            }
        }
        return y
    }

    /// `text` cut into lines of at most `width` columns, at spaces where it can be.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = CellWidth.of(String(word))
            if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
        }
        lines.append(line)
        return lines.isEmpty ? [""] : lines
    }

    /// `text` centred in `width` columns (for notices).
    static func centred(_ grid: inout CellGrid, _ text: String, y: Int, in rect: Rect, style: Style) {
        let width = CellWidth.of(text)
        grid.write(text, x: rect.x + max(0, (rect.width - width) / 2), y: y, style: style, limit: rect.width)
    }
}

/// The styles of the interface, with colour or without (`NO_COLOR`, or a terminal without colours):
/// what colour tells apart, attributes still tell apart.
struct Theme {
    var border = Style(foreground: .blue)
    var focusedBorder = Style(foreground: .cyan, bold: true)
    var title = Style(bold: true)
    var focusedTitle = Style(foreground: .cyan, bold: true)
    var label = Style(foreground: .cyan)
    var dim = Style(dim: true)
    var today = Style(foreground: .yellow, bold: true, underline: true)
    var holiday = Style(foreground: .red, bold: true)
    var weekend = Style(foreground: .magenta)
    var outside = Style(dim: true)
    var glyph = Style(foreground: .green, bold: true)
    var cancelled = Style(foreground: .red, dim: true)
    var error = Style(foreground: .red, bold: true)
    var ok = Style(foreground: .green)
    var bar = Style(foreground: .black, background: .cyan)
    var barError = Style(foreground: .white, background: .red, bold: true)
    var activeTab = Style(foreground: .black, background: .white, bold: true)
    var field = Style(underline: true)
    var focusedField = Style(foreground: .black, background: .white)

    static let color = Theme()

    /// The same styles, colours taken away.
    static let monochrome: Theme = {
        var theme = Theme()
        theme.border = .plain
        theme.focusedBorder = Style(bold: true)
        theme.focusedTitle = Style(bold: true, underline: true)
        theme.label = Style(bold: true)
        theme.today = Style(bold: true, underline: true)
        theme.holiday = Style(bold: true)
        theme.weekend = .plain
        theme.glyph = Style(bold: true)
        theme.cancelled = Style(dim: true)
        theme.error = Style(bold: true)
        theme.ok = .plain
        theme.bar = Style(reverse: true)
        theme.barError = Style(bold: true, reverse: true)
        theme.activeTab = Style(bold: true, underline: true)
        theme.focusedField = Style(reverse: true)
        return theme
    }()
}
