import TovCore

/// A DATE or DATE-TIME value as the file means it: a whole day, or a wall time in a zone (UTC and floating
/// times already placed in the zone the calendar reads them in).
///
///     let start = try ICalendarTime.read(event.first("DTSTART")!, zones: zones)
///     start.wall(in: .ulaanbaatar) // the same moment on Ulaanbaatar's clocks
enum ICalendarTime: Hashable {
    case date(LocalDate)
    case dateTime(LocalDateTime, Zone)

    /// The same moment on the clocks of `zone`; a date is its midnight.
    func wall(in zone: Zone) -> LocalDateTime {
        switch self {
        case .date(let date): LocalDateTime(date: date)
        case .dateTime(let wall, let own): own == zone ? wall : zone.wallTime(at: own.instant(of: wall))
        }
    }

    /// The wall time as written, whatever its zone.
    var writtenWall: LocalDateTime {
        switch self {
        case .date(let date): LocalDateTime(date: date)
        case .dateTime(let wall, _): wall
        }
    }

    // MARK: - Reading

    /// The one value of a DTSTART, DTEND, RECURRENCE-ID …: a bad value fails the file at its line; a zone
    /// tov cannot place leaves the event out.
    static func read(_ property: ICalendarProperty, zones: ICalendarZones) throws -> ICalendarTime {
        try read(property.value, of: property, zones: zones)
    }

    /// Every value of an EXDATE or RDATE line (comma-separated); a PERIOD gives its start and its end.
    static func readList(_ property: ICalendarProperty, zones: ICalendarZones) throws -> [(start: ICalendarTime, end: ICalendarTime?)] {
        let isPeriod = property.parameter("VALUE")?.uppercased() == "PERIOD"
        return try property.value.split(separator: ",").map { item in
            let parts = item.split(separator: "/", maxSplits: 1)
            guard isPeriod || parts.count == 2 else { return (try read(String(item), of: property, zones: zones), nil) }
            guard parts.count == 2 else {
                throw ICalendarSyntaxError(line: property.line, "\(property.name) '\(item)' is not a PERIOD (start/end or start/duration)")
            }
            let start = try read(String(parts[0]), of: property, zones: zones)
            let endText = String(parts[1])
            if endText.first == "P" || endText.first == "+" || endText.first == "-" {
                let seconds = try value(property) { try ICalendarValue.duration(endText) }
                guard case .dateTime(let wall, let zone) = start else {
                    throw ICalendarSyntaxError(line: property.line, "the PERIOD '\(item)' of \(property.name) must start at a DATE-TIME")
                }
                return (start, .dateTime(zone.wallTime(at: zone.instant(of: wall) + seconds), zone))
            }
            return (start, try read(endText, of: property, zones: zones))
        }
    }

    private static func read(_ text: String, of property: ICalendarProperty, zones: ICalendarZones) throws -> ICalendarTime {
        let isDate = (text.utf8.count == 8 && !text.utf8Contains(UInt8(ascii: "T"))) || property.parameter("VALUE")?.uppercased() == "DATE"
        if isDate {
            return .date(try value(property) { try ICalendarValue.date(text) })
        }
        let (wall, utc) = try value(property) { try ICalendarValue.dateTime(text) }
        if utc {
            // The moment is fixed; only the clocks it is shown on are chosen.
            let zone = zones.zoneForUTC()
            return .dateTime(zone.wallTime(at: wall.secondsSinceEpoch), zone)
        }
        if let tzid = property.parameter("TZID") {
            return .dateTime(wall, try zones.zone(forTZID: tzid)).existing
        }
        return .dateTime(wall, zones.zoneForFloating()).existing
    }

    /// A wall time the clocks skip (in a change to summer time) moved forward by the gap, as RFC 5545 reads it.
    private var existing: ICalendarTime {
        guard case .dateTime(let wall, let zone) = self, !zone.exists(wall) else { return self }
        return .dateTime(zone.wallTime(at: zone.instant(of: wall)), zone)
    }

    /// Runs a value reader, turning its complaint into one naming the property and its line.
    static func value<T>(_ property: ICalendarProperty, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let error as ValueError {
            throw ICalendarSyntaxError(line: property.line, "\(property.name): \(error.reason)")
        }
    }
}
