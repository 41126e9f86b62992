import Foundation
import Testing
@testable import TovCore

@Suite struct DemoDataTests {
    let store = InMemoryStore()
    let from = try! LocalDate(parsing: "2026-01-01")
    let today = try! LocalDate(parsing: "2026-11-23")

    init() throws {
        let data = try DemoData(from: from, today: today)
        _ = try store.write { try data.write(into: $0) }
    }

    func year() throws -> [Agenda.Entry] {
        try store.read { try Agenda(from: from, through: try LocalDate(parsing: "2026-12-31"), zone: .ulaanbaatar, session: $0) }.entries
    }

    @Test func theDialogueMeetsEveryTwoMonthsWithATopicAndAKeynote() throws {
        let meetings = try year().filter { $0.occurrence.kind == .dialogue }
        #expect(meetings.map(\.occurrence.schedule.start.date.description) ==
                ["2026-01-15", "2026-03-19", "2026-05-21", "2026-07-16", "2026-09-17", "2026-11-19"])
        for meeting in meetings {
            #expect(meeting.topic != nil)
            #expect(meeting.people.contains { $0.role == .keynote })
            #expect(meeting.people.filter { $0.role == .leadDiscussant }.count >= 2)
        }
        #expect(Set(meetings.compactMap { $0.topic?.id }).count == 6)
    }

    @Test func pastMeetingsAreHeldWithAttendance() throws {
        let meetings = try year().filter { $0.occurrence.kind == .dialogue }
        let past = meetings.filter { $0.occurrence.schedule.start.date < today }
        #expect(past.allSatisfy { $0.occurrence.status == .held })
        try store.read { session throws in
            for meeting in past {
                let list = try session.participation(ofEvent: try #require(meeting.occurrence.eventID))
                #expect(list.contains { $0.status == .attended })
                #expect(list.count >= 10)
            }
        }
    }

    @Test func saDaysCoverAimagsTheWestAndTwoDistricts() throws {
        let days = try year().filter { $0.occurrence.kind == .saDay }
        let places = days.compactMap { $0.occurrence.placeCode }.compactMap(ReferenceData.shared.place(code:))
        #expect(places.filter { $0.kind == .aimag }.count >= 5)
        #expect(places.filter { $0.kind == .capitalDistrict }.count >= 2)
        #expect(days.contains { $0.occurrence.schedule.zone == .hovd })
        #expect(days.allSatisfy { $0.occurrence.publicEvent != nil })
        try store.read { session throws in
            for day in days {
                let id = try #require(day.occurrence.eventID)
                #expect(try session.programme(ofEvent: id).count >= 4)
            }
        }
    }

    @Test func organisationsOfEveryKindAndEnoughPeople() throws {
        try store.read { session throws in
            let organisations = try session.organisations()
            #expect(organisations.count >= 40)
            #expect(Set(organisations.map(\.kind)) == Set(Organisation.Kind.allCases))
            #expect(try session.people().count >= 80)
            #expect(TopicQueue(try session.topics()).ordered.count == 3)
        }
    }

    @Test func theSameStartGivesTheSameData() throws {
        let other = InMemoryStore()
        let data = try DemoData(from: from, today: today)
        _ = try other.write { try data.write(into: $0) }
        let ids = try other.read { try $0.people().map(\.id) }
        #expect(ids == (try store.read { try $0.people().map(\.id) }))
    }

    @Test func syntheticEventsSpreadOverFiveYears() throws {
        let load = InMemoryStore()
        try load.write { try SyntheticEvents(count: 500, from: from).write(into: $0) }
        try load.read { session throws in
            let events = try session.allEvents()
            let series = try session.allSeries()
            #expect(events.count + series.count == 500)
            #expect(series.count == 10)
            #expect(events.contains { $0.schedule.allDay })
            let years = Set(events.map(\.schedule.start.date.year))
            #expect(years == [2024, 2025, 2026, 2027, 2028])
        }
    }

    @Test func refusesASampleYearOffTheCalendar() {
        #expect(throws: ValidationError.self) { try DemoData(from: try LocalDate(parsing: "9999-12-31"), today: today) }
    }

    @Test func theFirstMeetingIsTheThirdThursdayOnOrAfterTheStart() throws {
        #expect(DemoData.thirdThursday(onOrAfter: try LocalDate(parsing: "2026-01-01")).description == "2026-01-15")
        #expect(DemoData.thirdThursday(onOrAfter: try LocalDate(parsing: "2026-01-16")).description == "2026-02-19")
        #expect(DemoData.thirdThursday(onOrAfter: try LocalDate(parsing: "2026-11-19")).description == "2026-11-19")
    }
}
