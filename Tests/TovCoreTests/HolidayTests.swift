import Foundation
import Testing
@testable import TovCore

@Suite struct HolidayTests {
    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }
    func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    /// Цагаан сар 2026 is Wednesday 18 to Friday 20 February; the weekend follows.
    let workingDays = WorkingDays(holidays: ReferenceData.shared.holidays)

    @Test func shiftsAMeetingOffDaysOffToTheNextOrPreviousWorkingDay() {
        let onTsagaanSar = LocalDateTime(date: LocalDate(unchecked: 2026, 2, 19), time: LocalTime(unchecked: 36_000))
        #expect(workingDays.shifted(onTsagaanSar, by: .nextWorkingDay) == at("2026-02-23T10:00:00"))
        #expect(workingDays.shifted(onTsagaanSar, by: .previousWorkingDay) == at("2026-02-17T10:00:00"))
        #expect(workingDays.shifted(onTsagaanSar, by: .keep) == onTsagaanSar)
        #expect(workingDays.shifted(at("2026-02-24T10:00:00"), by: .nextWorkingDay) == at("2026-02-24T10:00:00"))
        #expect(workingDays.daysOff(on: day("2026-07-11")).first?.nameEn.hasPrefix("National Festival") == true)
        #expect(!workingDays.isWorkingDay(day("2026-02-21")) && workingDays.isWeekend(day("2026-02-21")))
    }

    func fifteenth(_ shift: ShiftPolicy) throws -> Series {
        Series(title: "Сарын 15", schedule: try Schedule(start: at("2026-01-15T10:00:00"), end: at("2026-01-15T12:00:00"), zone: .ulaanbaatar),
               rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=15"), shift: shift)
    }

    @Test func theAgendaFlagsDaysOffAndShowsShiftedMeetingsWithTheirOriginalStart() throws {
        let store = InMemoryStore()
        let kept = try fifteenth(.keep), shifted = try fifteenth(.nextWorkingDay)
        try store.write { session in
            try session.save(kept)
            try session.save(shifted)
        }
        let entries = try store.read { try Agenda(from: day("2026-03-01"), through: day("2026-03-31"), zone: .ulaanbaatar, session: $0) }.entries
        let keptEntry = try #require(entries.first { $0.occurrence.seriesID == kept.id })
        #expect(keptEntry.occurrence.schedule.start == at("2026-03-15T10:00:00") && keptEntry.onWeekend)
        let shiftedEntry = try #require(entries.first { $0.occurrence.seriesID == shifted.id })
        #expect(shiftedEntry.occurrence.schedule.start == at("2026-03-16T10:00:00") && !shiftedEntry.onWeekend)
        #expect(shiftedEntry.occurrence.recurrenceID == at("2026-03-15T10:00:00"))

        // A day off added later moves the meeting again; the original start stays its key.
        try store.write { try $0.save(Holiday(date: day("2026-03-16"), nameMn: "Нөхөж амрах өдөр", nameEn: "Day off in lieu")) }
        let later = try store.read { try Agenda(from: day("2026-03-17"), through: day("2026-03-17"), zone: .ulaanbaatar, session: $0) }.entries
        #expect(later.map(\.occurrence.schedule.start) == [at("2026-03-17T10:00:00")])
        let onHoliday = try store.read { try Agenda(from: day("2026-07-01"), through: day("2026-07-31"), zone: .ulaanbaatar, session: $0) }.entries
        #expect(onHoliday.first { $0.occurrence.seriesID == kept.id }?.daysOff.first?.nameMn.hasPrefix("Үндэсний их баяр наадам") == true)
    }

    @Test func aChangedShiftedMeetingIsListedOnce() throws {
        let series = Series(title: "Бямба", schedule: try Schedule(start: at("2026-03-07T10:00:00"), end: at("2026-03-07T11:00:00"), zone: .ulaanbaatar),
                            rule: try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=SA"), shift: .nextWorkingDay)
        var changed = series.override(at: at("2026-03-14T10:00:00"), existing: nil, workingDays: workingDays)
        changed.venue = "Танхим"
        #expect(changed.schedule.start == at("2026-03-16T10:00:00"))
        let meetings = series.meetings(startingAt: at("2026-03-15T00:00:00"), limit: 3, overrides: [changed], workingDays: workingDays)
        #expect(meetings.map(\.schedule.start) == [at("2026-03-16T10:00:00"), at("2026-03-23T10:00:00"), at("2026-03-30T10:00:00")])
        #expect(meetings.first?.venue == "Танхим")
    }

    @Test func aMeetingShiftedIntoTheRangeFromOutsideItIsFound() throws {
        let store = InMemoryStore()
        let series = Series(title: "Сарын сүүлийн өдөр",
                            schedule: try Schedule(start: at("2026-01-31T10:00:00"), end: at("2026-01-31T11:00:00"), zone: .ulaanbaatar),
                            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=-1"), shift: .nextWorkingDay)
        try store.write { try $0.save(series) }
        // 31 January 2026 is a Saturday: the meeting is on Monday 2 February.
        let february = try store.read { try Agenda(from: day("2026-02-01"), through: day("2026-02-05"), zone: .ulaanbaatar, session: $0) }.entries
        #expect(february.map(\.occurrence.schedule.start) == [at("2026-02-02T10:00:00")])
        #expect(february.first?.occurrence.recurrenceID == at("2026-01-31T10:00:00"))
    }
}
