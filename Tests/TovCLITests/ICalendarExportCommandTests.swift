import Foundation
import Testing
import TovTestSupport

/// End-to-end: `tov export --format ics` of the demo, read by real tools: python's `icalendar` parses it,
/// `recurring-ical-events` expands it to exactly `tov agenda`'s meetings, and calcurse imports it. Today is
/// pinned to 2026-11-23 in Ulaanbaatar. (The fuller oracle over many files lives in Tests/Oracle.)
@Suite(.serialized) struct ICalendarExportCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// The meetings `recurring-ical-events` finds in a file and those `tov agenda` lists, each as start, end,
    /// title and original start, in one order.
    struct Expansion: Decodable {
        let expanded: [[String?]]
        let agenda: [[String?]]
    }

    /// Demo, then its export to a file.
    func exportDemo() throws -> String {
        #expect(try tov("demo").status == 0)
        let file = folder.path("tov.ics")
        let result = try tov("export", "--format", "ics", "--output", file)
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Written to \(file)\n")
        return file
    }

    @Test func demoExportParsesWithIcalendarAndExpandsToExactlyTheAgenda() throws {
        let file = try exportDemo()
        let agenda = try tov("agenda", "--format", "json", "--tz", "UTC", "--from", "2026-01-01", "--to", "2027-12-31")
        try #require(agenda.status == 0, "\(agenda.stderr)")
        let agendaFile = folder.path("agenda.json")
        try agenda.stdout.write(toFile: agendaFile, atomically: true, encoding: .utf8)

        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["python3", "-c", Self.expander, file, agendaFile, "2026-01-01", "2027-12-31"])
        } catch {
            Issue.record("The iCalendar export tests need python3 with icalendar and recurring-ical-events: \(error)")
            throw error
        }
        try #require(result.status != 3, """
            The iCalendar export tests need python3 with icalendar and recurring-ical-events: \
            python3 -m pip install icalendar recurring-ical-events. \(result.stderr)
            """)
        try #require(result.status == 0, "the export did not parse or expand: \(result.stderr)")
        let expansion = try JSONDecoder().decode(Expansion.self, from: Data(result.stdout.utf8))
        // The dialogue every two months over two years, and the year's SA Days.
        #expect(expansion.agenda.count == 18)
        #expect(expansion.expanded == expansion.agenda)
    }

    @Test func calcurseImportsTheDemoExportWithoutAComplaint() throws {
        let file = try exportDemo()
        let data = folder.path("calcurse")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["calcurse", "-D", data, "-i", file])
        } catch {
            Issue.record("The iCalendar export tests need calcurse (apt-get install calcurse): \(error)")
            throw error
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        // "15 apps / 0 events / 0 todos / 0 skipped": one per event and one for the series.
        #expect(result.stdout.contains("15 apps / 0 events / 0 todos / 0 skipped"), "\(result.stdout)")
        let appointments = try String(contentsOfFile: data + "/apts", encoding: .utf8)
        #expect(appointments.contains("|ТББ-ын диалоги"))
    }

    @Test func aimagExportsOneOfficesEventsAndIsRefusedOutsideICalendar() throws {
        #expect(try tov("demo").status == 0)
        let khovd = try tov("export", "--format", "ics", "--aimag", "Ховд")
        #expect(khovd.status == 0, "\(khovd.stderr)")
        #expect(khovd.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(khovd.stdout.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(khovd.stdout.contains("X-TOV-PLACE:MN-043\r\n"))

        let unknown = try tov("export", "--format", "ics", "--aimag", "Марс")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "tov: 'Марс' is not a known aimag or district; `tov places` lists them\n")
        let html = try tov("export", "--format", "html", "--aimag", "MN-043")
        #expect(html.status == 2)
        #expect(html.stderr == "tov: --aimag works with --format ics only, not with --format html\n")
    }

    /// Expands an exported file between two days (UTC) and prints it beside `tov agenda --format json --tz UTC`'s
    /// entries, as JSON. Exit 3: a module is missing.
    static let expander = #"""
        import datetime, json, sys
        try:
            import icalendar
            import recurring_ical_events
        except ImportError as error:
            print(f"cannot import {error.name}: {error}", file=sys.stderr)
            sys.exit(3)
        from zoneinfo import ZoneInfo

        path, agenda_path, first, last = sys.argv[1:5]
        with open(path, "rb") as file:
            calendar = icalendar.Calendar.from_ical(file.read())
        # recurring-ical-events gives every occurrence a RECURRENCE-ID; the agenda only those of series.
        recurring = {str(c["UID"]) for c in calendar.walk("VEVENT") if "RRULE" in c or "RDATE" in c or "RECURRENCE-ID" in c}
        utc = datetime.timezone.utc
        lower = datetime.datetime.fromisoformat(first).replace(tzinfo=utc)
        upper = datetime.datetime.fromisoformat(last).replace(tzinfo=utc) + datetime.timedelta(days=1)

        def text(value, zone=utc):
            if isinstance(value, datetime.datetime):
                return value.astimezone(zone).strftime("%Y-%m-%dT%H:%M:%S")
            return value.isoformat()

        expanded = []
        for event in recurring_ical_events.of(calendar).between(lower, upper):
            start = event["DTSTART"]
            original = None
            if str(event["UID"]) in recurring:
                recurrence = event["RECURRENCE-ID"]
                value = recurrence.dt
                if not isinstance(value, datetime.datetime):
                    original = value.isoformat() + "T00:00:00"
                elif value.tzinfo is None:
                    original = value.strftime("%Y-%m-%dT%H:%M:%S")
                else:
                    # The agenda gives the original start in the series' own zone.
                    zone = recurrence.params.get("TZID") or start.params.get("TZID")
                    original = text(value, ZoneInfo(zone))
            expanded.append([text(start.dt), text(event["DTEND"].dt), str(event["SUMMARY"]), original])
        with open(agenda_path, encoding="utf-8") as file:
            agenda = [[a["start"], a["end"], a["title"], a["recurrenceId"]] for a in json.load(file)]
        order = lambda row: [str(part) for part in row]
        print(json.dumps({"expanded": sorted(expanded, key=order), "agenda": sorted(agenda, key=order)}, ensure_ascii=False))
        """#
}
