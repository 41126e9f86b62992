import Foundation
import Testing
import TovTestSupport

/// End-to-end: `tov attend` and the attendance in `tov org show`, on the demo year (today is 2026-11-23).
@Suite(.serialized) struct AttendanceCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// The demo year from 2026-01-01; the dialogue series' id.
    func demo() throws -> String {
        let demo = try tov("demo", "--from", "2026-01-01")
        #expect(demo.status == 0, "\(demo.stderr)")
        let series = try #require(try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])
        return try #require(series.first?["id"] as? String)
    }

    /// `attend list --format json` of a meeting of the series: its counts and participants.
    func list(_ series: String, _ meeting: String) throws -> (counts: [String: Int], participants: [[String: Any]]) {
        let result = try tov("attend", "list", "--series", series, "--meeting", meeting, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try json(result) as? [String: Any])
        return (try #require(object["counts"] as? [String: Int]), try #require(object["participants"] as? [[String: Any]]))
    }

    @Test func invitesEveryNGOToAMeetingMarksTwoAttendedListsAndExportsThemAndUndoes() throws {
        let series = try demo()
        let ngos = try #require(try json(try tov("org", "list", "--kind", "ngo", "--format", "json")) as? [[String: Any]])
        let ngoIDs = ngos.compactMap { $0["id"] as? String }
        #expect(ngoIDs.count == 16)

        // The meeting of January 2027 is past the demo year: nothing is stored on it, and listing it stores nothing.
        let empty = try list(series, "2027-01-21")
        #expect(empty.counts["total"] == 0 && empty.participants.isEmpty)
        #expect(try tov("event", "list", "--from", "2027-01-01", "--to", "2027-01-31", "--format", "json").stdout == "[]\n")

        let invite = try tov("attend", "invite", "--series", series, "--meeting", "2027-01-21", "--kind", "ngo")
        #expect(invite.status == 0, "\(invite.stderr)")
        #expect(invite.stdout == "Invited 16; 16 on the list.\n")
        #expect(try tov("attend", "invite", "--series", series, "--meeting", "2027-01-21", "--kind", "ngo").stdout
                == "Invited 0; 16 on the list.\n")

        for id in ngoIDs.prefix(2) {
            let mark = try tov("attend", "mark", "--series", series, "--meeting", "2027-01-21", "--org", id, "--status", "attended")
            #expect(mark.status == 0, "\(mark.stderr)")
        }
        let marked = try list(series, "2027-01-21")
        #expect(marked.counts == ["invited": 14, "registered": 0, "attended": 2, "absent": 0, "excused": 0, "total": 16])
        #expect(Set(marked.participants.compactMap { $0["id"] as? String }) == Set(ngoIDs))
        #expect(marked.participants.allSatisfy { $0["kind"] as? String == "ngo" && $0["organisation"] is NSNull })
        #expect(Set(marked.participants.filter { $0["status"] as? String == "attended" }.compactMap { $0["id"] as? String })
                == Set(ngoIDs.prefix(2)))
        // The list reads in the order `org list` gives.
        #expect(marked.participants.compactMap { $0["name"] as? String } == ngos.compactMap { $0["name"] as? String })

        let csv = try tov("attend", "list", "--series", series, "--meeting", "2027-01-21", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.components(separatedBy: "\r\n").dropLast()
        #expect(rows.first == "Name,Organisation,Kind,Status")
        #expect(rows.count == 17)
        #expect(rows.filter { $0.hasSuffix(",NGO,attended") }.count == 2)
        let file = folder.path("ирц.csv")
        let saved = try tov("attend", "list", "--series", series, "--meeting", "2027-01-21", "--format", "csv", "--output", file)
        #expect(saved.stdout == "Written to \(file)\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == csv.stdout)

        let name = try #require(ngos[1]["name"] as? String)
        #expect(try tov("undo").stdout == "Undone: Marked \(name) attended at the meeting of 2027-01-21\n")
        #expect(try list(series, "2027-01-21").counts["attended"] == 1)
        _ = try tov("undo")
        #expect(try tov("undo").stdout == "Undone: Invited to the meeting of 2027-01-21\n")
        #expect(try list(series, "2027-01-21").participants.isEmpty)
    }

    @Test func marksAPersonAndTakesThemOffTheListOfAStoredEvent() throws {
        let series = try demo()
        let people = try #require(try json(try tov("person", "list", "--format", "json")) as? [[String: Any]])
        let person = try #require(people.first?["id"] as? String)
        let meeting = try #require((try json(try tov("event", "list", "--from", "2026-11-19", "--to", "2026-11-19", "--kind", "dialogue",
                                                     "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        let before = try list(series, "2026-11-19").counts["total"] ?? 0
        #expect(try tov("attend", "mark", "--event", meeting, "--person", person, "--status", "excused").status == 0)
        let after = try list(series, "2026-11-19")
        #expect(after.counts["total"] == before + 1)
        #expect(after.participants.last?["id"] as? String == person)
        #expect(after.participants.last?["status"] as? String == "excused")
        #expect(try tov("attend", "remove", "--event", meeting, "--person", person).status == 0)
        #expect(try list(series, "2026-11-19").counts["total"] == before)
        let again = try tov("attend", "remove", "--event", meeting, "--person", person)
        #expect(again.status == 2)
        #expect(again.stderr.hasSuffix("is not on the list of this event\n"))
    }

    @Test func orgShowCountsTheDialoguesAttendedInTheLastTwelveMonths() throws {
        let series = try demo()
        let ngo = try #require((try json(try tov("org", "list", "--kind", "ngo", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        func attended() throws -> [String] {
            let show = try #require(try json(try tov("org", "show", ngo, "--format", "json")) as? [String: Any])
            return try #require(show["dialoguesAttended"] as? [[String: Any]]).compactMap { $0["start"] as? String }
        }
        #expect(try tov("attend", "mark", "--series", series, "--meeting", "2026-11-19", "--org", ngo, "--status", "attended").status == 0)
        #expect(try attended().last == "2026-11-19T14:00:00")
        #expect(try attended().allSatisfy { $0 > "2025-11-23" })
        let text = try tov("org", "show", ngo)
        #expect(text.stdout.contains("Dialogues attended in the last twelve months: \(try attended().count)\n"))
        #expect(try tov("attend", "mark", "--series", series, "--meeting", "2026-11-19", "--org", ngo, "--status", "absent").status == 0)
        #expect(try attended().contains("2026-11-19T14:00:00") == false)
    }

    @Test(arguments: [
        (["invite", "--kind", "party"], "'party' is not a kind of organisation; use one of: ngo, cso, ministry, state-agency, "
            + "development-project, service-provider, local-administration, citizen-group, media, other"),
        (["invite"], "say whom to invite: --kind, --org or --person"),
        (["mark", "--org", "0000", "--status", "attended"], "no organisation has the id '0000'"),
        (["mark", "--person", "abcd", "--status", "late"], "'late' is not a participation status; use one of: invited, registered, attended, absent, excused"),
        (["mark", "--status", "attended"], "say who: --org ID or --person ID"),
        (["invite", "--org", "zz", "--kind", "ngo"], "'zz' is not an organisation id; ids are hex digits such as 3f9a12c0"),
    ])
    func refusesABadValueInOneLine(arguments: [String], message: String) throws {
        let series = try demo()
        let verb = arguments[0]
        let result = try TovBinary.run(["--db", db, "attend", verb, "--series", series, "--meeting", "2027-01-21"] + arguments.dropFirst())
        #expect(result.status == 2)
        #expect(result.stderr == "tov: \(message)\n")
        #expect(try list(series, "2027-01-21").participants.isEmpty)
    }

    @Test func listingAnEventThatIsNotThereIsRefused() throws {
        _ = try demo()
        let result = try tov("attend", "list", "--event", "abcd")
        #expect(result.status == 2)
        #expect(result.stderr == "tov: no event has the id 'abcd'\n")
    }
}
