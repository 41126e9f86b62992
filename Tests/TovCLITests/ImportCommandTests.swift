import Foundation
import Testing
import TovTestSupport

/// End-to-end: `tov import` of iCalendar files through the real binary: the report, its JSON, exit codes,
/// all or nothing, and undo. Today is pinned to 2026-11-23 in Ulaanbaatar.
@Suite(.serialized) struct ImportCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// A calendar as another tool writes it: a weekly series with a moved meeting, a single event, and an
    /// event in a zone no one knows.
    static let calendar = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Example//Calendar//EN\r
        BEGIN:VEVENT\r
        UID:weekly@example.org\r
        SUMMARY:Weekly sync\r
        DTSTART;TZID=Asia/Ulaanbaatar:20261102T100000\r
        DTEND;TZID=Asia/Ulaanbaatar:20261102T110000\r
        RRULE:FREQ=WEEKLY;COUNT=4\r
        BEGIN:VALARM\r
        ACTION:DISPLAY\r
        TRIGGER:-PT10M\r
        END:VALARM\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:weekly@example.org\r
        RECURRENCE-ID;TZID=Asia/Ulaanbaatar:20261109T100000\r
        SUMMARY:Weekly sync, afternoon\r
        DTSTART;TZID=Asia/Ulaanbaatar:20261109T150000\r
        DTEND;TZID=Asia/Ulaanbaatar:20261109T160000\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:fair@example.org\r
        SUMMARY:Fair\r
        DTSTART;VALUE=DATE:20261112\r
        DTEND;VALUE=DATE:20261114\r
        URL:https://example.org/fair\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        UID:lost@example.org\r
        SUMMARY:Lost\r
        DTSTART;TZID=Atlantis/Capital:20261110T100000\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    func write(_ text: String, to name: String) throws -> String {
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The agenda of November 2026 as "start title" lines.
    func november() throws -> [String] {
        let result = try tov("agenda", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json")
        try #require(result.status == 0, "\(result.stderr)")
        let entries = try #require(try json(result) as? [[String: Any]])
        return entries.map { "\($0["start"] as? String ?? "") \($0["title"] as? String ?? "")" }
    }

    static let expected = [
        "2026-11-02T10:00:00 Weekly sync", "2026-11-09T15:00:00 Weekly sync, afternoon", "2026-11-12 Fair",
        "2026-11-16T10:00:00 Weekly sync", "2026-11-23T10:00:00 Weekly sync",
    ]

    @Test func importsAFileAndReportsWhatItTookSkippedAndDidNotKeep() throws {
        let file = try write(ImportCommandTests.calendar, to: "calendar.ics")
        let result = try tov("import", file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            \(file): 2 imported, 0 updated, 0 unchanged, 1 skipped
              skipped \(file):29 lost@example.org: TZID 'Atlantis/Capital' is not a time zone tov knows, and the file has no VTIMEZONE for it
              not kept: URL ×1, VALARM ×1

            """)
        #expect(try november() == ImportCommandTests.expected)
    }

    @Test func importingTheSameFileAgainChangesNothing() throws {
        let file = try write(ImportCommandTests.calendar, to: "calendar.ical")
        #expect(try tov("import", file).status == 0)
        let again = try tov("import", file)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("\(file): 0 imported, 0 updated, 2 unchanged, 1 skipped\n"))
        #expect(try november() == ImportCommandTests.expected)
    }

    @Test func theJSONReportHasTheCountsTheSkipsAndWhatWasNotKept() throws {
        let file = try write(ImportCommandTests.calendar, to: "calendar.ics")
        let result = try tov("import", file, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try json(result) as? [String: Any])
        #expect(report["file"] as? String == file)
        #expect(report["dryRun"] as? Bool == false)
        #expect(report["imported"] as? Int == 2 && report["updated"] as? Int == 0 && report["unchanged"] as? Int == 0)
        let skipped = try #require(report["skipped"] as? [[String: Any]])
        #expect(skipped.count == 1)
        #expect(skipped.first?["uid"] as? String == "lost@example.org" && skipped.first?["line"] as? Int == 29)
        #expect(report["notKept"] as? [String: Int] == ["URL": 1, "VALARM": 1])
        #expect(report["notes"] as? [String] == [])
    }

    @Test func aBrokenFileExitsTwoNamingItsLineAndSavesNothing() throws {
        let good = try write(ImportCommandTests.calendar, to: "good.ics")
        #expect(try tov("import", good).status == 0)
        let broken = try write(ImportCommandTests.calendar.replacingOccurrences(of: "DTSTART;VALUE=DATE:20261112", with: "DTSTART;VALUE=DATE:2026-11-12")
            .replacingOccurrences(of: "Weekly sync, afternoon", with: "Renamed"), to: "broken.ics")
        let result = try tov("import", broken)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "tov: \(broken):25: DTSTART: '2026-11-12' is not a DATE (YYYYMMDD)\n")
        #expect(try november() == ImportCommandTests.expected)
    }

    @Test func refusesAMissingFileAnotherKindOfFileAndAnUnknownZone() throws {
        let missing = folder.path("missing.ics")
        let result = try tov("import", missing)
        #expect(result.status == 2)
        #expect(result.stderr == "tov: cannot read '\(missing)': No such file or directory\n")

        let text = try write("name,email\n", to: "people.txt")
        let other = try tov("import", text)
        #expect(other.status == 2)
        #expect(other.stderr == "tov: '\(text)' is not a file tov imports: give an iCalendar file (.ics, .ical, .ifb) or a .csv list\n")

        let file = try write(ImportCommandTests.calendar, to: "calendar.ics")
        let zone = try tov("import", file, "--tz", "Mars/Olympus")
        #expect(zone.status == 2)
        #expect(zone.stderr.contains("'Mars/Olympus' is not a known time zone"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aDryRunReportsAndSavesNothing() throws {
        let file = try write(ImportCommandTests.calendar, to: "calendar.ics")
        let result = try tov("import", file, "--dry-run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(file): 2 imported, 0 updated, 0 unchanged, 1 skipped (dry run: nothing saved)\n"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func undoTakesTheWholeImportBackAndRedoMakesItAgain() throws {
        let file = try write(ImportCommandTests.calendar, to: "calendar.ics")
        #expect(try tov("import", file).status == 0)
        let undo = try tov("undo")
        #expect(undo.stdout == "Undone: Imported calendar.ics\n")
        #expect(try november().isEmpty)
        #expect(try tov("redo").status == 0)
        #expect(try november() == ImportCommandTests.expected)
    }

    @Test func floatingTimesGoInTheZoneTzNames() throws {
        let file = try write("""
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Example//Calendar//EN\r
            BEGIN:VEVENT\r
            UID:floating@example.org\r
            SUMMARY:Khovd meeting\r
            DTSTART:20261119T100000\r
            DTEND:20261119T110000\r
            END:VEVENT\r
            END:VCALENDAR\r

            """, to: "floating.ics")
        let result = try tov("import", file, "--tz", "Asia/Hovd")
        #expect(result.stdout.hasSuffix("  floating times read in Asia/Hovd (--tz)\n"))
        let agenda = try tov("agenda", "--from", "2026-11-19", "--to", "2026-11-19", "--format", "json")
        let entry = try #require((try json(agenda) as? [[String: Any]])?.first)
        #expect(entry["timeZone"] as? String == "Asia/Hovd")
        // 10:00 in Khovd is 11:00 on Ulaanbaatar's clocks, where the tests run.
        #expect(entry["start"] as? String == "2026-11-19T11:00:00")
    }
}
