import Foundation
import Testing
import TovTestSupport

/// End-to-end: SA Days through the real binary, on the demo's year (today is pinned to 2026-11-23, so the
/// sample starts on 2026-05-01: five SA Days held in 2026, Bayanzürkh's confirmed for 10 December, and two
/// tentative in 2027).
@Suite(.serialized) struct SADayCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    func demo() throws {
        let result = try tov("demo")
        try #require(result.status == 0, "\(result.stderr)")
    }

    func coverage(_ arguments: String...) throws -> [String: Any] {
        let result = try TovBinary.run(["--db", db, "sa-day", "coverage", "--format", "json"] + arguments)
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try json(result) as? [String: Any])
    }

    func places(_ coverage: [String: Any]) throws -> [[String: Any]] {
        try #require(coverage["places"] as? [[String: Any]])
    }

    /// The place's row in the coverage.
    func row(_ code: String, in coverage: [String: Any]) throws -> [String: Any] {
        try #require(try places(coverage).first { $0["code"] as? String == code })
    }

    /// The id of the place's first SA Day of the year.
    func saDay(_ code: String, year: String = "2026") throws -> String {
        let days = try #require(try row(code, in: try coverage("--year", year))["days"] as? [[String: Any]])
        return try #require(days.first?["id"] as? String)
    }

    func show(_ id: String) throws -> [String: Any] {
        let result = try tov("event", "show", id, "--format", "json")
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try json(result) as? [String: Any])
    }

    // MARK: - coverage

    @Test func coverageAfterTheDemoListsThirtyPlacesWithTheDemosSADays() throws {
        try demo()
        let thisYear = try coverage()
        #expect(thisYear["year"] as? Int == 2026)
        let rows = try places(thisYear)
        #expect(rows.count == 30)
        #expect(rows.prefix(21).allSatisfy { $0["kind"] as? String == "aimag" })
        #expect(rows.suffix(9).allSatisfy { $0["kind"] as? String == "capital-district" })
        let counts = try #require(thisYear["counts"] as? [String: Int])
        #expect(counts == ["held": 5, "planned": 1, "idea": 0, "none": 24])
        let held = rows.filter { $0["state"] as? String == "held" }.compactMap { $0["code"] as? String }
        #expect(Set(held) == ["MN-035", "MN-043", "MN-046", "MN-071", "MN-1-SKh"])

        let khovd = try row("MN-043", in: thisYear)
        #expect(khovd["name"] as? String == "Khovd")
        let days = try #require(khovd["days"] as? [[String: Any]])
        #expect(days.count == 1)
        #expect(days.first?["date"] as? String == "2026-07-09")
        #expect(days.first?["title"] as? String == "Ховд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг")
        #expect(days.first?["status"] as? String == "held")
        let bayanzurkh = try row("MN-1-BZ", in: thisYear)
        #expect(bayanzurkh["state"] as? String == "planned")
        #expect((bayanzurkh["days"] as? [[String: Any]])?.first?["status"] as? String == "confirmed")

        let waiting = try #require(thisYear["notYetPlanned"] as? [String])
        #expect(waiting.count == 24 && waiting.contains("MN-061") && !waiting.contains("MN-1-BZ"))
        #expect((thisYear["unplaced"] as? [Any])?.isEmpty == true)

        let next = try coverage("--year", "2027")
        #expect(next["counts"] as? [String: Int] == ["held": 0, "planned": 2, "idea": 0, "none": 28])
        #expect(try row("MN-055", in: next)["state"] as? String == "planned")
    }

    @Test func coverageTextListsAimagsThenDistrictsThenTheCountsInEitherLanguage() throws {
        try demo()
        let khovd = try saDay("MN-043")
        let english = try tov("sa-day", "coverage", "--year", "2026")
        #expect(english.status == 0)
        let lines = english.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "SA Days in 2026, by aimag and district")
        #expect(lines[1] == "Aimags" && lines[23] == "Districts of Ulaanbaatar")
        #expect(lines.contains("  MN-043    Khovd             held        2026-07-09  Ховд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг (held)  [\(khovd)]"))
        #expect(lines.contains("  MN-061    Dornod            none"))
        #expect(lines.contains("Held 5, planned 1, idea 0, none 24."))
        #expect(lines.contains { $0.hasPrefix("Not yet planned (24): Arkhangai, ") })
        // The aimag Sükhbaatar and the district of the same name, told apart.
        #expect(english.stdout.replacingOccurrences(of: "\n  ", with: " ").contains(
            " Sükhbaatar, Töv, Zavkhan; districts: Baganuur, Bagakhangai, Bayangol, Nalaikh, Sükhbaatar, Khan-Uul, Chingeltei.\n"))
        #expect(lines.allSatisfy { $0.count <= 80 || $0.hasPrefix("  MN-") })

        let mongolian = try tov("--lang", "mn", "sa-day", "coverage", "--year", "2026")
        #expect(mongolian.stdout.hasPrefix("2026 оны НЭХ өдөрлөгүүд: аймаг, дүүргээр\nАймгууд\n"))
        #expect(mongolian.stdout.contains("  MN-043    Ховд              болсон      2026-07-09  "))
        #expect(mongolian.stdout.contains("\nБолсон 5, төлөвлөсөн 1, санаа 0, товлоогүй 24.\n"))

        let bad = try tov("sa-day", "coverage", "--year", "20260")
        #expect(bad.status == 2)
        #expect(bad.stderr == "tov: 20260 is not a year tov plans for; give one between 1900 and 9000\n")
    }

    // MARK: - copy

    @Test func copyPlansANewDayAsAnIdeaFromAnEarlierOneAndUndoTakesItBack() throws {
        try demo()
        let khovd = try saDay("MN-043")
        let result = try tov("sa-day", "copy", "--event", khovd, "--date", "2027-07-08")
        #expect(result.status == 0, "\(result.stderr)")
        let words = result.stdout.split(separator: " ")
        let copy = String(try #require(words.count > 1 ? words[1] : nil))
        #expect(result.stdout == """
            Added \(copy)  Ховд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг, 8 July 2027 10:00–17:00 (Asia/Hovd, UTC+7)
            Copied from \(khovd): 7 programme items, 3 co-organisers; status: idea.

            """)

        let details = try show(copy)
        #expect(details["status"] as? String == "idea")
        #expect(details["timeZone"] as? String == "Asia/Hovd")
        #expect(details["place"] as? String == "MN-043")
        let programme = try #require(details["programme"] as? [[String: Any]])
        #expect(programme.count == 7)
        #expect(programme.allSatisfy { ($0["people"] as? [Any])?.isEmpty == true })
        #expect((details["roles"] as? [[String: Any]])?.map { $0["role"] as? String } == ["co-organiser", "co-organiser", "co-organiser"])
        #expect((details["participation"] as? [Any])?.isEmpty == true)
        #expect(details["report"] is NSNull)
        #expect(try row("MN-043", in: try coverage("--year", "2027"))["state"] as? String == "idea")

        #expect(try tov("undo").stdout == "Undone: Copied SA Day \(khovd) to 2027-07-08\n")
        #expect(try tov("event", "show", copy).status == 2)
        #expect(try row("MN-043", in: try coverage("--year", "2027"))["state"] as? String == "none")
    }

    @Test func copyRefusesAnEventThatIsNotAnSADay() throws {
        let added = try tov("event", "add", "--title", "Сургалт", "--date", "2026-12-01", "--start", "10:00")
        let id = String(added.stdout.split(separator: " ")[1])
        let result = try tov("sa-day", "copy", "--event", id, "--date", "2027-12-01")
        #expect(result.status == 2)
        #expect(result.stderr == "tov: 'Сургалт' is an event, not an SA Day; tov sa-day works on SA Days only\n")
        let missing = try tov("sa-day", "copy", "--date", "2027-12-01")
        #expect(missing.status == 2)
    }

    // MARK: - status

    @Test func statusMovesAlongTheFlowAndABadMoveExits2NamingTheAllowedOnes() throws {
        try demo()
        let bayanzurkh = try saDay("MN-1-BZ")
        let skipped = try tov("sa-day", "status", "--event", bayanzurkh, "--to", "reported")
        #expect(skipped.status == 2)
        #expect(skipped.stderr == "tov: an SA Day cannot go from confirmed to reported; from there: tentative, held, cancelled\n")
        let early = try tov("sa-day", "status", "--event", bayanzurkh, "--to", "held")
        #expect(early.status == 2)
        #expect(early.stderr == "tov: the SA Day of 2026-12-10 has not come yet, so it cannot be held\n")
        #expect(try tov("sa-day", "status", "--event", bayanzurkh, "--to", "done").status == 2)
        #expect(try show(bayanzurkh)["status"] as? String == "confirmed")

        let back = try tov("sa-day", "status", "--event", bayanzurkh, "--to", "tentative")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout == "Moved \(bayanzurkh)  Баянзүрх дүүргийн Нийгмийн эгэх хариуцлагын өдөрлөг: confirmed → tentative\n")
        #expect(try tov("--lang", "mn", "sa-day", "status", "--event", bayanzurkh, "--to", "cancelled").stdout
                == "Төлөв өөрчилсөн: \(bayanzurkh)  Баянзүрх дүүргийн Нийгмийн эгэх хариуцлагын өдөрлөг: урьдчилсан → цуцалсан\n")
        #expect(try row("MN-1-BZ", in: try coverage())["state"] as? String == "none")
        #expect(try tov("undo").stdout == "Undone: НЭХ өдөрлөгийн төлөв: \(bayanzurkh), цуцалсан\n")
        #expect(try show(bayanzurkh)["status"] as? String == "tentative")

        // `event edit --status` keeps the day rule too.
        let edit = try tov("event", "edit", bayanzurkh, "--status", "confirmed")
        #expect(edit.status == 0, "\(edit.stderr)")
        let heldEarly = try tov("event", "edit", bayanzurkh, "--status", "held")
        #expect(heldEarly.status == 2)
        #expect(heldEarly.stderr == "tov: the SA Day of 2026-12-10 has not come yet, so it cannot be held\n")
    }

    // MARK: - report

    @Test func reportMarksADayThatHasComeReportedAndEventShowShowsIt() throws {
        try demo()
        let songino = try saDay("MN-1-SKh")
        let result = try tov("sa-day", "report", "--event", songino, "--attendance", "140", "--notes", "Ажлын байрны яармагтай хамт")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Reported \(songino)  Сонгинохайрхан дүүргийн Нийгмийн эгэх хариуцлагын өдөрлөг, 12 November 2026 10:00–17:00 (Asia/Ulaanbaatar, UTC+8)
            Attendance: 140
            Notes: Ажлын байрны яармагтай хамт

            """)
        let details = try show(songino)
        #expect(details["status"] as? String == "reported")
        let report = try #require(details["report"] as? [String: Any])
        #expect(report["attendance"] as? Int == 140 && report["notes"] as? String == "Ажлын байрны яармагтай хамт")
        let text = try tov("event", "show", songino)
        #expect(text.stdout.contains("\nReport: attendance 140; Ажлын байрны яармагтай хамт\n"))

        let future = try tov("sa-day", "report", "--event", try saDay("MN-1-BZ"), "--attendance", "90")
        #expect(future.status == 2)
        #expect(future.stderr == "tov: the event of 2026-12-10 has not come yet, so it has no report\n")
        let negative = try tov("sa-day", "report", "--event", songino, "--attendance=-3")
        #expect(negative.status == 2)
        #expect(negative.stderr == "tov: the attendance -3 is below zero\n")
        let empty = try tov("sa-day", "report", "--event", songino)
        #expect(empty.status == 2)
        #expect(empty.stderr == "tov: a report needs the attendance or notes\n")
    }

    // MARK: - the public event's date

    @Test func eventAddAndEditTakeThePublicEventsDateAndShowPrintsIt() throws {
        let added = try tov("event", "add", "--title", "Ховдын НЭХ өдөрлөг", "--kind", "sa-day", "--date", "2027-07-09",
                            "--start", "10:00", "--end", "17:00", "--aimag", "MN-043", "--public-event", "Наадам",
                            "--public-event-date", "2027-07-11")
        #expect(added.status == 0, "\(added.stderr)")
        let id = String(added.stdout.split(separator: " ")[1])
        #expect(try show(id)["publicEventDate"] as? String == "2027-07-11")
        #expect(try show(id)["report"] is NSNull)
        #expect(try tov("event", "show", id).stdout.contains("\nAttached to: Наадам, 11 July 2027\n"))

        #expect(try tov("event", "edit", id, "--public-event-date", "2027-07-10").status == 0)
        #expect(try show(id)["publicEventDate"] as? String == "2027-07-10")
        #expect(try tov("event", "edit", id, "--public-event-date", "").status == 0)
        #expect(try show(id)["publicEventDate"] is NSNull)
        let bad = try tov("event", "edit", id, "--public-event-date", "2027-13-01")
        #expect(bad.status == 2)
    }
}
