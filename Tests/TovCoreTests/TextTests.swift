import Testing
@testable import TovCore

@Suite struct TextTests {
    @Test func mongolianOrderPutsOAndUWithTheirVowels() {
        let names = ["Яруу", "Өлгий", "Орхон", "Үүрцэг", "Улаан", "Баян", "Zed"]
        #expect(names.sorted(by: MongolianOrder.precedes) == ["Баян", "Орхон", "Өлгий", "Улаан", "Үүрцэг", "Яруу", "Zed"])
    }

    @Test func safeTextRemovesEscapeSequencesAndControls() {
        #expect(SafeText.clean("A\u{1B}[31mred\u{1B}[0m\u{07}\tB\nC") == "Ared B C")
        #expect(SafeText.clean("\u{9B}x") == "x")
        #expect(SafeText.clean("a\u{1B}]0;title\u{07}b") == "ab")
        #expect(SafeText.clean("Ховд аймаг") == "Ховд аймаг")
        // C1 controls are two bytes in UTF-8 (C2 80 to C2 9F); other characters starting C2 stay.
        #expect(SafeText.clean("a\u{85}b\u{9F}c ¢ ©") == "abc ¢ ©")
    }

    @Test func datesReadTheMongolianWay() throws {
        let date = try LocalDate(parsing: "2026-11-23")
        #expect(Vocabulary.date(date, in: .mn) == "2026 оны 11-р сарын 23")
        #expect(Vocabulary.date(date, in: .en) == "23 November 2026")
        #expect(Vocabulary.name(of: date.weekday, in: .mn) == "Даваа")
    }

    @Test func languageFollowsTheLocale() {
        #expect(Language(locale: "mn_MN.UTF-8") == .mn)
        #expect(Language(locale: "en_US.UTF-8") == .en)
        #expect(Language(locale: "C.UTF-8") == .en)
        #expect(Language(locale: nil) == .en)
    }
}
