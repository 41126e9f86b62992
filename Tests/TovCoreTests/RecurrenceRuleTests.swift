import Foundation
import Testing
@testable import TovCore

/// The zone of every RFC 5545 example.
private let newYork = try! Zone("America/New_York")

/// The first `limit` starts of `rule` from `dtstart`, as text.
private func starts(_ rule: String, from dtstart: String, in zone: Zone = newYork, limit: Int = 1_000) throws -> [String] {
    try RecurrenceRule(parsing: rule)
        .occurrences(from: LocalDateTime(parsing: dtstart), in: zone)
        .prefix(limit)
        .map(\.description)
}

/// Dates written as in the RFC (`1997-09-02`), at the RFC's 09:00.
private func at9(_ dates: [String]) -> [String] {
    dates.map { $0 + "T09:00:00" }
}

private func dates(_ year: Int, _ month: Int, _ days: [Int]) -> [String] {
    days.map { LocalDate(unchecked: year, month, $0).description }
}

// MARK: - Parsing and printing

@Suite struct RecurrenceRuleParsingTests {
    @Test(arguments: [
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH"),
        ("rrule:freq=weekly;interval=1;byday=fr,mo;wkst=mo", "FREQ=WEEKLY;BYDAY=MO,FR"),
        ("RRULE:FREQ=YEARLY;BYMONTH=7,6,7;UNTIL=20261231", "FREQ=YEARLY;UNTIL=20261231;BYMONTH=6,7"),
        ("FREQ=DAILY;UNTIL=20261231T235959", "FREQ=DAILY;UNTIL=20261231T235959"),
        ("FREQ=DAILY;UNTIL=20261231T235959Z;WKST=SU", "FREQ=DAILY;UNTIL=20261231T235959Z;WKST=SU"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1,15,1", "FREQ=MONTHLY;BYMONTHDAY=1,15,-1"),
        ("FREQ=MONTHLY;BYDAY=-1SU,+1SU;COUNT=10", "FREQ=MONTHLY;COUNT=10;BYDAY=1SU,-1SU"),
        ("FREQ=MONTHLY;BYSETPOS=-1,2;BYDAY=FR,MO,TU,WE,TH", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2,-1"),
        ("FREQ=YEARLY;BYSECOND=5;BYMINUTE=30,0;BYHOUR=17,9;BYYEARDAY=-1,1;BYWEEKNO=-1,20;BYMONTH=1",
         "FREQ=YEARLY;BYMONTH=1;BYWEEKNO=20,-1;BYYEARDAY=1,-1;BYHOUR=9,17;BYMINUTE=0,30;BYSECOND=5"),
        ("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z"),
        (" FREQ=DAILY;\n", "FREQ=DAILY"),
    ])
    func printsCanonicallyAndReadsItsOwnOutputBack(input: String, canonical: String) throws {
        let rule = try RecurrenceRule(parsing: input)
        #expect(rule.description == canonical)
        #expect(try RecurrenceRule(parsing: rule.description) == rule)
    }

    @Test func readsEveryPartIntoItsProperty() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=YEARLY;INTERVAL=4;UNTIL=20401231T120000Z;BYMONTH=11;BYMONTHDAY=2,3,-1;BYDAY=-2TU,1MO;WKST=SU")
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 4)
        #expect(rule.count == nil)
        #expect(rule.until == .utc(try LocalDateTime(parsing: "2040-12-31T12:00:00")))
        #expect(rule.byMonth == [11])
        #expect(rule.byMonthDay == [2, 3, -1])
        #expect(rule.byDay == [.init(.monday, ordinal: 1), .init(.tuesday, ordinal: -2)])
        #expect(rule.weekStart == .sunday)
    }

