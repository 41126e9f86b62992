import Foundation
import TovCore

/// Where the times of one calendar file are: the zone each TZID names, the zone UTC and floating times
/// are read in, and what was decided along the way, for the report.
///
/// A TZID is read as an IANA name (`Asia/Ulaanbaatar`), or a path ending in one (`/mozilla.org/…/Europe/Berlin`),
/// or a Windows name (`Ulaanbaatar Standard Time`), or else matched by its VTIMEZONE's offsets to the IANA
/// zone that keeps the same clocks over the years the file uses it. UTC times are read in X-WR-TIMEZONE
/// when the calendar gives one (as Google means them), else kept in UTC; floating times in X-WR-TIMEZONE,
/// else in the fallback zone.
final class ICalendarZones {
    /// The calendar's X-WR-TIMEZONE, when it names a zone.
    let calendarZone: Zone?
    /// Where floating times and all-day events go when the calendar names no zone.
    let fallback: Zone
    /// The zone the user named for floating times, which the calendar's does not override.
    let floating: Zone?
    private let definitions: [String: ICalendarTimeZone]
    /// The calendar, whose VEVENTs' times say over which years a VTIMEZONE must match: picked out only when
    /// a VTIMEZONE must be matched, which few files need.
    private let calendar: ICalendarComponent
    private let now: Date
    private var resolved: [String: Result<Zone, NotImported>] = [:]
    /// "TZID 'X' read as Y" and the like, each once, in the order decided.
    private(set) var notes: [String] = []

    init(definitions: [ICalendarTimeZone], calendarZone: String?, fallback: Zone, floating: Zone? = nil,
         calendar: ICalendarComponent, now: Date) {
        self.floating = floating
        self.definitions = Dictionary(definitions.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        self.fallback = fallback
        self.calendar = calendar
        self.now = now
        if let calendarZone, let zone = ICalendarZones.ianaZone(named: calendarZone) ?? WindowsZoneNames.ianaName(for: calendarZone).flatMap({ try? Zone($0) }) {
            self.calendarZone = zone
        } else {
            self.calendarZone = nil
            if let calendarZone { note("X-WR-TIMEZONE '\(calendarZone)' is not a known zone: left aside") }
        }
    }

    /// The zone a TZID stands for, or why there is none.
    func zone(forTZID tzid: String) throws(NotImported) -> Zone {
        if let known = resolved[tzid] { return try known.get() }
        let result = resolve(tzid)
        resolved[tzid] = result
        return try result.get()
    }

    private func resolve(_ tzid: String) -> Result<Zone, NotImported> {
        if let zone = try? Zone(tzid) { return .success(zone) }
        if let zone = ICalendarZones.ianaZone(named: tzid) {
            note("TZID '\(tzid)' read as \(zone)")
            return .success(zone)
        }
        if let name = WindowsZoneNames.ianaName(for: tzid), let zone = try? Zone(name) {
            note("TZID '\(tzid)' read as \(zone)")
            return .success(zone)
        }
        guard let definition = definitions[tzid] else {
            return .failure(NotImported("TZID '\(tzid)' is not a time zone tov knows, and the file has no VTIMEZONE for it"))
        }
        let span = ICalendarZones.years(of: tzid, in: calendar.components.lazy.filter { $0.name == "VEVENT" }, now: now) ?? 2000...2000
        guard let zone = definition.matchingZone(years: span, preferring: [calendarZone, fallback].compactMap { $0 }) else {
            let when = span.lowerBound == span.upperBound ? "in \(span.lowerBound)" : "over \(span.lowerBound)–\(span.upperBound)"
            return .failure(NotImported("the VTIMEZONE of TZID '\(tzid)' keeps clocks that no IANA zone keeps \(when)"))
        }
        note("TZID '\(tzid)' read as \(zone)")
        return .success(zone)
    }

    /// The zone UTC times are read in: the calendar's, noted once, else UTC.
    func zoneForUTC() -> Zone {
        guard let calendarZone else { return .utc }
        if !notedUTC {
            note("UTC times read in \(calendarZone) (X-WR-TIMEZONE)")
            notedUTC = true
        }
        return calendarZone
    }

    /// The zone floating times are read in: the one the user named, else the calendar's, else the fallback,
    /// noted once.
    func zoneForFloating() -> Zone {
        if !notedFloating {
            if let floating {
                note("floating times read in \(floating) (--tz)")
            } else {
                note(calendarZone.map { "floating times read in \($0) (X-WR-TIMEZONE)" } ?? "floating times read in \(fallback)")
            }
            notedFloating = true
        }
        return floating ?? calendarZone ?? fallback
    }

    /// Whether the zones of UTC and floating times have been noted (every time value asks).
    private var notedUTC = false, notedFloating = false

    /// The zone of all-day events that name none: the calendar's, else the fallback.
    var zoneForDates: Zone { calendarZone ?? fallback }

    func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }

    /// An IANA zone named by `text` or by a path ending in an IANA name (`/mozilla.org/20070129_1/Europe/Berlin`,
    /// `tzone://Microsoft/Utc`).
    static func ianaZone(named text: String) -> Zone? {
        if let zone = try? Zone(text) { return zone }
        let parts = text.split(separator: "/")
        for first in parts.indices {
            let name = parts[first...].joined(separator: "/")
            if ["utc", "gmt", "z", "etc/utc", "etc/gmt"].contains(name.lowercased()) { return .utc }
            if first > 0 || parts.count > 1, let zone = try? Zone(name) { return zone }
        }
        return nil
    }

    // MARK: - The years a TZID is used

    /// The years of the times written with `tzid`; a recurring event counts through its UNTIL, its COUNT's
    /// last start, or the year after `now` when it never ends.
    static func years(of tzid: String, in events: some Sequence<ICalendarComponent>, now: Date) -> ClosedRange<Int>? {
        var years: ClosedRange<Int>?
        func add(_ year: Int) {
            years = min(years?.lowerBound ?? year, year)...max(years?.upperBound ?? year, year)
        }
        let thisYear = LocalDateTime(secondsSinceEpoch: Int(now.timeIntervalSince1970)).date.year
        for event in events {
            var start: LocalDateTime?
            for property in event.properties where property.parameter("TZID") == tzid {
                for value in property.value.split(separator: ",") {
                    for part in value.split(separator: "/") where part.count >= 8 {
                        if let year = Int(part.prefix(4)) { add(year) }
                    }
                }
                if property.name == "DTSTART" { start = try? ICalendarValue.dateTime(property.value).wall }
            }
            guard let start, let text = event.first("RRULE")?.value, let rule = try? RecurrenceRule(parsing: text) else { continue }
            switch rule.until {
            case .date(let date): add(date.year)
            case .local(let wall), .utc(let wall): add(wall.date.year)
            case nil:
                if rule.count != nil, let last = rule.lastOccurrence(from: start, in: .utc) {
                    add(last.date.year)
                } else {
                    add(max(thisYear + 1, start.date.year))
                }
            }
        }
        return years
    }
}
