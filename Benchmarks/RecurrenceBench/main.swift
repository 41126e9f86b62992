import Foundation
import TovCore

// In-process speed of the recurrence engine: occurrences per second over a century, for the dialogue
// rule and a BYSETPOS rule. `make bench` runs it; it prints one Markdown table row per rule.

/// Expands `rule` over 100 years from `start`, again and again for about half a second, both as the
/// agenda does (the starts of a range) and lazily (one start after another); returns occurrences per second.
func measure(_ text: String, from start: String) throws -> (range: Double, lazy: Double, perCentury: Int) {
    let rule = try RecurrenceRule(parsing: text)
    let dtstart = try LocalDateTime(parsing: start)
    let end = LocalDateTime(date: dtstart.date.adding(days: 36_525))
    let clock = ContinuousClock()

    var total = 0, rounds = 0
    var perCentury = 0
    let rangeTime = clock.measure {
        while rounds < 20 || total < 2_000_000 {
            perCentury = rule.occurrences(from: dtstart, in: .ulaanbaatar, between: dtstart, and: end).count
            total += perCentury
            rounds += 1
        }
    }
    let rangeRate = Double(total) / seconds(rangeTime)

    var lazyTotal = 0
    let lazyTime = clock.measure {
        while lazyTotal < total {
            for occurrence in rule.occurrences(from: dtstart, in: .ulaanbaatar) {
                if occurrence >= end { break }
                lazyTotal += 1
            }
        }
    }
    return (rangeRate, Double(lazyTotal) / seconds(lazyTime), perCentury)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let cases = [
    ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "2000-01-20T14:00:00"),
    ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2000-01-31T10:00:00"),
]
print("| rule | starts per century | range queries | lazy | target |")
print("|---|---:|---:|---:|---|")
for (rule, start) in cases {
    let (range, lazy, count) = try measure(rule, from: start)
    let verdict = min(range, lazy) >= 2_000_000 ? "≥ 2,000,000/s ok" : "≥ 2,000,000/s MISSED"
    print("| `\(rule)` | \(count) | \(Int(range).formatted())/s | \(Int(lazy).formatted())/s | \(verdict) |")
}
