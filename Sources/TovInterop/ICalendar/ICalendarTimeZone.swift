import Foundation
import TovCore

/// A VTIMEZONE as the file defines it: its offsets from UTC over time, worked out from its STANDARD and
/// DAYLIGHT observances (each a first onset, an RRULE and RDATEs), so that a TZID no database knows
/// ("Customized Time Zone", "(UTC+08:00) Ulaanbaatar") can be matched to the IANA zone that keeps the
/// same clocks.
///
///     let definition = try ICalendarTimeZone(vtimezone)
///     definition.offset(at: instant) // 28800
struct ICalendarTimeZone {
    /// The TZID it defines.
    let identifier: String
    /// X-LIC-LOCATION, which Mozilla and Lotus write: often an IANA name.
    let location: String?
    /// One observance: from its onsets on, clocks are `offsetTo` from UTC.
    private struct Observance {
        let start: LocalDateTime
        let offsetFrom: Int
        let offsetTo: Int
        let rule: RecurrenceRule?
        let extraStarts: [LocalDateTime]
    }

    private let observances: [Observance]

    /// Reads a VTIMEZONE; a value that is not what RFC 5545 says names its line.
    init(_ component: ICalendarComponent) throws {
        identifier = component.first("TZID")?.text ?? ""
        location = component.first("X-LIC-LOCATION")?.text
        observances = try component.components.filter { $0.name == "STANDARD" || $0.name == "DAYLIGHT" }.map { observance in
            guard let start = observance.first("DTSTART"), let from = observance.first("TZOFFSETFROM"),
                  let to = observance.first("TZOFFSETTO")
            else {
                throw ICalendarSyntaxError(line: observance.line, "\(observance.name) of TZID '\(component.first("TZID")?.value ?? "")' needs DTSTART, TZOFFSETFROM and TZOFFSETTO")
            }
            let offsetFrom = try ICalendarTimeZone.offset(from)
            var rule: RecurrenceRule?
            if let text = observance.first("RRULE") {
                do {
                    rule = try RecurrenceRule(parsing: text.value)
                } catch let error as ValidationError {
                    throw ICalendarSyntaxError(line: text.line, error.message)
                }
            }
            var extras: [LocalDateTime] = []
            for rdate in observance.all("RDATE") {
                for value in rdate.value.split(separator: ",") {
                    // A PERIOD's start is the onset.
                    let text = String(value.split(separator: "/").first ?? value)
                    extras.append(try ICalendarTimeZone.wallTime(text, property: rdate))
                }
            }
            return Observance(
                start: try ICalendarTimeZone.wallTime(start.value, property: start), offsetFrom: offsetFrom,
                offsetTo: try ICalendarTimeZone.offset(to), rule: rule, extraStarts: extras
            )
        }
    }

    /// The offset from UTC, in seconds, at an instant: that of the last onset before it, or the first
    /// observance's TZOFFSETFROM before any.
    func offset(at instant: Int) -> Int {
        onsets(from: instant, through: instant).last?.offset ?? initialOffset
    }

    /// The offset before the first onset.
    private var initialOffset: Int {
        observances.min { $0.start < $1.start }?.offsetFrom ?? 0
    }

    /// The onsets up to `upper`, oldest first, with the offset each begins; those of a rule from a year
    /// before `lower` only (enough to know the offset at `lower`: observances repeat at most yearly), so
    /// that a rule repeating since 1601, as Outlook writes them, is not expanded from then.
    private func onsets(from lower: Int, through upper: Int) -> [(instant: Int, offset: Int)] {
        let upperWall = LocalDateTime(secondsSinceEpoch: upper + 14 * 3600 + 1)
        let lowerWall = LocalDateTime(secondsSinceEpoch: lower - 400 * 86_400)
        var result: [(instant: Int, offset: Int)] = []
        for observance in observances {
            var starts = observance.extraStarts.filter { $0 < upperWall }
            if observance.start < upperWall { starts.append(observance.start) }
            if let rule = observance.rule, lowerWall < upperWall {
                starts += rule.localised(offsetFrom: observance.offsetFrom)
                    .occurrences(from: observance.start, in: .utc, between: max(lowerWall, observance.start), and: upperWall)
            }
            for start in Set(starts) {
                let onset = start.secondsSinceEpoch - observance.offsetFrom
                if onset <= upper { result.append((onset, observance.offsetTo)) }
            }
        }
        return result.sorted { $0.instant < $1.instant }
    }

