import Foundation
import Testing
@testable import TovCore
import TovTestSupport

/// Checks the recurrence engine against an independent one: python-dateutil's `rrule`.
///
/// Hundreds of random rules are sent to Python in one run; for each, dateutil picks a DTSTART on the
/// rule and answers with the first 50 starts, the starts inside a window, and the last start of a
/// bounded rule. The engine must give the same answers.
@Suite struct RecurrenceOracleTests {
    static let ruleCount = 1_000
    /// The exit status of the Python script when it cannot import dateutil.
    static let missingDateutilStatus: Int32 = 3

    @Test func expandsRandomRulesExactlyLikePythonDateutil() throws {
        var random = SeededRandom(seed: 5545)
        let cases = (0..<Self.ruleCount).map { _ in OracleCase.random(using: &random) }
        let answers = try askDateutil(cases.map(\.question))
        try #require(answers.count == cases.count)

        var disagreements = 0
        for (index, (oracleCase, answer)) in zip(cases, answers).enumerated() {
            let rule = oracleCase.rule, zone = try Zone(oracleCase.question.zone)
            if let refusal = answer.refusal {
                // dateutil refuses the rule from this start: so must we.
                let seed = try LocalDateTime(parsing: oracleCase.question.seed)
                if (try? rule.check(start: seed)) != nil {
                    disagreements += 1
                    Issue.record("rule #\(index) \(rule) from \(seed): dateutil refuses it (\(refusal)), we accept it")
                }
                continue
            }
            let dtstart = try LocalDateTime(parsing: answer.dtstart ?? "")
            let label = "rule #\(index) \(rule) from \(dtstart) in \(zone)"
            var problems: [String] = []
            do {
                try rule.check(start: dtstart)
            } catch {
                problems.append("refused where dateutil expands it: \(error)")
            }

            if try RecurrenceRule(parsing: rule.description) != rule {
                problems.append("its text does not read back as the same rule")
            }
            let first = rule.occurrences(from: dtstart, in: zone).prefix(50).map(\.description)
            if let difference = firstDifference(first, answer.first ?? []) {
                problems.append("first 50 starts: \(difference)")
            }
            let lower = try LocalDateTime(parsing: answer.lower ?? ""), upper = try LocalDateTime(parsing: answer.upper ?? "")
            let window = rule.occurrences(from: dtstart, in: zone, between: lower, and: upper).map(\.description)
            if let difference = firstDifference(window, answer.window ?? []) {
                problems.append("starts between \(lower) and \(upper): \(difference)")
            }
            let last = rule.lastOccurrence(from: dtstart, in: zone)?.description
            if last != answer.last {
                problems.append("last start: \(last ?? "none") where dateutil has \(answer.last ?? "none")")
            }

            if !problems.isEmpty {
                disagreements += 1
                if disagreements <= 20 {
                    Issue.record("\(label) differs from dateutil: \(problems.joined(separator: "; "))")
                }
            }
        }
        #expect(disagreements == 0, "\(disagreements) of \(cases.count) rules differ from dateutil")
    }

    /// Runs dateutil once for every question; fails the test when Python or dateutil is missing.
    private func askDateutil(_ questions: [OracleQuestion]) throws -> [OracleAnswer] {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("tov-rrule-oracle-\(UUID().uuidString).json")
        try JSONEncoder().encode(questions).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["python3", "-c", dateutilScript, file.path])
        } catch {
            Issue.record("The recurrence oracle needs python3 with python-dateutil: \(error)")
            throw error
        }
        try #require(result.status != Self.missingDateutilStatus,
                     "The recurrence oracle needs python-dateutil (pip install python-dateutil): \(result.stderr)")
        try #require(result.status == 0,
                     "The recurrence oracle's Python script failed with status \(result.status): \(result.stderr)")
        return try JSONDecoder().decode([OracleAnswer].self, from: Data(result.stdout.utf8))
    }

    private func firstDifference(_ ours: [String], _ theirs: [String]) -> String? {
        if let index = zip(ours, theirs).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            return "start \(index + 1) is \(ours[index]) where dateutil has \(theirs[index])"
        }
        guard ours.count != theirs.count else { return nil }
        return "\(ours.count) starts where dateutil has \(theirs.count)"
            + " (next: \(ours.dropFirst(theirs.count).first ?? theirs[ours.count]))"
    }
}