    @Test func readsTheThreeKindsOfUntil() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231").until == .date(try LocalDate(parsing: "2026-12-31")))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231T101500").until
            == .local(try LocalDateTime(parsing: "2026-12-31T10:15:00")))
        #expect(try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20261231T101500Z").until
            == .utc(try LocalDateTime(parsing: "2026-12-31T10:15:00")))
    }

    @Test func ignoresSpaceAroundTheRuleAndLetterCase() throws {
        let rule = try RecurrenceRule(parsing: " \n\trrule:freq=monthly;interval=2;byday=3th \u{00A0}\n")
        #expect(rule == (try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")))
        #expect(throws: ValidationError.self) { try RecurrenceRule(parsing: " \n ") }
    }

    @Test func knowsAllSevenFrequencies() {
        #expect(RecurrenceRule.Frequency.allCases.map(\.rawValue)
            == ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"])
    }

    @Test func rulesMeaningTheSameDaysAreEqual() throws {
        #expect(try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR,MO,FR;INTERVAL=1")
            == RecurrenceRule(frequency: .weekly, byDay: [.init(.monday), .init(.friday)]))
    }

    @Test(arguments: [
        ("", "RRULE needs FREQ"),
        ("INTERVAL=2", "RRULE needs FREQ"),
        ("FREQ=MONTHLY;INTERVAL=0", "RRULE part INTERVAL=0 is invalid: INTERVAL must be a positive integer"),
        ("FREQ=MONTHLY;INTERVAL=two", "RRULE part INTERVAL=TWO is invalid: INTERVAL must be a positive integer"),
        ("FREQ=MONTHLY;INTERVAL=1000001", "RRULE part INTERVAL=1000001 is invalid: INTERVAL must be at most 1000000"),
        ("FREQ=DAILY;COUNT=0", "RRULE part COUNT=0 is invalid: COUNT must be a positive integer"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20261231", "RRULE has both COUNT and UNTIL; keep only one"),
        ("FREQ=FORTNIGHTLY", "RRULE part FREQ=FORTNIGHTLY is invalid: FREQ must be SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY"),
        ("FREQ=DAILY;COUNT=1000001", "RRULE part COUNT=1000001 is invalid: COUNT must be at most 1000000"),
        ("FREQ=MONTHLY;BYYEARDAY=1", "RRULE part BYYEARDAY=1 is invalid: BYYEARDAY cannot be used with FREQ=MONTHLY"),
        ("FREQ=WEEKLY;BYYEARDAY=1", "RRULE part BYYEARDAY=1 is invalid: BYYEARDAY cannot be used with FREQ=WEEKLY"),
        ("FREQ=YEARLY;BYYEARDAY=0", "RRULE part BYYEARDAY=0 is invalid: BYYEARDAY values must be between 1 and 366, or -366 and -1"),
        ("FREQ=YEARLY;BYYEARDAY=-367", "RRULE part BYYEARDAY=-367 is invalid: BYYEARDAY values must be between 1 and 366, or -366 and -1"),
        ("FREQ=MONTHLY;BYWEEKNO=20", "RRULE part BYWEEKNO=20 is invalid: BYWEEKNO needs FREQ=YEARLY"),
        ("FREQ=YEARLY;BYWEEKNO=54", "RRULE part BYWEEKNO=54 is invalid: BYWEEKNO values must be between 1 and 53, or -53 and -1"),
        ("FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO", "RRULE part BYDAY=1MO is invalid: BYDAY ordinals such as 1MO cannot be used with BYWEEKNO"),
        ("FREQ=DAILY;BYHOUR=24", "RRULE part BYHOUR=24 is invalid: BYHOUR values must be between 0 and 23"),
        ("FREQ=DAILY;BYHOUR=nine", "RRULE part BYHOUR=NINE is invalid: BYHOUR values must be between 0 and 23"),
        ("FREQ=DAILY;BYMINUTE=60", "RRULE part BYMINUTE=60 is invalid: BYMINUTE values must be between 0 and 59"),
        ("FREQ=DAILY;BYSECOND=60", "RRULE part BYSECOND=60 is invalid: BYSECOND values must be between 0 and 59"),
        ("FREQ=MONTHLY;BYSETPOS=1", "RRULE part BYSETPOS=1 is invalid: BYSETPOS chooses among the starts another BY part makes, and there is none"),
        ("FREQ=MINUTELY;BYHOUR=10;BYSETPOS=4,-2", "RRULE part BYSETPOS=4,-2 is invalid: each MINUTELY period holds 1 start, so no position chosen exists"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "RRULE part BYSETPOS=0 is invalid: BYSETPOS values must be between 1 and 366, or -366 and -1"),
        ("FREQ=DAILY;COLOR=RED", "RRULE part COLOR is unknown"),
        ("FREQ=DAILY;FREQ=WEEKLY", "RRULE part FREQ appears twice"),
        ("FREQ=DAILY;COUNT", "RRULE part COUNT is invalid: write each part as NAME=VALUE"),
        ("FREQ=DAILY;UNTIL=2026-12-31", "RRULE part UNTIL=2026-12-31 is invalid: write UNTIL as YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ"),
        ("FREQ=DAILY;UNTIL=20261231Z", "RRULE part UNTIL=20261231Z is invalid: write UNTIL as YYYYMMDD, YYYYMMDDTHHMMSS or YYYYMMDDTHHMMSSZ"),
        ("FREQ=DAILY;UNTIL=20260230", "RRULE part UNTIL=20260230 is invalid: 2026-02-30 is not a date on the calendar"),
        ("FREQ=DAILY;UNTIL=20261231T250000", "RRULE part UNTIL=20261231T250000 is invalid: 25:00 is not a time of day"),
        ("FREQ=WEEKLY;BYDAY=3TH", "RRULE part BYDAY=3TH is invalid: BYDAY ordinals such as 3TH need FREQ=MONTHLY or YEARLY"),
        ("FREQ=DAILY;BYDAY=MO,-1FR", "RRULE part BYDAY=MO,-1FR is invalid: BYDAY ordinals such as -1FR need FREQ=MONTHLY or YEARLY"),
        ("FREQ=MONTHLY;BYDAY=XX", "RRULE part BYDAY=XX is invalid: 'XX' is not a weekday such as MO, 3TH or -1SU"),
        ("FREQ=MONTHLY;BYDAY=MO,", "RRULE part BYDAY=MO, is invalid: '' is not a weekday such as MO, 3TH or -1SU"),
        ("FREQ=MONTHLY;BYDAY=-9223372036854775808MO", "RRULE part BYDAY=-9223372036854775808MO is invalid: -9223372036854775808MO is out of range: BYDAY ordinals must be between 1 and 53, or -53 and -1"),
        ("FREQ=MONTHLY;BYDAY=0MO", "RRULE part BYDAY=0MO is invalid: 0MO is out of range: BYDAY ordinals must be between 1 and 53, or -53 and -1"),
        ("FREQ=YEARLY;BYDAY=-54MO", "RRULE part BYDAY=-54MO is invalid: -54MO is out of range: BYDAY ordinals must be between 1 and 53, or -53 and -1"),
        ("FREQ=MONTHLY;BYDAY=6MO", "RRULE part BYDAY=6MO is invalid: 6MO cannot match: a month has at most five of each weekday"),
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=-6SU", "RRULE part BYDAY=-6SU is invalid: -6SU cannot match: a month has at most five of each weekday"),
        ("FREQ=MONTHLY;BYDAY=1MO,TU", "RRULE part BYDAY=1MO,TU is not supported yet: it mixes numbered and plain weekdays"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "RRULE part BYMONTHDAY=0 is invalid: BYMONTHDAY values must be between 1 and 31, or -31 and -1"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,32", "RRULE part BYMONTHDAY=1,32 is invalid: BYMONTHDAY values must be between 1 and 31, or -31 and -1"),
        ("FREQ=MONTHLY;BYMONTHDAY=last", "RRULE part BYMONTHDAY=LAST is invalid: BYMONTHDAY values must be between 1 and 31, or -31 and -1"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "RRULE part BYMONTHDAY=1 is invalid: BYMONTHDAY cannot be used with FREQ=WEEKLY"),
        ("FREQ=YEARLY;BYMONTH=13", "RRULE part BYMONTH=13 is invalid: BYMONTH values must be between 1 and 12"),
        ("FREQ=WEEKLY;WKST=XX", "RRULE part WKST=XX is invalid: WKST must be a weekday code such as MO or SU"),
    ])
    func refusesWithAMessageNamingTheBadPart(input: String, message: String) {
        #expect(throws: ValidationError(message)) {
            try RecurrenceRule(parsing: input)
        }
    }

    @Test func refusesTimePartsTheStartCanNeverReach() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=HOURLY;INTERVAL=2;BYHOUR=1")
        #expect(throws: ValidationError("RRULE part BYHOUR=1 can never be met: every 2 hours from 00:00:00 never reaches it")) {
            try rule.check(start: LocalDateTime(parsing: "2026-01-01T00:00:00"))
        }
        try rule.check(start: LocalDateTime(parsing: "2026-01-01T03:00:00"))
        #expect(Array(rule.occurrences(from: try LocalDateTime(parsing: "2026-01-01T00:00:00"), in: .utc).prefix(3)).isEmpty)
        let minutely = try RecurrenceRule(parsing: "FREQ=MINUTELY;INTERVAL=120;BYHOUR=1,3")
        #expect(throws: ValidationError("RRULE part BYHOUR=1,3 can never be met: every 120 minutes from 00:10:00 never reaches it")) {
            try minutely.check(start: LocalDateTime(parsing: "2026-01-01T00:10:00"))
        }
    }

    @Test func checksRulesBuiltInCodeLikeParsedOnes() {
        #expect(throws: ValidationError("RRULE part INTERVAL=-2 is invalid: INTERVAL must be a positive integer")) {
            try RecurrenceRule(frequency: .daily, interval: -2)
        }
        #expect(throws: ValidationError("RRULE has both COUNT and UNTIL; keep only one")) {
            try RecurrenceRule(frequency: .daily, count: 2, until: .date(LocalDate(parsing: "2026-01-01")))
        }
    }
}

