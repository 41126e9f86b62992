import Foundation
import TovCore

/// tov's events and series as an iCalendar file (RFC 5545) that calendars read and tov imports back exactly.
///
/// One VCALENDAR: a VTIMEZONE for each zone of a timed event or series, a VEVENT for each single event and each
/// series (RRULE, EXDATE, RDATE), and a VEVENT with RECURRENCE-ID for each stored change of a series' meeting and
/// for each meeting its shift policy moves off a weekend or a day off (a rule cannot say that). Standard properties
/// carry what other tools show; `ICalendarTerms`' X-TOV- ones carry the rest. Reads no clock and no file: the
/// caller gives `now` (DTSTAMP) and today.
///
///     let options = ICalendarExport.Options(place: "Ховд", now: Date(), today: today)
///     let bytes = try store.read { try ICalendarExport.bytes(of: $0, options: options) }
public enum ICalendarExport {
    /// What an export covers, and what it needs to know from outside.
    public struct Options: Sendable {
        /// The first day: events that overlap the days from it, and series with a meeting in them. With
        /// `through`, nil means from the first record; both nil, everything.
        public var from: LocalDate?
        /// The last day, included; nil means up to the last record.
        public var through: LocalDate?
        /// The zone of the days `from` and `through`.
        public var zone: Zone
        /// Only the events and series of this aimag or district: its code or its name.
        public var place: String?
        /// The language of the place names in LOCATION and of DESCRIPTION.
        public var language: Language
        /// DTSTAMP: when the file is written.
        public var now: Date
        /// From which an open-ended series' moved meetings are written `shiftYears` ahead.
        public var today: LocalDate

        public init(from: LocalDate? = nil, through: LocalDate? = nil, zone: Zone = .ulaanbaatar, place: String? = nil,
                    language: Language = .mn, now: Date, today: LocalDate) {
            self.from = from
            self.through = through
            self.zone = zone
            self.place = place
            self.language = language
            self.now = now
            self.today = today
        }
    }

    /// How many years after today (or after its first meeting, when that is later) the moved meetings of a series
    /// without an end are written, when no last day is given.
    public static let shiftYears = 10

    /// The file: UTF-8, CRLF line ends, lines folded at 75 octets.
    public static func bytes(of session: any ScheduleSession, options: Options) throws -> [UInt8] {
        if let from = options.from, let through = options.through, through < from {
            throw ValidationError("the end date \(through) is before the start date \(from)")
        }
        let placeCode = try options.place.map { try ReferenceData.shared.place(named: $0).code }
        let selection = try Selection(session: session, options: options, placeCode: placeCode)
        var document = try Document(selection: selection, session: session, options: options)
        return document.write()
    }
}

// MARK: - What is exported

extension ICalendarExport {
    /// The events and series an export writes.
    struct Selection {
        /// Single events, and the stored changes of series that are gone, by start.
        var events: [Event]
        /// Series by first start, each with its stored changes by original start.
        var series: [(series: Series, overrides: [Event])]

