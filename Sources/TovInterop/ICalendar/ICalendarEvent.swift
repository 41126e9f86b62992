import Foundation
import TovCore

/// One VEVENT read into tov's terms, before it meets the database: when it is, how it repeats, what it
/// says, who is on it, and what of it tov does not keep.
///
/// Reading fails the whole file (ICalendarSyntaxError, at the line) when a value is not what RFC 5545
/// says, and leaves this event out (NotImported) when tov cannot hold it: a zone it cannot place, a rule
/// its engine refuses, an end before the start.
final class ICalendarEvent {
    let uid: String
    /// The line of its BEGIN:VEVENT.
    let line: Int
    let sequence: Int
    let lastModified: Date?
    let created: Date?
    /// RECURRENCE-ID: the meeting of a series this one changes.
    let recurrenceID: ICalendarTime?
    /// RANGE=THISANDFUTURE: the change goes on to every later meeting.
    let thisAndFuture: Bool
    /// X-TOV-ID: an override's own UUID, as tov wrote it.
    let ownID: UUID?
    /// X-TOV-SHIFTED: a meeting tov's export wrote out only because its series' shift policy moves it.
    let shiftedByPolicy: Bool
    let start: ICalendarTime
    let schedule: Schedule
    let rule: RecurrenceRule?
    /// EXDATE values.
    let exceptions: [ICalendarTime]
    /// RDATE values, a PERIOD with its end.
    let extras: [(start: ICalendarTime, end: ICalendarTime?)]
    let details: Details
    let topic: TopicReference?
    let items: [ProgrammeItemReference]
    let people: [PersonReference]
    /// Names of what the event holds that tov does not keep, once per occurrence (`VALARM`, `URL`).
    let notKept: [String]

    /// What an event or series says about itself.
    struct Details: Equatable {
        var kind: EventKind
        var title: String
        var status: EventStatus
        var placeCode: String?
        var venue: String?
        var notes: String?
        var publicEvent: String?
        var publicEventDate: LocalDate?
        var report: Event.Report?
        var shift: ShiftPolicy
    }

    /// X-TOV-TOPIC: a topic by UUID, else by its title.
    struct TopicReference: Equatable {
        var id: UUID?
        var title: String
        var titleEn: String?
    }

    /// X-TOV-ITEM: one programme item.
    struct ProgrammeItemReference: Equatable {
        var id: UUID?
        var kind: ProgrammeItem.Kind
        var title: String
        var serviceArea: ProgrammeItem.ServiceArea?
        var start: LocalTime?
        var end: LocalTime?
    }

    /// An ATTENDEE or the ORGANIZER: who, and in what roles or on what list.
    struct PersonReference: Equatable {
        var id: UUID?
        var name: String?
        var email: String?
        var isOrganisation: Bool
        var organisationID: UUID?
        var organisationName: String?
        var roles: [Assignment.Role]
        /// The programme item the roles are on.
        var itemID: UUID?
        var participation: Participation.Status?
    }

