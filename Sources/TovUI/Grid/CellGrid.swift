import TovCore

/// One screen position: a character and its style. A character two columns wide fills its cell and
/// marks the next one as its continuation, which draws nothing.
public struct Cell: Hashable, Sendable {
    /// One grapheme, or "" for the continuation of a wide one.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// The right half of a wide character.
    public static func continuation(style: Style) -> Cell { Cell("", style: style) }

    public var isContinuation: Bool { text.isEmpty }

    /// An empty cell.
    public static let blank = Cell()
}

/// A cell's place on the grid.
public struct Position: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// The screen as cells, drawn by panes and widgets and compared with the previous one by the terminal,
/// which writes only what changed. Tests read it back as rows of text.
///
///     var grid = CellGrid(width: 20, height: 2)
///     grid.write("Ховд аймаг", x: 0, y: 0)
///     grid.rows // ["Ховд аймаг          ", "                    "]
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// Where the terminal shows its cursor (the caret of a text field being edited); nil hides it.
    public var cursor: Position?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` on row `y`, no further than `limit` columns (and never past the
    /// grid's edge), and returns the columns it took. Control characters and escape sequences in data
    /// never reach the terminal; a wide character that does not fit whole leaves a blank instead.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        for character in SafeText.clean(text) {
            let columns = CellWidth.of(character)
            if columns == 0 { continue }
            if column + columns > end {
                if column < end && column >= 0 { set(Cell(" ", style: style), at: column, y) }
                break
            }
            if column >= 0 {
                set(Cell(String(character), style: style), at: column, y)
                if columns == 2 { set(.continuation(style: style), at: column + 1, y) }
            }
            column += columns
        }
        return max(0, column - max(x, 0))
    }

    /// Sets every cell of `rect` (clipped to the grid) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { set(cell, at: x, y) }
        }
    }

    /// Changes the style of every cell of `rect`, keeping the text (a selected row).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { change(&cells[y * width + x].style) }
        }
    }

    /// Puts one cell, mending any wide character it cuts in half: a half alone would shift the
    /// rest of the row on a real terminal.
    private mutating func set(_ cell: Cell, at x: Int, _ y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation && x > 0 && !cell.isContinuation {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        // A new wide character's own right half comes next and replaces the old one.
        if !old.isContinuation && x + 1 < width && cells[index + 1].isContinuation
            && (cell.isContinuation || CellWidth.of(cell.text) < 2) {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// The text of each row, continuation cells left out: what a terminal shows, for tests.
    public var rows: [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width { row += cells[y * width + x].text }
            return row
        }
    }

    /// The cells of a row, for the terminal's diff.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * width)..<((y + 1) * width)]
    }
}