// MARK: - Cases

/// What dateutil is asked about one rule, as JSON.
private struct OracleQuestion: Codable {
    struct DayEntry: Codable {
        let weekday: Int
        let ordinal: Int?
    }

    let freq: String
    let interval: Int
    let count: Int?
    let untilKind: String?
    let until: String?
    let byday: [DayEntry]
    let bymonthday: [Int]
    let bymonth: [Int]
    let byyearday: [Int]
    let byweekno: [Int]
    let byhour: [Int]
    let byminute: [Int]
    let bysecond: [Int]
    let bysetpos: [Int]
    let wkst: Int
    /// dateutil takes the rule's first start from here as DTSTART.
    let seed: String
    let zone: String
    /// The window starts this many seconds after DTSTART and lasts `span` seconds.
    let lowerOffset: Int
    let span: Int
}

/// What dateutil answers about one rule: its starts, or why it refuses the rule.
private struct OracleAnswer: Codable {
    let refusal: String?
    let dtstart: String?
    let first: [String]?
    let lower: String?
    let upper: String?
    let window: [String]?
    let last: String?
}

private struct OracleCase {
    let rule: RecurrenceRule
    let question: OracleQuestion

    static let zones = ["America/New_York", "Asia/Ulaanbaatar", "Asia/Hovd", "Europe/London", "Australia/Sydney", "UTC"]

