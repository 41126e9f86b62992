import Testing
import TovCore
@testable import TovInterop

@Suite struct ICalendarParserTests {
    private func parse(_ text: String) throws -> [ICalendarComponent] {
        try ICalendarParser.parse(Array(text.utf8))
    }

    @Test func unfoldsLinesSplitsParametersAndNests() throws {
        let calendars = try parse("""
            \u{FEFF}BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            SUMMARY:Хүний эрх\\, хөгжил\\nба\r
              тэгш байдал\r
            DTSTART;TZID="America/New_York":20261119T100000\r
            ATTENDEE;CN="Doe, Jane";ROLE=CHAIR;MEMBER="mailto:a@b.mn","mailto:c@d.mn";X-Q=a^'b^^c^n:mailto:jane@x.mn\r
            CATEGORIES:a\\,b,c\r
            BEGIN:VALARM\r
            ACTION:DISPLAY\r
            END:VALARM\r
            END:VEVENT\r
            END:VCALENDAR\r

            """)
        #expect(calendars.count == 1)
        let event = try #require(calendars[0].components(named: "VEVENT").first)
        #expect(event.line == 3)
        #expect(event.first("SUMMARY")?.text == "Хүний эрх, хөгжил\nба тэгш байдал")
        #expect(event.first("DTSTART")?.parameter("TZID") == "America/New_York")
        let attendee = try #require(event.first("ATTENDEE"))
        #expect(attendee.line == 7)
        #expect(attendee.parameter("CN") == "Doe, Jane")
        #expect(attendee.parameters.first { $0.name == "MEMBER" }?.values == ["mailto:a@b.mn", "mailto:c@d.mn"])
        #expect(attendee.parameter("X-Q") == "a\"b^c\n")
        #expect(attendee.value == "mailto:jane@x.mn")
        #expect(event.first("CATEGORIES")?.texts == ["a,b", "c"])
        #expect(event.components(named: "VALARM").count == 1)
    }

    @Test func readsLFAndAFoldInsideACharacter() throws {
        // "Ө" is two bytes (D3 A8); a writer folding by octets may break between them.
        var bytes = Array("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:".utf8) + [0xD3] + Array("\n ".utf8) + [0xA8]
        bytes += Array("\nEND:VEVENT\nEND:VCALENDAR\n".utf8)
        let calendars = try ICalendarParser.parse(bytes)
        #expect(calendars[0].components[0].first("SUMMARY")?.text == "Ө")
    }

    @Test func readsAPropertyAfterTheLastENDAsTheCalendars() throws {
        let calendars = try parse("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\nX-COMMENT:Cached from 2022-02-20\n")
        #expect(calendars.count == 1)
        #expect(calendars[0].properties.map(\.name) == ["VERSION", "X-COMMENT"])
    }

    @Test func namesTheLineOfWhatIsBroken() {
        #expect(throws: ICalendarSyntaxError(line: 3, "END:VCALENDAR where END:VEVENT (begun on line 2) was due")) {
            try parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n")
        }
        #expect(throws: ICalendarSyntaxError(line: 1, "BEGIN:VCALENDAR is never closed with END:VCALENDAR")) {
            try parse("BEGIN:VCALENDAR\nVERSION:2.0\n")
        }
        #expect(throws: ICalendarSyntaxError(line: 3, "SUMMARY has no ':' before its value")) {
            try parse("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY\nEND:VEVENT\nEND:VCALENDAR\n")
        }
        #expect(throws: ICalendarSyntaxError(line: 1, "VERSION outside any component: the file should start with BEGIN:VCALENDAR")) {
            try parse("VERSION:2.0\n")
        }
        // A fold that lost its space, as Confluence writes an ORGANIZER.
        #expect(throws: ICalendarSyntaxError(line: 3, "'l Latham;CUTYPE=INDIVIDUAL:mailto:dl@exa' is neither a content line (NAME:value) nor the fold of one (which begins with a space)")) {
            try parse("BEGIN:VCALENDAR\nORGANIZER:X-USER-KEY=8a4a;CN=Danie\nl Latham;CUTYPE=INDIVIDUAL:mailto:dl@example.org\nEND:VCALENDAR\n")
        }
        #expect(throws: ICalendarSyntaxError(line: 2, "the line is not UTF-8 text")) {
            try ICalendarParser.parse(Array("BEGIN:VCALENDAR\nSUMMARY:".utf8) + [0xFF] + Array("\nEND:VCALENDAR\n".utf8))
        }
    }

    @Test func writesFoldedLinesThatReadBack() throws {
        var writer = ICalendarWriter()
        writer.begin("VCALENDAR")
        let long = String(repeating: "Нийгмийн хариуцлага; ", count: 12) + "\nтөгсгөл\u{1}"
        writer.property("SUMMARY", [ICalendarParameter("X-NOTE", "a;b\"c")], text: long)
        writer.end("VCALENDAR")
        let text = String(decoding: writer.bytes, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
        }
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let read = try ICalendarParser.parse(writer.bytes)
        let summary = try #require(read[0].first("SUMMARY"))
        #expect(summary.text == long.replacingOccurrences(of: "\u{1}", with: ""))
        #expect(summary.parameter("X-NOTE") == "a;b\"c")
    }

    @Test func readsAndWritesValues() throws {
        let wall = try LocalDateTime(parsing: "2026-11-19T10:00:00")
        #expect(try ICalendarValue.dateTime("20261119T100000Z") == (wall, true))
        #expect(try ICalendarValue.dateTime("20261119T100000") == (wall, false))
        #expect(ICalendarValue.text(of: wall, utc: true) == "20261119T100000Z")
        #expect(try ICalendarValue.date("20261231") == LocalDate(year: 2026, month: 12, day: 31))
        #expect(throws: ValueError("'20260230' is not a DATE (YYYYMMDD)")) { try ICalendarValue.date("20260230") }
        #expect(try ICalendarValue.duration("PT1H30M") == 5400)
        #expect(try ICalendarValue.duration("-P1W2D") == -9 * 86_400)
        #expect(try ICalendarValue.durationParts("P1DT2H") == (1, 7200))
        #expect(throws: ValueError("'P1H' is not a DURATION (such as PT1H30M or P1D)")) { try ICalendarValue.duration("P1H") }
        for seconds in [0, 59, 5400, 86_400, 90_061, -900] {
            #expect(try ICalendarValue.duration(ICalendarValue.durationText(seconds: seconds)) == seconds)
        }
    }

    @Test func readsTimesOfDayAndOffsetsAsWritten() throws {
        let time = try LocalTime(hour: 9, minute: 5, second: 30)
        #expect(ICalendarValue.text(of: time) == "090530")
        #expect(try ICalendarValue.time("090530") == time)
        #expect(try ICalendarValue.time("0905") == LocalTime(hour: 9, minute: 5))
        #expect(throws: ValueError("'2500' is not a time (HHMMSS)")) { try ICalendarValue.time("2500") }
        #expect(throws: ValueError("'9:05' is not a time (HHMMSS)")) { try ICalendarValue.time("9:05") }
        for seconds in [28_800, -18_000, 19_800, 20_730, 0] {
            var bytes: [UInt8] = []
            ICalendarValue.appendOffset(seconds, to: &bytes)
            #expect(try ICalendarValue.offset(String(decoding: bytes, as: UTF8.self)) == seconds)
        }
        #expect(try ICalendarValue.offset("-0500") == -18_000)
        #expect(throws: ValueError("'0800' is not a UTC offset (such as +0800)")) { try ICalendarValue.offset("0800") }
    }
}