    /// The properties read here; every other one is counted as not kept.
    fileprivate enum Field: Int, CaseIterable {
        case uid, stamp, sequence, lastModified, created, start, end, duration, rule, exceptions, extras, recurrenceID
        case status, summary, location, description, categories, organizer, attendee
        case kind, ownStatus, place, venue, notes, topic, publicEvent, reportAttendance, reportNotes, shift, programmeItem, recordID
        case zone, shifted

        var name: String {
            switch self {
            case .uid: "UID"
            case .stamp: "DTSTAMP"
            case .sequence: "SEQUENCE"
            case .lastModified: "LAST-MODIFIED"
            case .created: "CREATED"
            case .start: "DTSTART"
            case .end: "DTEND"
            case .duration: "DURATION"
            case .rule: "RRULE"
            case .exceptions: "EXDATE"
            case .extras: "RDATE"
            case .recurrenceID: "RECURRENCE-ID"
            case .status: "STATUS"
            case .summary: "SUMMARY"
            case .location: "LOCATION"
            case .description: "DESCRIPTION"
            case .categories: "CATEGORIES"
            case .organizer: "ORGANIZER"
            case .attendee: "ATTENDEE"
            case .kind: ICalendarTerms.kind
            case .ownStatus: ICalendarTerms.status
            case .place: ICalendarTerms.place
            case .venue: ICalendarTerms.venue
            case .notes: ICalendarTerms.notes
            case .topic: ICalendarTerms.topic
            case .publicEvent: ICalendarTerms.publicEvent
            case .reportAttendance: ICalendarTerms.reportAttendance
            case .reportNotes: ICalendarTerms.reportNotes
            case .shift: ICalendarTerms.shift
            case .programmeItem: ICalendarTerms.programmeItem
            case .recordID: ICalendarTerms.recordID
            case .zone: ICalendarTerms.zone
            case .shifted: ICalendarTerms.shifted
            }
        }

        static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
    }

    /// Where each field appears among a VEVENT's properties, and the names of those tov does not read, for
    /// the VEVENTs of one file. They nearly all have the same properties in the same order, so the layout
    /// of the last one is kept: a VEVENT whose names are the same, compared in place (equal short names
    /// compare in one step), takes it as it is, and only another has its names looked up.
    struct FieldLayouts {
        private var names: [String] = []
        private var positions: [[Int]] = []
        private var unread: [String] = []

        /// For each field (by its raw value), the indices of its properties in `properties`; and the names
        /// of the properties that are no field, in order.
        fileprivate mutating func layout(of properties: [ICalendarProperty]) -> (positions: [[Int]], unread: [String]) {
            guard properties.count != names.count || !names.indices.allSatisfy({ properties[$0].name == names[$0] }) else {
                return (positions, unread)
            }
            positions = Array(repeating: [], count: Field.allCases.count)
            unread = []
            for (index, property) in properties.enumerated() {
                if let field = Field.byName[property.name] {
                    positions[field.rawValue].append(index)
                } else {
                    unread.append(property.name)
                }
            }
            names = properties.map(\.name)
            return (positions, unread)
        }
    }

