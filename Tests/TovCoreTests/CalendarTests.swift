import Foundation
import Testing
@testable import TovCore

@Suite struct CalendarTests {
    @Test func parsesAndPrintsDates() throws {
        let date = try LocalDate(parsing: "2026-11-23")
        #expect(date.year == 2026 && date.month == 11 && date.day == 23)
        #expect(date.description == "2026-11-23")
        #expect(date.weekday == .monday)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-04-31", "2025-02-29", "26-01-01", "2026/01/01", "", "2026-1-1"])
    func refusesDatesNotOnTheCalendar(text: String) {
        #expect(throws: ValidationError.self) { try LocalDate(parsing: text) }
    }

    @Test func refusalNamesTheValue() {
        #expect(throws: ValidationError("'2026-02-30' is not a date on the calendar")) { try LocalDate(parsing: "2026-02-30") }
    }

    @Test func acceptsLeapDays() throws {
        #expect(try LocalDate(parsing: "2024-02-29").dayOfYear == 60)
        #expect(try LocalDate(parsing: "2000-02-29").weekday == .tuesday)
    }

    @Test func dayArithmeticMatchesTheCalendarAcrossCenturies() throws {
        var date = try LocalDate(parsing: "1899-12-25")
        var previous = date.daysSinceEpoch
        for _ in 0..<100_000 {
            date = date.adding(days: 1)
            #expect(date.daysSinceEpoch == previous + 1)
            previous = date.daysSinceEpoch
        }
        #expect(date == (try LocalDate(parsing: "2173-10-09")))
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(LocalDate(daysSinceEpoch: -1).description == "1969-12-31")
    }

    @Test func addingMonthsSkipsDaysThatDoNotExist() throws {
        let january31 = try LocalDate(parsing: "2026-01-31")
        #expect(january31.adding(months: 1) == nil)
        #expect(january31.adding(months: 2) == (try LocalDate(parsing: "2026-03-31")))
        #expect(try LocalDate(parsing: "2026-11-15").adding(months: 2) == (try LocalDate(parsing: "2027-01-15")))
    }

    @Test(arguments: ["25:00", "12:60", "7:00", "12", "ab:cd", "-1:00"])
    func refusesTimesNotOnAClock(text: String) {
        #expect(throws: ValidationError.self) { try LocalTime(parsing: text) }
    }

    @Test func parsesTimesAndDateTimes() throws {
        #expect(try LocalTime(parsing: "09:30").description == "09:30:00")
        let start = try LocalDateTime(parsing: "2026-01-15T10:00:00")
        #expect(start.adding(seconds: 15 * 3600).description == "2026-01-16T01:00:00")
        #expect(try LocalDateTime(parsing: "2026-01-15").time == .midnight)
        #expect(throws: ValidationError.self) { try LocalDateTime(parsing: "2026-01-15T25:00:00") }
    }

    @Test func zonesConvertWallTimesToInstants() throws {
        let wall = try LocalDateTime(parsing: "2026-07-09T10:00:00")
        #expect(Zone.hovd.instant(of: wall) - Zone.ulaanbaatar.instant(of: wall) == 3600)
        #expect(Zone.hovd.offsetLabel(at: Zone.hovd.instant(of: wall)) == "UTC+7")
        #expect(Zone.ulaanbaatar.wallTime(at: Zone.hovd.instant(of: wall)).description == "2026-07-09T11:00:00")
    }

    @Test func zonesFollowDaylightSavingWhereItExists() throws {
        let newYork = try Zone("America/New_York")
        let summer = try LocalDateTime(parsing: "2026-07-01T12:00:00")
        #expect(newYork.offsetLabel(at: newYork.instant(of: summer)) == "UTC-4")
        #expect(newYork.wallTime(at: newYork.instant(of: summer)) == summer)
    }

    @Test(arguments: ["Mars/Olympus", "GMT+8", "", "Asia/Nowhere"])
    func refusesUnknownZones(identifier: String) {
        #expect(throws: ValidationError.self) { try Zone(identifier) }
    }
}

@Suite struct ZoneRulesTests {
    @Test(arguments: ["Asia/Ulaanbaatar", "Asia/Hovd", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/London", "UTC"])
    func offsetsAgreeWithTheSystemDatabase(identifier: String) throws {
        let zone = try Zone(identifier)
        let system = TimeZone(identifier: identifier)!
        var random = SeededRandom(seed: 7)
        for _ in 0..<5_000 {
            let instant = Int.random(in: -2_000_000_000...4_000_000_000, using: &random)
            #expect(zone.offset(at: instant) == system.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
        }
    }

    @Test func uuidTextRoundTrips() throws {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(id.lowercasedText == id.uuidString.lowercased())
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.lowercasedText) == id)
        }
        #expect(UUID(text: "not-a-uuid") == nil)
        #expect(UUID(text: "3f9a12c0-1111-4000-8000-00000000000g") == nil)
    }
}
