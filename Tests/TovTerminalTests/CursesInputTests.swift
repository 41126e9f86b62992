import CNCursesW
import Testing
import TovUI
@testable import TovTerminal

@Suite struct CursesInputTests {
    private func character(_ code: UInt32) -> Key? { CursesInput.key(code: code, isKeyCode: false) }
    private func keyCode(_ code: Int32) -> Key? { CursesInput.key(code: UInt32(code), isKeyCode: true) }

    @Test func printableCharactersCyrillicIncludedArriveAsThemselves() {
        #expect("Сайн Өглөө ү a 会".unicodeScalars.map { character($0.value) }
            == "Сайн Өглөө ү a 会".map { Key.character($0) })
    }

    @Test func controlLettersArriveAsControl() {
        #expect(character(1) == .control("a"))
        #expect(character(3) == .control("c"))
        #expect(character(18) == .control("r"))
        #expect(character(19) == .control("s"))
        #expect(character(21) == .control("u"))
        #expect(character(26) == .control("z"))
    }

    @Test func editingCodesArriveAsTheirKeys() {
        #expect(character(9) == .tab)
        #expect(character(10) == .enter)
        #expect(character(13) == .enter)
        #expect(character(8) == .backspace)
        #expect(character(127) == .backspace)
        #expect(character(27) == .escape)
    }

    @Test(arguments: [0, 28, 31, 0x85, 0xD800, 0x110000] as [UInt32])
    func otherControlsAndNonCharactersAreDropped(_ code: UInt32) {
        #expect(character(code) == nil)
    }

    @Test func keypadCodesArriveAsTheirKeys() {
        #expect(keyCode(KEY_UP) == .up)
        #expect(keyCode(KEY_DOWN) == .down)
        #expect(keyCode(KEY_LEFT) == .left)
        #expect(keyCode(KEY_RIGHT) == .right)
        #expect(keyCode(KEY_HOME) == .home)
        #expect(keyCode(KEY_END) == .end)
        #expect(keyCode(KEY_PPAGE) == .pageUp)
        #expect(keyCode(KEY_NPAGE) == .pageDown)
        #expect(keyCode(KEY_DC) == .delete)
        #expect(keyCode(KEY_BACKSPACE) == .backspace)
        #expect(keyCode(KEY_BTAB) == .backTab)
        #expect(keyCode(KEY_ENTER) == .enter)
    }

    @Test func functionKeysOneToTwelve() {
        #expect(keyCode(tov_key_f(1)) == .function(1))
        #expect(keyCode(tov_key_f(12)) == .function(12))
        #expect(keyCode(tov_key_f(13)) == nil)
    }

    @Test func resizeAndMouseCodesAreLeftToTheTerminal() {
        #expect(keyCode(KEY_RESIZE) == nil)
        #expect(keyCode(KEY_MOUSE) == nil)
    }

    @Test func aButtonOnePressOrClickIsAClickAtItsCell() {
        var event = MEVENT()
        event.x = 12
        event.y = 5
        event.bstate = tov_button1_pressed()
        #expect(CursesInput.click(event) == .click(column: 12, row: 5))
        event.bstate = tov_button1_clicked()
        #expect(CursesInput.click(event) == .click(column: 12, row: 5))
        event.bstate = 0
        #expect(CursesInput.click(event) == nil)
    }
}