        init(session: any ScheduleSession, options: Options, placeCode: String?) throws {
            func inPlace(_ code: String?) -> Bool { placeCode == nil || code == placeCode }
            var events: [Event]
            var series: [Series]
            var overrides: [UUID: [Event]] = [:]
            var gone: Set<UUID> = []
            if let days = Days(options) {
                events = try session.events(overlapping: days.lower, days.upper, allDayMargin: Days.margin)
                    .filter { days.contains($0.schedule) }
                series = try session.series(overlapping: days.lower - Days.margin, days.upper + Days.margin)
                // Series whose changed meetings were moved into the range from far outside them, read in one go.
                let missing = Set(events.compactMap(\.seriesID)).subtracting(series.map(\.id))
                let found = missing.isEmpty ? [] : try session.series(Array(missing))
                series += found
                gone = missing.subtracting(found.map(\.id))
                series = series.filter { inPlace($0.placeCode) }
                for override in try session.overrides(ofSeries: series.map(\.id)) {
                    if let id = override.seriesID { overrides[id, default: []].append(override) }
                }
                let workingDays = series.allSatisfy { $0.shift == .keep } ? WorkingDays.weekendsOnly
                    : try session.workingDays(from: days.from.adding(days: -ShiftPolicy.reach - 2),
                                              through: days.through.adding(days: ShiftPolicy.reach + 2))
                series = series.filter { days.meet($0, overrides: overrides[$0.id] ?? [], workingDays: workingDays) }
                events.sort { $0.schedule.startInstant < $1.schedule.startInstant }
            } else {
                events = try session.allEvents()
                series = try session.allSeries()
                let known = Set(series.map(\.id))
                series = series.filter { inPlace($0.placeCode) }
                for event in events {
                    guard let id = event.seriesID else { continue }
                    if known.contains(id) { overrides[id, default: []].append(event) } else { gone.insert(id) }
                }
            }
            self.events = events.filter { event in (event.seriesID.map(gone.contains) ?? true) && inPlace(event.placeCode) }
            self.series = series.sorted { $0.schedule.startInstant < $1.schedule.startInstant }.map { one in
                (one, (overrides[one.id] ?? []).sorted { ($0.recurrenceID ?? $0.schedule.start) < ($1.recurrenceID ?? $1.schedule.start) })
            }
        }
    }

    /// The days of `Options.from` through `Options.through` in its zone, as instants for timed events and as
    /// dates for all-day ones (the same days in every zone), as the agenda takes them.
    struct Days {
        let from: LocalDate
        let through: LocalDate
        let lower: Int
        let upper: Int

        /// All-day events sit in their own zone's instants, up to 26 hours from ours: the store is asked with a margin.
        static let margin = 36 * 3600

        /// The days, or nil when neither end is given; an open end is the calendar's first or last day.
        init?(_ options: Options) {
            guard options.from != nil || options.through != nil else { return nil }
            from = options.from ?? LocalDate(daysSinceEpoch: -719_162) // 0001-01-01
            through = options.through ?? LocalDate(daysSinceEpoch: 2_932_896) // 9999-12-31
            lower = options.zone.instant(of: LocalDateTime(date: from))
            upper = options.zone.instant(of: LocalDateTime(date: through.adding(days: 1)))
        }

        func contains(_ schedule: Schedule) -> Bool {
            if schedule.allDay { return schedule.start.date <= through && schedule.end.date > from }
            return schedule.overlaps(lower: lower, upper: upper)
        }

        /// Whether any meeting of `series` falls on these days: a stored change, or a meeting the rule makes (where
        /// its shift policy puts it).
        func meet(_ series: Series, overrides: [Event], workingDays: WorkingDays) -> Bool {
            if overrides.contains(where: { contains($0.schedule) }) { return true }
            let changed = Set(overrides.compactMap(\.recurrenceID))
            let zone = series.schedule.zone
            let margin = series.schedule.allDay ? Days.margin : 0
            let reach = series.shift == .keep ? 0 : ShiftPolicy.reach * 86_400
            let lowerWall = zone.wallTime(at: lower - margin).adding(seconds: -series.schedule.duration - reach)
            let upperWall = zone.wallTime(at: upper + margin).adding(seconds: reach)
            return series.originalStarts(between: lowerWall, and: upperWall, limit: Agenda.meetingsPerSeries).contains { start in
                !changed.contains(start) && contains(series.occurrence(at: start, workingDays: workingDays).schedule)
            }
        }
    }
}

// MARK: - Writing

extension ICalendarExport {
    /// The records an export needs besides its events and series, each read once for the whole file.
    struct Document {
        let selection: Selection
        let options: Options
        var writer = ICalendarWriter()
        let origins: [UUID: Origin]
        let assignments: [UUID: [Assignment]]
        let participation: [UUID: [Participation]]
        let programme: [UUID: [ProgrammeItem]]
        let people: [UUID: Person]
        let organisations: [UUID: Organisation]
        let topics: [UUID: Topic]
        /// The last day whose moved meetings are written, and which VTIMEZONEs cover, per series.
        let lastDays: [UUID: LocalDate]
        /// Weekends and the stored days off over every series that moves its meetings off them.
        let workingDays: WorkingDays
        /// DTSTAMP's value, the same on every event.
        let stamp: String

