import Foundation
import Testing
@testable import TovCore

/// The presenter rules: double bookings, travel, days away, meetings with no keynote, and the load count.
@Suite struct ConflictTests {
    let store = InMemoryStore()
    let enkhtuya = Person(name: "Б. Энхтуяа")
    let bat = Person(name: "Д. Бат")

    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }
    func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    /// A timed event on `date` from `start` to `end` (HH:MM) in `zone`, saved.
    @discardableResult
    func event(
        _ title: String, _ date: String, _ start: String, _ end: String, zone: Zone = .ulaanbaatar,
        kind: EventKind = .event, place: String? = "MN-1-SB", status: EventStatus = .confirmed
    ) throws -> Event {
        let event = Event(
            kind: kind, title: title,
            schedule: try Schedule(start: at("\(date)T\(start):00"), end: at("\(date)T\(end):00"), zone: zone),
            status: status, placeCode: place
        )
        try store.write { try $0.save(event) }
        return event
    }

    func assign(_ person: Person, _ event: Event, _ role: Assignment.Role = .presenter, item: UUID? = nil) throws {
        try store.write { session in
            if try session.person(person.id) == nil { try session.save(person) }
            try session.save(Assignment(eventID: event.id, programmeItemID: item, holder: .person(person.id), role: role))
        }
    }

    func conflicts(_ from: String, _ to: String, today: String? = nil) throws -> [Conflict] {
        try store.read { try Conflicts.find(from: day(from), through: day(to), today: day(today ?? from), zone: .ulaanbaatar, in: $0) }
    }

    /// The conflicts of the span without the no-keynote ones, as "kind person first / second".
    func summary(_ from: String, _ to: String) throws -> [String] {
        try conflicts(from, to).filter { $0.kind != .noKeynote }.map { conflict in
            "\(conflict.kind.rawValue) \(conflict.person?.name ?? "-") \(conflict.first.title) / \(conflict.second?.title ?? "-")"
        }
    }

    // MARK: - Double booking

    @Test func aDoubleBookingIsReportedOnceNamingBothEvents() throws {
        let dialogue = try event("ТББ-ын диалоги", "2026-11-19", "14:00", "17:00", kind: .dialogue)
        let training = try event("Төсвийн сургалт", "2026-11-19", "16:00", "18:00")
        let keynoteItem = ProgrammeItem(eventID: dialogue.id, kind: .keynote, title: "Гол илтгэл")
        try store.write { try $0.save(keynoteItem) }
        // On the dialogue twice (keynote of the meeting and of its keynote item): one booking, not a conflict.
        try assign(enkhtuya, dialogue, .keynote)
        try assign(enkhtuya, dialogue, .keynote, item: keynoteItem.id)
        try assign(enkhtuya, training, .trainer)

        let found = try conflicts("2026-11-01", "2026-11-30").filter { $0.kind != .noKeynote }
        #expect(found.count == 1)
        let conflict = try #require(found.first)
        #expect(conflict.kind == .doubleBooked)
        #expect(conflict.person?.id == enkhtuya.id)
        #expect(conflict.first.eventID == dialogue.id)
        #expect(conflict.second?.eventID == training.id)
        #expect(conflict.message(in: .en) == """
            Б. Энхтуяа is in two events at once: 'ТББ-ын диалоги' (19 November 2026 14:00, Sükhbaatar) and \
            'Төсвийн сургалт' (19 November 2026 16:00, Sükhbaatar)
            """)
        let mongolian = conflict.message(in: .mn)
        #expect(mongolian.contains("Б. Энхтуяа") && mongolian.contains("«ТББ-ын диалоги» (2026 оны 11-р сарын 19 14:00, Сүхбаатар)")
                && mongolian.contains("«Төсвийн сургалт» (2026 оны 11-р сарын 19 16:00"))
        #expect(!mongolian.contains("\n"))
        // Both spans that hold both events find the same one conflict.
        #expect(try conflicts("2026-11-19", "2026-11-19").filter { $0.kind != .noKeynote } == found)
    }

    @Test func overlapIsByInstantsSoAKhovdSADayMeetsAnUlaanbaatarMeeting() throws {
        // 09:00–10:00 in Khovd (UTC+7) is 10:00–11:00 in Ulaanbaatar (UTC+8): it overlaps a 10:30 meeting there.
        let saDay = try event("Ховдын НЭХ өдөрлөг", "2026-06-10", "09:00", "10:00", zone: .hovd, kind: .saDay, place: "MN-043")
        let meeting = try event("Яамны уулзалт", "2026-06-10", "10:30", "11:30")
        try assign(enkhtuya, saDay)
        try assign(enkhtuya, meeting)
        #expect(try summary("2026-06-10", "2026-06-10") == ["double-booked Б. Энхтуяа Ховдын НЭХ өдөрлөг / Яамны уулзалт"])
        // The same wall times, 10:30–11:30 in both: an hour apart in fact, so not double-booked (but a trip the same day).
        let later = try event("Ховдын хоёр дахь уулзалт", "2026-06-11", "10:30", "11:30", zone: .hovd, place: "MN-043")
        let capital = try event("Нийслэлийн уулзалт", "2026-06-11", "10:30", "11:30")
        try assign(bat, later)
        try assign(bat, capital)
        #expect(try summary("2026-06-11", "2026-06-11") == ["travel Д. Бат Нийслэлийн уулзалт / Ховдын хоёр дахь уулзалт"])
    }

    @Test func cancelledEventsNeverConflict() throws {
        let dialogue = try event("ТББ-ын диалоги", "2026-11-19", "14:00", "17:00", kind: .dialogue)
        let cancelled = try event("Цуцалсан сургалт", "2026-11-19", "15:00", "16:00", status: .cancelled)
        let away = try event("Ховдод", "2026-11-20", "10:00", "12:00", zone: .hovd, place: "MN-043", status: .cancelled)
        try assign(enkhtuya, dialogue, .keynote)
        try assign(enkhtuya, cancelled)
        try assign(enkhtuya, away)
        #expect(try summary("2026-11-18", "2026-11-21").isEmpty)
        let picker = try store.read {
            try Conflicts.find(for: enkhtuya.id, at: Occurrence(event: cancelled), zone: .ulaanbaatar, in: $0)
        }
        #expect(picker.isEmpty)
    }

    // MARK: - Travel

    @Test func consecutiveDaysInDifferentAimagsAreATripButNotInTheSameOne() throws {
        let khovd = try event("Ховдын НЭХ өдөрлөг", "2026-06-10", "10:00", "16:00", zone: .hovd, kind: .saDay, place: "MN-043")
        let capital = try event("ТББ-ын диалоги", "2026-06-11", "14:00", "17:00", kind: .dialogue)
        try assign(enkhtuya, khovd)
        try assign(enkhtuya, capital, .keynote)
        // Bat works in Khovd two days running: no trip.
        let khovdNextDay = try event("Ховдын сургалт", "2026-06-11", "10:00", "12:00", zone: .hovd, place: "MN-043")
        try assign(bat, khovd)
        try assign(bat, khovdNextDay, .trainer)
        // Two days apart is time enough.
        let darkhan = try event("Дархан-Уулын НЭХ өдөрлөг", "2026-06-13", "10:00", "16:00", kind: .saDay, place: "MN-037")
        try assign(enkhtuya, darkhan)

        let found = try conflicts("2026-06-01", "2026-06-30").filter { $0.kind != .noKeynote }
        #expect(found.map(\.kind) == [.travel])
        let trip = try #require(found.first)
        #expect(trip.first.eventID == khovd.id && trip.second?.eventID == capital.id)
        #expect(trip.message(in: .en) == """
            Б. Энхтуяа has to travel between 'Ховдын НЭХ өдөрлөг' (10 June 2026 10:00, Khovd) and \
            'ТББ-ын диалоги' (11 June 2026 14:00, Sükhbaatar)
            """)
    }

    // MARK: - Days away

    @Test func aPersonAssignedOnADayAwayIsUnavailable() throws {
        let dialogue = try event("ТББ-ын диалоги", "2026-11-19", "14:00", "17:00", kind: .dialogue)
        let later = try event("Төсвийн сургалт", "2026-11-26", "10:00", "12:00")
        let leave = Unavailability(personID: enkhtuya.id, from: day("2026-11-18"), through: day("2026-11-20"), note: "Ээлжийн амралт")
        try store.write { try $0.save(leave) }
        try assign(enkhtuya, dialogue, .keynote)
        try assign(enkhtuya, later)

        let found = try conflicts("2026-11-01", "2026-11-30").filter { $0.kind != .noKeynote }
        #expect(found.count == 1)
        let conflict = try #require(found.first)
        #expect(conflict.kind == .unavailable)
        #expect(conflict.first.eventID == dialogue.id && conflict.second == nil)
        #expect(conflict.away == leave)
        #expect(conflict.message(in: .en) == """
            Б. Энхтуяа is away 18 November 2026 – 20 November 2026 (Ээлжийн амралт) but is assigned to \
            'ТББ-ын диалоги' (19 November 2026 14:00, Sükhbaatar)
            """)
    }

    // MARK: - Keynotes

    @Test func aDialogueMeetingWithinFourteenDaysWithoutAKeynoteIsFlagged() throws {
        // Today is 2026-11-05: the 19th is 14 days ahead, the 25th 20 days ahead.
        let due = try event("Арваннэгдүгээр сарын диалоги", "2026-11-19", "14:00", "17:00", kind: .dialogue)
        try event("Хожуу диалоги", "2026-11-25", "14:00", "17:00", kind: .dialogue)
        try event("Цуцалсан диалоги", "2026-11-10", "14:00", "17:00", kind: .dialogue, status: .cancelled)
        try event("НЭХ өдөрлөг", "2026-11-12", "10:00", "16:00", kind: .saDay)
        let covered = try event("Гол илтгэгчтэй диалоги", "2026-11-08", "14:00", "17:00", kind: .dialogue)
        // An organisation can give the keynote too.
        try store.write { try $0.save(Assignment(eventID: covered.id, holder: .organisation(UUID()), role: .keynote)) }

        let found = try conflicts("2026-11-01", "2026-11-30", today: "2026-11-05")
        #expect(found.map(\.kind) == [.noKeynote])
        let conflict = try #require(found.first)
        #expect(conflict.first.eventID == due.id && conflict.person == nil)
        #expect(conflict.message(in: .en) == "'Арваннэгдүгээр сарын диалоги' (19 November 2026 14:00, Sükhbaatar) has no keynote yet")
        #expect(try conflicts("2026-11-01", "2026-11-30", today: "2026-11-04").isEmpty)
    }

    @Test func aSeriesMeetingWithNothingStoredHasNoKeynote() throws {
        let series = Series(
            kind: .dialogue, title: "ТББ-ын диалоги",
            schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        )
        try store.write { try $0.save(series) }
        let found = try conflicts("2026-11-01", "2026-11-30", today: "2026-11-10")
        #expect(found.map(\.kind) == [.noKeynote])
        #expect(found.first?.first.seriesID == series.id)
        #expect(found.first?.first.schedule.start == at("2026-11-19T14:00:00"))
    }

    // MARK: - The presenter picker

    @Test func thePickerShowsTheConflictsAnAssignmentWouldMake() throws {
        let dialogue = try event("ТББ-ын диалоги", "2026-11-19", "14:00", "17:00", kind: .dialogue)
        let saDay = try event("Ховдын НЭХ өдөрлөг", "2026-11-19", "10:00", "16:00", zone: .hovd, kind: .saDay, place: "MN-043")
        let nextDay = try event("Ховдын сургалт", "2026-11-20", "10:00", "12:00", zone: .hovd, place: "MN-043")
        try assign(enkhtuya, saDay)
        try assign(enkhtuya, nextDay, .trainer)
        try store.write { try $0.save(Unavailability(personID: enkhtuya.id, from: day("2026-11-19"), through: day("2026-11-19"))) }

        let picker = try store.read {
            try Conflicts.find(for: enkhtuya.id, at: Occurrence(event: dialogue), zone: .ulaanbaatar, in: $0)
        }
        // The SA Day started first; the Khovd training the next day is a trip from the capital.
        #expect(picker.map(\.kind) == [.doubleBooked, .travel, .unavailable])
        #expect(picker[0].first.eventID == saDay.id && picker[0].second?.eventID == dialogue.id)
        #expect(picker[1].first.eventID == dialogue.id && picker[1].second?.eventID == nextDay.id)
        #expect(picker[2].first.eventID == dialogue.id && picker[2].away?.from == day("2026-11-19"))
        // Once assigned, the same conflicts show in the list, and the event is not in conflict with itself.
        try assign(enkhtuya, dialogue, .keynote)
        let assigned = try store.read {
            try Conflicts.find(for: enkhtuya.id, at: Occurrence(event: dialogue), zone: .ulaanbaatar, in: $0)
        }
        #expect(assigned == picker)
        #expect(try conflicts("2026-11-19", "2026-11-20").filter { $0.first.eventID == dialogue.id || $0.second?.eventID == dialogue.id } == picker)
    }

    // MARK: - Load

    @Test func loadCountsRolesOnlyInThePastTwelveMonths() throws {
        let today = day("2026-11-23")
        let old = try event("Өнгөрсөн оны диалоги", "2025-11-23", "14:00", "17:00", kind: .dialogue)
        let firstDay = try event("Жилийн эхний өдөр", "2025-11-24", "10:00", "12:00")
        let spring = try event("Хаврын диалоги", "2026-03-19", "14:00", "17:00", kind: .dialogue)
        let todays = try event("Өнөөдрийн сургалт", "2026-11-23", "18:00", "20:00")
        let tomorrow = try event("Маргаашийн уулзалт", "2026-11-24", "10:00", "12:00")
        let cancelled = try event("Цуцалсан уулзалт", "2026-06-01", "10:00", "12:00", status: .cancelled)
        for event in [old, firstDay, todays, tomorrow, cancelled] { try assign(enkhtuya, event) }
        // Keynote of the meeting and of its item is one role; lead discussant is another.
        try assign(enkhtuya, spring, .keynote)
        try assign(enkhtuya, spring, .keynote, item: UUID())
        try assign(enkhtuya, spring, .leadDiscussant)
        try assign(bat, old, .moderator)

        let load = try store.read { try PresenterLoad.pastYear(asOf: today, zone: .ulaanbaatar, in: $0) }
        #expect(load[enkhtuya.id] == 4)
        #expect(load[bat.id] == nil)
    }
}
