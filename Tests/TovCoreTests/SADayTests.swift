import Foundation
import Testing
// Not @testable: the command line and the interface are written against exactly this public API.
import TovCore

/// SA Days: the flow of their statuses, the coverage of aimags and districts, the copy of an earlier day
/// and the report written after one.
@Suite struct SADayTests {
    let store = InMemoryStore()

    func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    /// An SA Day from 10:00 to 16:00 in `place`, in the place's zone.
    func saDay(_ place: String?, _ date: String, status: EventStatus = .confirmed, kind: EventKind = .saDay) throws -> Event {
        let zone = place.flatMap(ReferenceData.shared.place(code:))?.zone ?? .ulaanbaatar
        let start = LocalDateTime(date: day(date), time: try LocalTime(parsing: "10:00"))
        return Event(kind: kind, title: "НЭХ өдөрлөг \(place ?? "")", schedule: try Schedule(start: start, end: start.adding(seconds: 6 * 3600), zone: zone),
                     status: status, placeCode: place)
    }

    /// Saves the events in one write, as they are.
    func save(_ events: Event...) throws {
        try store.write { session in for event in events { try session.save(event) } }
    }

    func stored(_ event: Event) throws -> Event {
        try #require(try store.read { try $0.event(event.id) })
    }

    // MARK: - The flow

    @Test func everyMoveOfTheFlowPassesAndEveryOtherIsRefused() throws {
        let event = try saDay("MN-043", "2026-07-09")
        for old in EventStatus.allCases {
            for new in EventStatus.allCases where new != old {
                if old.moves.contains(new) {
                    #expect(throws: Never.self, "\(old) → \(new)") { try SADays.checkMove(of: event, from: old, to: new) }
                } else {
                    #expect(throws: ValidationError.self, "\(old) → \(new)") { try SADays.checkMove(of: event, from: old, to: new) }
                }
            }
        }
    }

    @Test func movesOutsideTheFlowAreRefusedNamingTheMovesThatAreAllowed() throws {
        let event = try saDay("MN-043", "2026-07-09")
        let refused: [(EventStatus, EventStatus, String)] = [
            (.idea, .held, "an SA Day cannot go from idea to held; from there: tentative, confirmed, cancelled"),
            (.tentative, .reported, "an SA Day cannot go from tentative to reported; from there: idea, confirmed, cancelled"),
            (.reported, .cancelled, "an SA Day cannot go from reported to cancelled; from there: held"),
            (.cancelled, .held, "an SA Day cannot go from cancelled to held; from there: idea, tentative"),
        ]
        for (old, new, message) in refused {
            #expect(throws: ValidationError(message)) { try SADays.checkMove(of: event, from: old, to: new) }
        }
        // Saving checks the flow too, and a refused save leaves the day as it was.
        let idea = try saDay("MN-043", "2026-07-09", status: .idea)
        try save(idea)
        var held = idea
        held.status = .held
        #expect(throws: ValidationError(refused[0].2)) { try store.write { try Meetings.save(held, in: $0) } }
        #expect(try stored(idea).status == .idea)
    }

