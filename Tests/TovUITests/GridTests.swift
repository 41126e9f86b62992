import Testing
@testable import TovUI

@Suite struct CellWidthTests {
    @Test(arguments: [
        ("Ховд", 4), ("Өлгий", 5), ("Үүрийн", 6), ("ᠮᠣᠩᠭᠣᠯ", 6), ("abc", 3),
        ("会议", 4), ("한국", 4), ("😀", 2), ("👍🏽", 2), ("☎\u{FE0F}", 2), ("☎", 1),
        ("е\u{301}", 1), ("\u{301}", 1), ("\u{200B}", 0), ("\u{1B}", 0), ("ＡＢ", 4), ("", 0),
        ("Ё", 1), ("Ω", 1), ("\u{483}", 1), ("\u{85}", 0), ("#\u{FE0F}\u{20E3}", 2), ("ӨӨ\u{301}", 2),
    ])
    func measuresColumnsAsTerminalsDraw(_ text: String, _ columns: Int) {
        #expect(CellWidth.of(text) == columns)
    }

    /// The shortcut for Latin, Greek and Cyrillic gives what the Unicode properties give.
    @Test func theShortcutAgreesWithTheFullRule() {
        for value in UInt32(0)..<0x600 {
            guard let scalar = Unicode.Scalar(value), let columns = CellWidth.oneColumn(scalar) else { continue }
            let character = Character(scalar)
            #expect(columns == CellWidth.fullRule(scalar, in: character.unicodeScalars), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct CellGridTests {
    @Test func writesCyrillicOneCellPerLetter() {
        var grid = CellGrid(width: 12, height: 1)
        #expect(grid.write("Өнөөдөр", x: 1, y: 0) == 7)
        #expect(grid.rows == [" Өнөөдөр    "])
    }

    @Test func aWideCharacterTakesTwoCellsAndMarksTheSecond() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.write("a会b", x: 0, y: 0) == 4)
        #expect(grid[1, 0].text == "会" && grid[2, 0].isContinuation)
        #expect(grid.rows == ["a会b  "])
    }

    @Test func aWideCharacterThatDoesNotFitLeavesABlank() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("ab会", x: 0, y: 0, limit: 3)
        #expect(grid.rows == ["ab  "])
        #expect(!grid[2, 0].isContinuation && !grid[3, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("会会", x: 0, y: 0)
        grid.write("x", x: 1, y: 0)
        #expect(grid.rows == [" x会  "])
        grid.write("y", x: 2, y: 0)
        #expect(grid.rows == [" xy   "])
        grid.write("界", x: 4, y: 0)
        grid.write("国", x: 3, y: 0)
        #expect(grid.rows == [" xy国 "])
        #expect(grid[5, 0].text == " ")
    }

    @Test func stopsAtTheLimitAndTheEdge() {
        var grid = CellGrid(width: 5, height: 2)
        #expect(grid.write("Сүхбаатар", x: 2, y: 0) == 3)
        #expect(grid.write("Сүхбаатар", x: 0, y: 1, limit: 2) == 2)
        #expect(grid.rows == ["  Сүх", "Сү   "])
        #expect(grid.write("x", x: 0, y: 5) == 0)
        #expect(grid.write("abc", x: -1, y: 0) == 2)
        #expect(grid.rows[0] == "bcСүх")
    }

    @Test func dataCannotSendEscapeSequencesToTheTerminal() {
        var grid = CellGrid(width: 10, height: 1)
        grid.write("a\u{1B}[2Jb\u{7}c\nd", x: 0, y: 0)
        #expect(grid.rows == ["abc d     "])
    }

    @Test func fillsAndRestylesOnlyInsideTheGrid() {
        var grid = CellGrid(width: 4, height: 2)
        grid.write("abcd", x: 0, y: 0)
        grid.fill(Rect(x: 2, y: -1, width: 5, height: 2), with: Cell("#"))
        grid.restyle(Rect(x: 0, y: 1, width: 9, height: 9)) { $0.reverse = true }
        #expect(grid.rows == ["ab##", "    "])
        #expect(grid[3, 1].style.reverse && !grid[3, 0].style.reverse)
    }
}

@Suite struct LayoutTests {
    private func widths(_ total: Int, _ constraints: [Layout.Constraint], gap: Int = 0) -> [Int] {
        Layout.columns(Rect(x: 0, y: 0, width: total, height: 1), constraints, gap: gap).map(\.width)
    }

    @Test func fixedPartsFirstAndFillsShareTheRest() {
        #expect(widths(80, [.fixed(24), .fill]) == [24, 56])
        #expect(widths(121, [.fixed(24), .fill, .fill], gap: 1) == [24, 48, 47])
        #expect(widths(100, [.percent(30), .fill]) == [30, 70])
        #expect(widths(50, [.min(20), .fill]) == [35, 15])
    }

    @Test func aSmallWindowGivesWhatThereIsInOrder() {
        #expect(widths(20, [.fixed(24), .fill]) == [20, 0])
        #expect(widths(0, [.fixed(3), .fill]) == [0, 0])
    }

    @Test func partsSitSideBySideWithGaps() {
        let parts = Layout.rows(Rect(x: 2, y: 3, width: 10, height: 10), [.fixed(1), .fill, .fixed(1)], gap: 1)
        #expect(parts.map(\.y) == [3, 5, 12] && parts.map(\.height) == [1, 6, 1] && parts.allSatisfy { $0.x == 2 && $0.width == 10 })
    }
}
