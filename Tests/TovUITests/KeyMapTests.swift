import Testing
import TovCore
@testable import TovUI

@Suite struct KeyMapTests {
    @Test func theDesignsKeysAskForTheirActions() {
        let map = KeyMap.standard
        #expect(map.action(for: .character("j")) == .down && map.action(for: .down) == .down)
        #expect(map.action(for: .pageDown) == .nextMonth && map.action(for: .character("t")) == .today)
        #expect(map.action(for: .control("r")) == .redo && map.action(for: .character("u")) == .undo)
        #expect(map.action(for: .character("3")) == .dialoguePane && map.action(for: .backTab) == .previousPane)
        #expect(map.action(for: .character("K")) == .topicUp && map.action(for: .character("J")) == .topicDown)
        #expect(map.action(for: .character("z")) == nil)
    }

    @Test func everyActionHasAKeyAndHelpInBothLanguages() {
        let bound = Set(KeyMap.standard.bindings.map(\.action))
        #expect(bound == Set(Action.allCases))
        for language in Language.allCases {
            let lines = KeyMap.standard.helpLines(in: language)
            #expect(lines.count == Action.allCases.count && lines.allSatisfy { !$0.keys.isEmpty && !$0.summary.isEmpty })
        }
        #expect(KeyMap.standard.helpLines(in: .mn).first { $0.keys == "Ctrl-R" }?.summary == "Дахин хийх")
        #expect(KeyMap.standard.helpLines(in: .en).first { $0.keys == "↓ j" }?.summary == "Down")
    }

    @Test func aKeyBoundTwiceIsRefused() {
        #expect(throws: ValidationError.self) {
            try KeyMap([(.quit, [.character("q")]), (.today, [.character("q")])])
        }
    }
}
