import Foundation
import Testing
import TovCore
@testable import TovInterop

/// `ICalendarExport` on a store in memory, its output read back with `ICalendarParser`.
@Suite struct ICalendarExportTests {
    // MARK: - Fixture

    /// A dialogue series in Ulaanbaatar with an exception, an extra date and three changed meetings (moved,
    /// cancelled, and one with its own topic, programme and people); a Khovd SA Day, reported; an all-day fair
    /// over three days; an imported event.
    struct Fixture {
        let store = InMemoryStore()
        let series = UUID(), moved = UUID(), cancelled = UUID(), ownTopic = UUID()
        let saDay = UUID(), fair = UUID(), imported = UUID()
        let topic = UUID(), keynoteItem = UUID()
        let ngo = UUID(), khural = UUID(), keynote = UUID(), moderator = UUID()

        init() throws {
            try store.write { session in
                try session.save(Organisation(id: ngo, name: "Иргэний дуу хоолой ТББ", kind: .ngo, email: "info@duu.mn"))
                try session.save(Organisation(id: khural, name: "Ховд аймгийн ИТХ", kind: .localAdministration, placeCode: "MN-043"))
                try session.save(Person(id: keynote, name: "Б. Энхтуяа", organisationID: ngo, email: "enkhtuya@duu.mn"))
                try session.save(Person(id: moderator, name: "Д. Батбаяр"))
                try session.save(Topic(id: topic, titleMn: "Төсвийн ил тод байдал", titleEn: "Budget transparency", proposedOn: day("2026-01-05")))

                let first = try Schedule(start: at("2026-01-15T10:00"), end: at("2026-01-15T12:30"), zone: .ulaanbaatar)
                try session.save(Series(
                    id: series, kind: .dialogue, title: "ТББ-ын диалоги", schedule: first,
                    rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;COUNT=6"),
                    exceptionDates: [at("2026-05-21T10:00")], extraDates: [at("2026-04-02T10:00")],
                    placeCode: "MN-1-BZ", venue: "Төрийн ордон"
                ))
                try session.save(Event(
                    id: moved, kind: .dialogue, title: "ТББ-ын диалоги",
                    schedule: try Schedule(start: at("2026-03-20T14:00"), end: at("2026-03-20T16:30"), zone: .ulaanbaatar),
                    placeCode: "MN-1-BZ", venue: "Төрийн ордон", seriesID: series, recurrenceID: at("2026-03-19T10:00")
                ))
                try session.save(Event(
                    id: cancelled, kind: .dialogue, title: "ТББ-ын диалоги", schedule: first.moved(to: at("2026-07-16T10:00")),
                    status: .cancelled, seriesID: series, recurrenceID: at("2026-07-16T10:00")
                ))
                try session.save(Event(
                    id: ownTopic, kind: .dialogue, title: "ТББ-ын диалоги", schedule: first.moved(to: at("2026-09-17T10:00")),
                    placeCode: "MN-1-BZ", topicID: topic, seriesID: series, recurrenceID: at("2026-09-17T10:00")
                ))
                try session.save(ProgrammeItem(
                    id: keynoteItem, eventID: ownTopic, kind: .keynote, title: "Гол илтгэл", serviceArea: .finance,
                    start: try LocalTime(parsing: "10:00"), end: try LocalTime(parsing: "10:40")
                ))
                try session.save(Assignment(eventID: ownTopic, programmeItemID: keynoteItem, holder: .person(keynote), role: .keynote))
                try session.save(Assignment(eventID: ownTopic, holder: .person(moderator), role: .moderator))
                try session.save(Assignment(eventID: ownTopic, holder: .organisation(ngo), role: .coOrganiser))
                try session.save(Participation(eventID: ownTopic, participant: .organisation(khural), status: .attended))

                try session.save(Event(
                    id: saDay, kind: .saDay, title: "Ховд аймгийн НЭХ өдөрлөг",
                    schedule: try Schedule(start: at("2026-07-09T10:00"), end: at("2026-07-09T17:00"), zone: .hovd),
                    status: .reported, placeCode: "MN-043", venue: "Аймгийн Засаг даргын Тамгын газар",
                    publicEvent: "Аймгийн наадам", publicEventDate: day("2026-07-11"),
                    report: Event.Report(attendance: 120, notes: "Иргэд идэвхтэй оролцов")
                ))
                try session.save(Event(
                    id: fair, title: "Үзэсгэлэн яармаг",
                    schedule: try Schedule(allDayFrom: day("2026-08-10"), through: day("2026-08-12"), zone: .ulaanbaatar),
                    placeCode: "MN-035"
                ))
                try session.save(Event(
                    id: imported, title: "Google-ээс ирсэн уулзалт",
                    schedule: try Schedule(start: at("2026-10-05T09:00"), end: at("2026-10-05T10:00"), zone: .ulaanbaatar)
                ))
                try session.save(Origin(recordID: imported, uid: "7kukuqrfedlm2f9t5ntsl1pqfe@google.com", sequence: 4))
            }
        }
    }