    /// A random valid rule, with a seed it starts from often enough for dateutil to list 50 starts
    /// quickly. Rules our own checks refuse from the seed are kept too: dateutil must refuse them as well.
    static func random(using random: inout SeededRandom) -> OracleCase {
        while true {
            let seed = LocalDateTime(
                date: LocalDate(unchecked: Int.random(in: 1995...2035, using: &random),
                                Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random)),
                time: LocalTime(unchecked: Int.random(in: 0..<86_400, using: &random)))
            let zone = try! Zone(zones.randomElement(using: &random)!)
            guard let unbounded = try? randomUnboundedRule(using: &random) else { continue }
            if (try? unbounded.check(start: seed)) == nil {
                return OracleCase(rule: unbounded, question: question(about: unbounded, seed: seed, zone: zone, using: &random))
            }
            let starts = Array(unbounded.occurrences(from: seed, in: zone).prefix(50))
            let horizon = unbounded.frequency.isSubDaily ? 2040 : 2200
            guard starts.count == 50, starts[49].date.year < horizon,
                  let rule = try? bound(unbounded, near: starts, in: zone, using: &random)
            else { continue }
            return OracleCase(rule: rule, question: question(about: rule, seed: seed, zone: zone, using: &random))
        }
    }

    private static func randomUnboundedRule(using random: inout SeededRandom) throws -> RecurrenceRule {
        let frequency: RecurrenceRule.Frequency = switch Int.random(in: 0..<20, using: &random) {
        case 0..<4: .yearly
        case 4..<9: .monthly
        case 9..<13: .weekly
        case 13..<16: .daily
        case 16..<18: .hourly
        case 18: .minutely
        default: .secondly
        }
        let interval = switch Int.random(in: 0..<10, using: &random) {
        case 0..<5: 1
        case 5..<8: Int.random(in: 2...4, using: &random)
        default: Int.random(in: 5...30, using: &random)
        }
        let yearly = frequency == .yearly
        let byMonth = chance(25, &random) ? sample(1...12, upTo: 4, &random) : []
        let byWeekNo = yearly && chance(15, &random)
            ? sample(1...53, upTo: 3, &random).map { chance(30, &random) ? -$0 : $0 } : []
        let byYearDay = ![.daily, .weekly, .monthly].contains(frequency) && chance(yearly ? 20 : 8, &random)
            ? sample(1...366, upTo: 4, &random).map { chance(30, &random) ? -$0 : $0 } : []
        let byMonthDay = frequency != .weekly && chance(25, &random)
            ? sample(1...31, upTo: 4, &random).map { chance(40, &random) ? -$0 : $0 } : []
        var byDay: [RecurrenceRule.WeekdayNumber] = []
        if chance(50, &random) {
            let weekdays = sample(0...6, upTo: 5, &random).map { Weekday(rawValue: $0)! }
            if [.monthly, .yearly].contains(frequency), byWeekNo.isEmpty, chance(50, &random) {
                // Ordinals count within the year only for YEARLY without BYMONTH.
                let largest = frequency == .yearly && byMonth.isEmpty ? 53 : 5
                byDay = Array(weekdays.prefix(3)).map {
                    let ordinal = Int.random(in: 1...largest, using: &random)
                    return .init($0, ordinal: chance(40, &random) ? -ordinal : ordinal)
                }
            } else {
                byDay = weekdays.map { .init($0) }
            }
        }
        // Time parts: rarely for periods of a day or more, where each adds starts to every day.
        let timeChance = frequency.isSubDaily ? 35 : 12
        let byHour = chance(timeChance, &random) ? sample(0...23, upTo: frequency.isSubDaily ? 8 : 3, &random) : []
        let byMinute = chance(timeChance, &random) ? sample(0...59, upTo: frequency == .secondly ? 20 : 3, &random) : []
        let bySecond = chance(frequency == .secondly ? 40 : 8, &random) ? sample(0...59, upTo: frequency == .secondly ? 30 : 2, &random) : []
        let anyOther = !(byMonth.isEmpty && byWeekNo.isEmpty && byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty
            && byHour.isEmpty && byMinute.isEmpty && bySecond.isEmpty)
        let bySetPos = anyOther && chance(25, &random)
            ? sample(1...6, upTo: 3, &random).map { chance(50, &random) ? -$0 : $0 } : []
        let weekStart = chance(30, &random) ? Weekday.allCases.randomElement(using: &random)! : .monday
        return try RecurrenceRule(frequency: frequency, interval: interval, byDay: byDay, byMonthDay: byMonthDay,
                                  byMonth: byMonth, byYearDay: byYearDay, byWeekNo: byWeekNo, byHour: byHour,
                                  byMinute: byMinute, bySecond: bySecond, bySetPos: bySetPos, weekStart: weekStart)
    }

    /// The rule with a random COUNT, or an UNTIL close to one of its starts, where comparing with
    /// UNTIL is delicate; or left unbounded.
    private static func bound(_ rule: RecurrenceRule, near starts: [LocalDateTime], in zone: Zone,
                              using random: inout SeededRandom) throws -> RecurrenceRule {
        var count: Int?, until: RecurrenceRule.Until?
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            count = Int.random(in: 1...60, using: &random)
        case 1:
            let start = starts.randomElement(using: &random)!
            let end = start.adding(seconds: chance(25, &random) ? 0 : Int.random(in: -7_200...7_200, using: &random))
            until = [.date(end.date), .local(end), .utc(LocalDateTime(secondsSinceEpoch: zone.instant(of: end)))]
                .randomElement(using: &random)
        default:
            return rule
        }
        return try RecurrenceRule(frequency: rule.frequency, interval: rule.interval, count: count, until: until,
                                  byDay: rule.byDay, byMonthDay: rule.byMonthDay, byMonth: rule.byMonth,
                                  byYearDay: rule.byYearDay, byWeekNo: rule.byWeekNo, byHour: rule.byHour,
                                  byMinute: rule.byMinute, bySecond: rule.bySecond, bySetPos: rule.bySetPos,
                                  weekStart: rule.weekStart)
    }

    private static func question(about rule: RecurrenceRule, seed: LocalDateTime, zone: Zone,
                                 using random: inout SeededRandom) -> OracleQuestion {
        let untilKind: String?, until: String?
        switch rule.until {
        case nil: (untilKind, until) = (nil, nil)
        case .date(let date): (untilKind, until) = ("date", LocalDateTime(date: date).description)
        case .local(let wall): (untilKind, until) = ("local", wall.description)
        case .utc(let wall): (untilKind, until) = ("utc", wall.description)
        }
        // dateutil walks to the window one period at a time: keep it within a few thousand periods.
        let offset: Int, span: Int
        switch rule.frequency {
        case .secondly:
            (offset, span) = (Int.random(in: -600...20_000, using: &random), Int.random(in: 0...5_000, using: &random))
        case .minutely:
            (offset, span) = (Int.random(in: -3_600...400_000, using: &random), Int.random(in: 0...100_000, using: &random))
        case .hourly:
            (offset, span) = (Int.random(in: -86_400...4_000_000, using: &random), Int.random(in: 0...400_000, using: &random))
        default:
            offset = Int.random(in: -30...4_000, using: &random) * 86_400 + jitter(using: &random)
            span = Int.random(in: 0...800, using: &random) * 86_400 + jitter(using: &random)
        }
        return OracleQuestion(
            freq: rule.frequency.rawValue,
            interval: rule.interval,
            count: rule.count,
            untilKind: untilKind,
            until: until,
            byday: rule.byDay.map { .init(weekday: $0.weekday.rawValue, ordinal: $0.ordinal) },
            bymonthday: rule.byMonthDay,
            bymonth: rule.byMonth,
            byyearday: rule.byYearDay,
            byweekno: rule.byWeekNo,
            byhour: rule.byHour,
            byminute: rule.byMinute,
            bysecond: rule.bySecond,
            bysetpos: rule.bySetPos,
            wkst: rule.weekStart.rawValue,
            seed: seed.description,
            zone: zone.identifier,
            lowerOffset: offset,
            span: span
        )
    }

    private static func jitter(using random: inout SeededRandom) -> Int {
        chance(50, &random) ? 0 : Int.random(in: -43_200...43_200, using: &random)
    }

    private static func chance(_ percent: Int, _ random: inout SeededRandom) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    private static func sample(_ range: ClosedRange<Int>, upTo most: Int, _ random: inout SeededRandom) -> [Int] {
        Array(range.shuffled(using: &random).prefix(Int.random(in: 1...most, using: &random)))
    }
}

