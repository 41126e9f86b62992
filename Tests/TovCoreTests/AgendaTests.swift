import Foundation
import Testing
@testable import TovCore

@Suite struct AgendaTests {
    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }
    func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    func dialogue() throws -> Series {
        Series(
            kind: .dialogue, title: "ТББ-ын диалоги",
            schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        )
    }

    func agenda(_ store: InMemoryStore, _ from: String, _ to: String, zone: Zone = .ulaanbaatar) throws -> [Agenda.Entry] {
        try store.read { try Agenda(from: day(from), through: day(to), zone: zone, session: $0) }.entries
    }

    @Test func expandsTheDialogueEveryTwoMonthsOnTheThirdThursday() throws {
        let store = InMemoryStore()
        let series = try dialogue()
        try store.write { try $0.save(series) }
        let starts = try agenda(store, "2026-01-01", "2026-12-31").map { $0.occurrence.schedule.start.description }
        #expect(starts == ["2026-01-15T14:00:00", "2026-03-19T14:00:00", "2026-05-21T14:00:00",
                           "2026-07-16T14:00:00", "2026-09-17T14:00:00", "2026-11-19T14:00:00"])
        let first = try #require(try agenda(store, "2026-01-01", "2026-01-31").first)
        #expect(first.occurrence.recurrenceID == at("2026-01-15T14:00:00"))
        #expect(first.occurrence.uid == series.id)
    }

    @Test func anOverrideReplacesItsOccurrenceWithTopicAndPeople() throws {
        let store = InMemoryStore()
        let series = try dialogue()
        let topic = Topic(titleMn: "Худалдан авалтанд хэрхэн мониторинг хийх вэ?", proposedOn: day("2026-01-01"))
        let keynote = Person(name: "Б. Энхтуяа")
        let moved = Event(
            kind: .dialogue, title: series.title, schedule: series.schedule.moved(to: at("2026-03-20T10:00:00")),
            topicID: topic.id, seriesID: series.id, recurrenceID: at("2026-03-19T14:00:00")
        )
        try store.write { session in
            try session.save(series)
            try session.save(topic)
            try session.save(keynote)
            try session.save(moved)
            try session.save(Assignment(eventID: moved.id, holder: .person(keynote.id), role: .keynote))
        }
        let march = try agenda(store, "2026-03-01", "2026-03-31")
        #expect(march.count == 1)
        #expect(march[0].occurrence.schedule.start == at("2026-03-20T10:00:00"))
        #expect(march[0].occurrence.recurrenceID == at("2026-03-19T14:00:00"))
        #expect(march[0].topic?.titleMn == topic.titleMn)
        #expect(march[0].people.map(\.name) == ["Б. Энхтуяа"])
        #expect(march[0].people.map(\.role) == [.keynote])
    }

    @Test func aMeetingMovedOutOfTheRangeLeavesIt() throws {
        let store = InMemoryStore()
        let series = try dialogue()
        try store.write { session in
            try session.save(series)
            try session.save(Event(
                title: series.title, schedule: series.schedule.moved(to: at("2026-04-02T14:00:00")),
                seriesID: series.id, recurrenceID: at("2026-03-19T14:00:00")
            ))
        }
        #expect(try agenda(store, "2026-03-01", "2026-03-31").isEmpty)
        #expect(try agenda(store, "2026-04-01", "2026-04-30").map(\.occurrence.schedule.start) == [at("2026-04-02T14:00:00")])
    }

    @Test func exceptionDatesAreSkippedAndExtraDatesAdded() throws {
        let store = InMemoryStore()
        var series = try dialogue()
        series.exceptionDates = [at("2026-05-21T14:00:00")]
        series.extraDates = [at("2026-06-04T14:00:00")]
        try store.write { try $0.save(series) }
        let starts = try agenda(store, "2026-05-01", "2026-06-30").map(\.occurrence.schedule.start)
        #expect(starts == [at("2026-06-04T14:00:00")])
    }

    @Test func eventsOverlappingTheRangeBoundariesAreIncluded() throws {
        let store = InMemoryStore()
        let overnight = Event(title: "overnight", schedule: try Schedule(start: at("2026-02-28T22:00:00"), end: at("2026-03-01T02:00:00"), zone: .ulaanbaatar))
        let allDay = Event(title: "three days", schedule: try Schedule(allDayFrom: day("2026-02-27"), through: day("2026-03-01"), zone: .ulaanbaatar))
        let before = Event(title: "before", schedule: try Schedule(start: at("2026-02-28T10:00:00"), end: at("2026-02-28T12:00:00"), zone: .ulaanbaatar))
        let instant = Event(title: "deadline", schedule: try Schedule(start: at("2026-03-01T00:00:00"), end: at("2026-03-01T00:00:00"), zone: .ulaanbaatar))
        try store.write { session in
            for event in [overnight, allDay, before, instant] { try session.save(event) }
        }
        let titles = try agenda(store, "2026-03-01", "2026-03-01").map(\.occurrence.title)
        #expect(Set(titles) == ["overnight", "three days", "deadline"])
    }

    @Test func westernMeetingsShowAnHourEarlierInUlaanbaatar() throws {
        let store = InMemoryStore()
        let khovd = Event(kind: .saDay, title: "Ховд", schedule: try Schedule(start: at("2026-07-09T10:00:00"), end: at("2026-07-09T17:00:00"), zone: .hovd))
        try store.write { try $0.save(khovd) }
        let entry = try #require(try agenda(store, "2026-07-09", "2026-07-09").first)
        #expect(Zone.ulaanbaatar.wallTime(at: entry.occurrence.schedule.startInstant) == at("2026-07-09T11:00:00"))
    }

    @Test func deletedEventsDisappearButAWriteThatFailsChangesNothing() throws {
        let store = InMemoryStore()
        let event = Event(title: "x", schedule: try Schedule(start: at("2026-03-02T10:00:00"), end: at("2026-03-02T11:00:00"), zone: .ulaanbaatar))
        try store.write { try $0.save(event) }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.write { session in
                try session.delete(.event, id: event.id)
                throw Boom()
            }
        }
        #expect(try agenda(store, "2026-03-02", "2026-03-02").count == 1)
        try store.write { try $0.delete(.event, id: event.id) }
        #expect(try agenda(store, "2026-03-02", "2026-03-02").isEmpty)
    }

    @Test func rejectsARangeThatEndsBeforeItStarts() {
        #expect(throws: ValidationError.self) { try agenda(InMemoryStore(), "2026-03-02", "2026-03-01") }
    }
}

@Suite struct SeriesMeetingsTests {
    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    @Test func nextMeetingsFollowMovedAndCancelledOnes() throws {
        let series = Series(
            kind: .dialogue, title: "ТББ-ын диалоги",
            schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        )
        let moved = Event(title: series.title, schedule: series.schedule.moved(to: at("2026-11-26T14:00:00")),
                          seriesID: series.id, recurrenceID: at("2026-11-19T14:00:00"))
        let cancelled = Event(title: series.title, schedule: series.schedule.moved(to: at("2027-01-21T14:00:00")),
                              status: .cancelled, seriesID: series.id, recurrenceID: at("2027-01-21T14:00:00"))
        let meetings = series.meetings(startingAt: at("2026-11-01T00:00:00"), limit: 3, overrides: [moved, cancelled])
        #expect(meetings.map(\.schedule.start) == [at("2026-11-26T14:00:00"), at("2027-01-21T14:00:00"), at("2027-03-18T14:00:00")])
        #expect(meetings.map(\.status) == [.confirmed, .cancelled, .confirmed])
        #expect(meetings[0].recurrenceID == at("2026-11-19T14:00:00"))
    }
}
