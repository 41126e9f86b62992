import Foundation
import Testing
import TovCore
@testable import TovUI

/// Every pane, form and dialog as text, in both languages and at two sizes, compared with the files in
/// `Snapshots/`. `TOV_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` writes them anew; read the
/// difference before committing it.
@Suite struct SnapshotTests {
    static let screens: [(name: String, keys: [Key])] = [
        ("calendar", []),
        ("events-day", goTo("2026-11-19") + [.character("2"), .character("v")]),
        ("events-week", goTo("2026-11-12") + [.character("2"), .character("v"), .character("v")]),
        ("events-month", [.character("2"), .down]),
        ("dialogue", [.character("3"), .down]),
        ("dialogue-queue", [.character("3"), .right, .down]),
        ("people", [.character("4")]),
        ("people-person", [.character("4"), .right]),
        ("help", [.character("?")]),
        ("form-event", [.character("a")] + Fixture.typing("Сургалт") + [.tab, .right, .tab, .tab, .tab, .control("u")] + Fixture.typing("25:00")),
        ("form-event-place", [.character("a"), .tab, .tab, .tab, .tab, .tab, .tab] + Fixture.typing("хан")),
        ("form-series", [.character("3"), .character("a")]),
        ("form-organisation", [.character("4"), .character("a")]),
        ("form-person", [.character("4"), .right, .character("a")]),
        ("form-topic", [.character("3"), .right, .character("a")]),
        ("confirm-delete", goTo("2026-11-12") + [.character("2"), .character("v"), .character("d")]),
        ("go-to-date", [.character("g")]),
        ("dialogue-meeting", [.character("3"), .down, .enter]),
        ("dialogue-meeting-attendance", [.character("3"), .down, .enter, .right, .down]),
        ("form-assign", [.character("3"), .down, .enter, .character("a")]),
        ("form-invite", [.character("3"), .down, .enter, .right, .character("a")]),
        ("dialogue-meeting-programme", [.character("3"), .down, .enter, .right, .right, .down]),
        ("form-programme-item", [.character("3"), .down, .enter, .right, .right, .down, .character("e")]),
        ("form-away", [.character("4"), .right, .character("o")]),
        ("form-request", [.character("3"), .right, .down, .character("r")]),
    ]

    static func goTo(_ date: String) -> [Key] {
        [.character("g"), .control("u")] + Fixture.typing(date) + [.enter]
    }

    static let sizes = [(80, 24), (140, 40)]

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    @Test(arguments: Language.allCases)
    func everyScreenMatchesItsSnapshot(_ language: Language) throws {
        let store = try Fixture.demoStore()
        for (width, height) in Self.sizes {
            for (name, keys) in Self.screens {
                let app = try Fixture.app(language: language, store: store, width: width, height: height)
                Fixture.press(app, keys)
                let grid = app.render(width: width, height: height)
                try check(grid, named: "\(name)-\(language.rawValue)-\(width)x\(height)")
            }
        }
        let app = try Fixture.app(language: language, store: store, width: 40, height: 12)
        try check(app.render(width: 40, height: 12), named: "too-small-\(language.rawValue)-40x12")
    }

    @Test func withoutColourTodayAndTheSelectionStillStandOut() throws {
        let app = TovApp(store: try Fixture.demoStore(), today: Fixture.today, zone: Fixture.zone, language: .mn, colors: false)
        let grid = app.render(width: 80, height: 24)
        var styles: [Style] = []
        for y in 0..<grid.height { for x in 0..<grid.width { styles.append(grid[x, y].style) } }
        #expect(styles.allSatisfy { $0.foreground == nil && $0.background == nil })
        #expect(styles.contains { $0.reverse } && styles.contains { $0.underline })
    }

    func check(_ grid: CellGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = grid.rows.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["TOV_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(name).txt; record it with TOV_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        guard text != expected else { return }
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        Issue.record("""
            \(name) differs from its snapshot at line \(line + 1):
              now:      \(line < got.count ? got[line] : "(none)")
              snapshot: \(line < want.count ? want[line] : "(none)")
            """, sourceLocation: sourceLocation)
    }
}
