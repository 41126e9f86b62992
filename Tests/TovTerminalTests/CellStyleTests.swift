import CNCursesW
import Testing
import TovUI
@testable import TovTerminal

@Suite struct CellStyleTests {
    @Test func plainHasNoAttributes() {
        #expect(CellStyle.attributes(for: .plain) == tov_attr_normal())
        #expect(CellStyle.attributes(for: Style(foreground: .red, background: .blue)) == tov_attr_normal())
    }

    @Test func eachAttributeHasItsBit() {
        #expect(CellStyle.attributes(for: Style(bold: true)) == tov_attr_bold())
        #expect(CellStyle.attributes(for: Style.plain.reversed) == tov_attr_reverse())
        #expect(CellStyle.attributes(for: Style(underline: true)) == tov_attr_underline())
        #expect(CellStyle.attributes(for: Style(dim: true)) == tov_attr_dim())
        #expect(CellStyle.attributes(for: Style(bold: true, reverse: true)) == tov_attr_bold() | tov_attr_reverse())
    }

    @Test func theTerminalsOwnColoursArePairZero() {
        var pairs = ColorPairs(capacity: 64)
        #expect(pairs.number(foreground: nil, background: nil) == (0, false))
    }

    @Test func pairsAreNumberedAsFirstNeededAndReused() {
        var pairs = ColorPairs(capacity: 64)
        #expect(pairs.number(foreground: .red, background: nil) == (1, true))
        #expect(pairs.number(foreground: nil, background: .red) == (2, true))
        #expect(pairs.number(foreground: .red, background: nil) == (1, false))
    }

    @Test func whenPairsRunOutTheTerminalsColoursAreUsed() {
        var pairs = ColorPairs(capacity: 3)
        #expect(pairs.number(foreground: .red, background: nil).number == 1)
        #expect(pairs.number(foreground: .green, background: nil).number == 2)
        #expect(pairs.number(foreground: .blue, background: nil) == (0, false))
    }
}