        init(selection: Selection, session: any ScheduleSession, options: Options) throws {
            self.selection = selection
            self.options = options
            stamp = ICalendarValue.text(of: Document.utc(options.now), utc: true)
            let eventIDs = selection.events.map(\.id) + selection.series.flatMap { $0.overrides.map(\.id) }
            let recordIDs = eventIDs + selection.series.map(\.series.id)
            origins = recordIDs.isEmpty ? [:] : Document.index(try session.origins(ofRecords: recordIDs), by: \.recordID)
            let assignments = eventIDs.isEmpty ? [] : try session.assignments(ofEvents: eventIDs)
            let participation = eventIDs.isEmpty ? [] : try session.participation(ofEvents: eventIDs)
            self.assignments = Dictionary(grouping: assignments, by: \.eventID)
            self.participation = Dictionary(grouping: participation, by: \.eventID)
            programme = eventIDs.isEmpty ? [:] : Dictionary(grouping: try session.programme(ofEvents: eventIDs), by: \.eventID)
            let named = !assignments.isEmpty || !participation.isEmpty
            people = named ? Document.index(try session.people(), by: \.id) : [:]
            organisations = named ? Document.index(try session.organisations(), by: \.id) : [:]
            let hasTopics = selection.events.contains { $0.topicID != nil }
                || selection.series.contains { $0.overrides.contains { $0.topicID != nil } }
            topics = hasTopics ? Document.index(try session.topics(), by: \.id) : [:]
            var lastDays: [UUID: LocalDate] = [:]
            for (series, _) in selection.series { lastDays[series.id] = Document.lastDay(of: series, options: options) }
            self.lastDays = lastDays
            let shifting = selection.series.map(\.series).filter { $0.shift != .keep }
            if let first = shifting.map({ Document.firstStart(of: $0).date }).min(), let last = shifting.compactMap({ lastDays[$0.id] }).max() {
                workingDays = try session.workingDays(from: first.adding(days: -ShiftPolicy.reach - 2),
                                                      through: last.adding(days: ShiftPolicy.reach + 2))
            } else {
                workingDays = .weekendsOnly
            }
        }