    /// Whether `zone` keeps the same offsets as this definition at noon UTC of every day of `years`: the
    /// clocks change on the same days. The hour of the night they change at may differ: Lotus Notes writes
    /// Europe's October change at 02:00 rather than 03:00, and a sample at midnight UTC would fall in
    /// that hour (while one an hour later would not).
    func matches(_ zone: TimeZone, years: ClosedRange<Int>) -> Bool {
        guard let first = try? LocalDate(year: years.lowerBound, month: 1, day: 1),
              let last = try? LocalDate(year: years.upperBound, month: 12, day: 31)
        else { return false }
        var noon = first.daysSinceEpoch * 86_400 + 43_200
        let end = last.daysSinceEpoch * 86_400 + 43_200
        // The definition's onsets are worked out once for the whole span, not once per sample.
        let transitions = onsets(from: noon, through: end)
        var offset = initialOffset
        var next = 0
        while noon <= end {
            while next < transitions.count && transitions[next].instant <= noon {
                offset = transitions[next].offset
                next += 1
            }
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(noon))) != offset { return false }
            noon += 86_400
        }
        return true
    }

    /// The IANA zone that keeps this definition's clocks over `years`, or nil. Among several, one the
    /// TZID or X-LIC-LOCATION names by its city wins, then the first of `preferred` (the calendar's own
    /// zone, the user's), then a zone Windows names, then the first by name.
    func matchingZone(years: ClosedRange<Int>, preferring preferred: [Zone]) -> Zone? {
        if let location, let zone = ICalendarZones.ianaZone(named: location) { return zone }
        guard let sample = try? LocalDate(year: years.lowerBound, month: 1, day: 15) else { return nil }
        let january = sample.daysSinceEpoch * 86_400 + 43_200
        let july = january + 181 * 86_400
        let (januaryOffset, julyOffset) = (offset(at: january), offset(at: july))
        let candidates = TimeZone.knownTimeZoneIdentifiers.sorted().compactMap { name -> TimeZone? in
            guard let zone = TimeZone(identifier: name),
                  zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(january))) == januaryOffset,
                  zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(july))) == julyOffset
            else { return nil }
            return zone
        }.filter { matches($0, years: years) }
        let words = (identifier + " " + (location ?? "")).lowercased()
        let named = candidates.first { zone in
            let city = zone.identifier.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ").lowercased() }
            return city.map { $0.count > 2 && words.contains($0) } ?? false
        }
        let windowsZones = Set(WindowsZoneNames.iana.values)
        let chosen = named
            ?? preferred.lazy.compactMap { zone in candidates.first { $0.identifier == zone.identifier } }.first
            ?? candidates.first { windowsZones.contains($0.identifier) } ?? candidates.first
        return chosen.flatMap { try? Zone($0.identifier) }
    }

    // MARK: - Values

    /// `+0800`, `-0500`, `+053000`: seconds east of UTC.
    private static func offset(_ property: ICalendarProperty) throws -> Int {
        guard let seconds = try? ICalendarValue.offset(property.value) else {
            throw ICalendarSyntaxError(line: property.line, "\(property.name) '\(property.value)' is not a UTC offset (such as +0800)")
        }
        return seconds
    }

    /// A local DATE-TIME of an observance (a DATE, which some writers use, is its midnight).
    private static func wallTime(_ text: String, property: ICalendarProperty) throws -> LocalDateTime {
        try ICalendarTime.value(property) {
            text.count == 8 ? LocalDateTime(date: try ICalendarValue.date(text)) : try ICalendarValue.dateTime(text).wall
        }
    }
}

private extension RecurrenceRule {
    /// The rule with an UNTIL in UTC turned into the wall time of an observance whose clocks were
    /// `offsetFrom` from UTC, so that expanding it in wall time stops at the right onset.
    func localised(offsetFrom: Int) -> RecurrenceRule {
        guard case .utc(let wall) = until else { return self }
        return (try? replacing(count: nil, until: .local(wall.adding(seconds: offsetFrom)))) ?? self
    }
}
