import Testing
import TovUI
@testable import TovTerminal

@Suite struct CellDiffTests {
    private func grid(_ rows: String...) -> CellGrid {
        var grid = CellGrid(width: 6, height: rows.count)
        for (y, row) in rows.enumerated() { grid.write(row, x: 0, y: y) }
        return grid
    }

    private func columns(_ positions: [Position]) -> [Int] { positions.map(\.x) }

    @Test func aFirstDrawWritesEveryCellButContinuations() {
        #expect(columns(CellDiff.changes(from: nil, to: grid("a会b"))) == [0, 1, 3, 4, 5])
    }

    @Test func anUnchangedGridWritesNothing() {
        #expect(CellDiff.changes(from: grid("Ховд"), to: grid("Ховд")).isEmpty)
    }

    @Test func onlyChangedCellsAreWritten() {
        #expect(CellDiff.changes(from: grid("Ховд", "аймаг"), to: grid("Ховд", "аймаГ"))
            == [Position(x: 4, y: 1)])
    }

    @Test func aNewWideCharacterIsWrittenOnce() {
        #expect(columns(CellDiff.changes(from: grid("abcd"), to: grid("a会d"))) == [1])
    }

    @Test func aWideCharacterGivingWayToNarrowOnesWritesBoth() {
        #expect(columns(CellDiff.changes(from: grid("a会d"), to: grid("abcd"))) == [1, 2])
    }

    @Test func aContinuationThatAloneChangedRewritesItsWideCharacter() {
        let before = grid("a会d")
        var after = before
        after.restyle(Rect(x: 2, y: 0, width: 1, height: 1)) { $0.bold = true }
        #expect(columns(CellDiff.changes(from: before, to: after)) == [1])
    }

    @Test func aContinuationWithNoWideCharacterIsBlanked() {
        var after = CellGrid(width: 3, height: 1)
        after.fill(Rect(x: 0, y: 0, width: 1, height: 1), with: .continuation(style: .plain))
        #expect(columns(CellDiff.changes(from: CellGrid(width: 3, height: 1), to: after)) == [0])
        #expect(CellDiff.isOrphan(0, 0, in: after))
    }

    @Test func aNewSizeWritesEverything() {
        #expect(CellDiff.changes(from: CellGrid(width: 5, height: 1), to: grid("abc")).count == 6)
    }
}