        private static func index<T>(_ records: [T], by id: (T) -> UUID) -> [UUID: T] {
            Dictionary(records.map { (id($0), $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The wall time in UTC at `date`, to the second.
        private static func utc(_ date: Date) -> LocalDateTime {
            LocalDateTime(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)))
        }

        /// The series' first meeting: its first start, or an earlier extra date.
        private static func firstStart(of series: Series) -> LocalDateTime {
            series.extraDates.reduce(series.schedule.start, min)
        }

        /// The last day a series' meetings are written for: its last meeting's when its rule ends; otherwise
        /// the range's last day, or `shiftYears` after today or its first meeting, whichever is later.
        static func lastDay(of series: Series, options: Options) -> LocalDate {
            let schedule = series.schedule
            let extra = series.extraDates.max()
            if let last = series.rule.lastOccurrence(from: schedule.start, in: schedule.zone) {
                return max(last, extra ?? last).adding(seconds: schedule.duration).date
            }
            let horizon = options.through
                ?? max(options.today, schedule.start.date).adding(months: 12 * ICalendarExport.shiftYears)
                ?? schedule.start.date
            return max(horizon, extra?.date ?? horizon)
        }

        mutating func write() -> [UInt8] {
            // About 450 bytes an event with a place and a venue, and none to copy as the file grows.
            writer.reserveCapacity(4096 + 512 * (selection.events.count + selection.series.count))
            writer.begin("VCALENDAR")
            writer.property("PRODID", [], ICalendarTerms.productID)
            writer.property("VERSION", [], "2.0")
            writer.property("CALSCALE", [], "GREGORIAN")
            writer.property("METHOD", [], "PUBLISH")
            for (zone, years) in zoneYears().sorted(by: { $0.key.identifier < $1.key.identifier }) {
                writer.timeZone(zone, years: years)
            }
            for event in selection.events { write(event, series: nil) }
            for (series, overrides) in selection.series {
                write(series)
                for override in overrides { write(override, series: series) }
                writeShiftedMeetings(of: series, besides: overrides)
            }
            writer.end("VCALENDAR")
            return writer.bytes
        }

        /// The years each zone of a timed event or series is used in (all-day ones are dates, in no zone).
        private func zoneYears() -> [Zone: ClosedRange<Int>] {
            var years: [Zone: ClosedRange<Int>] = [:]
            func use(_ zone: Zone, _ first: Int, _ last: Int) {
                let known = years[zone], last = max(first, last)
                years[zone] = min(first, known?.lowerBound ?? first)...max(last, known?.upperBound ?? last)
            }
            func use(_ schedule: Schedule) {
                if !schedule.allDay { use(schedule.zone, schedule.start.date.year, schedule.end.date.year) }
            }
            for event in selection.events { use(event.schedule) }
            for (series, overrides) in selection.series {
                if !series.schedule.allDay {
                    let first = Document.firstStart(of: series).date
                    use(series.schedule.zone, first.year, (lastDays[series.id] ?? first).year)
                }
                overrides.forEach { use($0.schedule) }
            }
            return years
        }

        // MARK: Components

        private mutating func write(_ series: Series) {
            let schedule = series.schedule
            writer.begin("VEVENT")
            identify(uid: uid(of: series.id), sequence: origins[series.id]?.sequence ?? 0,
                     created: series.created, updated: series.updated)
            times(schedule)
            writer.property("RRULE", [], Document.standard(series.rule, of: schedule).description)
            for date in series.extraDates.sorted() { dateTime("RDATE", date, of: schedule) }
            for date in series.exceptionDates.sorted() { dateTime("EXDATE", date, of: schedule) }
            // RFC 5545 makes DTSTART a meeting; in tov a first start its rule does not give is none.
            if !series.exceptionDates.contains(schedule.start) && !series.hasOriginalStart(schedule.start) {
                dateTime("EXDATE", schedule.start, of: schedule)
            }
            let first = Occurrence(series: series, start: schedule.start)
            describe(first, entry: SchedulePage.Entry(
                occurrence: first, topic: nil, roles: [],
                programme: Programme.preview(of: first).map { SchedulePage.Item(item: $0, people: []) }))
            if series.shift != .keep { writer.property(ICalendarTerms.shift, text: series.shift.rawValue) }
            writer.end("VEVENT")
        }

        /// A single event, or a stored change of `series`' meeting (of a series that is gone when `series` is nil).
        private mutating func write(_ event: Event, series: Series?) {
            writer.begin("VEVENT")
            let record = event.seriesID ?? event.id
            identify(uid: uid(of: record, or: event.id), sequence: origins[event.id]?.sequence ?? origins[record]?.sequence ?? 0,
                     created: event.created, updated: event.updated)
            if let original = event.recurrenceID, event.seriesID != nil {
                dateTime("RECURRENCE-ID", original, of: series?.schedule ?? event.schedule)
                writer.property(ICalendarTerms.recordID, [], event.id.lowercasedText)
            }
            times(event.schedule)
            let occurrence = Occurrence(event: event)
            let topic = event.topicID.flatMap { topics[$0] }
            let (roles, itemPeople) = holders(of: event.id)
            let items = Programme.ordered(programme[event.id] ?? [])
            describe(occurrence, entry: SchedulePage.Entry(
                occurrence: occurrence, topic: topic, roles: roles,
                programme: items.map { SchedulePage.Item(item: $0, people: itemPeople[$0.id] ?? []) },
                publicEventDate: event.publicEventDate))
            if let topic {
                var parameters = [ICalendarParameter(ICalendarTerms.idParameter, topic.id.lowercasedText)]
                if let english = topic.titleEn { parameters.append(ICalendarParameter(ICalendarTerms.titleEnParameter, english)) }
                writer.property(ICalendarTerms.topic, parameters, text: topic.titleMn)
            }
            if event.publicEvent != nil || event.publicEventDate != nil {
                let date = event.publicEventDate.map { [ICalendarParameter(ICalendarTerms.dateParameter, ICalendarValue.text(of: $0))] }
                writer.property(ICalendarTerms.publicEvent, date ?? [], text: event.publicEvent ?? "")
            }
            if let attendance = event.report?.attendance {
                writer.property(ICalendarTerms.reportAttendance) { ICalendarValue.append(attendance, to: &$0) }
            }
            if let notes = event.report?.notes { writer.property(ICalendarTerms.reportNotes, text: notes) }
            for item in items { write(item) }
            attendees(of: event.id)
            writer.end("VEVENT")
        }

        /// Every meeting of `series` that its shift policy moves off a weekend or a day off, and that no stored
        /// change already gives, as a change with RECURRENCE-ID, from its first meeting through its last day.
        private mutating func writeShiftedMeetings(of series: Series, besides overrides: [Event]) {
            guard series.shift != .keep, let lastDay = lastDays[series.id] else { return }
            let changed = Set(overrides.compactMap(\.recurrenceID))
            let first = Document.firstStart(of: series)
            // A meeting due just after the last day may be moved back onto it.
            let end = LocalDateTime(date: lastDay.adding(days: ShiftPolicy.reach + 1))
            for original in series.originalStarts(between: first, and: end) where !changed.contains(original) {
                let meeting = series.occurrence(at: original, workingDays: workingDays)
                let start = meeting.schedule.start
                guard start != original, original.date <= lastDay || start.date <= lastDay else { continue }
                writer.begin("VEVENT")
                identify(uid: uid(of: series.id), sequence: origins[series.id]?.sequence ?? 0,
                         created: series.created, updated: series.updated)
                dateTime("RECURRENCE-ID", original, of: series.schedule)
                times(meeting.schedule)
                describe(meeting, entry: SchedulePage.Entry(
                    occurrence: meeting, topic: nil, roles: [],
                    programme: Programme.preview(of: meeting).map { SchedulePage.Item(item: $0, people: []) }))
                writer.property(ICalendarTerms.shifted, [], "TRUE")
                writer.end("VEVENT")
            }
        }

        // MARK: Properties

        /// UID, DTSTAMP, CREATED, LAST-MODIFIED and SEQUENCE.
        private mutating func identify(uid: String, sequence: Int, created: Date, updated: Date) {
            writer.property("UID", text: uid)
            writer.property("DTSTAMP", [], stamp)
            if created != .distantPast { utc("CREATED", created) }
            if updated != .distantPast { utc("LAST-MODIFIED", updated) }
            writer.property("SEQUENCE") { ICalendarValue.append(sequence, to: &$0) }
        }

        /// The UID of a record: the one it was imported with, else its UUID in lowercase.
        private func uid(of record: UUID, or other: UUID? = nil) -> String {
            origins[record]?.uid ?? other.flatMap { origins[$0]?.uid } ?? record.lowercasedText
        }

        private mutating func utc(_ name: String, _ date: Date) {
            let wall = Document.utc(date)
            writer.property(name) { ICalendarValue.append(wall, utc: true, to: &$0) }
        }

        /// DTSTART and DTEND: wall times with TZID, or dates (the end exclusive) with the zone in X-TOV-ZONE.
        private mutating func times(_ schedule: Schedule) {
            dateTime("DTSTART", schedule.start, of: schedule)
            dateTime("DTEND", schedule.end, of: schedule)
            if schedule.allDay { writer.property(ICalendarTerms.zone, text: schedule.zone.identifier) }
        }

        /// A DATE-TIME in the schedule's zone, or a DATE when it is all day.
        private mutating func dateTime(_ name: String, _ wall: LocalDateTime, of schedule: Schedule) {
            if schedule.allDay {
                writer.property(name, Document.dateValue) { ICalendarValue.append(wall.date, to: &$0) }
            } else {
                writer.property(name, [ICalendarParameter("TZID", schedule.zone.identifier)]) { ICalendarValue.append(wall, to: &$0) }
            }
        }

        private static let dateValue = [ICalendarParameter("VALUE", "DATE")]

        /// SUMMARY, LOCATION, DESCRIPTION, STATUS and CATEGORIES, with the X-TOV- ones that keep what they cannot.
        private mutating func describe(_ occurrence: Occurrence, entry: SchedulePage.Entry) {
            writer.property("SUMMARY", text: occurrence.title)
            let place = occurrence.placeCode.flatMap { ReferenceData.shared.placeName(code: $0, in: options.language) }
            let location = [occurrence.venue, place].compactMap { $0 }.filter { !$0.isEmpty }
            if !location.isEmpty { writer.property("LOCATION", text: location.joined(separator: ", ")) }
            let details = entry.details(in: options.language)
            if !details.isEmpty { writer.property("DESCRIPTION", text: details) }
            writer.property("STATUS", [], ICalendarTerms.standardStatus(occurrence.status))
            if ICalendarTerms.needsOwnStatus(occurrence.status) {
                writer.property(ICalendarTerms.status, text: occurrence.status.rawValue)
            }
            writer.property("CATEGORIES", text: ICalendarTerms.category(occurrence.kind))
            writer.property(ICalendarTerms.kind, text: occurrence.kind.rawValue)
            if let code = occurrence.placeCode { writer.property(ICalendarTerms.place, text: code) }
            if let venue = occurrence.venue { writer.property(ICalendarTerms.venue, text: venue) }
            if let notes = occurrence.notes { writer.property(ICalendarTerms.notes, text: notes) }
        }

        /// The RRULE of a series as RFC 5545 wants it: UNTIL in UTC for a timed series and a date for an all-day one
        /// (tov also keeps a wall time or a date, which mean the same meetings).
        static func standard(_ rule: RecurrenceRule, of schedule: Schedule) -> RecurrenceRule {
            let zone = schedule.zone
            let until: RecurrenceRule.Until
            switch (rule.until, schedule.allDay) {
            case (.local(let wall)?, false):
                until = .utc(LocalDateTime(secondsSinceEpoch: zone.instant(of: wall)))
            case (.date(let date)?, false):
                until = .utc(LocalDateTime(secondsSinceEpoch: zone.instant(of: LocalDateTime(date: date.adding(days: 1))) - 1))
            case (.local(let wall)?, true):
                until = .date(wall.date)
            case (.utc(let wall)?, true):
                until = .date(zone.wallTime(at: wall.secondsSinceEpoch).date)
            default:
                return rule
            }
            return (try? rule.replacing(count: nil, until: until)) ?? rule
        }

        /// One X-TOV-ITEM: the title, with its id, local times, kind and service area.
        private mutating func write(_ item: ProgrammeItem) {
            var parameters = [ICalendarParameter(ICalendarTerms.idParameter, item.id.lowercasedText)]
            if let start = item.start { parameters.append(ICalendarParameter(ICalendarTerms.startParameter, ICalendarValue.text(of: start))) }
            if let end = item.end { parameters.append(ICalendarParameter(ICalendarTerms.endParameter, ICalendarValue.text(of: end))) }
            parameters.append(ICalendarParameter(ICalendarTerms.itemKindParameter, item.kind.rawValue))
            if let area = item.serviceArea { parameters.append(ICalendarParameter(ICalendarTerms.areaParameter, area.rawValue)) }
            writer.property(ICalendarTerms.programmeItem, parameters, text: item.title)
        }

        // MARK: People

        /// The people and organisations in roles on an event, as the published page names them: on the event as a
        /// whole, and by programme item.
        private func holders(of eventID: UUID) -> (roles: [SchedulePage.RoleHolder], byItem: [UUID: [SchedulePage.RoleHolder]]) {
            var roles: [SchedulePage.RoleHolder] = [], byItem: [UUID: [SchedulePage.RoleHolder]] = [:]
            for assignment in assignments[eventID] ?? [] {
                guard let holder = holder(assignment.holder) else { continue }
                let named = SchedulePage.RoleHolder(name: holder.name, organisation: holder.organisation?.name, role: assignment.role)
                if let itemID = assignment.programmeItemID { byItem[itemID, default: []].append(named) } else { roles.append(named) }
            }
            return (roles, byItem)
        }

        /// A person's or an organisation's name, email and (for a person) organisation; nil when it was deleted.
        private func holder(_ holder: Assignment.Holder) -> (name: String, email: String?, organisation: Organisation?)? {
            switch holder {
            case .person(let id):
                return people[id].map { ($0.name, $0.email, $0.organisationID.flatMap { organisations[$0] }) }
            case .organisation(let id):
                return organisations[id].map { ($0.name, $0.email, nil) }
            }
        }

        /// An ATTENDEE for each role on the event (keynote first) and for each entry of its list.
        private mutating func attendees(of eventID: UUID) {
            let roles = (assignments[eventID] ?? []).compactMap { assignment in holder(assignment.holder).map { (assignment, $0.name) } }
                .sorted { Assignment.Role.precedes(($0.0.role, $0.1), ($1.0.role, $1.1)) }
            for (assignment, _) in roles {
                var parameters = [
                    ICalendarParameter("ROLE", ICalendarTerms.standardRole(assignment.role)),
                    ICalendarParameter(ICalendarTerms.roleParameter, assignment.role.rawValue),
                ]
                if let itemID = assignment.programmeItemID {
                    parameters.append(ICalendarParameter(ICalendarTerms.itemParameter, itemID.lowercasedText))
                }
                attendee(assignment.holder, parameters)
            }
            for entry in participation[eventID] ?? [] {
                attendee(entry.participant, [
                    ICalendarParameter("ROLE", "OPT-PARTICIPANT"), ICalendarParameter("PARTSTAT", ICalendarTerms.partStat(entry.status)),
                    ICalendarParameter(ICalendarTerms.participationParameter, entry.status.rawValue),
                ])
            }
        }

        /// `ATTENDEE;CN=…;CUTYPE=…;<parameters>;X-TOV-ID=…[;X-TOV-ORG=…;X-TOV-ORG-ID=…]:mailto:…` (or `urn:uuid:…`
        /// without a usable email).
        private mutating func attendee(_ holder: Assignment.Holder, _ parameters: [ICalendarParameter]) {
            guard let found = self.holder(holder) else { return }
            let id: UUID
            switch holder {
            case .person(let person): id = person
            case .organisation(let organisation): id = organisation
            }
            var all = [ICalendarParameter("CN", found.name), ICalendarParameter("CUTYPE", ICalendarTerms.calendarUserType(holder))]
            all += parameters
            all.append(ICalendarParameter(ICalendarTerms.idParameter, id.lowercasedText))
            if let organisation = found.organisation {
                all.append(ICalendarParameter(ICalendarTerms.organisationParameter, organisation.name))
                all.append(ICalendarParameter(ICalendarTerms.organisationIDParameter, organisation.id.lowercasedText))
            }
            let address = Document.address(found.email).map { "mailto:" + $0 } ?? "urn:uuid:" + id.lowercasedText
            writer.property("ATTENDEE", all, address)
        }

        /// The email when it can stand in a `mailto:` URI as it is: an @, no space, quote or control character.
        static func address(_ email: String?) -> String? {
            guard let email, email.contains("@") else { return nil }
            let usable = email.unicodeScalars.allSatisfy { scalar in
                !scalar.properties.isWhitespace && scalar != "\"" && !(0...0x20).contains(scalar.value) && !(0x7F...0x9F).contains(scalar.value)
            }
            return usable ? email : nil
        }
    }
}
