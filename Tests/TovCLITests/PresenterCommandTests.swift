import Foundation
import Testing
import TovTestSupport

/// End-to-end: assigning presenters, their days away, and the conflicts list, through the real binary.
/// Today is pinned to 2026-11-23 in Ulaanbaatar.
@Suite(.serialized) struct PresenterCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    func person(_ name: String) throws -> String { try added(try tov("person", "add", "--name", name)) }

    /// The keynote's dialogue meeting in the capital on 26 November, 14:00–17:00.
    func dialogue() throws -> String {
        try added(try tov("event", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-11-26",
                          "--start", "14:00", "--end", "17:00", "--aimag", "MN-1-SB"))
    }

    /// An SA Day in Khovd (UTC+7) the same day, 09:00–16:00: 10:00–17:00 in Ulaanbaatar.
    func khovdSADay(_ date: String = "2026-11-26") throws -> String {
        try added(try tov("event", "add", "--title", "Ховдын НЭХ өдөрлөг", "--kind", "sa-day", "--date", date,
                          "--start", "09:00", "--end", "16:00", "--aimag", "Khovd"))
    }

    // MARK: - assign and conflicts

    @Test func assigningAKeynoteToAnSADayTheSameDayWarnsAndTheConflictsListNamesBothEvents() throws {
        let keynote = try person("Б. Энхтуяа")
        let meeting = try dialogue(), saDay = try khovdSADay()
        let first = try tov("assign", "add", "--event", meeting, "--person", keynote, "--role", "keynote")
        let assignment = try added(first)
        #expect(first.stdout.hasPrefix("Added \(assignment)  Б. Энхтуяа, keynote: ТББ-ын диалоги, 26 November 2026 14:00–17:00"))
        #expect(first.stderr.isEmpty)

        let second = try tov("assign", "add", "--event", saDay, "--person", keynote, "--role", "presenter")
        let presenter = try added(second)
        #expect(second.status == 0)
        #expect(second.stderr == """
            tov: warning: Б. Энхтуяа is in two events at once: 'Ховдын НЭХ өдөрлөг' (26 November 2026 09:00, Khovd) \
            and 'ТББ-ын диалоги' (26 November 2026 14:00, Sükhbaatar)

            """)

        let conflicts = try tov("conflicts", "--format", "json")
        #expect(conflicts.status == 0)
        let list = try #require(try json(conflicts) as? [[String: Any]])
        #expect(list.count == 1)
        let conflict = try #require(list.first)
        #expect(conflict["kind"] as? String == "double-booked")
        #expect(conflict["person"] as? String == "Б. Энхтуяа")
        #expect(conflict["personId"] as? String == keynote)
        let firstEvent = try #require(conflict["first"] as? [String: Any])
        let secondEvent = try #require(conflict["second"] as? [String: Any])
        #expect(firstEvent["title"] as? String == "Ховдын НЭХ өдөрлөг")
        #expect(firstEvent["start"] as? String == "2026-11-26T09:00:00")
        #expect(firstEvent["place"] as? String == "MN-043")
        #expect((firstEvent["uid"] as? String)?.hasPrefix(saDay) == true)
        #expect(secondEvent["title"] as? String == "ТББ-ын диалоги")
        #expect((secondEvent["uid"] as? String)?.hasPrefix(meeting) == true)
        #expect((conflict["message"] as? String)?.contains("two events at once") == true)

        let text = try tov("--lang", "mn", "conflicts")
        #expect(text.status == 0)
        #expect(text.stdout == """
            Б. Энхтуяа нэгэн зэрэг хоёр арга хэмжээнд байна: «Ховдын НЭХ өдөрлөг» (2026 оны 11-р сарын 26 09:00, Ховд) \
            ба «ТББ-ын диалоги» (2026 оны 11-р сарын 26 14:00, Сүхбаатар)

            """)

        // Taking the presenter off ends the conflict; undo brings both back.
        #expect(try tov("assign", "remove", presenter).stdout == "Removed \(presenter)\n")
        #expect(try tov("conflicts").stdout == "No conflicts.\n")
        #expect(try tov("undo").stdout == "Undone: Removed assignment \(presenter)\n")
        #expect((try json(try tov("conflicts", "--format", "json")) as? [Any])?.count == 1)
    }

    @Test func conflictsLooksNinetyDaysAheadByDefaultAndFindsTrips() throws {
        let trainer = try person("Д. Бат")
        // Khovd on 2027-03-01, the capital the next day: a trip, 98 days from today.
        let saDay = try khovdSADay("2027-03-01")
        let training = try added(try tov("event", "add", "--title", "Төсвийн сургалт", "--date", "2027-03-02",
                                         "--start", "10:00", "--aimag", "MN-1-SB"))
        _ = try added(try tov("assign", "add", "--event", saDay, "--person", trainer, "--role", "trainer"))
        let second = try tov("assign", "add", "--event", training, "--person", trainer, "--role", "trainer")
        #expect(second.stderr.hasPrefix("tov: warning: Д. Бат has to travel between 'Ховдын НЭХ өдөрлөг'"), "\(second.stderr)")
        #expect(try tov("conflicts").stdout == "No conflicts.\n")
        let later = try #require(try json(try tov("conflicts", "--to", "2027-03-31", "--format", "json")) as? [[String: Any]])
        #expect(later.map { $0["kind"] as? String } == ["travel"])
        let bad = try tov("conflicts", "--from", "2026-12-01", "--to", "2026-11-01")
        #expect(bad.status == 2)
        #expect(bad.stderr == "tov: the end date 2026-11-01 is before the start date 2026-12-01\n")
    }

    @Test func aSeriesMeetingWithoutAKeynoteIsFlaggedUntilOneIsAssignedToItsKeynoteItem() throws {
        // The first Thursday of each month: 3 December is ten days ahead, 7 January 45.
        _ = try tov("series", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-12-03",
                    "--start", "14:00", "--end", "16:30", "--rule", "FREQ=MONTHLY;BYDAY=1TH", "--aimag", "MN-1-SB")
        let series = try #require((try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        let before = try #require(try json(try tov("conflicts", "--format", "json")) as? [[String: Any]])
        #expect(before.count == 1)
        #expect(before.first?["kind"] as? String == "no-keynote")
        #expect(before.first?["person"] is NSNull && before.first?["personId"] is NSNull && before.first?["second"] is NSNull)
        #expect((before.first?["first"] as? [String: Any])?["recurrenceId"] as? String == "2026-12-03T14:00:00")
        #expect(try tov("assign", "list", "--series", series, "--meeting", "2026-12-03").stdout == """
            ТББ-ын диалоги
            3 December 2026 14:00–16:30 (Asia/Ulaanbaatar, UTC+8)
            No one has a role yet.

            """)

        // A moderator makes the meeting's stored event, with the default programme whose item ids the list shows.
        let moderator = try person("О. Сарантуяа"), keynote = try person("Б. Энхтуяа")
        _ = try added(try tov("assign", "add", "--series", series, "--meeting", "2026-12-03", "--person", moderator, "--role", "moderator"))
        let listed = try #require(try json(try tov("assign", "list", "--series", series, "--meeting", "2026-12-03", "--format", "json")) as? [String: Any])
        let programme = try #require(listed["programme"] as? [[String: Any]])
        #expect(programme.map { $0["kind"] as? String } == ["keynote", "presentation", "panel", "open-discussion", "interview"])
        let keynoteItem = try #require(programme.first?["id"] as? String)
        #expect(try tov("conflicts").stdout.contains("has no keynote yet"))

        _ = try added(try tov("assign", "add", "--series", series, "--meeting", "2026-12-03", "--person", keynote,
                              "--role", "keynote", "--item", keynoteItem))
        #expect(try tov("conflicts").stdout == "No conflicts.\n")
        let after = try #require(try json(try tov("assign", "list", "--series", series, "--meeting", "2026-12-03", "--format", "json")) as? [String: Any])
        let assignments = try #require(after["assignments"] as? [[String: Any]])
        #expect(assignments.map { $0["role"] as? String } == ["keynote", "moderator"])
        #expect(assignments.map { $0["name"] as? String } == ["Б. Энхтуяа", "О. Сарантуяа"])
        #expect(assignments.first?["itemId"] as? String == keynoteItem)
        #expect(assignments.first?["item"] as? String == "Гол илтгэл")
        #expect(assignments.first?["load"] as? Int == 0)
        #expect((after["event"] as? [String: Any])?["recurrenceId"] as? String == "2026-12-03T14:00:00")
        let text = try tov("assign", "list", "--series", series, "--meeting", "2026-12-03")
        #expect(text.stdout.contains("keynote: Б. Энхтуяа (Гол илтгэл), 0 roles in the past year"))
        #expect(text.stdout.contains("Programme:\n  \(keynoteItem)  14:00–14:30 Гол илтгэл (keynote)"))
    }

    @Test func assignListCountsEachPersonsRolesOverThePastYear() throws {
        let keynote = try person("Б. Энхтуяа")
        for date in ["2025-11-20", "2026-03-19", "2026-11-23"] {
            let event = try added(try tov("event", "add", "--title", "Уулзалт \(date)", "--date", date, "--start", "10:00"))
            _ = try added(try tov("assign", "add", "--event", event, "--person", keynote, "--role", "presenter"))
        }
        let meeting = try dialogue()
        _ = try added(try tov("assign", "add", "--event", meeting, "--person", keynote, "--role", "keynote"))
        let listed = try #require(try json(try tov("assign", "list", "--event", meeting, "--format", "json")) as? [String: Any])
        let assignments = try #require(listed["assignments"] as? [[String: Any]])
        // 2025-11-20 is more than a year ago; 26 November is still ahead.
        #expect(assignments.first?["load"] as? Int == 2)
        #expect(assignments.first?["holder"] as? String == "person")
        #expect(assignments.first?["holderId"] as? String == keynote)
    }

    @Test func assignRefusesAnUnknownRoleAnItemOfAnotherEventAndTheSameRoleTwice() throws {
        let keynote = try person("Б. Энхтуяа")
        let organisation = try added(try tov("org", "add", "--name", "Хууль зүйн яам", "--kind", "ministry"))
        let saDay = try khovdSADay()
        // A series meeting gets its stored event, and the default programme, with its first assignment.
        _ = try tov("series", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-11-26",
                    "--start", "14:00", "--end", "17:00", "--rule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=4TH")
        let series = try #require((try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        _ = try added(try tov("assign", "add", "--series", series, "--meeting", "2026-11-26", "--person", keynote, "--role", "moderator"))
        let listed = try #require(try json(try tov("assign", "list", "--series", series, "--meeting", "2026-11-26", "--format", "json")) as? [String: Any])
        let meeting = try #require((listed["event"] as? [String: Any])?["id"] as? String)
        let item = try #require((listed["programme"] as? [[String: Any]])?.first?["id"] as? String)
        let cases: [([String], String)] = [
            (["--event", meeting, "--person", keynote, "--role", "speaker"],
             "tov: 'speaker' is not a role; use one of: keynote, lead-discussant, moderator, presenter, trainer, interviewer, co-organiser\n"),
            (["--event", saDay, "--person", keynote, "--role", "presenter", "--item", item],
             "tov: the programme item '\(item)' is not on 'Ховдын НЭХ өдөрлөг'\n"),
            (["--event", meeting, "--person", keynote, "--role", "moderator", "--item", item],
             "tov: Б. Энхтуяа is already moderator on 'ТББ-ын диалоги'\n"),
            (["--event", meeting, "--person", keynote, "--org", organisation, "--role", "keynote"],
             "tov: give either --person or --org, not both\n"),
            (["--event", meeting, "--role", "keynote"], "tov: say who takes the role: --person ID or --org ID\n"),
            (["--event", meeting, "--series", "ff10", "--meeting", "2026-12-03", "--person", keynote, "--role", "keynote"],
             "tov: give either --event or --series with --meeting, not both\n"),
            (["--event", "zzzz", "--person", keynote, "--role", "keynote"],
             "tov: 'zzzz' is not an event id; ids are hex digits such as 3f9a12c0\n"),
        ]
        for (arguments, message) in cases {
            let result = try TovBinary.run(["--db", db, "assign", "add"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message)
            #expect(result.stdout.isEmpty)
        }
        // An organisation can hold a role; the same person in another role is fine.
        #expect(try tov("assign", "add", "--event", meeting, "--org", organisation, "--role", "co-organiser").status == 0)
        #expect(try tov("assign", "add", "--event", meeting, "--person", keynote, "--role", "keynote", "--item", item).status == 0)
        let roles = try #require((try json(try tov("assign", "list", "--event", meeting, "--format", "json")) as? [String: Any])?["assignments"] as? [[String: Any]])
        #expect(roles.map { $0["role"] as? String } == ["keynote", "moderator", "co-organiser"])
        #expect(roles.last?["load"] is NSNull)
    }

    // MARK: - person unavailable

    @Test func timesAwayAreAddedListedShownAndRemovedAndWarnOfAssignments() throws {
        let keynote = try person("Б. Энхтуяа"), other = try person("Д. Бат")
        let meeting = try dialogue()
        _ = try added(try tov("assign", "add", "--event", meeting, "--person", keynote, "--role", "keynote"))

        let away = try tov("person", "unavailable", keynote, "--from", "2026-11-25", "--to", "2026-11-27", "--note", "Ээлжийн амралт")
        let awayID = try added(away)
        #expect(away.stdout == "Added \(awayID)  Б. Энхтуяа away 2026-11-25 – 2026-11-27\n")
        #expect(away.stderr == """
            tov: warning: Б. Энхтуяа is away 25 November 2026 – 27 November 2026 (Ээлжийн амралт) but is assigned to \
            'ТББ-ын диалоги' (26 November 2026 14:00, Sükhbaatar)

            """)
        let oneDay = try added(try tov("person", "unavailable", keynote, "--from", "2027-01-05"))

        #expect(try tov("person", "unavailable", keynote).stdout == """
            \(awayID)  2026-11-25 – 2026-11-27  Ээлжийн амралт
            \(oneDay)  2027-01-05

            """)
        let listed = try #require(try json(try tov("person", "unavailable", keynote, "--format", "json")) as? [[String: Any]])
        #expect(listed.map { $0["from"] as? String } == ["2026-11-25", "2027-01-05"])
        #expect(listed.map { $0["through"] as? String } == ["2026-11-27", "2027-01-05"])
        #expect(listed.first?["note"] as? String == "Ээлжийн амралт")
        #expect(try tov("person", "show", keynote).stdout.contains("Away:\n  \(awayID)  2026-11-25 – 2026-11-27  Ээлжийн амралт"))
        let shown = try #require(try json(try tov("person", "show", keynote, "--format", "json")) as? [String: Any])
        #expect((shown["away"] as? [[String: Any]])?.count == 2)

        let conflicts = try #require(try json(try tov("conflicts", "--format", "json")) as? [[String: Any]])
        #expect(conflicts.map { $0["kind"] as? String } == ["unavailable"])
        #expect((conflicts.first?["away"] as? [String: Any])?["id"] as? String == awayID)

        let refusals: [([String], String)] = [
            ([keynote, "--to", "2026-11-30"], "tov: say the first day away: --from YYYY-MM-DD\n"),
            ([keynote, "--from", "2026-11-30", "--to", "2026-11-29"], "tov: the last day away 2026-11-29 is before the first day 2026-11-30\n"),
            ([keynote, "--from", "2026-11-31"], "tov: '2026-11-31' is not a date on the calendar\n"),
            ([other, "--remove", awayID], "tov: the time away '\(awayID)' is not Д. Бат's\n"),
            ([keynote, "--remove", awayID, "--from", "2026-11-30"], "tov: --remove takes no --from, --to or --note\n"),
        ]
        for (arguments, message) in refusals {
            let result = try TovBinary.run(["--db", db, "person", "unavailable"] + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message)
        }

        #expect(try tov("person", "unavailable", keynote, "--remove", awayID).stdout
                == "Removed \(awayID)  Б. Энхтуяа away 2026-11-25 – 2026-11-27\n")
        #expect(try tov("conflicts").stdout == "No conflicts.\n")
        #expect(try tov("undo").stdout == "Undone: Removed time away \(awayID)\n")
        #expect(try tov("conflicts").stdout.contains("is away"))
        #expect(try tov("person", "unavailable", other).stdout == "Д. Бат has no times away.\n")
    }
}
