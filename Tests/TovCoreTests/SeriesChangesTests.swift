import Foundation
import Testing
@testable import TovCore

@Suite struct SeriesChangesTests {
    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    func dialogue(_ rule: String = "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH") throws -> Series {
        Series(kind: .dialogue, title: "ТББ-ын диалоги",
               schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
               rule: try RecurrenceRule(parsing: rule),
               exceptionDates: [at("2026-03-19T14:00:00"), at("2026-11-19T14:00:00")],
               extraDates: [at("2026-06-04T14:00:00"), at("2026-12-03T14:00:00")])
    }

    @Test func namesAMeetingByItsDateOrStartAndSaysWhichOnesAreNear() throws {
        let series = try dialogue()
        #expect(try series.originalStart(named: "2026-05-21") == at("2026-05-21T14:00:00"))
        #expect(try series.originalStart(named: "2026-06-04") == at("2026-06-04T14:00:00"))
        // A meeting removed by an exception date can still be named, to restore it.
        #expect(try series.originalStart(named: "2026-03-19T14:00:00") == at("2026-03-19T14:00:00"))
        #expect(throws: ValidationError("the series has no meeting on 2026-05-20; its meetings nearest that day are 2026-01-15T14:00:00 and 2026-05-21T14:00:00")) {
            try series.originalStart(named: "2026-05-20")
        }
        let twice = try dialogue("FREQ=WEEKLY;BYDAY=TH;BYHOUR=9,14")
        #expect(throws: ValidationError("the series has 2 meetings on 2026-01-22 (2026-01-22T09:00:00, 2026-01-22T14:00:00); give the start as YYYY-MM-DDTHH:MM:SS")) {
            try twice.originalStart(named: "2026-01-22")
        }
    }

    @Test func splitLeavesTheEarlierMeetingsAndStartsANewSeriesAtTheMeeting() throws {
        let series = try dialogue()
        let (earlier, later) = try series.split(at: at("2026-07-16T14:00:00"))
        let year = (at("2026-01-01T00:00:00"), at("2028-01-01T00:00:00"))
        #expect(earlier.originalStarts(between: year.0, and: year.1) == ["2026-01-15", "2026-05-21", "2026-06-04"].map { at($0 + "T14:00:00") })
        #expect(Array(later.originalStarts(between: year.0, and: year.1).prefix(4))
            == ["2026-07-16", "2026-09-17", "2026-12-03", "2027-01-21"].map { at($0 + "T14:00:00") })
        #expect(later.id != series.id && earlier.id == series.id)
        #expect(later.exceptionDates == [at("2026-11-19T14:00:00")])
        // Together, the two halves have every meeting the series had.
        let whole = series.originalStarts(between: year.0, and: year.1)
        #expect(earlier.originalStarts(between: year.0, and: year.1) + later.originalStarts(between: year.0, and: year.1) == whole)
    }

    @Test func splitSharesOutACount() throws {
        let series = Series(title: "Сургалт",
                            schedule: try Schedule(start: at("2026-01-05T10:00:00"), end: at("2026-01-05T12:00:00"), zone: .ulaanbaatar),
                            rule: try RecurrenceRule(parsing: "FREQ=WEEKLY;COUNT=10"))
        let (earlier, later) = try series.split(at: at("2026-02-02T10:00:00"))
        #expect(earlier.rule.count == 4 && later.rule.count == 6)
        #expect(throws: ValidationError("2026-01-05T10:00:00 is the series' first meeting: change the whole series instead of splitting it")) {
            try series.split(at: at("2026-01-05T10:00:00"))
        }
    }

    @Test func overridesFollowTheSplitToItsNewTimeOrBecomeSingleEvents() throws {
        let series = try dialogue()
        var (_, later) = try series.split(at: at("2026-07-16T14:00:00"))
        later.schedule = try Schedule(start: at("2026-07-16T10:00:00"), end: at("2026-07-16T13:00:00"), zone: .ulaanbaatar)
        let kept = series.override(at: at("2026-09-17T14:00:00"), existing: nil)
        var moved = series.override(at: at("2026-05-21T14:00:00"), existing: nil)
        moved.schedule = try Schedule(start: at("2026-05-22T09:00:00"), end: at("2026-05-22T11:00:00"), zone: .ulaanbaatar)
        var movedLater = series.override(at: at("2027-01-21T14:00:00"), existing: nil)
        movedLater.schedule = try Schedule(start: at("2027-01-28T09:00:00"), end: at("2027-01-28T11:00:00"), zone: .ulaanbaatar)
        let carried = Series.carryOver([kept, moved, movedLater], splitAt: at("2026-07-16T14:00:00"), from: series, to: later)
        #expect(carried.count == 2)
        let first = try #require(carried.first { $0.id == kept.id })
        #expect(first.seriesID == later.id && first.recurrenceID == at("2026-09-17T10:00:00"))
        #expect(first.schedule.start == at("2026-09-17T10:00:00") && first.schedule.end == at("2026-09-17T13:00:00"))
        let second = try #require(carried.first { $0.id == movedLater.id })
        #expect(second.recurrenceID == at("2027-01-21T10:00:00") && second.schedule.start == at("2027-01-28T09:00:00"))

        var otherRule = later
        otherRule.rule = try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1TH")
        let detached = Series.carryOver([kept], splitAt: at("2026-07-16T14:00:00"), from: series, to: otherRule)
        #expect(detached.first?.seriesID == nil && detached.first?.recurrenceID == nil)
    }
}