// MARK: - The Python side

/// Reads the questions from the file named by its first argument and prints the answers as JSON.
/// A date UNTIL is sent as the end of that day, which is how the engine reads it.
private let dateutilScript = #"""
import json, sys
from datetime import datetime, timedelta, timezone
from itertools import islice
try:
    from dateutil.rrule import rrule, weekday, SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY
    from zoneinfo import ZoneInfo
except ImportError as error:
    print(f"cannot import python-dateutil: {error}", file=sys.stderr)
    sys.exit(3)

FREQUENCIES = {"SECONDLY": SECONDLY, "MINUTELY": MINUTELY, "HOURLY": HOURLY, "DAILY": DAILY,
               "WEEKLY": WEEKLY, "MONTHLY": MONTHLY, "YEARLY": YEARLY}

def text(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S")

def wall(moment):
    return moment.replace(tzinfo=None)

def answer(question):
    zone = ZoneInfo(question["zone"])
    kind = question.get("untilKind")
    until = None
    if kind is not None:
        value = datetime.fromisoformat(question["until"])
        until = {
            "date": value.replace(hour=23, minute=59, second=59),
            "local": value,
            "utc": value.replace(tzinfo=timezone.utc),
        }[kind]
    parts = dict(
        freq=FREQUENCIES[question["freq"]],
        interval=question["interval"],
        wkst=question["wkst"],
        bymonth=question["bymonth"] or None,
        bymonthday=question["bymonthday"] or None,
        byweekday=[weekday(day["weekday"], day.get("ordinal")) for day in question["byday"]] or None,
        byyearday=question["byyearday"] or None,
        byweekno=question["byweekno"] or None,
        byhour=question["byhour"] or None,
        byminute=question["byminute"] or None,
        bysecond=question["bysecond"] or None,
        bysetpos=question["bysetpos"] or None,
    )
    seed = datetime.fromisoformat(question["seed"])
    if kind == "utc":
        seed = seed.replace(tzinfo=zone)
    try:
        dtstart = next(iter(rrule(dtstart=seed, **parts)))
    except ValueError as error:
        return {"refusal": str(error)}
    rule = rrule(dtstart=dtstart, count=question.get("count"), until=until, **parts)

    lower = wall(dtstart) + timedelta(seconds=question["lowerOffset"])
    upper = lower + timedelta(seconds=question["span"])
    window = []
    for start in rule:
        if wall(start) >= upper:
            break
        if wall(start) >= lower:
            window.append(text(start))
    last = None
    if question.get("count") is not None or until is not None:
        for start in rule:
            last = text(start)
    return {
        "dtstart": text(dtstart),
        "first": [text(start) for start in islice(rule, 50)],
        "lower": text(lower),
        "upper": text(upper),
        "window": window,
        "last": last,
    }

with open(sys.argv[1]) as file:
    questions = json.load(file)
json.dump([answer(question) for question in questions], sys.stdout)
"""#
