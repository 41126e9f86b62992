import Foundation
import Testing
import TovCore
@testable import TovUI

/// A day and a store the UI tests share: the demo year in memory, seen on 23 November 2026 in Ulaanbaatar.
enum Fixture {
    static let today = try! LocalDate(parsing: "2026-11-23")
    static let zone = try! Zone("Asia/Ulaanbaatar")

    static func demoStore() throws -> InMemoryStore {
        let store = InMemoryStore()
        _ = try store.write { session in
            try DemoData(from: try LocalDate(parsing: "2026-05-01"), today: today).write(into: session)
        }
        return store
    }

    static func app(language: Language = .mn, store: InMemoryStore? = nil, width: Int = 80, height: Int = 24) throws -> TovApp {
        let app = TovApp(store: try store ?? demoStore(), today: today, zone: zone, language: language, colors: true)
        _ = app.handle(.resize(width: width, height: height))
        return app
    }

    /// Presses each key in turn; fails the test if one asks to quit.
    static func press(_ app: TovApp, _ keys: [Key], sourceLocation: SourceLocation = #_sourceLocation) {
        for key in keys {
            #expect(app.handle(key), "\(key) quit", sourceLocation: sourceLocation)
        }
    }

    /// The keys that type `text`.
    static func typing(_ text: String) -> [Key] { text.map { .character($0) } }

    /// The screen as text.
    static func screen(_ app: TovApp) -> String {
        app.render(width: app.state.width, height: app.state.height).rows.joined(separator: "\n")
    }
}
