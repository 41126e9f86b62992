import Foundation

/// Many plausible events for load tests: single, recurring and all-day, spread over five years.
///
/// The same `count` and `from` give the same events on every run.
public struct SyntheticEvents {
    public let count: Int
    public let from: LocalDate
    /// The number of the first event: a second load into the same database continues the numbering
    /// instead of rewriting the first one's events.
    public let firstNumber: Int

    /// `count` events over the five years starting two years before `from`'s year.
    public init(count: Int, from: LocalDate, firstNumber: Int = 0) {
        self.count = count
        self.from = from
        self.firstNumber = firstNumber
    }

    private static let titles = [
        "Сургалт", "Уулзалт", "Хэлэлцүүлэг", "Семинар", "Зөвлөгөөн", "Хурал", "Танилцуулга", "Ярилцлага",
        "Мэдээллийн өдөр", "Санал асуулга", "Хяналтын айлчлал", "Ажлын хэсэг",
    ]

    private static let rules = [
        "FREQ=WEEKLY;COUNT=12", "FREQ=MONTHLY;BYDAY=1MO;COUNT=10", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;COUNT=6",
        "FREQ=DAILY;INTERVAL=7;COUNT=8", "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12", "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=16",
    ]

    /// Writes the events (a recurring one is one series).
    public func write(into session: any ScheduleSession) throws {
        let places = ReferenceData.shared.places
        let rules = try SyntheticEvents.rules.map(RecurrenceRule.init(parsing:))
        let first = try LocalDate(year: from.year - 2, month: 1, day: 1)
        let days = first.days(until: try LocalDate(year: from.year + 3, month: 1, day: 1))
        // Each event draws from its own generator, so they can be written in start order (the table is
        // clustered by start and then grows at its end) without holding them all in memory.
        func generator(_ index: Int) -> SeededRandom { SeededRandom(seed: UInt64(firstNumber + index)) }
        let dayOffsets = (0..<count).map { index in
            var random = generator(index)
            return Int.random(in: 0..<days, using: &random)
        }
        for index in (0..<count).sorted(by: { dayOffsets[$0] < dayOffsets[$1] }) {
            var random = generator(index)
            let date = first.adding(days: Int.random(in: 0..<days, using: &random))
            let place = places[Int.random(in: 0..<places.count, using: &random)]
            let number = firstNumber + index
            let title = "\(SyntheticEvents.titles[number % SyntheticEvents.titles.count]) №\(number + 1)"
            let id = StableID.make("synthetic/\(number)")
            let startMinutes = Int.random(in: 16..<36, using: &random) * 30
            let start = LocalDateTime(date: date, time: LocalTime(unchecked: startMinutes * 60))
            let timed = Schedule(
                unchecked: start, end: start.adding(seconds: Int.random(in: 1...6, using: &random) * 1800),
                allDay: false, zone: place.zone
            )
            let venue = place.centreMn ?? place.nameMn
            switch number % 50 {
            case 0:
                try session.save(Series(
                    id: id, kind: .event, title: title, schedule: timed, rule: rules[number / 50 % rules.count],
                    placeCode: place.code, venue: venue
                ))
            case 1...5:
                let schedule = try Schedule(
                    allDayFrom: date, through: date.adding(days: Int.random(in: 0...2, using: &random)), zone: place.zone
                )
                try session.save(Event(id: id, kind: .event, title: title, schedule: schedule, placeCode: place.code))
            default:
                try session.save(Event(id: id, kind: .event, title: title, schedule: timed, placeCode: place.code, venue: venue))
            }
        }
    }
}