    /// Reads a VEVENT. `fromTov` says the file is tov's own, whose LOCATION and DESCRIPTION are made from
    /// what X-TOV- properties hold; `fieldLayouts` is shared by the VEVENTs of one file.
    init(
        _ component: ICalendarComponent, zones: ICalendarZones, fromTov calendarFromTov: Bool, fieldLayouts: inout FieldLayouts
    ) throws {
        line = component.line
        // Where each field appears: one search for them all, not one per field (a file may hold 100,000 events).
        let properties = component.properties
        let (positions, unread) = fieldLayouts.layout(of: properties)
        var notKept = unread + component.components.map(\.name)
        func first(_ field: Field) -> ICalendarProperty? {
            positions[field.rawValue].first.map { properties[$0] }
        }
        func all(_ field: Field) -> LazyMapSequence<[Int], ICalendarProperty> {
            positions[field.rawValue].lazy.map { properties[$0] }
        }
        func text(_ field: Field) -> String? { first(field).flatMap { ICalendarEvent.clean($0.text) } }
        let fromTov = calendarFromTov || first(.kind) != nil

        if let uid = first(.uid).map({ $0.text.trimmedSpaces }), !uid.isEmpty {
            self.uid = uid
        } else {
            // Known by its content, so that importing the file again finds it.
            let content = component.properties.map { "\($0.name):\($0.value)" }.joined(separator: "\n")
            uid = "no-uid-" + StableID.make(content).lowercasedText
            zones.note("events without a UID are known by their content")
        }
        sequence = try first(.sequence).map { property in
            guard let value = Int(property.value.trimmedSpaces), value >= 0 else {
                throw ICalendarSyntaxError(line: property.line, "SEQUENCE '\(property.value)' is not a whole number")
            }
            return value
        } ?? 0
        lastModified = try first(.lastModified).map(ICalendarEvent.utcDate)
        created = try first(.created).map(ICalendarEvent.utcDate)
        ownID = first(.recordID).flatMap { UUID(uuidString: $0.value.trimmedSpaces) }
        shiftedByPolicy = first(.shifted)?.value.trimmedSpaces.uppercased() == "TRUE"

        // MARK: What it says
        var details = Details(
            kind: .event, title: text(.summary) ?? "",
            status: ICalendarTerms.status(standard: first(.status)?.value, own: first(.ownStatus)?.value),
            placeCode: nil, venue: text(.venue) ?? (fromTov ? nil : text(.location)),
            notes: text(.notes) ?? (fromTov ? nil : text(.description)),
            publicEvent: text(.publicEvent), publicEventDate: nil, report: nil, shift: .keep
        )
        // The first of tov's kinds among the CATEGORIES, and whether they hold any other word.
        var categoryKind: EventKind?
        var otherCategory = false
        for property in all(.categories) {
            // Nearly always one word, tov's kind: read without splitting.
            if let kind = EventKind(rawValue: property.value) {
                categoryKind = categoryKind ?? kind
                continue
            }
            for word in property.texts.map({ $0.trimmedSpaces.lowercased() }) where !word.isEmpty {
                if let kind = EventKind(rawValue: word) { categoryKind = categoryKind ?? kind } else { otherCategory = true }
            }
        }
        if let kind = first(.kind).flatMap({ EventKind(rawValue: $0.value) ?? EventKind(rawValue: $0.value.trimmedSpaces.lowercased()) }) {
            details.kind = kind
        } else if let categoryKind {
            details.kind = categoryKind
        }
        if otherCategory { notKept.append("CATEGORIES") }
        if let code = first(.place)?.value.trimmedSpaces {
            if ReferenceData.shared.place(code: code) != nil {
                details.placeCode = code
            } else {
                notKept.append(ICalendarTerms.place)
                zones.note("\(ICalendarTerms.place) '\(code)' is not an aimag or district tov knows: left out")
            }
        }
        if let property = first(.publicEvent), let date = property.parameter(ICalendarTerms.dateParameter) {
            details.publicEventDate = try ICalendarTime.value(property) { try ICalendarValue.date(date) }
        }
        let attendance = try first(.reportAttendance).map { property in
            guard let value = Int(property.value.trimmedSpaces), value >= 0 else {
                throw ICalendarSyntaxError(line: property.line, "\(property.name) '\(property.value)' is not a number of people")
            }
            return value
        }
        let reportNotes = text(.reportNotes)
        if attendance != nil || reportNotes != nil { details.report = Event.Report(attendance: attendance, notes: reportNotes) }
        if let property = first(.shift) {
            guard let shift = ShiftPolicy(rawValue: property.value.trimmedSpaces.lowercased()) else {
                throw ICalendarSyntaxError(line: property.line, "\(property.name) '\(property.value)' is not a shift policy (\(ShiftPolicy.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            details.shift = shift
        }
        topic = first(.topic).flatMap { property in
            ICalendarEvent.clean(property.text).map {
                TopicReference(id: property.parameter(ICalendarTerms.idParameter).flatMap(UUID.init(uuidString:)), title: $0,
                               titleEn: property.parameter(ICalendarTerms.titleEnParameter).flatMap(ICalendarEvent.clean))
            }
        }
        items = try all(.programmeItem).map(ICalendarEvent.item)
        var people = try all(.attendee).compactMap { property in
            try ICalendarEvent.person(property, organizer: false, fromTov: fromTov, notKept: &notKept)
        }
        if let organizer = first(.organizer) {
            if let person = try ICalendarEvent.person(organizer, organizer: true, fromTov: fromTov, notKept: &notKept) {
                people.append(person)
            }
        }
        self.people = people
        self.details = details

        // MARK: When
        if let property = first(.recurrenceID) {
            recurrenceID = try ICalendarTime.read(property, zones: zones)
            thisAndFuture = property.parameter("RANGE")?.uppercased() == "THISANDFUTURE"
        } else {
            recurrenceID = nil
            thisAndFuture = false
        }
        guard let startProperty = first(.start) else { throw NotImported("the event has no DTSTART") }
        start = try ICalendarTime.read(startProperty, zones: zones)
        schedule = try ICalendarEvent.schedule(
            start: start, startProperty: startProperty, end: first(.end), duration: first(.duration),
            dateZone: first(.zone)?.value.trimmedSpaces, placeCode: details.placeCode, zones: zones
        )
        let rules = try ICalendarEvent.rules(all(.rule), start: schedule.start, zones: zones)
        if let own = rules.first {
            do {
                try details.shift.check(for: own)
            } catch let error as ValidationError {
                throw NotImported("RRULE \(own): \(error.message)")
            }
        }
        rule = rules.first
        exceptions = try all(.exceptions).flatMap { try ICalendarTime.readList($0, zones: zones).map(\.start) }
        extras = try all(.extras).flatMap { try ICalendarTime.readList($0, zones: zones) }
            + ICalendarEvent.starts(ofEnding: rules.dropFirst(), schedule: schedule)
        self.notKept = notKept
    }

    // MARK: - Rules

    /// The most starts a second RRULE may give (they are stored one by one); more, and the event is left out.
    static let mostStartsOfASecondRule = 1000

    /// The RRULEs of an event, the series' own first. An empty one (Calendar Labs writes `RRULE:` on events
    /// that do not repeat) is none, and one written twice (as Fastmail has) is one. RFC 5545 deprecates
    /// more than one; where several differ, only one may go on for ever: it is the series' rule, and the
    /// others' starts become extra dates (RDATE), as their union is what the event means.
    private static func rules(_ properties: some Sequence<ICalendarProperty>, start: LocalDateTime, zones: ICalendarZones) throws -> [RecurrenceRule] {
        var rules: [RecurrenceRule] = []
        for property in properties {
            guard !property.value.trimmedSpaces.isEmpty else {
                zones.note("an empty RRULE is read as no repetition")
                continue
            }
            do {
                let rule = try RecurrenceRule(parsing: property.value)
                try rule.check(start: start)
                if !rules.contains(rule) { rules.append(rule) }
            } catch let error as ValidationError {
                throw NotImported("RRULE \(property.value): \(error.message)")
            }
        }
        guard rules.count > 1 else { return rules }
        let endless = rules.filter { $0.count == nil && $0.until == nil }
        guard endless.count <= 1 else {
            throw NotImported("the event has \(endless.count) RRULEs that never end, and a series in tov has one rule")
        }
        if let own = endless.first {
            rules.removeAll { $0 == own }
            rules.insert(own, at: 0)
        }
        return rules
    }

    /// The starts of rules that end, as extra dates (wall times in the zone) of a series starting as `schedule` does.
    private static func starts(ofEnding rules: ArraySlice<RecurrenceRule>, schedule: Schedule) throws
        -> [(start: ICalendarTime, end: ICalendarTime?)] {
        try rules.flatMap { rule in
            let starts = Array(rule.occurrences(from: schedule.start, in: schedule.zone).prefix(mostStartsOfASecondRule + 1))
            guard starts.count <= mostStartsOfASecondRule else {
                throw NotImported("RRULE \(rule) gives more than \(mostStartsOfASecondRule) meetings besides the series' own rule")
            }
            return starts.map { (start: ICalendarTime.dateTime($0, schedule.zone), end: ICalendarTime?.none) }
        }
    }

    // MARK: - Schedule

    /// DTSTART with DTEND or DURATION, or neither: then a date lasts its day and a date-time has no length.
    /// An all-day event's zone is the one its DTSTART's TZID or X-TOV-ZONE names, else its place's, else the
    /// calendar's.
    private static func schedule(
        start: ICalendarTime, startProperty: ICalendarProperty, end: ICalendarProperty?, duration: ICalendarProperty?,
        dateZone: String?, placeCode: String?, zones: ICalendarZones
    ) throws -> Schedule {
        let durationParts = try duration.map { property in
            try ICalendarTime.value(property) { try ICalendarValue.durationParts(property.value) }
        }
        if let parts = durationParts, parts.days < 0 || parts.seconds < 0 {
            throw NotImported("DURATION \(duration?.value ?? "") is negative")
        }
        switch start {
        case .date(let first):
            // A date is the same day everywhere; the zone says where the event is, for the agenda.
            let zone = (startProperty.parameter("TZID") ?? dateZone).flatMap { try? zones.zone(forTZID: $0) }
                ?? placeCode.flatMap { ReferenceData.shared.place(code: $0)?.zone } ?? zones.zoneForDates
            var last = first
            if let end {
                switch try ICalendarTime.read(end, zones: zones) {
                case .date(let after): last = after.adding(days: -1)
                case .dateTime(let wall, _): last = wall.time == .midnight ? wall.date.adding(days: -1) : wall.date
                }
            } else if let parts = durationParts {
                if parts.seconds != 0 {
                    // A length in hours from a date: from its midnight, as other readers take it.
                    let midnight = LocalDateTime(date: first)
                    return try checked(Schedule(start: midnight, end: midnight.adding(seconds: parts.days * 86_400 + parts.seconds), zone: zone), end)
                }
                last = first.adding(days: parts.days - 1)
            }
            return try Schedule(allDayFrom: first, through: max(first, last), zone: zone)
        case .dateTime(let wall, let zone):
            var endWall = wall
            if let end {
                endWall = try ICalendarTime.read(end, zones: zones).wall(in: zone)
            } else if let parts = durationParts {
                endWall = LocalDateTime(date: wall.date.adding(days: parts.days), time: wall.time).adding(seconds: parts.seconds)
            }
            if !zone.exists(endWall) { endWall = zone.wallTime(at: zone.instant(of: endWall)) }
            return try checked(Schedule(start: wall, end: endWall, zone: zone), end)
        }
    }

    /// A schedule, or the event left out with why its times cannot be.
    private static func checked(_ make: @autoclosure () throws -> Schedule, _ end: ICalendarProperty?) throws -> Schedule {
        do {
            return try make()
        } catch let error as ValidationError {
            throw NotImported("\(end?.name ?? "DURATION"): \(error.message)")
        }
    }

    // MARK: - Values

    /// A DATE-TIME in UTC (LAST-MODIFIED, CREATED) as a moment.
    private static func utcDate(_ property: ICalendarProperty) throws -> Date {
        let (wall, _) = try ICalendarTime.value(property) { try ICalendarValue.dateTime(property.value) }
        return Date(timeIntervalSince1970: TimeInterval(wall.secondsSinceEpoch))
    }

    /// Text from the file as tov keeps it: no control characters, no surrounding spaces; nil when empty.
    static func clean(_ text: String) -> String? {
        let clean = SafeText.clean(text).trimmedSpaces
        return clean.isEmpty ? nil : clean
    }

    private static func item(_ property: ICalendarProperty) throws -> ProgrammeItemReference {
        func time(_ name: String) throws -> LocalTime? {
            guard let text = property.parameter(name) else { return nil }
            guard let value = try? ICalendarValue.time(text) else {
                throw ICalendarSyntaxError(line: property.line, "\(name) '\(text)' of \(property.name) is not a time (HHMMSS)")
            }
            return value
        }
        let kindText = property.parameter(ICalendarTerms.itemKindParameter)?.lowercased()
        let areaText = property.parameter(ICalendarTerms.areaParameter)?.lowercased()
        guard let kind = kindText.map({ ProgrammeItem.Kind(rawValue: $0) }) ?? .presentation else {
            throw ICalendarSyntaxError(line: property.line, "\(ICalendarTerms.itemKindParameter) '\(kindText ?? "")' is not a kind of programme item")
        }
        return ProgrammeItemReference(
            id: property.parameter(ICalendarTerms.idParameter).flatMap(UUID.init(uuidString:)), kind: kind,
            title: clean(property.text) ?? kind.rawValue, serviceArea: areaText.flatMap(ProgrammeItem.ServiceArea.init(rawValue:)),
            start: try time(ICalendarTerms.startParameter), end: try time(ICalendarTerms.endParameter)
        )
    }

    /// Who an ATTENDEE or ORGANIZER is, and in what roles; nil for a room or a resource (counted as not kept).
    private static func person(
        _ property: ICalendarProperty, organizer: Bool, fromTov: Bool, notKept: inout [String]
    ) throws -> PersonReference? {
        let userType = property.parameter("CUTYPE")?.uppercased()
        if userType == "ROOM" || userType == "RESOURCE" {
            notKept.append("\(property.name);CUTYPE=\(userType ?? "")")
            return nil
        }
        let address = property.value.trimmedSpaces
        var email: String?
        if address.lowercased().hasPrefix("mailto:") {
            email = clean(String(address.dropFirst("mailto:".count)))?.lowercased()
        }
        var roles: [Assignment.Role] = []
        for value in property.parameters.filter({ $0.name == ICalendarTerms.roleParameter }).flatMap(\.values) {
            guard let role = Assignment.Role(rawValue: value.lowercased()) else {
                throw ICalendarSyntaxError(line: property.line, "\(ICalendarTerms.roleParameter) '\(value)' is not a role (\(Assignment.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if !roles.contains(role) { roles.append(role) }
        }
        var participation: Participation.Status?
        if let value = property.parameter(ICalendarTerms.participationParameter) {
            guard let status = Participation.Status(rawValue: value.lowercased()) else {
                throw ICalendarSyntaxError(line: property.line, "\(ICalendarTerms.participationParameter) '\(value)' is not a participation status")
            }
            participation = status
        }
        let ours = !roles.isEmpty || participation != nil
        if !ours {
            if organizer {
                // tov writes the people it keeps with their roles; an ORGANIZER of its own without one is not ours.
                guard !fromTov else {
                    notKept.append(property.name)
                    return nil
                }
                roles = [.coOrganiser]
            } else {
                participation = ICalendarTerms.participation(partStat: property.parameter("PARTSTAT"))
                if property.parameter("ROLE")?.uppercased() == "CHAIR" { roles = [.moderator] }
            }
        }
        let name = property.parameter("CN").flatMap(clean)
        guard name != nil || email != nil else {
            notKept.append(property.name)
            return nil
        }
        return PersonReference(
            id: property.parameter(ICalendarTerms.idParameter).flatMap(UUID.init(uuidString:)), name: name, email: email,
            isOrganisation: userType == "GROUP",
            organisationID: property.parameter(ICalendarTerms.organisationIDParameter).flatMap(UUID.init(uuidString:)),
            organisationName: property.parameter(ICalendarTerms.organisationParameter).flatMap(clean),
            roles: roles, itemID: property.parameter(ICalendarTerms.itemParameter).flatMap(UUID.init(uuidString:)),
            participation: participation
        )
    }
}

extension String {
    /// Whether the text's UTF-8 holds `byte`: read in place, as iterating `utf8` itself takes an index
    /// step per byte, which values of a large file feel.
    func utf8Contains(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.contains(byte) }
    }

    /// The text without the spaces and tabs around it; the text itself, without copying, when there are
    /// none (nearly always: Foundation's trimming would turn every value of a large file into an NSString).
    var trimmedSpaces: String {
        let bytes = utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        guard let first = bytes.first, let last = bytes.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), let end = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
