import Foundation
import Testing
import TovTestSupport

/// End-to-end: the topic queue on the command line, on the demo year (today is 2026-11-23).
@Suite(.serialized) struct TopicCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// `tov` in English, which the messages checked below are in.
    func tov(_ arguments: String...) throws -> Subprocess.Result {
        try TovBinary.run(["--db", db, "--lang", "en"] + arguments)
    }

    func queue() throws -> [String] {
        try #require(try json(try tov("topic", "list", "--format", "json")) as? [[String: Any]]).compactMap { $0["title"] as? String }
    }

    func added(_ title: String) throws -> String {
        let result = try tov("topic", "add", "--title", title)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(result.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
    }

    @Test func requestsMovesFillsCancelsAndHistory() throws {
        #expect(try tov("demo", "--from", "2026-01-01").status == 0)
        let series = try #require(try json(try tov("series", "list", "--format", "json")) as? [[String: Any]]).first?["id"] as? String
        let budget = try added("Төсвийн ил тод байдал")
        _ = try added("Орон нутгийн хөгжлийн сан")
        let ngos = try #require(try json(try tov("org", "list", "--kind", "ngo", "--format", "json")) as? [[String: Any]])
            .compactMap { $0["id"] as? String }

        // One request per organisation: the second from the same one is refused and counts nothing.
        #expect(try tov("topic", "request", budget, "--org", ngos[0]).status == 0)
        let again = try tov("topic", "request", budget, "--org", ngos[0])
        #expect(again.status == 2 && again.stderr.contains("already asked"))
        let listed = try #require(try json(try tov("topic", "list", "--format", "json")) as? [[String: Any]])
        #expect(listed.first { $0["title"] as? String == "Төсвийн ил тод байдал" }?["requests"] as? Int == 1)

        // Moved by hand to the head, and back down one place.
        #expect(try tov("topic", "move", budget, "--to", "1").status == 0)
        #expect(try queue().first == "Төсвийн ил тод байдал")
        #expect(try tov("topic", "move", budget, "--down", "1").status == 0)
        #expect(try queue()[1] == "Төсвийн ил тод байдал")
        #expect(try tov("topic", "move", budget, "--up", "0").status == 2)
        #expect(try tov("topic", "move", budget).status == 2)

        // Every meeting of the coming year takes a topic, none twice, until the queue runs out.
        let before = try queue()
        let fill = try tov("topic", "assign", "--series", try #require(series), "--all", "--format", "json")
        #expect(fill.status == 0, "\(fill.stderr)")
        let filled = try #require(try json(fill) as? [[String: Any]])
        #expect(filled.compactMap { $0["topic"] as? String } == Array(before.prefix(filled.count)))
        #expect(Set(filled.compactMap { $0["topicId"] as? String }).count == filled.count)
        let first = try #require(filled.first?["meeting"] as? String)

        // Cancelling that meeting returns its topic to the head of the queue.
        #expect(try tov("series", "cancel", try #require(series), "--meeting", String(first.prefix(10))).status == 0)
        #expect(try queue().first == filled.first?["topic"] as? String)

        let history = try #require(try json(try tov("topic", "history", "--format", "json")) as? [[String: Any]])
        #expect(history.contains { ($0["meetings"] as? [[String: Any]])?.first?["status"] as? String == "held" })
        #expect(!history.contains { $0["title"] as? String == filled.first?["topic"] as? String })

        // Withdrawn, a topic leaves the queue; requeued, it comes back.
        #expect(try tov("topic", "withdraw", budget).status == 0)
        #expect(try !queue().contains("Төсвийн ил тод байдал"))
        #expect(try tov("topic", "requeue", budget).status == 0)
        #expect(try queue().contains("Төсвийн ил тод байдал"))
    }
}