    @Test func aDayIsHeldOrReportedOnlyFromItsDayOn() throws {
        let event = try saDay("MN-043", "2026-07-09")
        #expect(throws: ValidationError("the SA Day of 2026-07-09 has not come yet, so it cannot be held")) {
            try SADays.checkMove(of: event, from: .confirmed, to: .held, today: day("2026-07-08"))
        }
        try SADays.checkMove(of: event, from: .confirmed, to: .held, today: day("2026-07-09"))
        try SADays.checkMove(of: event, from: .held, to: .reported, today: day("2026-07-10"))
        // Planning moves do not depend on the day.
        try SADays.checkMove(of: event, from: .tentative, to: .confirmed, today: day("2026-01-01"))
        // Nor can a new day be entered as held before it comes.
        var new = event
        new.status = .held
        #expect(throws: ValidationError("the SA Day of 2026-07-09 has not come yet, so it cannot be held")) {
            try SADays.checkNew(new, today: day("2026-07-08"))
        }
        try SADays.checkNew(new, today: day("2026-07-09"))
    }

    @Test func aDialogueMeetingIsNotBoundByTheSADayFlow() throws {
        let meeting = try saDay("MN-1-SB", "2026-12-17", status: .idea, kind: .dialogue)
        try SADays.checkMove(of: meeting, from: .idea, to: .held, today: day("2026-11-23"))
        try SADays.checkMove(of: meeting, from: .reported, to: .cancelled)
        try save(meeting)
        var held = meeting
        held.status = .held
        try store.write { try Meetings.save(held, in: $0) }
        #expect(try stored(meeting).status == .held)
    }

    // MARK: - Coverage

    @Test func coverageCountsEachPlaceByItsFurthestDayAndListsThoseNotYetPlanned() throws {
        try save(try saDay("MN-043", "2026-07-09", status: .confirmed),   // Khovd: planned
                 try saDay("MN-046", "2026-09-24", status: .held),        // Uvs: held
                 try saDay("MN-046", "2026-11-02", status: .idea),        // a second, later idea does not lower it
                 try saDay("MN-061", "2026-06-01", status: .cancelled),   // Dornod: a cancelled day counts for nothing
                 try saDay("MN-1-BZ", "2026-12-10", status: .idea),       // Bayanzürkh: only an idea
                 try saDay("MN-071", "2027-01-15", status: .held),        // another year
                 try saDay("MN-055", "2026-05-05", kind: .dialogue),      // not an SA Day
                 try saDay(nil, "2026-08-01"))                            // no place
        let coverage = try store.read { try SADayCoverage(year: 2026, zone: .ulaanbaatar, in: $0) }

        #expect(coverage.counts[.held] == 1 && coverage.counts[.planned] == 1 && coverage.counts[.idea] == 1 && coverage.counts[.none] == 27)
        #expect(coverage.rows.count == 30)
        #expect(coverage.rows.prefix(21).allSatisfy { $0.place.kind == .aimag })
        #expect(coverage.rows.suffix(9).allSatisfy { $0.place.kind == .capitalDistrict })
        let state = Dictionary(uniqueKeysWithValues: coverage.rows.map { ($0.place.code, $0.state) })
        #expect(state["MN-043"] == .planned && state["MN-046"] == .held && state["MN-1-BZ"] == .idea)
        #expect(state["MN-061"] == SADayCoverage.State.none && state["MN-071"] == SADayCoverage.State.none)
        let uvs = try #require(coverage.rows.first { $0.place.code == "MN-046" })
        #expect(uvs.days.map(\.schedule.start.date.description) == ["2026-09-24", "2026-11-02"])
        #expect(coverage.rows.first { $0.place.code == "MN-061" }?.days.isEmpty == true)

        let waiting = coverage.notYetPlanned.map(\.code)
        #expect(waiting.count == 28)
        #expect(waiting.contains("MN-061") && waiting.contains("MN-1-BZ"))
        #expect(!waiting.contains("MN-043") && !waiting.contains("MN-046"))
        #expect(coverage.unplaced.map(\.schedule.start.date.description) == ["2026-08-01"])
    }

    @Test func aSeriesOfSADaysCountsLikeSingleDays() throws {
        // Bayankhongor holds its day on the second Friday of every June, tentatively; this year's was changed to held.
        let start = LocalDateTime(date: day("2026-06-12"), time: try LocalTime(parsing: "10:00"))
        let series = Series(kind: .saDay, title: "Баянхонгорын НЭХ өдөрлөг",
                            schedule: try Schedule(start: start, end: start.adding(seconds: 6 * 3600), zone: .ulaanbaatar),
                            rule: try RecurrenceRule(parsing: "FREQ=YEARLY;BYMONTH=6;BYDAY=2FR"), status: .tentative, placeCode: "MN-069")
        try store.write { try $0.save(series) }
        let planned = try store.read { try SADayCoverage(year: 2027, zone: .ulaanbaatar, in: $0) }
        let next = try #require(planned.rows.first { $0.place.code == "MN-069" })
        #expect(next.state == .planned && next.days.map(\.schedule.start.date.description) == ["2027-06-11"])
        #expect(planned.counts[.planned] == 1)

        try store.write { session in
            var held = try Meetings.storedEvent(of: series, at: start, in: session)
            held.status = .confirmed
            try Meetings.save(held, in: session)
            held.status = .held
            try Meetings.save(held, in: session)
        }
        let thisYear = try store.read { try SADayCoverage(year: 2026, zone: .ulaanbaatar, in: $0) }
        #expect(thisYear.rows.first { $0.place.code == "MN-069" }?.state == .held)
        #expect(thisYear.counts[.held] == 1 && thisYear.notYetPlanned.count == 29)
    }

    // MARK: - Copy

    @Test func aCopyKeepsProgrammeAndCoOrganisersAndDropsPresentersAttendanceAndReport() throws {
        var template = try saDay("MN-043", "2026-07-09", status: .reported)
        template.title = "Ховд аймгийн НЭХ өдөрлөг"
        template.venue = "Аймгийн Засаг даргын тамгын газар"
        template.publicEvent = "Үндэсний их баяр наадам"
        template.publicEventDate = day("2026-07-11")
        template.report = Event.Report(attendance: 140, notes: "Эмнэлгийн дараалал")
        let administration = Organisation(name: "Ховд аймгийн ЗДТГ", kind: .localAdministration, placeCode: "MN-043")
        let presenter = Person(name: "Б. Энхтуяа")
        let items = [
            ProgrammeItem(eventID: template.id, kind: .openDiscussion, title: "Эрүүл мэндийн үйлчилгээ", serviceArea: .health,
                          start: try LocalTime(parsing: "10:00"), end: try LocalTime(parsing: "11:30")),
            ProgrammeItem(eventID: template.id, kind: .survey, title: "Иргэдийн санал асуулга",
                          start: try LocalTime(parsing: "13:00"), end: try LocalTime(parsing: "16:00")),
        ]
        try store.write { session in
            try session.save(administration)
            try session.save(presenter)
            try session.save(template)
            for item in items { try session.save(item) }
            try session.save(Assignment(eventID: template.id, holder: .organisation(administration.id), role: .coOrganiser))
            try session.save(Assignment(eventID: template.id, programmeItemID: items[0].id, holder: .person(presenter.id), role: .presenter))
            try session.save(Participation(eventID: template.id, participant: .organisation(administration.id), status: .attended))
        }

        let copy = try store.write { try SADays.copy(template, to: day("2027-07-08"), in: $0) }

        let saved = try stored(copy)
        #expect(saved.id != template.id && saved.kind == .saDay && saved.status == .idea)
        #expect(saved.title == template.title && saved.placeCode == "MN-043" && saved.venue == template.venue)
        #expect(saved.publicEvent == template.publicEvent)
        #expect(saved.schedule.zone == .hovd)
        #expect(saved.schedule.start.description == "2027-07-08T10:00:00" && saved.schedule.end.description == "2027-07-08T16:00:00")
        #expect(saved.report == nil)
        let programme = try store.read { try $0.programme(ofEvent: copy.id) }.sorted { ($0.start?.short ?? "") < ($1.start?.short ?? "") }
        #expect(programme.map(\.kind) == items.map(\.kind))
        #expect(programme.map(\.title) == items.map(\.title))
        #expect(programme.map(\.serviceArea) == items.map(\.serviceArea))
        #expect(programme.map { [$0.start?.short, $0.end?.short] } == [["10:00", "11:30"], ["13:00", "16:00"]])
        #expect(Set(programme.map(\.id)).isDisjoint(with: items.map(\.id)))
        let assignments = try store.read { try $0.assignments(ofEvents: [copy.id]) }
        #expect(assignments.map(\.holder) == [.organisation(administration.id)] && assignments.map(\.role) == [.coOrganiser])
        #expect(try store.read { try $0.participation(ofEvent: copy.id) }.isEmpty)
        // The template keeps all it had.
        #expect(try store.read { try $0.assignments(ofEvents: [template.id]) }.count == 2)
        #expect(try stored(template).report == template.report)
    }

    // MARK: - Report

    @Test func aReportNeedsTheDayToHaveComeAndAttendanceOfZeroOrMore() throws {
        let event = try saDay("MN-046", "2026-09-24", status: .confirmed)
        try save(event)
        #expect(throws: ValidationError("the event of 2026-09-24 has not come yet, so it has no report")) {
            try store.write { try SADays.report(event, attendance: 80, notes: nil, today: day("2026-09-23"), in: $0) }
        }
        #expect(throws: ValidationError("the attendance -5 is below zero")) {
            try store.write { try SADays.report(event, attendance: -5, notes: nil, today: day("2026-11-23"), in: $0) }
        }
        #expect(try stored(event).status == .confirmed && stored(event).report == nil)

        let reported = try store.write {
            try SADays.report(event, attendance: 120, notes: "Чацарганы яармагтай хамт", today: day("2026-11-23"), in: $0)
        }
        #expect(reported.status == .reported)
        #expect(try stored(event).status == .reported)
        #expect(try stored(event).report == Event.Report(attendance: 120, notes: "Чацарганы яармагтай хамт"))
    }
}
