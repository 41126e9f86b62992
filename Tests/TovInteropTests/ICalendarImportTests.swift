import Foundation
import Testing
import TovCore
@testable import TovInterop

/// iCalendar import into a store in memory: zones, lengths, recurrence, changed meetings, what is not kept,
/// versions, and people. Meetings are checked as `tov agenda` would list them.
@Suite struct ICalendarImportTests {
    /// 2026-11-23 in Ulaanbaatar.
    let now = Date(timeIntervalSince1970: 1_795_392_000)

    /// A VCALENDAR around `body`, with `header` lines after PRODID.
    func file(_ body: String, header: String = "", prodID: String = "-//Test//Test//EN") -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:\(prodID)\r\n\(header)\(body)END:VCALENDAR\r\n"
    }

    /// A VEVENT of the given lines.
    func event(_ lines: String...) -> String {
        event(lines)
    }

    func event(_ lines: [String]) -> String {
        "BEGIN:VEVENT\r\n" + lines.map { $0 + "\r\n" }.joined() + "END:VEVENT\r\n"
    }

    @discardableResult
    func importing(_ text: String, into store: InMemoryStore, zone: Zone = .ulaanbaatar) throws -> ImportReport {
        let calendar = try ICalendarImport(bytes: Array(text.utf8), fallbackZone: zone, now: now)
        return try store.write(undoable: "Imported test.ics") { session in
            let plan = try calendar.plan(in: session)
            try plan.apply(to: session)
            return plan.report
        }
    }

    /// The agenda from `from` through `to`: "start end title", times on the clocks of `zone`.
    func meetings(_ store: InMemoryStore, _ from: String, _ to: String, in zone: Zone = .ulaanbaatar) throws -> [String] {
        let (first, last) = (try LocalDate(parsing: from), try LocalDate(parsing: to))
        let agenda = try store.read { session in try Agenda(from: first, through: last, zone: zone, session: session) }
        return agenda.entries.map { entry -> String in
            let schedule = entry.occurrence.schedule
            if schedule.allDay { return "\(schedule.start.date)/\(schedule.end.date) \(entry.occurrence.title)" }
            let start = zone.wallTime(at: schedule.startInstant), end = zone.wallTime(at: schedule.endInstant)
            return "\(start) \(end.time.short) \(entry.occurrence.title)"
        }
    }

    func onlyEvent(_ store: InMemoryStore) throws -> Event {
        try #require(try store.read { try $0.allEvents() }.first)
    }

    // MARK: - Zones

    @Test func readsATZIDThatNamesAnIANAZoneOrAPathEndingInOne() throws {
        let store = InMemoryStore()
        let report = try importing(file(
            event("UID:a", "DTSTART;TZID=Asia/Hovd:20261119T100000", "DTEND;TZID=Asia/Hovd:20261119T120000", "SUMMARY:Khovd")
                + event("UID:b", "DTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:20261120T100000",
                        "DTEND;TZID=/mozilla.org/20070129_1/Europe/Berlin:20261120T110000", "SUMMARY:Berlin")
        ), into: store)
        let events = try store.read { try $0.allEvents() }
        #expect(events.map(\.schedule.zone.identifier) == ["Asia/Hovd", "Europe/Berlin"])
        #expect(events.map(\.schedule.start.description) == ["2026-11-19T10:00:00", "2026-11-20T10:00:00"])
        #expect(report.notes == ["TZID '/mozilla.org/20070129_1/Europe/Berlin' read as Europe/Berlin"])
    }

    @Test func readsOutlooksWindowsZoneNames() throws {
        let store = InMemoryStore()
        let report = try importing(file(
            event("UID:a", "DTSTART;TZID=Pacific Standard Time:20261119T090000", "DTEND;TZID=Pacific Standard Time:20261119T100000")
                + event("UID:b", "DTSTART;TZID=W. Mongolia Standard Time:20261120T090000", "DURATION:PT1H")
        ), into: store)
        #expect(try store.read { try $0.allEvents() }.map(\.schedule.zone.identifier) == ["America/Los_Angeles", "Asia/Hovd"])
        #expect(report.notes == ["TZID 'Pacific Standard Time' read as America/Los_Angeles", "TZID 'W. Mongolia Standard Time' read as Asia/Hovd"])
    }

    @Test func everyWindowsZoneNameIsAZoneThisSystemKnows() {
        #expect(WindowsZoneNames.iana.count >= 139)
        let unknown = WindowsZoneNames.iana.filter { (try? Zone($0.value)) == nil }
        #expect(unknown.isEmpty, "\(unknown)")
        #expect(WindowsZoneNames.ianaName(for: "ulaanbaatar standard time") == "Asia/Ulaanbaatar")
    }

    /// US mountain time with its daylight-saving rules, under a name no database knows.
    static let mountainTime = """
        BEGIN:VTIMEZONE\r
        TZID:Mountain Time (our office)\r
        BEGIN:STANDARD\r
        DTSTART:16011104T020000\r
        RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r
        TZOFFSETFROM:-0600\r
        TZOFFSETTO:-0700\r
        END:STANDARD\r
        BEGIN:DAYLIGHT\r
        DTSTART:16010311T020000\r
        RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r
        TZOFFSETFROM:-0700\r
        TZOFFSETTO:-0600\r
        END:DAYLIGHT\r
        END:VTIMEZONE\r

        """

    @Test func matchesAVTIMEZONEOfItsOwnNameToTheZoneThatKeepsItsClocks() throws {
        let store = InMemoryStore()
        let report = try importing(file(
            ICalendarImportTests.mountainTime
                + event("UID:a", "DTSTART;TZID=Mountain Time (our office):20260715T090000", "DURATION:PT1H", "SUMMARY:Summer")
                + event("UID:b", "DTSTART;TZID=Mountain Time (our office):20261215T090000", "DURATION:PT1H", "SUMMARY:Winter")
        ), into: store)
        #expect(report.notes == ["TZID 'Mountain Time (our office)' read as America/Denver"])
        #expect(try meetings(store, "2026-07-01", "2026-12-31", in: .utc) == [
            "2026-07-15T15:00:00 16:00 Summer", "2026-12-15T16:00:00 17:00 Winter",
        ])
    }

    @Test func aVTIMEZONEPrefersTheCityItNamesThenTheCalendarsOwnZone() throws {
        let plusEight = { (tzid: String) in
            "BEGIN:VTIMEZONE\r\nTZID:\(tzid)\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        }
        let store = InMemoryStore()
        try importing(file(plusEight("(UTC+08:00) Perth") + event("UID:a", "DTSTART;TZID=\"(UTC+08:00) Perth\":20261119T100000")), into: store)
        #expect(try onlyEvent(store).schedule.zone.identifier == "Australia/Perth")
        let other = InMemoryStore()
        try importing(file(plusEight("Customized Time Zone") + event("UID:a", "DTSTART;TZID=Customized Time Zone:20261119T100000")),
                      into: other, zone: .ulaanbaatar)
        #expect(try onlyEvent(other).schedule.zone == .ulaanbaatar)
    }

    @Test func matchesAVTIMEZONEWhoseClocksChangeAtAnotherHourOfTheSameNight() throws {
        // As Lotus Notes writes central Europe: the October change at 02:00 local (00:00 UTC), not 03:00.
        let lotus = """
            BEGIN:VTIMEZONE\r
            TZID:Western/Central Europe\r
            BEGIN:STANDARD\r
            DTSTART:19501029T020000\r
            RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=10\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            END:STANDARD\r
            BEGIN:DAYLIGHT\r
            DTSTART:19500326T020000\r
            RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=3\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0200\r
            END:DAYLIGHT\r
            END:VTIMEZONE\r

            """
        let store = InMemoryStore()
        let report = try importing(file(
            lotus + event("UID:a", "SUMMARY:Jour fixe", "DTSTART;TZID=\"Western/Central Europe\":20261102T160000", "DURATION:PT30M")
        ), into: store, zone: try Zone("Europe/Berlin"))
        #expect(report.imported == 1 && report.skipped.isEmpty, "\(report.skipped)")
        #expect(try meetings(store, "2026-11-01", "2026-11-30", in: .utc) == ["2026-11-02T15:00:00 15:30 Jour fixe"])
    }

    @Test func leavesOutOnlyTheEventsWhoseZoneCannotBePlaced() throws {
        let store = InMemoryStore()
        let odd = "BEGIN:VTIMEZONE\r\nTZID:Odd\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0817\r\nTZOFFSETTO:+0817\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        let report = try importing(file(
            odd + event("UID:kept", "DTSTART:20261119T100000Z", "SUMMARY:Kept")
                + event("UID:nowhere", "DTSTART;TZID=Atlantis/Capital:20261119T100000")
                + event("UID:odd", "DTSTART;TZID=Odd:20261119T100000")
        ), into: store)
        #expect(report.imported == 1)
        #expect(report.skipped == [
            ImportReport.Skip(uid: "nowhere", line: 17, reason: "TZID 'Atlantis/Capital' is not a time zone tov knows, and the file has no VTIMEZONE for it"),
            ImportReport.Skip(uid: "odd", line: 21, reason: "the VTIMEZONE of TZID 'Odd' keeps clocks that no IANA zone keeps in 2026"),
        ])
    }

    @Test func keepsUTCTimesInUTCOrInTheCalendarsZone() throws {
        let plain = InMemoryStore()
        try importing(file(event("UID:a", "DTSTART:20261119T020000Z", "DTEND:20261119T030000Z")), into: plain)
        #expect(try onlyEvent(plain).schedule.zone == .utc)
        #expect(try onlyEvent(plain).schedule.start.description == "2026-11-19T02:00:00")

        let google = InMemoryStore()
        let report = try importing(file(event("UID:a", "DTSTART:20261119T020000Z", "DTEND:20261119T030000Z"),
                                        header: "X-WR-TIMEZONE:Asia/Ulaanbaatar\r\n"), into: google, zone: .hovd)
        #expect(try onlyEvent(google).schedule.zone == .ulaanbaatar)
        #expect(try onlyEvent(google).schedule.start.description == "2026-11-19T10:00:00")
        #expect(report.notes == ["UTC times read in Asia/Ulaanbaatar (X-WR-TIMEZONE)"])
    }

    @Test func readsFloatingTimesInTheCalendarsZoneElseTheFallback() throws {
        let calendarZone = InMemoryStore()
        try importing(file(event("UID:a", "DTSTART:20261119T100000"), header: "X-WR-TIMEZONE:Asia/Hovd\r\n"), into: calendarZone)
        #expect(try onlyEvent(calendarZone).schedule.zone == .hovd)

        let fallback = InMemoryStore()
        let report = try importing(file(event("UID:a", "DTSTART:20261119T100000")), into: fallback, zone: .hovd)
        #expect(try onlyEvent(fallback).schedule.zone == .hovd)
        #expect(try onlyEvent(fallback).schedule.start.description == "2026-11-19T10:00:00")
        #expect(report.notes == ["floating times read in Asia/Hovd"])
    }

    // MARK: - Lengths

    @Test func givesEventsTheirLengthFromDTENDOrDURATIONOrTheRFCsDefaults() throws {
        let store = InMemoryStore()
        try importing(file(
            event("UID:a", "DTSTART;VALUE=DATE:20261201", "SUMMARY:One day")
                + event("UID:b", "DTSTART;VALUE=DATE:20261202", "DTEND;VALUE=DATE:20261205", "SUMMARY:Three days")
                + event("UID:c", "DTSTART;VALUE=DATE:20261206", "DURATION:P2D", "SUMMARY:Two days")
                + event("UID:d", "DTSTART;TZID=Asia/Ulaanbaatar:20261207T100000", "DURATION:PT1H30M", "SUMMARY:Ninety minutes")
                + event("UID:e", "DTSTART;TZID=Asia/Ulaanbaatar:20261208T100000", "SUMMARY:A moment")
                + event("UID:f", "DTSTART;TZID=Asia/Ulaanbaatar:20261209T220000", "DTEND;TZID=Asia/Ulaanbaatar:20261210T020000", "SUMMARY:Overnight")
        ), into: store)
        #expect(try meetings(store, "2026-12-01", "2026-12-10") == [
            "2026-12-01/2026-12-02 One day", "2026-12-02/2026-12-05 Three days", "2026-12-06/2026-12-08 Two days",
            "2026-12-07T10:00:00 11:30 Ninety minutes", "2026-12-08T10:00:00 10:00 A moment", "2026-12-09T22:00:00 02:00 Overnight",
        ])
    }

    @Test func skipsAnEventThatEndsBeforeItStarts() throws {
        let store = InMemoryStore()
        let report = try importing(file(event("UID:a", "DTSTART:20261119T100000Z", "DTEND:20261119T090000Z")), into: store)
        #expect(report.skipped.map(\.reason) == ["DTEND: the end 2026-11-19T09:00:00 is before the start 2026-11-19T10:00:00"])
    }

    // MARK: - Recurrence

    @Test func readsRRULEWithEXDATEsOfEveryFormAndRDATEsWithPeriods() throws {
        let store = InMemoryStore()
        try importing(file(event(
            "UID:weekly", "SUMMARY:Weekly", "DTSTART;TZID=Asia/Ulaanbaatar:20261102T100000", "DTEND;TZID=Asia/Ulaanbaatar:20261102T110000",
            "RRULE:FREQ=WEEKLY;COUNT=8",
            // Two on one line, one in UTC, and a date that removes the meeting of its day.
            "EXDATE;TZID=Asia/Ulaanbaatar:20261109T100000,20261116T100000", "EXDATE:20261123T020000Z", "EXDATE;VALUE=DATE:20261130",
            "RDATE;TZID=Asia/Ulaanbaatar:20261104T150000",
            "RDATE;VALUE=PERIOD:20261106T010000Z/20261106T050000Z,20261108T010000Z/PT1H"
        )), into: store)
        #expect(try meetings(store, "2026-11-01", "2026-12-31") == [
            "2026-11-02T10:00:00 11:00 Weekly", "2026-11-04T15:00:00 16:00 Weekly", "2026-11-06T09:00:00 13:00 Weekly",
            "2026-11-08T09:00:00 10:00 Weekly", "2026-12-07T10:00:00 11:00 Weekly", "2026-12-14T10:00:00 11:00 Weekly",
            "2026-12-21T10:00:00 11:00 Weekly",
        ])
    }

    @Test func keepsADTSTARTOffTheRuleAsAMeeting() throws {
        let store = InMemoryStore()
        // A Wednesday start of a Mondays-only rule: RFC 5545 makes it the first meeting anyway.
        try importing(file(event("UID:a", "SUMMARY:M", "DTSTART;TZID=Asia/Ulaanbaatar:20261104T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2")), into: store)
        #expect(try meetings(store, "2026-11-01", "2026-11-30").map { String($0.prefix(19)) }
            == ["2026-11-04T10:00:00", "2026-11-09T10:00:00", "2026-11-16T10:00:00"])
        // Unless an EXDATE removes it, as tov's export does for a first start that is not a meeting.
        let tov = InMemoryStore()
        try importing(file(event("UID:a", "SUMMARY:M", "DTSTART;TZID=Asia/Ulaanbaatar:20261104T100000", "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=2",
                                 "EXDATE;TZID=Asia/Ulaanbaatar:20261104T100000")), into: tov)
        #expect(try meetings(tov, "2026-11-01", "2026-11-30").map { String($0.prefix(19)) } == ["2026-11-09T10:00:00", "2026-11-16T10:00:00"])
        let series = try #require(try tov.read { try $0.allSeries() }.first)
        #expect(series.extraDates.isEmpty && series.exceptionDates.isEmpty)
    }

    @Test func readsAnEmptyRRULEAsNoRepetition() throws {
        // Calendar Labs writes `RRULE:` on every holiday.
        let store = InMemoryStore()
        let report = try importing(file(event("UID:a", "SUMMARY:Naadam", "DTSTART;VALUE=DATE:20260711", "RRULE:")), into: store)
        #expect(report.imported == 1 && report.skipped.isEmpty, "\(report.skipped)")
        #expect(report.notes == ["an empty RRULE is read as no repetition"])
        #expect(try meetings(store, "2026-07-01", "2026-07-31") == ["2026-07-11/2026-07-12 Naadam"])
    }

    @Test func readsARuleWrittenTwiceAsOneAndTheStartsOfASecondRuleThatEndsAsExtraDates() throws {
        // As Fastmail (Cyrus) wrote them: RFC 5545 deprecates a second RRULE but means the union of both.
        let start = ["UID:a", "SUMMARY:M", "DTSTART;TZID=Europe/London:20230112T100000", "DTEND;TZID=Europe/London:20230112T120000"]
        let twice = InMemoryStore()
        try importing(file(event(start + ["RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=3", "RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=TH"])), into: twice)
        let series = try #require(try twice.read { try $0.allSeries() }.first)
        #expect(series.rule.description == "FREQ=WEEKLY;COUNT=3;BYDAY=TH" && series.extraDates.isEmpty)

        let two = InMemoryStore()
        try importing(file(event(start + ["RRULE:FREQ=MONTHLY;BYDAY=2MO;COUNT=2", "RRULE:FREQ=WEEKLY;BYDAY=TH"])), into: two)
        // The endless rule is the series'; the other's two Mondays are extra dates.
        let withExtras = try #require(try two.read { try $0.allSeries() }.first)
        #expect(withExtras.rule.description == "FREQ=WEEKLY;BYDAY=TH")
        #expect(try meetings(two, "2023-02-01", "2023-03-15", in: try Zone("Europe/London")) == [
            "2023-02-02T10:00:00 12:00 M", "2023-02-09T10:00:00 12:00 M", "2023-02-13T10:00:00 12:00 M",
            "2023-02-16T10:00:00 12:00 M", "2023-02-23T10:00:00 12:00 M", "2023-03-02T10:00:00 12:00 M",
            "2023-03-09T10:00:00 12:00 M", "2023-03-13T10:00:00 12:00 M",
        ])
        let endless = InMemoryStore()
        let report = try importing(file(event(start + ["RRULE:FREQ=WEEKLY;BYDAY=TH", "RRULE:FREQ=MONTHLY;BYDAY=2MO"])), into: endless)
        #expect(report.skipped.map(\.reason) == ["the event has 2 RRULEs that never end, and a series in tov has one rule"])
    }

    @Test func skipsAnEventWhoseRuleTheEngineRefuses() throws {
        let store = InMemoryStore()
        let report = try importing(file(event("UID:a", "DTSTART:20261119T100000Z", "RRULE:FREQ=MONTHLY;BYWEEKNO=3")), into: store)
        #expect(report.imported == 0)
        #expect(report.skipped.first?.reason.hasPrefix("RRULE FREQ=MONTHLY;BYWEEKNO=3: RRULE part BYWEEKNO") == true)
    }

    static let weekly = [
        "UID:weekly@example.org", "SUMMARY:Weekly", "DTSTART;TZID=Asia/Ulaanbaatar:20261102T100000",
        "DTEND;TZID=Asia/Ulaanbaatar:20261102T110000", "RRULE:FREQ=WEEKLY;COUNT=6",
    ]

    func weekly(_ extra: String...) -> String {
        event(ICalendarImportTests.weekly + extra)
    }

    @Test func aMeetingMovedWithinItsDayIsListedOnceAtItsNewTime() throws {
        let store = InMemoryStore()
        try importing(file(weekly() + event(
            "UID:weekly@example.org", "RECURRENCE-ID;TZID=Asia/Ulaanbaatar:20261109T100000", "SUMMARY:Weekly, later",
            "DTSTART;TZID=Asia/Ulaanbaatar:20261109T160000", "DTEND;TZID=Asia/Ulaanbaatar:20261109T170000"
        )), into: store)
        #expect(try meetings(store, "2026-11-09", "2026-11-09") == ["2026-11-09T16:00:00 17:00 Weekly, later"])
    }

    @Test func matchesARecurrenceIDWrittenInAnotherZone() throws {
        let store = InMemoryStore()
        try importing(file(weekly() + event(
            "UID:weekly@example.org", "RECURRENCE-ID:20261116T020000Z", "SUMMARY:Moved",
            "DTSTART;TZID=Asia/Ulaanbaatar:20261117T100000", "DTEND;TZID=Asia/Ulaanbaatar:20261117T110000"
        )), into: store)
        #expect(try meetings(store, "2026-11-15", "2026-11-18") == ["2026-11-17T10:00:00 11:00 Moved"])
    }

    @Test func aChangeForThisAndFutureMeetingsSplitsTheSeriesAndMovesTheLaterOnes() throws {
        let store = InMemoryStore()
        try importing(file(weekly() + event(
            "UID:weekly@example.org", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Asia/Ulaanbaatar:20261116T100000",
            "SUMMARY:Weekly, afternoons", "DTSTART;TZID=Asia/Ulaanbaatar:20261116T140000", "DTEND;TZID=Asia/Ulaanbaatar:20261116T153000"
        )), into: store)
        #expect(try meetings(store, "2026-11-01", "2026-12-31") == [
            "2026-11-02T10:00:00 11:00 Weekly", "2026-11-09T10:00:00 11:00 Weekly",
            "2026-11-16T14:00:00 15:30 Weekly, afternoons", "2026-11-23T14:00:00 15:30 Weekly, afternoons",
            "2026-11-30T14:00:00 15:30 Weekly, afternoons", "2026-12-07T14:00:00 15:30 Weekly, afternoons",
        ])
        #expect(try store.read { try $0.allSeries() }.count == 2)
    }

    @Test func aChangeForThisAndFutureMeetingsMovesThemToAnotherWeekdayAndHour() throws {
        let store = InMemoryStore()
        try importing(file(weekly() + event(
            "UID:weekly@example.org", "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Asia/Ulaanbaatar:20261123T100000",
            "SUMMARY:Weekly", "DTSTART;TZID=Asia/Ulaanbaatar:20261125T140000", "DTEND;TZID=Asia/Ulaanbaatar:20261125T150000"
        )).replacingOccurrences(of: "COUNT=6", with: "BYDAY=MO;COUNT=6"), into: store)
        #expect(try meetings(store, "2026-11-01", "2026-12-31").map { String($0.prefix(19)) } == [
            "2026-11-02T10:00:00", "2026-11-09T10:00:00", "2026-11-16T10:00:00",
            "2026-11-25T14:00:00", "2026-12-02T14:00:00", "2026-12-09T14:00:00",
        ])
    }

    @Test func aChangeWhoseSeriesIsNotInTheFileIsAnEventOfItsOwn() throws {
        let store = InMemoryStore()
        let report = try importing(file(event(
            "UID:lost@example.org", "RECURRENCE-ID:20261116T020000Z", "SUMMARY:Orphan", "DTSTART:20261117T020000Z", "DTEND:20261117T030000Z"
        )), into: store)
        #expect(report.imported == 1)
        let single = try onlyEvent(store)
        #expect(single.seriesID == nil && single.title == "Orphan")
        #expect(try store.read { try $0.origins(ofRecords: [single.id]) }.map(\.uid) == ["lost@example.org"])
    }

    @Test func skipsAChangeOfAMeetingTheSeriesRemoves() throws {
        let store = InMemoryStore()
        let report = try importing(file(weekly("EXDATE;TZID=Asia/Ulaanbaatar:20261109T100000") + event(
            "UID:weekly@example.org", "RECURRENCE-ID;TZID=Asia/Ulaanbaatar:20261109T100000", "DTSTART;TZID=Asia/Ulaanbaatar:20261109T160000"
        )), into: store)
        #expect(report.imported == 1)
        #expect(report.skipped == [ImportReport.Skip(uid: "weekly@example.org", line: 12,
                                                     reason: "the meeting it changes, 2026-11-09T10:00:00, is removed by the series' EXDATE")])
        #expect(try meetings(store, "2026-11-09", "2026-11-09").isEmpty)
    }

    @Test func keepsTheHigherSequenceOfTwoVEVENTsWithOneUID() throws {
        let store = InMemoryStore()
        let report = try importing(file(
            event("UID:twice", "SEQUENCE:2", "SUMMARY:Newer", "DTSTART:20261119T020000Z")
                + event("UID:twice", "SEQUENCE:1", "SUMMARY:Older", "DTSTART:20261119T020000Z")
        ), into: store)
        #expect(try onlyEvent(store).title == "Newer")
        #expect(report.skipped == [ImportReport.Skip(uid: "twice", line: 10, reason: "the VEVENT on line 4 has the same UID and a SEQUENCE as high or higher (2)")])
    }

    // MARK: - What tov does not keep

    @Test func countsWhatItDoesNotKeepByName() throws {
        let store = InMemoryStore()
        let report = try importing(file(
            event("UID:a", "DTSTART:20261119T020000Z", "URL:https://example.org", "GEO:47.9;106.9", "TRANSP:OPAQUE", "X-GOOGLE-CONFERENCE:x",
                  "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT10M", "END:VALARM", "BEGIN:VALARM", "ACTION:AUDIO", "TRIGGER:-PT5M", "END:VALARM")
                + "BEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nBEGIN:VJOURNAL\r\nUID:j\r\nEND:VJOURNAL\r\nBEGIN:VFREEBUSY\r\nUID:f\r\nEND:VFREEBUSY\r\n",
            header: "X-WR-CALNAME:Office\r\n"
        ), into: store)
        #expect(report.notKept == [
            "VALARM": 2, "URL": 1, "GEO": 1, "TRANSP": 1, "X-GOOGLE-CONFERENCE": 1, "VTODO": 1, "VJOURNAL": 1, "VFREEBUSY": 1, "X-WR-CALNAME": 1,
        ])
    }

    @Test func countsAPropertyAfterTheCalendarsEndAsNotKept() throws {
        // Podio ends its export with `X-COMMENT:Cached from …` after END:VCALENDAR.
        let store = InMemoryStore()
        let report = try importing(file(event("UID:a", "DTSTART:20261119T020000Z")) + "X-COMMENT:Cached from 2026-11-18\r\n", into: store)
        #expect(report.imported == 1)
        #expect(report.notKept == ["X-COMMENT": 1])
    }

    // MARK: - Identity and versions

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let store = InMemoryStore()
        let text = file(weekly() + event(
            "UID:weekly@example.org", "RECURRENCE-ID;TZID=Asia/Ulaanbaatar:20261109T100000", "DTSTART;TZID=Asia/Ulaanbaatar:20261109T160000",
            "ATTENDEE;CN=Jane;PARTSTAT=ACCEPTED:mailto:jane@example.org"
        ) + event("UID:2f1c8a4e-2b9d-4e0a-9a51-7d3c2b1a0f9e", "DTSTART:20261119T020000Z", "LAST-MODIFIED:20261101T000000Z"))
        #expect(try importing(text, into: store).imported == 2)
        let before = try meetings(store, "2026-11-01", "2026-12-31")
        let again = try importing(text, into: store)
        #expect((again.imported, again.updated, again.unchanged, again.skipped) == (0, 0, 2, []))
        #expect(try meetings(store, "2026-11-01", "2026-12-31") == before)
        #expect(try store.read { try $0.people().count } == 1)
    }

    @Test func aUUIDUIDIsTheRecordsIdAndAnyOtherIsRemembered() throws {
        let store = InMemoryStore()
        try importing(file(
            event("UID:2f1c8a4e-2b9d-4e0a-9a51-7d3c2b1a0f9e", "DTSTART:20261119T020000Z")
                + event("UID:abc@google.com", "DTSTART:20261120T020000Z", "SEQUENCE:3")
        ), into: store)
        let own = try #require(UUID(uuidString: "2f1c8a4e-2b9d-4e0a-9a51-7d3c2b1a0f9e"))
        let other = StableID.make("ics:abc@google.com")
        try store.read { (session) throws -> Void in
            #expect(try session.event(own) != nil)
            #expect(try session.event(other) != nil)
            #expect(try session.origins(ofRecords: [own, other]) == [Origin(recordID: other, uid: "abc@google.com", sequence: 3)])
        }
    }

    @Test func aHigherSequenceUpdatesTheRecordAndDropsWhatTheNewVersionNoLongerHas() throws {
        let store = InMemoryStore()
        try importing(file(weekly("SEQUENCE:1") + event(
            "UID:weekly@example.org", "SEQUENCE:1", "RECURRENCE-ID;TZID=Asia/Ulaanbaatar:20261109T100000",
            "DTSTART;TZID=Asia/Ulaanbaatar:20261109T160000"
        )), into: store)
        let report = try importing(file(weekly("SEQUENCE:2").replacingOccurrences(of: "SUMMARY:Weekly", with: "SUMMARY:Weekly sync")), into: store)
        #expect((report.imported, report.updated, report.unchanged) == (0, 1, 0))
        #expect(try meetings(store, "2026-11-09", "2026-11-09") == ["2026-11-09T10:00:00 11:00 Weekly sync"])
        #expect(try store.read { try $0.allEvents() }.isEmpty)
    }

    @Test func aLaterLastModifiedWithTheSameSequenceUpdates() throws {
        let store = InMemoryStore()
        try importing(file(event("UID:a@x", "DTSTART:20261119T020000Z", "SUMMARY:Old", "LAST-MODIFIED:20261101T000000Z")), into: store)
        let report = try importing(file(event("UID:a@x", "DTSTART:20261119T020000Z", "SUMMARY:New", "LAST-MODIFIED:20261102T000000Z")), into: store)
        #expect(report.updated == 1)
        #expect(try onlyEvent(store).title == "New")
    }

    @Test func anOlderOrSameVersionDoesNotOverwriteAChangeMadeInTov() throws {
        let store = InMemoryStore()
        let version2 = file(event("UID:a@x", "SEQUENCE:2", "DTSTART:20261119T020000Z", "SUMMARY:Two"))
        try importing(version2, into: store)
        try store.write { session in
            var event = try #require(try session.allEvents().first)
            event.title = "Renamed in tov"
            try session.save(event)
        }
        let older = try importing(file(event("UID:a@x", "SEQUENCE:1", "DTSTART:20261119T020000Z", "SUMMARY:One")), into: store)
        let same = try importing(version2, into: store)
        for report in [older, same] {
            #expect(report.skipped == [ImportReport.Skip(uid: "a@x", line: 4, reason: "already here in a newer or the same version, changed since in tov")])
        }
        #expect(try onlyEvent(store).title == "Renamed in tov")
    }

    @Test func aRecordDeletedSinceStaysDeletedUnlessTheFileIsNewer() throws {
        let store = InMemoryStore()
        let text = file(event("UID:a@x", "SEQUENCE:1", "DTSTART:20261119T020000Z", "SUMMARY:One"))
        try importing(text, into: store)
        try store.write { session in try session.delete(.event, id: StableID.make("ics:a@x")) }
        let again = try importing(text, into: store)
        #expect(again.skipped.map(\.reason) == ["deleted in tov since it was imported, and the file's version of it is not newer"])
        #expect(try store.read { try $0.allEvents() }.isEmpty)
        let newer = try importing(text.replacingOccurrences(of: "SEQUENCE:1", with: "SEQUENCE:2"), into: store)
        #expect(newer.imported == 1)
        #expect(try onlyEvent(store).title == "One")
    }

    @Test func aBrokenFileNamesItsLineAndImportsNothing() throws {
        let text = file(event("UID:a", "DTSTART:20261119T020000Z") + event("UID:b", "DTSTART:2026-11-19"))
        #expect(throws: ICalendarSyntaxError(line: 10, "DTSTART: '2026-11-19' is not a DATE-TIME (YYYYMMDDTHHMMSS, perhaps ending in Z)")) {
            try ICalendarImport(bytes: Array(text.utf8), fallbackZone: .ulaanbaatar, now: now)
        }
    }

    @Test func undoTakesTheWholeImportBack() throws {
        let store = InMemoryStore()
        try importing(file(weekly() + event("UID:b", "DTSTART:20261119T020000Z", "ATTENDEE;CN=Jane:mailto:jane@example.org")), into: store)
        #expect(try store.undo() == "Imported test.ics")
        try store.read { (session) throws -> Void in
            #expect(try session.allEvents().isEmpty)
            #expect(try session.allSeries().isEmpty)
            #expect(try session.people().isEmpty)
        }
    }

    // MARK: - People, roles, lists

    @Test func attendeesBecomePeopleWithRolesAndPlacesOnTheList() throws {
        let store = InMemoryStore()
        let known = Person(name: "Б. Сараа", email: "saraa@example.mn")
        try store.write { try $0.save(known) }
        try importing(file(event(
            "UID:meeting", "DTSTART:20261119T020000Z", "DTEND:20261119T050000Z", "SUMMARY:Meeting",
            "ORGANIZER;CN=Office:mailto:office@example.mn",
            "ATTENDEE;CN=Sara;PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:SARAA@example.mn",
            "ATTENDEE;CN=Bold;PARTSTAT=DECLINED:mailto:bold@example.mn",
            "ATTENDEE;CN=Civil Voice;CUTYPE=GROUP:mailto:voice@example.mn",
            "ATTENDEE;CUTYPE=ROOM;CN=Hall A:mailto:hall@example.mn"
        )), into: store)
        try store.read { (session) throws -> Void in
            let event = try #require(try session.allEvents().first)
            let people = try session.people()
            #expect(Set(people.map(\.name)) == ["Б. Сараа", "Bold", "Office"])
            func id(_ name: String) -> UUID { people.first { $0.name == name }!.id }
            let roles = try session.assignments(ofEvents: [event.id]).map { "\($0.holder) \($0.role.rawValue)" }
            #expect(Set(roles) == ["\(Assignment.Holder.person(known.id)) moderator", "\(Assignment.Holder.person(id("Office"))) co-organiser"])
            let voice = try #require(try session.organisations().first { $0.name == "Civil Voice" })
            let list = try session.participation(ofEvent: event.id).map { "\($0.participant) \($0.status.rawValue)" }
            #expect(Set(list) == [
                "\(Assignment.Holder.person(known.id)) registered", "\(Assignment.Holder.person(id("Bold"))) excused",
                "\(Assignment.Holder.organisation(voice.id)) invited",
            ])
        }
    }

    /// A meeting as tov's export writes it.
    static let tovMeeting = [
        "UID:0c5e6a1b-8f7d-4c2e-9b3a-5d4e3f2a1b0c", "DTSTART;TZID=Asia/Hovd:20261119T100000", "DTEND;TZID=Asia/Hovd:20261119T160000",
        "SUMMARY:Хөвсгөлийн ОНХ-ны өдөр", "STATUS:CONFIRMED", "X-TOV-STATUS:held", "X-TOV-KIND:sa-day", "CATEGORIES:sa-day",
        "LOCATION:Соёлын төв\\, Ховд", "X-TOV-VENUE:Соёлын төв", "X-TOV-PLACE:MN-043",
        "DESCRIPTION:Сэдэв: Эрүүл мэнд\\nХөтөлбөр: …", "X-TOV-NOTES:Тэмдэглэл",
        "X-TOV-TOPIC;X-TOV-ID=7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d:Эрүүл мэнд",
        "X-TOV-PUBLIC-EVENT;X-TOV-DATE=20261120:Наадам", "X-TOV-REPORT-ATTENDANCE:120", "X-TOV-REPORT-NOTES:Сайн",
        "X-TOV-ITEM;X-TOV-ID=11111111-2222-4333-8444-555555555555;X-TOV-START=100000;X-TOV-END=113000;X-TOV-ITEM-KIND=keynote;X-TOV-AREA=health:Илтгэл",
        "ATTENDEE;CN=Д. Бат;X-TOV-ID=99999999-8888-4777-8666-555555555555;X-TOV-ROLE=keynote;X-TOV-ITEM=11111111-2222-4333-8444-555555555555;X-TOV-ORG=Иргэдийн дуу:mailto:bat@example.mn",
        "ATTENDEE;CN=Ховд аймгийн ЗДТГ;CUTYPE=GROUP;X-TOV-ROLE=co-organiser;X-TOV-PARTICIPATION=attended:mailto:zdtg@example.mn",
    ]

    @Test func readsTovsOwnVocabularyBackExactly() throws {
        let store = InMemoryStore()
        let report = try importing(file(event(ICalendarImportTests.tovMeeting), prodID: ICalendarTerms.productID), into: store)
        #expect(report.notKept.isEmpty, "\(report.notKept)")
        try store.read { (session) throws -> Void in
            let event = try #require(try session.allEvents().first)
            #expect(event.id.uuidString.lowercased() == "0c5e6a1b-8f7d-4c2e-9b3a-5d4e3f2a1b0c")
            #expect((event.kind, event.status, event.placeCode, event.venue, event.notes) == (.saDay, .held, "MN-043", "Соёлын төв", "Тэмдэглэл"))
            let publicDay = try LocalDate(parsing: "2026-11-20")
            #expect(event.publicEvent == "Наадам" && event.publicEventDate == publicDay)
            #expect(event.report == Event.Report(attendance: 120, notes: "Сайн"))
            let topicID = try #require(event.topicID)
            let topic = try #require(try session.topic(topicID))
            #expect(topic.titleMn == "Эрүүл мэнд" && topic.status == .held)
            let item = try #require(try session.programme(ofEvent: event.id).first)
            #expect((item.kind, item.title, item.serviceArea, item.start?.short, item.end?.short) == (.keynote, "Илтгэл", .health, "10:00", "11:30"))
            let batID = try #require(UUID(uuidString: "99999999-8888-4777-8666-555555555555"))
            let bat = try #require(try session.person(batID))
            let organisationID = try #require(bat.organisationID)
            #expect(try session.organisation(organisationID)?.name == "Иргэдийн дуу")
            let assignments = try session.assignments(ofEvents: [event.id])
            #expect(assignments.contains { $0.holder == .person(bat.id) && $0.role == .keynote && $0.programmeItemID == item.id })
            let office = try #require(try session.organisations().first { $0.name == "Ховд аймгийн ЗДТГ" })
            #expect(assignments.contains { $0.holder == .organisation(office.id) && $0.role == .coOrganiser })
            #expect(try session.participation(ofEvent: event.id).map(\.status) == [.attended])
            #expect(try session.origins(ofRecords: [event.id]).isEmpty)
        }
    }

    @Test func anAllDayEventKeepsTheZoneTovWroteForIt() throws {
        let store = InMemoryStore()
        try importing(file(event("UID:a", "DTSTART;VALUE=DATE:20261201", "X-TOV-ZONE:Asia/Hovd", "X-TOV-KIND:event"),
                           prodID: ICalendarTerms.productID), into: store)
        #expect(try onlyEvent(store).schedule.zone == .hovd)
    }

    @Test func aMeetingWrittenOutOnlyBecauseItsSeriesShiftsItIsNotStored() throws {
        let store = InMemoryStore()
        // 5 December 2026 is a Saturday: the series moves that meeting to Monday 7 December.
        try importing(file(event(
            "UID:shifting", "SUMMARY:Monthly", "DTSTART;TZID=Asia/Ulaanbaatar:20261105T100000", "DTEND;TZID=Asia/Ulaanbaatar:20261105T110000",
            "RRULE:FREQ=MONTHLY;COUNT=2", "X-TOV-SHIFT:next-working-day", "X-TOV-KIND:event"
        ) + event(
            "UID:shifting", "SUMMARY:Monthly", "RECURRENCE-ID;TZID=Asia/Ulaanbaatar:20261205T100000", "X-TOV-SHIFTED:TRUE",
            "DTSTART;TZID=Asia/Ulaanbaatar:20261207T100000", "DTEND;TZID=Asia/Ulaanbaatar:20261207T110000", "X-TOV-KIND:event"
        ), prodID: ICalendarTerms.productID), into: store)
        #expect(try store.read { try $0.allEvents() }.isEmpty)
        #expect(try meetings(store, "2026-12-01", "2026-12-31") == ["2026-12-07T10:00:00 11:00 Monthly"])
    }

    /// The agenda as everything it shows: ids, times, titles, topics in both languages, people in their roles.
    func everything(_ store: InMemoryStore) throws -> [String] {
        let (first, last) = (try LocalDate(parsing: "2026-01-01"), try LocalDate(parsing: "2027-12-31"))
        let agenda = try store.read { session in try Agenda(from: first, through: last, zone: .ulaanbaatar, session: session) }
        return agenda.entries.map { entry -> String in
            let o = entry.occurrence
            let people = entry.people.map { "\($0.name) \($0.role.rawValue)" }.joined(separator: ", ")
            return [o.uid.lowercasedText, o.eventID?.lowercasedText ?? "-", o.recurrenceID?.description ?? "-", o.schedule.start.description,
                    o.schedule.end.description, o.schedule.zone.identifier, "\(o.schedule.allDay)", o.title, o.kind.rawValue, o.status.rawValue,
                    o.placeCode ?? "-", o.venue ?? "-", o.notes ?? "-", entry.topic?.title(in: .mn) ?? "-", entry.topic?.title(in: .en) ?? "-",
                    people].joined(separator: " | ")
        }
    }

    @Test func whatTovExportsComesBackAsTheSameAgenda() throws {
        let store = InMemoryStore()
        let at = { (text: String) in try LocalDateTime(parsing: text) }
        // A Wednesday start of a Mondays rule: in tov that first start is no meeting.
        let series = Series(
            kind: .dialogue, title: "ТББ-ын диалоги", schedule: try Schedule(start: at("2026-11-04T14:00:00"), end: at("2026-11-04T17:00:00"), zone: .ulaanbaatar),
            rule: try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=MO;COUNT=4"), exceptionDates: [try at("2026-11-16T14:00:00")], venue: "Төрийн ордон"
        )
        let topic = Topic(titleMn: "Эрүүл мэнд", titleEn: "Health", proposedOn: try LocalDate(parsing: "2026-01-01"), status: .scheduled)
        let person = Person(name: "Д. Бат", email: "bat@example.mn")
        var meeting = series.override(at: try at("2026-11-09T14:00:00"), existing: nil)
        meeting.topicID = topic.id
        meeting.schedule = try Schedule(start: at("2026-11-10T10:00:00"), end: at("2026-11-10T12:00:00"), zone: .ulaanbaatar)
        let item = ProgrammeItem(eventID: meeting.id, kind: .keynote, title: "Илтгэл", start: try LocalTime(parsing: "10:00"))
        let fair = Event(kind: .saDay, title: "Үзэсгэлэн", schedule: try Schedule(allDayFrom: LocalDate(parsing: "2026-12-01"),
                                                                                  through: LocalDate(parsing: "2026-12-02"), zone: .hovd),
                         status: .tentative, notes: "Тэмдэглэл")
        try store.write { session in
            try session.save(series)
            try session.save(topic)
            try session.save(person)
            try session.save(meeting)
            try session.save(item)
            try session.save(Assignment(eventID: meeting.id, programmeItemID: item.id, holder: .person(person.id), role: .keynote))
            try session.save(Participation(eventID: meeting.id, participant: .person(person.id), status: .registered))
            try session.save(fair)
        }
        let bytes = try store.read { session in
            try ICalendarExport.bytes(of: session, options: ICalendarExport.Options(now: now, today: try LocalDate(parsing: "2026-11-23")))
        }
        let copy = InMemoryStore()
        let report = try importing(String(decoding: bytes, as: UTF8.self), into: copy)
        #expect((report.imported, report.skipped, report.notKept) == (2, [], [:]))
        #expect(try everything(copy) == everything(store))
        #expect(try everything(store).count == 4)
    }

    @Test func aForeignFilesLocationAndDescriptionAreVenueAndNotesAndItsCategoriesMayNameTheKind() throws {
        let store = InMemoryStore()
        let report = try importing(file(event(
            "UID:a", "DTSTART:20261119T020000Z", "SUMMARY:Day \u{1B}[31mred\u{1B}[0m", "LOCATION:Town hall", "DESCRIPTION:Bring\\nthe list",
            "CATEGORIES:SA-DAY,Work"
        )), into: store)
        let event = try onlyEvent(store)
        #expect((event.kind, event.title, event.venue, event.notes) == (.saDay, "Day red", "Town hall", "Bring the list"))
        #expect(report.notKept == ["CATEGORIES": 1])
    }

    @Test func aTopicIsFoundByItsIdThenByItsTitle() throws {
        let store = InMemoryStore()
        let queued = Topic(titleMn: "Боловсрол", proposedOn: try LocalDate(parsing: "2026-01-01"))
        try store.write { try $0.save(queued) }
        try importing(file(event("UID:a", "DTSTART:20261119T020000Z", "X-TOV-TOPIC:Боловсрол")), into: store)
        try store.read { (session) throws -> Void in
            #expect(try session.topics().count == 1)
            #expect(try session.allEvents().first?.topicID == queued.id)
            #expect(try session.topic(queued.id)?.status == .scheduled)
        }
    }
}
