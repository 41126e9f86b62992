import TovCore

/// How tov's records are said in iCalendar, for export and import alike.
///
/// Standard properties carry what other tools understand (STATUS, CATEGORIES, LOCATION, DESCRIPTION,
/// ATTENDEE with ROLE and PARTSTAT). What they have no word for travels in X-TOV- properties and parameters,
/// so that a file tov wrote comes back into tov exactly (a regional office's plan into the centre), while a
/// file from elsewhere is read from its standard properties alone.
public enum ICalendarTerms {
    /// PRODID of the files tov writes.
    public static let productID = "-//tov//tov scheduler//MN"

    // MARK: - Properties

    /// Our kind (`dialogue`, `sa-day`, `event`); CATEGORIES names it too, for other tools.
    public static let kind = "X-TOV-KIND"
    /// Our status where STATUS has no word for it (idea, held, reported).
    public static let status = "X-TOV-STATUS"
    /// Aimag or district code (`MN-043`); LOCATION gives the venue and place in words.
    public static let place = "X-TOV-PLACE"
    /// The venue as stored, without the place LOCATION adds.
    public static let venue = "X-TOV-VENUE"
    /// Notes as stored; DESCRIPTION gives topic, programme and notes in words.
    public static let notes = "X-TOV-NOTES"
    /// The topic's title (in Mongolian); parameters `X-TOV-ID` give its UUID and `X-TOV-TITLE-EN` its English title.
    public static let topic = "X-TOV-TOPIC"
    /// The public event an SA Day is attached to; parameter `X-TOV-DATE` (a DATE) gives its date.
    public static let publicEvent = "X-TOV-PUBLIC-EVENT"
    /// The report: attendance as an integer.
    public static let reportAttendance = "X-TOV-REPORT-ATTENDANCE"
    /// The report's notes (TEXT).
    public static let reportNotes = "X-TOV-REPORT-NOTES"
    /// A series' shift policy (`keep`, `next-working-day` …) when it is not `keep`.
    public static let shift = "X-TOV-SHIFT"
    /// `TRUE` on an override VEVENT written only because the series' shift policy moves that meeting off a
    /// weekend or a day off: nothing is stored on it, and tov computes it from the series (no need to store it).
    public static let shifted = "X-TOV-SHIFTED"
    /// The IANA zone of an all-day event or series: its DATE values take no TZID, and tov keeps a zone for each.
    public static let zone = "X-TOV-ZONE"
    /// One programme item: value its title (TEXT); parameters `X-TOV-ID` (UUID), `X-TOV-START` and
    /// `X-TOV-END` (local times `HHMMSS`, when set), `X-TOV-ITEM-KIND`, `X-TOV-AREA` (when set).
    public static let programmeItem = "X-TOV-ITEM"

    /// On an override VEVENT (one with RECURRENCE-ID): the override's own UUID, so that a meeting changed
    /// in tov keeps its id through an export and an import.
    public static let recordID = "X-TOV-ID"

    // MARK: - Parameters

    /// A record's UUID (on ATTENDEE, X-TOV-TOPIC, X-TOV-ITEM).
    public static let idParameter = "X-TOV-ID"
    /// On ATTENDEE: our role name (`keynote`, `lead-discussant` …).
    public static let roleParameter = "X-TOV-ROLE"
    /// On ATTENDEE: a person's organisation, by name; `X-TOV-ORG-ID` gives its UUID.
    public static let organisationParameter = "X-TOV-ORG", organisationIDParameter = "X-TOV-ORG-ID"
    /// On ATTENDEE: the UUID of the programme item the role is on.
    public static let itemParameter = "X-TOV-ITEM"
    /// On ATTENDEE: a participation status (`invited` … `excused`), for people and organisations on the list.
    public static let participationParameter = "X-TOV-PARTICIPATION"
    /// On X-TOV-TOPIC: the topic's English title.
    public static let titleEnParameter = "X-TOV-TITLE-EN"
    /// On X-TOV-PUBLIC-EVENT: its date.
    public static let dateParameter = "X-TOV-DATE"
    /// On X-TOV-ITEM.
    public static let startParameter = "X-TOV-START", endParameter = "X-TOV-END"
    public static let itemKindParameter = "X-TOV-ITEM-KIND", areaParameter = "X-TOV-AREA"

    // MARK: - Status

    /// STATUS for our status: idea and tentative are TENTATIVE, cancelled CANCELLED, the rest CONFIRMED.
    public static func standardStatus(_ status: EventStatus) -> String {
        switch status {
        case .idea, .tentative: "TENTATIVE"
        case .confirmed, .held, .reported: "CONFIRMED"
        case .cancelled: "CANCELLED"
        }
    }

    /// Whether X-TOV-STATUS must be written beside STATUS to keep `status`.
    public static func needsOwnStatus(_ status: EventStatus) -> Bool {
        status == .idea || status == .held || status == .reported
    }

    /// Our status from STATUS (and X-TOV-STATUS, which wins when it names one of ours). A VEVENT without
    /// STATUS is confirmed, as calendars show it.
    public static func status(standard: String?, own: String?) -> EventStatus {
        if let own, let status = EventStatus(rawValue: own.lowercased()) { return status }
        switch standard?.uppercased() {
        case "TENTATIVE": return .tentative
        case "CANCELLED": return .cancelled
        default: return .confirmed
        }
    }

    // MARK: - Roles and participation

    /// ATTENDEE's ROLE for one of ours: the moderator chairs; keynote, lead discussants, presenters,
    /// trainers and interviewers are required; co-organisers are required too.
    public static func standardRole(_ role: Assignment.Role) -> String {
        role == .moderator ? "CHAIR" : "REQ-PARTICIPANT"
    }

    /// PARTSTAT for a participation status.
    public static func partStat(_ status: Participation.Status) -> String {
        switch status {
        case .invited: "NEEDS-ACTION"
        case .registered, .attended: "ACCEPTED"
        case .absent, .excused: "DECLINED"
        }
    }

    /// Our participation status for an ATTENDEE of another tool, from its PARTSTAT.
    public static func participation(partStat: String?) -> Participation.Status {
        switch partStat?.uppercased() {
        case "ACCEPTED": .registered
        case "DECLINED": .excused
        default: .invited
        }
    }

    /// CUTYPE for a holder: a person is INDIVIDUAL, an organisation a GROUP.
    public static func calendarUserType(_ holder: Assignment.Holder) -> String {
        switch holder {
        case .person: "INDIVIDUAL"
        case .organisation: "GROUP"
        }
    }

    /// The CATEGORIES word for our kind.
    public static func category(_ kind: EventKind) -> String { kind.rawValue }
}
