import Foundation
import Testing
@testable import TovCore

/// A meeting's programme as the coordinator edits it: checked against the meeting, kept in running order,
/// and its people kept on the meeting when an item goes.
@Suite struct ProgrammeTests {
    let day = try! LocalDate(parsing: "2026-11-26")

    func time(_ text: String) -> LocalTime { try! LocalTime(parsing: text) }

    /// A dialogue meeting on 26 November, 14:00–17:00 in Ulaanbaatar.
    func meeting() throws -> Event {
        Event(kind: .dialogue, title: "ТББ-ын диалоги",
              schedule: try Schedule(start: LocalDateTime(date: day, time: time("14:00")),
                                     end: LocalDateTime(date: day, time: time("17:00")), zone: .ulaanbaatar))
    }

    /// A store holding `events` and nothing else.
    func store(with events: Event...) throws -> InMemoryStore {
        let store = InMemoryStore()
        try store.write { session in for event in events { try session.save(event) } }
        return store
    }

    func item(on event: Event, _ title: String, _ from: String?, _ to: String?, kind: ProgrammeItem.Kind = .presentation) -> ProgrammeItem {
        ProgrammeItem(eventID: event.id, kind: kind, title: title, start: from.map(time), end: to.map(time))
    }

    /// The error `save` throws for `item`, in English.
    func refusal(_ item: ProgrammeItem, on event: Event, in store: InMemoryStore) -> String? {
        do {
            try store.write { session in try Programme.save(item, on: event, in: session) }
            return nil
        } catch let error as ValidationError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    func titles(of event: Event, in store: InMemoryStore) throws -> [String] {
        try store.read { session in try Programme.items(of: event.id, in: session).map(\.title) }
    }

    @Test func saveRefusesAnEmptyTitleAnEndBeforeTheStartAndTimesOutsideTheMeetingsHours() throws {
        let event = try meeting()
        let store = try store(with: event)
        #expect(refusal(item(on: event, "  ", "14:00", "14:30"), on: event, in: store) == "a programme item needs a title")
        #expect(refusal(item(on: event, "Гол илтгэл", "15:00", "14:30"), on: event, in: store)
                == "the item ends at 14:30, not after it starts at 15:00")
        #expect(refusal(item(on: event, "Гол илтгэл", "15:00", "15:00"), on: event, in: store)
                == "the item ends at 15:00, not after it starts at 15:00")
        #expect(refusal(item(on: event, "Өглөөний цай", "13:30", "14:10"), on: event, in: store)
                == "13:30 is outside the meeting's hours, 14:00–17:00")
        #expect(refusal(item(on: event, "Ярилцлага", "16:45", "17:15"), on: event, in: store)
                == "17:15 is outside the meeting's hours, 14:00–17:00")
        #expect(try titles(of: event, in: store).isEmpty)
        // The meeting's own bounds are inside it, and an untimed item needs only a title.
        #expect(refusal(item(on: event, "Гол илтгэл", "14:00", "14:30"), on: event, in: store) == nil)
        #expect(refusal(item(on: event, "Ярилцлага", "16:30", "17:00"), on: event, in: store) == nil)
        #expect(refusal(item(on: event, "Мэдээллийн булан", nil, nil), on: event, in: store) == nil)
        #expect(try titles(of: event, in: store).count == 3)
    }

    @Test func anAllDayOrMultiDayEventTakesAnyTimes() throws {
        let saDay = Event(kind: .saDay, title: "Ховдын НЭХ өдөрлөг", schedule: try Schedule(allDayFrom: day, through: day, zone: .ulaanbaatar))
        let training = Event(title: "Сургалт", schedule: try Schedule(
            start: LocalDateTime(date: day, time: time("14:00")), end: LocalDateTime(date: day.adding(days: 1), time: time("12:00")),
            zone: .ulaanbaatar))
        let store = try store(with: saDay, training)
        #expect(refusal(item(on: saDay, "Мэдээллийн булан", "07:00", "22:00"), on: saDay, in: store) == nil)
        #expect(refusal(item(on: training, "Сургалт", "09:00", "10:00"), on: training, in: store) == nil)
        // The order of its times still counts.
        #expect(refusal(item(on: saDay, "Санал асуулга", "12:00", "11:00"), on: saDay, in: store)
                == "the item ends at 11:00, not after it starts at 12:00")
    }

    @Test func saveRefusesAnItemOfAnotherEvent() throws {
        let first = try meeting(), second = try meeting()
        let store = try store(with: first, second)
        #expect(refusal(item(on: second, "Гол илтгэл", "14:00", "14:30"), on: first, in: store)
                == "the programme item belongs to another event")
        #expect(try titles(of: first, in: store).isEmpty && titles(of: second, in: store).isEmpty)
    }

    @Test func itemsRunByStartWithUntimedOnesLast() throws {
        let event = try meeting()
        let store = try store(with: event)
        try store.write { session in
            for item in [item(on: event, "Ярилцлага", "16:30", "17:00"), item(on: event, "Мэдээллийн булан", nil, nil),
                         item(on: event, "Гол илтгэл", "14:00", "14:30"), item(on: event, "Асуулт", nil, "15:00"),
                         item(on: event, "Хэлэлцүүлэг", "15:00", "16:30")] {
                try Programme.save(item, on: event, in: session)
            }
        }
        #expect(try titles(of: event, in: store) == ["Гол илтгэл", "Хэлэлцүүлэг", "Ярилцлага", "Асуулт", "Мэдээллийн булан"])
    }

    @Test func removingAnItemKeepsItsPeopleOnTheMeeting() throws {
        let event = try meeting()
        let keynote = item(on: event, "Гол илтгэл", "14:00", "14:30", kind: .keynote)
        let person = Person(name: "Б. Энхтуяа")
        let store = try store(with: event)
        let assignment = try store.write { session in
            try session.save(person)
            try Programme.save(keynote, on: event, in: session)
            return try Meetings.assign(.person(person.id), as: .keynote, on: keynote.id, to: event, named: person.name, in: session)
        }
        #expect(assignment.programmeItemID == keynote.id)

        try store.write { session in try Programme.remove(keynote.id, from: event, in: session) }
        #expect(try titles(of: event, in: store).isEmpty)
        let kept = try store.read { session in try session.assignments(ofEvents: [event.id]) }
        #expect(kept.count == 1)
        #expect(kept.first?.id == assignment.id && kept.first?.holder == .person(person.id) && kept.first?.role == .keynote)
        #expect(kept.first?.programmeItemID == nil)
        // Removing it again names the problem.
        #expect(throws: ValidationError.self) { try store.write { session in try Programme.remove(keynote.id, from: event, in: session) } }
    }
}
