import Testing
import TovCore
@testable import TovUI

@Suite struct TextFieldTests {
    @Test func editsCyrillicALetterAtATime() {
        var field = TextField()
        for character in "Сайн байна уу" { field.handle(.character(character)) }
        #expect(field.text == "Сайн байна уу" && field.caret == 13)
        field.handle(.home)
        field.handle(.delete)
        field.handle(.character("Ө"))
        #expect(field.text == "Өайн байна уу" && field.caret == 1)
        field.handle(.end)
        field.handle(.backspace)
        #expect(field.text == "Өайн байна у")
        field.handle(.control("w"))
        #expect(field.text == "Өайн байна ")
        field.handle(.left)
        field.handle(.control("u"))
        #expect(field.text == " " && field.caret == 0)
        field.handle(.control("k"))
        #expect(field.text.isEmpty)
    }

    @Test func aLetterWithACombiningMarkIsOneStep() {
        var field = TextField("ё\u{301}")
        field.handle(.backspace)
        #expect(field.text.isEmpty)
    }

    @Test func controlCharactersNeverGetIn() {
        var field = TextField("a\u{1B}[31mb")
        #expect(field.text == "ab")
        #expect(!field.handle(.character("\u{7}")) && field.text == "ab")
    }

    @Test func leavesEnterTabAndEscapeToTheForm() {
        var field = TextField("x")
        #expect(!field.handle(.enter) && !field.handle(.tab) && !field.handle(.escape) && !field.handle(.up))
    }

    @Test func scrollsSoTheCaretShows() {
        var grid = CellGrid(width: 6, height: 1)
        let field = TextField("Улаанбаатар")
        let caret = field.draw(into: &grid, x: 0, y: 0, width: 6, style: .plain, focused: true)
        #expect(grid.rows == ["баатар"].map { String($0.dropFirst()) + " " } && caret == Position(x: 5, y: 0))
    }
}

@Suite struct SuggestedTextTests {
    @Test func typingReplacesASuggestion() {
        var field = TextField(suggesting: "2026-11-23")
        #expect(field.isSuggestion)
        for character in "2027-01-21" { field.handle(.character(character)) }
        #expect(field.text == "2027-01-21" && !field.isSuggestion)
    }

    @Test func movingTheCaretKeepsTheSuggestionToEdit() {
        var field = TextField(suggesting: "2026-11-23")
        field.handle(.backspace)
        #expect(field.text.isEmpty)
        field = TextField(suggesting: "2026-11-23")
        field.handle(.left)
        field.handle(.backspace)
        field.handle(.character("4"))
        #expect(field.text == "2026-11-43" && !field.isSuggestion)
    }

    @Test func keysTheFieldLeavesToThePromptKeepTheSuggestion() {
        var field = TextField(suggesting: "attendance.csv")
        #expect(!field.handle(.enter) && field.isSuggestion && field.text == "attendance.csv")
        #expect(!field.handle(.character("\u{7}")) && field.isSuggestion)
    }

    @Test func aSuggestionIsDrawnSelected() {
        var grid = CellGrid(width: 12, height: 1)
        TextField(suggesting: "2026").draw(into: &grid, x: 0, y: 0, width: 12, style: .plain, focused: true)
        #expect(grid[0, 0].style.reverse)
        var typed = TextField(suggesting: "2026")
        typed.handle(.end)
        typed.draw(into: &grid, x: 0, y: 0, width: 12, style: .plain, focused: true)
        #expect(!grid[0, 0].style.reverse)
    }
}