    static let now = Date(timeIntervalSince1970: 1_795_421_400) // 2026-11-23T08:10:00Z
    static let today = day("2026-11-23")

    /// The export of `store`, as written and as parsed back.
    func export(_ store: InMemoryStore, from: LocalDate? = nil, through: LocalDate? = nil, place: String? = nil,
                language: Language = .mn) throws -> (bytes: [UInt8], calendar: ICalendarComponent) {
        let options = ICalendarExport.Options(from: from, through: through, place: place, language: language,
                                              now: Self.now, today: Self.today)
        let bytes = try store.read { try ICalendarExport.bytes(of: $0, options: options) }
        let calendars = try ICalendarParser.parse(bytes)
        try #require(calendars.count == 1)
        return (bytes, calendars[0])
    }

    func events(_ calendar: ICalendarComponent, uid: UUID) -> [ICalendarComponent] {
        events(calendar, uid: uid.lowercasedText)
    }

    func events(_ calendar: ICalendarComponent, uid: String) -> [ICalendarComponent] {
        calendar.components(named: "VEVENT").filter { $0.first("UID")?.value == uid }
    }

    /// The VEVENT of one meeting of a series, by its RECURRENCE-ID as written.
    func meeting(_ calendar: ICalendarComponent, series: UUID, original: String) -> ICalendarComponent? {
        events(calendar, uid: series).first { $0.first("RECURRENCE-ID")?.value == original }
    }

    func values(_ component: ICalendarComponent?, _ name: String) -> [String] {
        component?.all(name).map(\.value) ?? []
    }

    // MARK: - Calendar and time zones

    @Test func writesOneCalendarWithATimeZoneForEachZoneUsed() throws {
        let fixture = try Fixture()
        let (_, calendar) = try export(fixture.store)
        #expect(calendar.name == "VCALENDAR")
        #expect(calendar.first("PRODID")?.value == ICalendarTerms.productID)
        #expect(calendar.first("VERSION")?.value == "2.0")
        #expect(calendar.first("CALSCALE")?.value == "GREGORIAN")
        #expect(calendar.first("METHOD")?.value == "PUBLISH")
        let zones = calendar.components(named: "VTIMEZONE")
        // The all-day fair is in dates and needs no zone.
        #expect(zones.compactMap { $0.first("TZID")?.value } == ["Asia/Hovd", "Asia/Ulaanbaatar"])
        for (zone, offset) in [(zones[0], "+0700"), (zones[1], "+0800")] {
            let standard = zone.components(named: "STANDARD")
            #expect(standard.count == 1)
            #expect(zone.components(named: "DAYLIGHT").isEmpty)
            #expect(standard.first?.first("TZOFFSETFROM")?.value == offset)
            #expect(standard.first?.first("TZOFFSETTO")?.value == offset)
            #expect(standard.first?.first("DTSTART")?.value == "20260101T000000")
        }
    }

