import Foundation
import TovCore

extension ICalendarWriter {
    /// A VTIMEZONE (RFC 5545 section 3.6.5) for `zone` over whole years: its offset on the first day of the first
    /// year, then each change of offset up to the end of the last, one STANDARD or DAYLIGHT observance each. TZID
    /// is the IANA name, so that a reader who knows the zone may use its own rules; a zone that kept one offset
    /// all along gets one STANDARD.
    ///
    ///     writer.timeZone(.ulaanbaatar, years: 2026...2027)
    ///     // BEGIN:VTIMEZONE, TZID:Asia/Ulaanbaatar, BEGIN:STANDARD, DTSTART:20260101T000000,
    ///     // TZOFFSETFROM:+0800, TZOFFSETTO:+0800, END:STANDARD, END:VTIMEZONE
    public mutating func timeZone(_ zone: Zone, years: ClosedRange<Int>) {
        let lower = zone.instant(of: LocalDateTime(date: Self.newYear(years.lowerBound)))
        let upper = zone.instant(of: LocalDateTime(date: Self.newYear(years.upperBound + 1)))
        let foundation = TimeZone(identifier: zone.identifier)
        func isDaylight(_ instant: Int) -> Bool {
            foundation?.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(instant))) ?? false
        }
        begin("VTIMEZONE")
        property("TZID", [], zone.identifier)
        let initial = zone.offset(at: lower)
        observance(starting: zone.wallTime(at: lower), from: initial, to: initial, daylight: isDaylight(lower))
        for change in zone.transitions(from: lower + 1, to: upper) {
            // DTSTART is the onset in the wall time that held before it (section 3.6.5).
            let onset = LocalDateTime(secondsSinceEpoch: change.instant + change.offsetBefore)
            observance(starting: onset, from: change.offsetBefore, to: change.offsetAfter, daylight: isDaylight(change.instant))
        }
        end("VTIMEZONE")
    }

    private mutating func observance(starting onset: LocalDateTime, from before: Int, to after: Int, daylight: Bool) {
        let name = daylight ? "DAYLIGHT" : "STANDARD"
        begin(name)
        property("DTSTART") { ICalendarValue.append(onset, to: &$0) }
        property("TZOFFSETFROM") { ICalendarValue.appendOffset(before, to: &$0) }
        property("TZOFFSETTO") { ICalendarValue.appendOffset(after, to: &$0) }
        end(name)
    }

    /// The first of January of `year`; years outside the calendar's are brought within it.
    private static func newYear(_ year: Int) -> LocalDate {
        (try? LocalDate(year: min(max(year, 1), 9999), month: 1, day: 1)) ?? LocalDate(daysSinceEpoch: 0)
    }
}