// MARK: - RFC 5545 section 3.8.5.3

/// One example of RFC 5545 section 3.8.5.3, in America/New_York.
private struct RFCExample: Sendable, CustomTestStringConvertible {
    let title: String
    let rule: String
    let dtstart: String
    let expected: [String]
    var testDescription: String { title }

    init(_ title: String, _ rule: String, _ dtstart: String, _ expected: [String]) {
        self.title = title
        self.rule = rule
        self.dtstart = dtstart
        self.expected = at9(expected)
    }
}

private let everyDayOfJanuary1998To2000 = (1998...2000).flatMap { dates($0, 1, Array(1...31)) }
private let everyDayUntil24December1997 = dates(1997, 9, Array(2...30)) + dates(1997, 10, Array(1...31))
    + dates(1997, 11, Array(1...30)) + dates(1997, 12, Array(1...23))

private let rfcExamples: [RFCExample] = [
    RFCExample("Daily for 10 occurrences", "FREQ=DAILY;COUNT=10", "1997-09-02T09:00:00",
               dates(1997, 9, Array(2...11))),
    RFCExample("Daily until December 24, 1997", "FREQ=DAILY;UNTIL=19971224T000000Z", "1997-09-02T09:00:00",
               everyDayUntil24December1997),
    RFCExample("Every other day", "FREQ=DAILY;INTERVAL=2", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]) + dates(1997, 10, [2, 4])),
    RFCExample("Every 10 days, 5 occurrences", "FREQ=DAILY;INTERVAL=10;COUNT=5", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 12, 22]) + dates(1997, 10, [2, 12])),
    RFCExample("Every day in January, for 3 years (YEARLY)",
               "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", "1998-01-01T09:00:00",
               everyDayOfJanuary1998To2000),
    RFCExample("Every day in January, for 3 years (DAILY)", "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
               "1998-01-01T09:00:00", everyDayOfJanuary1998To2000),
    RFCExample("Weekly for 10 occurrences", "FREQ=WEEKLY;COUNT=10", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 9, 16, 23, 30]) + dates(1997, 10, [7, 14, 21, 28]) + dates(1997, 11, [4])),
    RFCExample("Weekly until December 24, 1997", "FREQ=WEEKLY;UNTIL=19971224T000000Z", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 9, 16, 23, 30]) + dates(1997, 10, [7, 14, 21, 28])
                   + dates(1997, 11, [4, 11, 18, 25]) + dates(1997, 12, [2, 9, 16, 23])),
    RFCExample("Every other week", "FREQ=WEEKLY;INTERVAL=2;WKST=SU", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 16, 30]) + dates(1997, 10, [14, 28]) + dates(1997, 11, [11, 25])
                   + dates(1997, 12, [9, 23]) + dates(1998, 1, [6, 20]) + dates(1998, 2, [3, 17])),
    RFCExample("Weekly on Tuesday and Thursday for five weeks (UNTIL)",
               "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]) + dates(1997, 10, [2])),
    RFCExample("Weekly on Tuesday and Thursday for five weeks (COUNT)",
               "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 4, 9, 11, 16, 18, 23, 25, 30]) + dates(1997, 10, [2])),
    RFCExample("Every other week on Monday, Wednesday and Friday until December 24, 1997",
               "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", "1997-09-01T09:00:00",
               dates(1997, 9, [1, 3, 5, 15, 17, 19, 29]) + dates(1997, 10, [1, 3, 13, 15, 17, 27, 29, 31])
                   + dates(1997, 11, [10, 12, 14, 24, 26, 28]) + dates(1997, 12, [8, 10, 12, 22])),
    RFCExample("Every other week on Tuesday and Thursday, for 8 occurrences",
               "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 4, 16, 18, 30]) + dates(1997, 10, [2, 14, 16])),
    RFCExample("Monthly on the first Friday for 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
               "1997-09-05T09:00:00",
               ["1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05", "1998-01-02", "1998-02-06",
                "1998-03-06", "1998-04-03", "1998-05-01", "1998-06-05"]),
    RFCExample("Monthly on the first Friday until December 24, 1997",
               "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "1997-09-05T09:00:00",
               ["1997-09-05", "1997-10-03", "1997-11-07", "1997-12-05"]),
    RFCExample("Every other month on the first and last Sunday for 10 occurrences",
               "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07T09:00:00",
               ["1997-09-07", "1997-09-28", "1997-11-02", "1997-11-30", "1998-01-04", "1998-01-25",
                "1998-03-01", "1998-03-29", "1998-05-03", "1998-05-31"]),
    RFCExample("Monthly on the second-to-last Monday for 6 months", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
               "1997-09-22T09:00:00",
               ["1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16"]),
    RFCExample("Monthly on the third-to-the-last day", "FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28T09:00:00",
               ["1997-09-28", "1997-10-29", "1997-11-28", "1997-12-29", "1998-01-29", "1998-02-26"]),
    RFCExample("Monthly on the 2nd and 15th for 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
               "1997-09-02T09:00:00",
               dates(1997, 9, [2, 15]) + dates(1997, 10, [2, 15]) + dates(1997, 11, [2, 15])
                   + dates(1997, 12, [2, 15]) + dates(1998, 1, [2, 15])),
    RFCExample("Monthly on the first and last day for 10 occurrences", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
               "1997-09-30T09:00:00",
               ["1997-09-30", "1997-10-01", "1997-10-31", "1997-11-01", "1997-11-30", "1997-12-01",
                "1997-12-31", "1998-01-01", "1998-01-31", "1998-02-01"]),
    RFCExample("Every 18 months on the 10th thru 15th for 10 occurrences",
               "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "1997-09-10T09:00:00",
               dates(1997, 9, Array(10...15)) + dates(1999, 3, Array(10...13))),
    RFCExample("Every Tuesday, every other month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "1997-09-02T09:00:00",
               dates(1997, 9, [2, 9, 16, 23, 30]) + dates(1997, 11, [4, 11, 18, 25])
                   + dates(1998, 1, [6, 13, 20, 27]) + dates(1998, 3, [3, 10, 17, 24, 31])),
    RFCExample("Yearly in June and July for 10 occurrences", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
               "1997-06-10T09:00:00",
               (1997...2001).flatMap { dates($0, 6, [10]) + dates($0, 7, [10]) }),
    RFCExample("Every other year on January, February, and March for 10 occurrences",
               "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10T09:00:00",
               ["1997-03-10"] + [1999, 2001, 2003].flatMap { year in [1, 2, 3].flatMap { dates(year, $0, [10]) } }),
    RFCExample("Every 20th Monday of the year", "FREQ=YEARLY;BYDAY=20MO", "1997-05-19T09:00:00",
               ["1997-05-19", "1998-05-18", "1999-05-17"]),
    RFCExample("Every Thursday in March", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13T09:00:00",
               dates(1997, 3, [13, 20, 27]) + dates(1998, 3, [5, 12, 19, 26]) + dates(1999, 3, [4, 11, 18, 25])),
    RFCExample("Every Thursday, but only during June, July, and August",
               "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "1997-06-05T09:00:00",
               dates(1997, 6, [5, 12, 19, 26]) + dates(1997, 7, [3, 10, 17, 24, 31]) + dates(1997, 8, [7, 14, 21, 28])
                   + dates(1998, 6, [4, 11, 18, 25]) + dates(1998, 7, [2, 9, 16, 23, 30])
                   + dates(1998, 8, [6, 13, 20, 27]) + dates(1999, 6, [3, 10, 17, 24])
                   + dates(1999, 7, [1, 8, 15, 22, 29]) + dates(1999, 8, [5, 12, 19, 26])),
    // The RFC removes DTSTART with an EXDATE; here a DTSTART off the rule is not an occurrence anyway.
    RFCExample("Every Friday the 13th", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "1997-09-02T09:00:00",
               ["1998-02-13", "1998-03-13", "1998-11-13", "1999-08-13", "2000-10-13"]),
    RFCExample("The first Saturday that follows the first Sunday of the month",
               "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "1997-09-13T09:00:00",
               ["1997-09-13", "1997-10-11", "1997-11-08", "1997-12-13", "1998-01-10", "1998-02-07",
                "1998-03-07", "1998-04-11", "1998-05-09", "1998-06-13"]),
    RFCExample("Every 4 years, the first Tuesday after a Monday in November (U.S. Presidential Election day)",
               "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05T09:00:00",
               ["1996-11-05", "2000-11-07", "2004-11-02"]),
    RFCExample("WKST makes a difference: Monday", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
               "1997-08-05T09:00:00", dates(1997, 8, [5, 10, 19, 24])),
    RFCExample("WKST makes a difference: Sunday", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
               "1997-08-05T09:00:00", dates(1997, 8, [5, 17, 19, 31])),
    RFCExample("Every third year on the 1st, 100th, and 200th day for 10 occurrences",
               "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", "1997-01-01T09:00:00",
               ["1997-01-01", "1997-04-10", "1997-07-19", "2000-01-01", "2000-04-09", "2000-07-18",
                "2003-01-01", "2003-04-10", "2003-07-19", "2006-01-01"]),
    RFCExample("Monday of week number 20", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "1997-05-12T09:00:00",
               ["1997-05-12", "1998-05-11", "1999-05-17"]),
    RFCExample("The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months",
               "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04T09:00:00",
               ["1997-09-04", "1997-10-07", "1997-11-06"]),
    RFCExample("The second-to-last weekday of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
               "1997-09-29T09:00:00",
               ["1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26", "1998-03-30"]),
    RFCExample("An invalid date (February 30) is ignored", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
               "2007-01-15T09:00:00", ["2007-01-15", "2007-01-30", "2007-02-15", "2007-03-15", "2007-03-30"]),
]

@Suite struct RecurrenceExpansionTests {
    @Test(arguments: rfcExamples)
    fileprivate func expandsTheRFCExample(_ example: RFCExample) throws {
        let rule = try RecurrenceRule(parsing: example.rule)
        let limit = rule.count == nil && rule.until == nil ? example.expected.count : 10_000
        #expect(try starts(example.rule, from: example.dtstart, limit: limit) == example.expected)
    }

    /// The RFC's examples with times of day. Its "every 3 hours" example writes UNTIL as 17:00Z, which
    /// is 13:00 in New York and would end before its own 15:00; the local 17:00 (21:00Z) is meant.
    @Test func expandsTheRFCExamplesWithTimesOfDay() throws {
        #expect(try starts("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z", from: "1997-09-02T09:00:00")
            == ["1997-09-02T09:00:00", "1997-09-02T12:00:00", "1997-09-02T15:00:00"])
        #expect(try starts("FREQ=MINUTELY;INTERVAL=15;COUNT=6", from: "1997-09-02T09:00:00")
            == ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"].map { "1997-09-02T\($0):00" })
        #expect(try starts("FREQ=MINUTELY;INTERVAL=90;COUNT=4", from: "1997-09-02T09:00:00")
            == ["09:00", "10:30", "12:00", "13:30"].map { "1997-09-02T\($0):00" })
        // Every 20 minutes from 9:00 to 16:40 every day, written two ways.
        let day = (9...16).flatMap { hour in [0, 20, 40].map { String(format: "%02d:%02d:00", hour, $0) } }
        let twoDays = day.map { "1997-09-02T" + $0 } + day.map { "1997-09-03T" + $0 }
        #expect(try starts("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", from: "1997-09-02T09:00:00",
                           limit: 48) == twoDays)
        #expect(try starts("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", from: "1997-09-02T09:00:00",
                           limit: 48) == twoDays)
    }

    /// INTERVAL=20871 weeks is a whole 400-year cycle: every period is the same, except the first, which
    /// begins at DTSTART and so may hold nothing.
    @Test func aFirstWeekCutShortAtDTSTARTDoesNotEndTheSeries() throws {
        #expect(try starts("FREQ=WEEKLY;INTERVAL=20871;BYDAY=MO", from: "2026-03-03T09:00:00", in: .utc, limit: 2)
            == ["2426-03-02T09:00:00", "2826-03-02T09:00:00"])
    }

    /// A period of a year with every second of every day is made a day at a time.
    @Test func aPeriodFullOfStartsIsNotMadeAllAtOnce() throws {
        let everySecond = "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + (0...23).map(String.init).joined(separator: ",")
            + ";BYMINUTE=" + (0...59).map(String.init).joined(separator: ",") + ";BYSECOND=" + (0...59).map(String.init).joined(separator: ",")
        #expect(try starts(everySecond, from: "2026-01-01T00:00:00", in: .utc, limit: 3)
            == ["2026-01-01T00:00:00", "2026-01-01T00:00:01", "2026-01-01T00:00:02"])
    }

    @Test func expandsTheDialogueSeriesOnTheThirdThursdayEveryOtherMonth() throws {
        #expect(try starts("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", from: "2026-01-15T10:00:00", in: .ulaanbaatar, limit: 6)
            == ["2026-01-15T10:00:00", "2026-03-19T10:00:00", "2026-05-21T10:00:00",
                "2026-07-16T10:00:00", "2026-09-17T10:00:00", "2026-11-19T10:00:00"])
    }

    @Test func takesTheMissingDayFromDTSTARTAndSkipsMonthsWithoutIt() throws {
        #expect(try starts("FREQ=MONTHLY;COUNT=4", from: "2026-01-31T18:30:00", in: .ulaanbaatar)
            == ["2026-01-31T18:30:00", "2026-03-31T18:30:00", "2026-05-31T18:30:00", "2026-07-31T18:30:00"])
        #expect(try starts("FREQ=YEARLY;COUNT=3", from: "2024-02-29T09:00:00", in: .ulaanbaatar)
            == ["2024-02-29T09:00:00", "2028-02-29T09:00:00", "2032-02-29T09:00:00"])
        #expect(try starts("FREQ=WEEKLY;COUNT=3", from: "2026-11-26T14:00:00", in: .ulaanbaatar)
            == ["2026-11-26T14:00:00", "2026-12-03T14:00:00", "2026-12-10T14:00:00"])
    }

    @Test func countsDateUntilAsTheWholeDay() throws {
        #expect(try starts("FREQ=DAILY;UNTIL=20260103", from: "2026-01-01T23:00:00", in: .ulaanbaatar)
            == ["2026-01-01T23:00:00", "2026-01-02T23:00:00", "2026-01-03T23:00:00"])
        #expect(try starts("FREQ=DAILY;UNTIL=20260103T225959", from: "2026-01-01T23:00:00", in: .ulaanbaatar)
            == ["2026-01-01T23:00:00", "2026-01-02T23:00:00"])
    }

    @Test func comparesUTCUntilAsAnInstantInTheSeriesZone() throws {
        // 10:00 in Ulaanbaatar is 02:00 UTC.
        #expect(try starts("FREQ=DAILY;UNTIL=20260103T020000Z", from: "2026-01-01T10:00:00", in: .ulaanbaatar)
            == ["2026-01-01T10:00:00", "2026-01-02T10:00:00", "2026-01-03T10:00:00"])
        #expect(try starts("FREQ=DAILY;UNTIL=20260103T015959Z", from: "2026-01-01T10:00:00", in: .ulaanbaatar)
            == ["2026-01-01T10:00:00", "2026-01-02T10:00:00"])
    }

    @Test(arguments: [
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=31",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=WEEKLY;INTERVAL=3;BYMONTH=2;BYDAY=MO;UNTIL=20260301",
        "FREQ=YEARLY;INTERVAL=7;BYMONTH=2;BYMONTHDAY=-30",
        "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31;UNTIL=20991231",
    ])
    func endsARuleThatCanNeverMatchAtOnce(rule: String) throws {
        let parsed = try RecurrenceRule(parsing: rule)
        let dtstart = try LocalDateTime(parsing: "2026-04-01T09:00:00")
        #expect(Array(parsed.occurrences(from: dtstart, in: .ulaanbaatar)).isEmpty)
        #expect(parsed.occurrences(from: dtstart, in: .ulaanbaatar,
                                   between: dtstart, and: try LocalDateTime(parsing: "9999-01-01T00:00:00")).isEmpty)
        #expect(parsed.lastOccurrence(from: dtstart, in: .ulaanbaatar) == nil)
    }

    @Test func findsDaysThatComeOnlyOnceInDecades() throws {
        // February has a fifth Monday only in a leap year whose February starts on a Monday.
        #expect(try starts("FREQ=YEARLY;BYMONTH=2;BYDAY=5MO;COUNT=3", from: "2026-01-01T09:00:00", in: .ulaanbaatar)
            == ["2044-02-29T09:00:00", "2072-02-29T09:00:00", "2112-02-29T09:00:00"])
    }

    @Test func stopsAtTheEndOfYear9999() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=YEARLY;INTERVAL=1000")
        #expect(Array(rule.occurrences(from: try LocalDateTime(parsing: "1999-12-31T23:00:00"), in: .utc)).map(\.description)
            == ["1999-12-31T23:00:00", "2999-12-31T23:00:00", "3999-12-31T23:00:00", "4999-12-31T23:00:00",
                "5999-12-31T23:00:00", "6999-12-31T23:00:00", "7999-12-31T23:00:00", "8999-12-31T23:00:00",
                "9999-12-31T23:00:00"])
    }

    @Test(arguments: [
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "2026-01-15T10:00:00"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,SA;WKST=SU", "2020-06-01T08:00:00"),
        ("FREQ=DAILY;INTERVAL=5;BYMONTH=1,7", "2019-01-02T07:15:00"),
        ("FREQ=YEARLY;BYDAY=-1FR", "2001-12-28T12:00:00"),
        ("FREQ=MONTHLY;COUNT=40;BYMONTHDAY=1,-1", "2025-05-31T23:59:59"),
        ("FREQ=WEEKLY;UNTIL=20291231T160000Z;BYDAY=TU,TH", "2025-03-04T00:00:00"),
        ("FREQ=DAILY;INTERVAL=9;UNTIL=20300101", "2026-02-27T10:00:00"),
    ])
    func answersRangeQueriesLikeFilteringTheWholeSeries(rule ruleText: String, dtstart startText: String) throws {
        let rule = try RecurrenceRule(parsing: ruleText)
        let dtstart = try LocalDateTime(parsing: startText)
        let windows = [("2000-01-01", "2026-01-15"), ("2026-01-15T10:00:00", "2026-01-15T10:00:01"),
                       ("2026-02-01", "2026-06-01"), ("2027-12-30T12:00:00", "2028-03-01"),
                       ("2029-12-31T15:00:00", "2030-01-02"), ("2031-01-01", "2040-01-01"), ("2026-05-01", "2026-04-01")]
        for (from, to) in windows {
            let lower = try LocalDateTime(parsing: from), upper = try LocalDateTime(parsing: to)
            var expected: [LocalDateTime] = []
            for start in rule.occurrences(from: dtstart, in: .ulaanbaatar) {
                if start >= upper { break }
                if start >= lower { expected.append(start) }
            }
            #expect(rule.occurrences(from: dtstart, in: .ulaanbaatar, between: lower, and: upper) == expected,
                    "\(ruleText) from \(startText) between \(from) and \(to)")
        }
    }

    @Test func findsTheLastStartOfABoundedSeries() throws {
        let dtstart = try LocalDateTime(parsing: "2026-01-15T10:00:00")
        func last(_ rule: String) throws -> String? {
            try RecurrenceRule(parsing: rule).lastOccurrence(from: dtstart, in: .ulaanbaatar)?.description
        }
        #expect(try last("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH") == nil)
        #expect(try last("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;COUNT=6") == "2026-11-19T10:00:00")
        #expect(try last("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;UNTIL=20261119") == "2026-11-19T10:00:00")
        #expect(try last("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;UNTIL=20261119T095959") == "2026-09-17T10:00:00")
        #expect(try last("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;UNTIL=20261119T020000Z") == "2026-11-19T10:00:00")
        #expect(try last("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;UNTIL=20261119T015959Z") == "2026-09-17T10:00:00")
        #expect(try last("FREQ=DAILY;UNTIL=20260114") == nil)
        #expect(try last("FREQ=MONTHLY;BYMONTHDAY=1,15;UNTIL=20260114") == nil)
        #expect(try last("FREQ=DAILY;UNTIL=99991231") == "9999-12-31T10:00:00")
        #expect(try last("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20270101") == nil)
        #expect(try last("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;UNTIL=99991231") == "9996-02-29T10:00:00")
    }
}
