import TovUI

/// Which cells the terminal must write to turn the screen it shows into a new grid.
enum CellDiff {
    /// The cells that changed, row by row, left to right; everything when there is no old grid or it
    /// has another size. A continuation is never listed (its wide character draws it), but when only
    /// the continuation changed its wide character is; a continuation with no wide character before
    /// it is listed so the terminal can blank it.
    static func changes(from old: CellGrid?, to new: CellGrid) -> [Position] {
        let old = old.flatMap { $0.width == new.width && $0.height == new.height ? $0 : nil }
        var positions: [Position] = []
        for y in 0..<new.height {
            for x in 0..<new.width {
                let cell = new[x, y]
                guard old.map({ $0[x, y] != cell }) ?? true else { continue }
                if !cell.isContinuation || isOrphan(x, y, in: new) {
                    positions.append(Position(x: x, y: y))
                } else if positions.last != Position(x: x - 1, y: y) {
                    positions.append(Position(x: x - 1, y: y))
                }
            }
        }
        return positions
    }

    /// Whether the cell at `x` is a continuation with no wide character to its left.
    static func isOrphan(_ x: Int, _ y: Int, in grid: CellGrid) -> Bool {
        grid[x, y].isContinuation && (x == 0 || grid[x - 1, y].isContinuation)
    }

    /// Whether the cell at `x` starts a character two columns wide.
    static func isWide(_ x: Int, _ y: Int, in grid: CellGrid) -> Bool {
        !grid[x, y].isContinuation && x + 1 < grid.width && grid[x + 1, y].isContinuation
    }
}
