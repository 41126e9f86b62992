import Foundation
import Testing
import TovTestSupport

/// End-to-end: a meeting's programme edited on the command line. Today is pinned to 2026-11-23 in Ulaanbaatar.
@Suite(.serialized) struct ProgrammeCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// The dialogue series on the first Thursday of each month, 14:00–16:30, from 3 December; its id.
    func dialogueSeries() throws -> String {
        let made = try tov("series", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-12-03",
                           "--start", "14:00", "--end", "16:30", "--rule", "FREQ=MONTHLY;BYDAY=1TH", "--aimag", "MN-1-SB")
        #expect(made.status == 0, "\(made.stderr)")
        return try #require((try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
    }

    /// `tov programme VERB --series SERIES --meeting 2026-12-03 arguments…`.
    func programme(_ verb: String, _ series: String, _ arguments: String...) throws -> Subprocess.Result {
        try TovBinary.run(["--db", db, "programme", verb, "--series", series, "--meeting", "2026-12-03"] + arguments)
    }

    func listed(_ series: String) throws -> [[String: Any]] {
        let result = try programme("list", series, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try json(result) as? [[String: Any]])
    }

    @Test func aSeriesMeetingsProgrammeIsListedAddedToRetimedAndRemovedUndoably() throws {
        let series = try dialogueSeries()

        // Nothing recorded on the meeting yet: the programme it will start with, without ids.
        let planned = try listed(series)
        #expect(planned.map { $0["kind"] as? String } == ["keynote", "presentation", "panel", "open-discussion", "interview"])
        #expect(planned.map { $0["start"] as? String } == ["14:00", "14:30", "15:00", "15:30", "16:15"])
        #expect(planned.allSatisfy { $0["id"] is NSNull })
        #expect(try programme("list", series).stdout == """
            ТББ-ын диалоги
            3 December 2026 14:00–16:30 (Asia/Ulaanbaatar, UTC+8)
                        14:00–14:30  Гол илтгэл (keynote)
                        14:30–15:00  Илтгэл, танилцуулга (presentation)
                        15:00–15:30  Тэргүүлэгч хэлэлцүүлэгчид (lead discussants' panel)
                        15:30–16:15  Нээлттэй хэлэлцүүлэг (open discussion)
                        16:15–16:30  Ярилцлага (interview)
            As the series plans it: the items get ids with the meeting's first change (programme add, assign add).

            """)

        // The first item added stores the meeting with its default programme, all one undoable change.
        let seminar = try added(try programme("add", series, "--kind", "seminar", "--title", "Төсвийн ил тод байдал",
                                              "--from", "15:30", "--to", "15:45", "--service-area", "finance"))
        var items = try listed(series)
        #expect(items.map { $0["kind"] as? String } == ["keynote", "presentation", "panel", "open-discussion", "seminar", "interview"])
        let seminarRow = try #require(items.first { $0["id"] as? String == seminar })
        #expect(seminarRow["title"] as? String == "Төсвийн ил тод байдал")
        #expect(seminarRow["serviceArea"] as? String == "finance")
        #expect(seminarRow["start"] as? String == "15:30" && seminarRow["end"] as? String == "15:45")

        // A keynote on the keynote item shows under it.
        let keynoteItem = try #require(items.first?["id"] as? String)
        let person = try added(try tov("person", "add", "--name", "Б. Энхтуяа"))
        _ = try added(try tov("assign", "add", "--series", series, "--meeting", "2026-12-03", "--person", person, "--role", "keynote",
                              "--item", keynoteItem))
        items = try listed(series)
        let people = try #require(items.first?["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Б. Энхтуяа"] && people.map { $0["role"] as? String } == ["keynote"])

        // Re-timed: it moves to where it now runs.
        let edited = try programme("edit", series, "--item", seminar, "--from", "14:30", "--to", "14:45")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "Changed \(seminar)  14:30–14:45 Төсвийн ил тод байдал (seminar) · finance\n")
        items = try listed(series)
        #expect(items.map { $0["kind"] as? String } == ["keynote", "presentation", "seminar", "panel", "open-discussion", "interview"])
        let text = try programme("list", series).stdout
        #expect(text.contains("  \(seminar)  14:30–14:45  Төсвийн ил тод байдал (seminar) · finance\n"))
        #expect(text.contains("  \(keynoteItem)  14:00–14:30  Гол илтгэл (keynote)\n                         Б. Энхтуяа, keynote\n"))

        // Bad input: one line on stderr, exit 2, nothing changed.
        let before = try programme("list", series, "--format", "json").stdout
        let cases: [([String], String)] = [
            (["edit", "--item", seminar, "--from", "14:50"], "tov: the item ends at 14:45, not after it starts at 14:50\n"),
            (["edit", "--item", seminar, "--to", "17:00"], "tov: 17:00 is outside the meeting's hours, 14:00–16:30\n"),
            (["edit", "--item", seminar, "--from", "2pm"], "tov: '2pm' is not a time; write it as HH:MM\n"),
            (["edit", "--item", "abcd1234", "--title", "x"], "tov: no programme item has the id 'abcd1234'\n"),
            (["edit", "--item", seminar], "tov: say what to change: --kind, --title, --from, --to, --service-area or --clear-times\n"),
            (["add", "--kind", "seminar", "--title", "Өглөө", "--from", "09:00", "--to", "10:00"],
             "tov: 09:00 is outside the meeting's hours, 14:00–16:30\n"),
            (["add", "--kind", "talk", "--title", "x"],
             "tov: 'talk' is not a kind of programme item; use one of: keynote, presentation, open-discussion, panel, interview, "
                + "seminar, training, information-stand, survey\n"),
            (["add", "--kind", "seminar", "--title", "x", "--service-area", "roads"],
             "tov: 'roads' is not a service area; use one of: education, health, city-services, procurement, finance, other\n"),
            (["remove", "--item", "abcd1234"], "tov: no programme item has the id 'abcd1234'\n"),
        ]
        for (arguments, message) in cases {
            let result = try TovBinary.run(["--db", db, "programme", arguments[0], "--series", series, "--meeting", "2026-12-03"]
                                           + arguments.dropFirst())
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try programme("list", series, "--format", "json").stdout == before)

        // Removed, its keynote stays on the meeting; undo brings it back with its keynote on it.
        let removed = try programme("remove", series, "--item", keynoteItem)
        #expect(removed.stdout == "Removed \(keynoteItem)  Гол илтгэл\n  Б. Энхтуяа stays on the meeting as keynote\n")
        #expect(try listed(series).map { $0["kind"] as? String } == ["presentation", "seminar", "panel", "open-discussion", "interview"])
        let roles = try #require((try json(try tov("assign", "list", "--series", series, "--meeting", "2026-12-03", "--format", "json"))
                                  as? [String: Any])?["assignments"] as? [[String: Any]])
        #expect(roles.map { $0["role"] as? String } == ["keynote"] && roles.first?["itemId"] is NSNull)
        #expect(try tov("undo").stdout == "Undone: Removed programme item \(keynoteItem)\n")
        items = try listed(series)
        #expect(items.first?["id"] as? String == keynoteItem)
        #expect((items.first?["people"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Б. Энхтуяа"])
    }

    @Test func anEventsItemsChangeOnlyInWhatIsGivenAndUntimedOnesRunLast() throws {
        let event = try added(try tov("event", "add", "--title", "Ховдын НЭХ өдөрлөг", "--kind", "sa-day", "--date", "2026-11-26",
                                      "--all-day", "--aimag", "Khovd"))
        let listedEmpty = try tov("programme", "list", "--event", event)
        #expect(listedEmpty.stdout.hasSuffix("The programme is empty.\n"), "\(listedEmpty.stdout)")
        let stand = try added(try tov("programme", "add", "--event", event, "--kind", "information-stand", "--title", "Мэдээллийн булан",
                                      "--from", "08:00", "--to", "18:00", "--service-area", "health"))
        let survey = try added(try tov("programme", "add", "--event", event, "--kind", "survey", "--title", "Санал асуулга",
                                       "--from", "10:00"))
        // An all-day event bounds no times; taking the stand's times off puts it last.
        let cleared = try tov("programme", "edit", "--event", event, "--item", stand, "--clear-times", "--title", "Эрүүл мэндийн булан")
        #expect(cleared.stdout == "Changed \(stand)  Эрүүл мэндийн булан (information stand) · health\n", "\(cleared.stderr)")
        let items = try #require(try json(try tov("programme", "list", "--event", event, "--format", "json")) as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == [survey, stand])
        #expect(items.last?["kind"] as? String == "information-stand" && items.last?["serviceArea"] as? String == "health")
        #expect(items.last?["start"] is NSNull && items.last?["end"] is NSNull)
        #expect(items.first?["start"] as? String == "10:00" && items.first?["end"] is NSNull)
        #expect(try tov("--lang", "mn", "programme", "list", "--event", event).stdout.contains(
            "  \(survey)  10:00–       Санал асуулга (санал асуулга)\n  \(stand)               Эрүүл мэндийн булан (мэдээллийн булан) · эрүүл мэнд"))
        #expect(try tov("undo").stdout == "Undone: Edited programme item \(stand)\n")
        #expect((try json(try tov("programme", "list", "--event", event, "--format", "json")) as? [[String: Any]])?
                    .map { $0["title"] as? String } == ["Мэдээллийн булан", "Санал асуулга"])
        // An item of another event is not this one's.
        let other = try added(try tov("event", "add", "--title", "Сургалт", "--date", "2026-11-27", "--start", "10:00", "--end", "12:00"))
        let wrong = try tov("programme", "remove", "--event", other, "--item", stand)
        #expect(wrong.status == 2 && wrong.stderr == "tov: the programme item '\(stand)' is not on 'Сургалт'\n")
    }
}