    @Test func aZoneThatChangesItsClocksGetsEachChangeOfTheYears() throws {
        let store = InMemoryStore()
        let berlin = try Zone("Europe/Berlin")
        try store.write { session in
            try session.save(Event(title: "Donor meeting", schedule: try Schedule(start: at("2026-07-01T09:00"), end: at("2026-07-01T10:00"), zone: berlin)))
        }
        let (_, calendar) = try export(store)
        let zone = try #require(calendar.components(named: "VTIMEZONE").first)
        #expect(zone.first("TZID")?.value == "Europe/Berlin")
        let observances = zone.components.map { [$0.name, $0.first("DTSTART")?.value, $0.first("TZOFFSETFROM")?.value, $0.first("TZOFFSETTO")?.value] }
        #expect(observances == [
            ["STANDARD", "20260101T000000", "+0100", "+0100"],
            ["DAYLIGHT", "20260329T020000", "+0100", "+0200"],
            ["STANDARD", "20261025T030000", "+0200", "+0100"],
        ])
    }

    // MARK: - Series

    @Test func seriesIsOneEventWithItsRuleExceptionsAndExtraDatesThenItsChangedMeetings() throws {
        let fixture = try Fixture()
        let (_, calendar) = try export(fixture.store)
        let all = events(calendar, uid: fixture.series)
        #expect(all.count == 4)
        let master = try #require(all.first)
        #expect(master.first("RECURRENCE-ID") == nil)
        #expect(master.first("DTSTART")?.parameter("TZID") == "Asia/Ulaanbaatar")
        #expect(master.first("DTSTART")?.value == "20260115T100000")
        #expect(master.first("DTEND")?.value == "20260115T123000")
        #expect(master.first("RRULE")?.value == "FREQ=MONTHLY;INTERVAL=2;COUNT=6;BYDAY=3TH")
        #expect(values(master, "EXDATE") == ["20260521T100000"])
        #expect(master.first("EXDATE")?.parameter("TZID") == "Asia/Ulaanbaatar")
        #expect(values(master, "RDATE") == ["20260402T100000"])
        #expect(master.first("RDATE")?.parameter("TZID") == "Asia/Ulaanbaatar")
        #expect(master.first("SUMMARY")?.text == "ТББ-ын диалоги")
        #expect(master.first("LOCATION")?.text == "Төрийн ордон, Баянзүрх")
        #expect(master.first("CATEGORIES")?.texts == ["dialogue"])
        #expect(master.first(ICalendarTerms.kind)?.text == "dialogue")
        #expect(master.first(ICalendarTerms.shift) == nil)
        #expect(master.first("SEQUENCE")?.value == "0")
        #expect(master.first("DTSTAMP")?.value == "20261123T081000Z")
        // A meeting nothing is stored on runs the default programme, as the published page shows it.
        #expect(master.first("DESCRIPTION")?.text.contains("Хөтөлбөр:\n- 10:00–10:30 Гол илтгэл (гол илтгэл)") == true)

        let moved = try #require(meeting(calendar, series: fixture.series, original: "20260319T100000"))
        #expect(moved.first("RECURRENCE-ID")?.parameter("TZID") == "Asia/Ulaanbaatar")
        #expect(moved.first("DTSTART")?.value == "20260320T140000")
        #expect(moved.first("DTEND")?.value == "20260320T163000")

        let cancelled = try #require(meeting(calendar, series: fixture.series, original: "20260716T100000"))
        #expect(cancelled.first("STATUS")?.value == "CANCELLED")

        let own = try #require(meeting(calendar, series: fixture.series, original: "20260917T100000"))
        let topic = try #require(own.first(ICalendarTerms.topic))
        #expect(topic.text == "Төсвийн ил тод байдал")
        #expect(topic.parameter(ICalendarTerms.idParameter) == fixture.topic.lowercasedText)
        let item = try #require(own.first(ICalendarTerms.programmeItem))
        #expect(item.text == "Гол илтгэл")
        #expect(item.parameter(ICalendarTerms.idParameter) == fixture.keynoteItem.lowercasedText)
        #expect(item.parameter(ICalendarTerms.startParameter) == "100000")
        #expect(item.parameter(ICalendarTerms.endParameter) == "104000")
        #expect(item.parameter(ICalendarTerms.itemKindParameter) == "keynote")
        #expect(item.parameter(ICalendarTerms.areaParameter) == "finance")
        let description = try #require(own.first("DESCRIPTION")?.text)
        #expect(description.hasPrefix("Сэдэв: Төсвийн ил тод байдал\n"), "\(description)")
        #expect(description.contains("- 10:00–10:40 Гол илтгэл (гол илтгэл) — гол илтгэгч: Б. Энхтуяа (Иргэний дуу хоолой ТББ)"), "\(description)")
    }

    @Test func allDayEventIsWrittenInDatesWithTheDayAfterItsLastAndItsZoneKept() throws {
        let fixture = try Fixture()
        let (_, calendar) = try export(fixture.store, language: .en)
        let fair = try #require(events(calendar, uid: fixture.fair).first)
        #expect(fair.first("DTSTART")?.parameter("VALUE") == "DATE")
        #expect(fair.first("DTSTART")?.value == "20260810")
        #expect(fair.first("DTEND")?.parameter("VALUE") == "DATE")
        #expect(fair.first("DTEND")?.value == "20260813")
        #expect(fair.first("DTSTART")?.parameter("TZID") == nil)
        #expect(fair.first(ICalendarTerms.zone)?.text == "Asia/Ulaanbaatar")
        #expect(fair.first("LOCATION")?.text == "Orkhon")
        #expect(fair.first("CATEGORIES")?.texts == ["event"])
    }

    @Test func saDayKeepsItsPlaceReportAndPublicEvent() throws {
        let fixture = try Fixture()
        let (_, calendar) = try export(fixture.store)
        let saDay = try #require(events(calendar, uid: fixture.saDay).first)
        #expect(saDay.first("DTSTART")?.parameter("TZID") == "Asia/Hovd")
        #expect(saDay.first("DTSTART")?.value == "20260709T100000")
        #expect(saDay.first("STATUS")?.value == "CONFIRMED")
        #expect(saDay.first(ICalendarTerms.status)?.text == "reported")
        #expect(saDay.first(ICalendarTerms.kind)?.text == "sa-day")
        #expect(saDay.first(ICalendarTerms.place)?.text == "MN-043")
        #expect(saDay.first(ICalendarTerms.venue)?.text == "Аймгийн Засаг даргын Тамгын газар")
        #expect(saDay.first("LOCATION")?.text == "Аймгийн Засаг даргын Тамгын газар, Ховд")
        #expect(saDay.first(ICalendarTerms.publicEvent)?.text == "Аймгийн наадам")
        #expect(saDay.first(ICalendarTerms.publicEvent)?.parameter(ICalendarTerms.dateParameter) == "20260711")
        #expect(saDay.first(ICalendarTerms.reportAttendance)?.value == "120")
        #expect(saDay.first(ICalendarTerms.reportNotes)?.text == "Иргэд идэвхтэй оролцов")
    }

    @Test func importedEventKeepsTheUIDAndSequenceItCameWith() throws {
        let fixture = try Fixture()
        let (_, calendar) = try export(fixture.store)
        let imported = events(calendar, uid: "7kukuqrfedlm2f9t5ntsl1pqfe@google.com")
        #expect(imported.count == 1)
        #expect(imported.first?.first("SEQUENCE")?.value == "4")
        #expect(events(calendar, uid: fixture.imported).isEmpty)
    }

    // MARK: - People

    @Test func peopleAreAttendeesWithTheModeratorInTheChair() throws {
        let fixture = try Fixture()
        let (_, calendar) = try export(fixture.store)
        let own = try #require(meeting(calendar, series: fixture.series, original: "20260917T100000"))
        let attendees = own.all("ATTENDEE")
        #expect(attendees.map { $0.parameter("CN") } == ["Б. Энхтуяа", "Д. Батбаяр", "Иргэний дуу хоолой ТББ", "Ховд аймгийн ИТХ"])

        let keynote = attendees[0]
        #expect(keynote.value == "mailto:enkhtuya@duu.mn")
        #expect(keynote.parameter("CUTYPE") == "INDIVIDUAL")
        #expect(keynote.parameter("ROLE") == "REQ-PARTICIPANT")
        #expect(keynote.parameter(ICalendarTerms.roleParameter) == "keynote")
        #expect(keynote.parameter(ICalendarTerms.idParameter) == fixture.keynote.lowercasedText)
        #expect(keynote.parameter(ICalendarTerms.itemParameter) == fixture.keynoteItem.lowercasedText)
        #expect(keynote.parameter(ICalendarTerms.organisationParameter) == "Иргэний дуу хоолой ТББ")
        #expect(keynote.parameter(ICalendarTerms.organisationIDParameter) == fixture.ngo.lowercasedText)

        let moderator = attendees[1]
        #expect(moderator.parameter("ROLE") == "CHAIR")
        #expect(moderator.parameter(ICalendarTerms.roleParameter) == "moderator")
        #expect(moderator.value == "urn:uuid:" + fixture.moderator.lowercasedText)
        #expect(moderator.parameter(ICalendarTerms.itemParameter) == nil)

        let coOrganiser = attendees[2]
        #expect(coOrganiser.parameter("CUTYPE") == "GROUP")
        #expect(coOrganiser.parameter(ICalendarTerms.roleParameter) == "co-organiser")
        #expect(coOrganiser.value == "mailto:info@duu.mn")

        let guest = attendees[3]
        #expect(guest.parameter("ROLE") == "OPT-PARTICIPANT")
        #expect(guest.parameter("PARTSTAT") == "ACCEPTED")
        #expect(guest.parameter(ICalendarTerms.participationParameter) == "attended")
        #expect(guest.value == "urn:uuid:" + fixture.khural.lowercasedText)
    }

    // MARK: - Text

    @Test func everyLineFitsSeventyFiveOctetsAndNoFoldSplitsACharacter() throws {
        let fixture = try Fixture()
        try fixture.store.write { session in
            let long = String(repeating: "Өө🇲🇳 ", count: 40)
            try session.save(Event(title: long, schedule: try Schedule(start: at("2026-06-01T10:00"), end: at("2026-06-01T11:00"), zone: .ulaanbaatar),
                                   venue: String(repeating: "ü", count: 77), notes: String(repeating: "Ү", count: 200)))
        }
        let (bytes, calendar) = try export(fixture.store)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "a line break without CR at byte \(index)")
            lines.append(bytes[start..<(index - 1)])
            start = index + 1
        }
        #expect(start == bytes.count, "the file ends in CRLF")
        #expect(lines.count > 100)
        for line in lines {
            #expect(line.count <= 75, "\(String(decoding: line, as: UTF8.self))")
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold splits a character: \(Array(line))")
        }
        #expect(calendar.components(named: "VEVENT").contains { $0.first("SUMMARY")?.text == String(repeating: "Өө🇲🇳 ", count: 40) })
    }

    @Test func hostileTextIsEscapedAndControlsAndEscapeSequencesNeverReachTheFile() throws {
        let store = InMemoryStore()
        let hostile = "a;b,c\\d\nline two\u{01}x\u{1B}[31mred\u{1B}]0;title\u{07}end\u{9B}2J"
        let clean = "a;b,c\\d\nline twoxredend2J"
        let event = UUID(), person = UUID()
        try store.write { session in
            try session.save(Person(id: person, name: "Doe; \"Jane\", \u{1B}[2Jx", email: "x@y.mn\r\nX-EVIL:1"))
            try session.save(Event(id: event, title: hostile,
                                   schedule: try Schedule(start: at("2026-06-01T10:00"), end: at("2026-06-01T11:00"), zone: .ulaanbaatar),
                                   venue: hostile, notes: hostile))
            try session.save(Assignment(eventID: event, holder: .person(person), role: .presenter))
        }
        let (bytes, calendar) = try export(store)
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x01) && !bytes.contains(0x07))
        #expect(!String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { (0x80...0x9F).contains($0.value) })
        let written = try #require(calendar.components(named: "VEVENT").first)
        #expect(written.first("SUMMARY")?.value == "a\\;b\\,c\\\\d\\nline twoxredend2J")
        #expect(written.first("SUMMARY")?.text == clean)
        #expect(written.first(ICalendarTerms.venue)?.text == clean)
        #expect(written.first(ICalendarTerms.notes)?.text == clean)
        #expect(written.first("DESCRIPTION")?.text.hasSuffix(clean) == true)
        let attendee = try #require(written.first("ATTENDEE"))
        #expect(attendee.parameter("CN") == "Doe; \"Jane\", x")
        // An email that is not one stays out of the URI.
        #expect(attendee.value == "urn:uuid:" + person.lowercasedText)
        #expect(written.first("X-EVIL") == nil)
    }

    // MARK: - What is exported

    @Test func aimagFilterTakesTheCodeOrTheNameAndRefusesAnUnknownOne() throws {
        let fixture = try Fixture()
        for place in ["MN-043", "Ховд", "khovd"] {
            let (_, calendar) = try export(fixture.store, place: place)
            #expect(calendar.components(named: "VEVENT").compactMap { $0.first("UID")?.value } == [fixture.saDay.lowercasedText])
            #expect(calendar.components(named: "VTIMEZONE").compactMap { $0.first("TZID")?.value } == ["Asia/Hovd"])
        }
        let (_, capital) = try export(fixture.store, place: "MN-1-BZ")
        #expect(Set(capital.components(named: "VEVENT").compactMap { $0.first("UID")?.value }) == [fixture.series.lowercasedText])
        #expect(throws: ValidationError("'Марс' is not a known aimag or district; `tov places` lists them")) {
            try export(fixture.store, place: "Марс")
        }
    }

    @Test func rangeTakesEventsOverlappingItAndWholeSeriesWithAMeetingInIt() throws {
        let fixture = try Fixture()
        let (_, august) = try export(fixture.store, from: day("2026-08-12"), through: day("2026-08-31"))
        #expect(august.components(named: "VEVENT").compactMap { $0.first("UID")?.value } == [fixture.fair.lowercasedText])

        // The meeting of 19 March was moved to the 20th: the series is written whole, with all its changes.
        let (_, march) = try export(fixture.store, from: day("2026-03-20"), through: day("2026-03-20"))
        #expect(march.components(named: "VEVENT").count == 4)
        #expect(Set(march.components(named: "VEVENT").compactMap { $0.first("UID")?.value }) == [fixture.series.lowercasedText])
        // Its first meeting is 19 March; the extra date of 2 April falls in April.
        let (_, april) = try export(fixture.store, from: day("2026-04-01"), through: day("2026-04-30"))
        #expect(april.components(named: "VEVENT").count == 4)
        let (_, none) = try export(fixture.store, from: day("2026-03-19"), through: day("2026-03-19"))
        #expect(none.components(named: "VEVENT").isEmpty)
        #expect(none.components(named: "VTIMEZONE").isEmpty)
    }

    // MARK: - Meetings moved off days off

    /// Hour-long meetings from 1 January 2026, 10:00, in Ulaanbaatar, each moved to the next working day when it
    /// falls on a weekend or a day off.
    func movingSeries(_ id: UUID, rule: String) throws -> Series {
        Series(id: id, title: "Уулзалт", schedule: try Schedule(start: at("2026-01-01T10:00"), end: at("2026-01-01T11:00"), zone: .ulaanbaatar),
               rule: try RecurrenceRule(parsing: rule), shift: .nextWorkingDay)
    }

    @Test func seriesThatMovesMeetingsOffDaysOffGetsAChangedMeetingForEachMovedOne() throws {
        let store = InMemoryStore()
        let series = UUID()
        try store.write { session in
            try session.save(try movingSeries(series, rule: "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=6"))
            // A day off the office added: 1 April moves too.
            try session.save(Holiday(date: day("2026-04-01"), nameMn: "Албан бус амралт", nameEn: "Office day off"))
            // 1 February (a Sunday) was moved by hand; that change stands.
            try session.save(Event(
                title: "Уулзалт", schedule: try Schedule(start: at("2026-02-03T15:00"), end: at("2026-02-03T16:00"), zone: .ulaanbaatar),
                seriesID: series, recurrenceID: at("2026-02-01T10:00")
            ))
        }
        let (_, calendar) = try export(store)
        let all = events(calendar, uid: series)
        #expect(all.first?.first(ICalendarTerms.shift)?.text == "next-working-day")
        let changes = all.dropFirst().map { [$0.first("RECURRENCE-ID")?.value, $0.first("DTSTART")?.value, $0.first(ICalendarTerms.shifted)?.value] }
        #expect(changes == [
            ["20260201T100000", "20260203T150000", nil],
            // New Year's Day, a Thursday.
            ["20260101T100000", "20260102T100000", "TRUE"],
            ["20260301T100000", "20260302T100000", "TRUE"],
            ["20260401T100000", "20260402T100000", "TRUE"],
            // Children's Day, a Monday. 1 May is a Friday and a working day.
            ["20260601T100000", "20260602T100000", "TRUE"],
        ])
    }

    @Test func seriesWithoutAnEndHasItsMovedMeetingsWrittenTenYearsAheadOrToTheLastDay() throws {
        let store = InMemoryStore()
        let series = UUID()
        try store.write { try $0.save(try movingSeries(series, rule: "FREQ=YEARLY")) }
        // Every 1 January is a day off: ten years after today (23 November 2026) is 2036.
        let (_, everything) = try export(store)
        let originals = events(everything, uid: series).compactMap { $0.first("RECURRENCE-ID")?.value }
        #expect(originals == (2026...2036).map { "\($0)0101T100000" })
        let (_, twoYears) = try export(store, through: day("2027-12-31"))
        #expect(events(twoYears, uid: series).compactMap { $0.first("RECURRENCE-ID")?.value } == ["20260101T100000", "20270101T100000"])
    }
}

private func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }
private func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }
