/// The words tov shows for its domain values, in Mongolian and English.
///
/// One table for the command line, the interface and the exports, so a term reads the same everywhere.
///
///     Vocabulary.name(of: EventKind.saDay, in: .mn) // "НЭХ өдөрлөг"
public enum Vocabulary {
    /// The display name of a kind of event.
    public static func name(of kind: EventKind, in language: Language) -> String {
        switch (kind, language) {
        case (.dialogue, .mn): "ТББ-ын диалоги"
        case (.dialogue, .en): "NGO Dialogue"
        case (.saDay, .mn): "НЭХ өдөрлөг"
        case (.saDay, .en): "SA Day"
        case (.event, .mn): "арга хэмжээ"
        case (.event, .en): "event"
        }
    }

    /// The display name of an event status.
    public static func name(of status: EventStatus, in language: Language) -> String {
        switch (status, language) {
        case (.idea, .mn): "санаа"
        case (.idea, .en): "idea"
        case (.reported, .mn): "тайлагнасан"
        case (.reported, .en): "reported"
        case (.tentative, .mn): "урьдчилсан"
        case (.tentative, .en): "tentative"
        case (.confirmed, .mn): "батлагдсан"
        case (.confirmed, .en): "confirmed"
        case (.held, .mn): "болсон"
        case (.held, .en): "held"
        case (.cancelled, .mn): "цуцалсан"
        case (.cancelled, .en): "cancelled"
        }
    }

    /// How far a place's SA Days of a year have got, as the coverage lists it.
    public static func name(of state: SADayCoverage.State, in language: Language) -> String {
        switch (state, language) {
        case (.none, .mn): "товлоогүй"
        case (.none, .en): "none"
        case (.idea, .mn): "санаа"
        case (.idea, .en): "idea"
        case (.planned, .mn): "төлөвлөсөн"
        case (.planned, .en): "planned"
        case (.held, .mn): "болсон"
        case (.held, .en): "held"
        }
    }

    /// The display name of a role.
    public static func name(of role: Assignment.Role, in language: Language) -> String {
        switch (role, language) {
        case (.keynote, .mn): "гол илтгэгч"
        case (.keynote, .en): "keynote"
        case (.leadDiscussant, .mn): "тэргүүлэгч хэлэлцүүлэгч"
        case (.leadDiscussant, .en): "lead discussant"
        case (.moderator, .mn): "хөтлөгч"
        case (.moderator, .en): "moderator"
        case (.presenter, .mn): "илтгэгч"
        case (.presenter, .en): "presenter"
        case (.trainer, .mn): "сургагч багш"
        case (.trainer, .en): "trainer"
        case (.interviewer, .mn): "ярилцлага авагч"
        case (.interviewer, .en): "interviewer"
        case (.coOrganiser, .mn): "хамтран зохион байгуулагч"
        case (.coOrganiser, .en): "co-organiser"
        }
    }

    /// The display name of a kind of organisation.
    public static func name(of kind: Organisation.Kind, in language: Language) -> String {
        switch (kind, language) {
        case (.ngo, .mn): "ТББ"
        case (.ngo, .en): "NGO"
        case (.cso, .mn): "ИНБ"
        case (.cso, .en): "CSO"
        case (.ministry, .mn): "яам"
        case (.ministry, .en): "ministry"
        case (.stateAgency, .mn): "төрийн байгууллага"
        case (.stateAgency, .en): "state agency"
        case (.developmentProject, .mn): "хөгжлийн төсөл"
        case (.developmentProject, .en): "development project"
        case (.serviceProvider, .mn): "үйлчилгээ үзүүлэгч"
        case (.serviceProvider, .en): "service provider"
        case (.localAdministration, .mn): "орон нутгийн захиргаа"
        case (.localAdministration, .en): "local administration"
        case (.citizenGroup, .mn): "иргэдийн бүлэг"
        case (.citizenGroup, .en): "citizen group"
        case (.media, .mn): "хэвлэл мэдээлэл"
        case (.media, .en): "media"
        case (.other, .mn): "бусад"
        case (.other, .en): "other"
        }
    }

    /// The display name of a programme item kind.
    public static func name(of kind: ProgrammeItem.Kind, in language: Language) -> String {
        switch (kind, language) {
        case (.keynote, .mn): "гол илтгэл"
        case (.keynote, .en): "keynote"
        case (.presentation, .mn): "илтгэл, танилцуулга"
        case (.presentation, .en): "presentation"
        case (.openDiscussion, .mn): "нээлттэй хэлэлцүүлэг"
        case (.openDiscussion, .en): "open discussion"
        case (.panel, .mn): "тэргүүлэгч хэлэлцүүлэгчид"
        case (.panel, .en): "lead discussants' panel"
        case (.interview, .mn): "ярилцлага"
        case (.interview, .en): "interview"
        case (.seminar, .mn): "семинар"
        case (.seminar, .en): "seminar"
        case (.training, .mn): "сургалт"
        case (.training, .en): "training"
        case (.informationStand, .mn): "мэдээллийн булан"
        case (.informationStand, .en): "information stand"
        case (.survey, .mn): "санал асуулга"
        case (.survey, .en): "citizen survey"
        }
    }

    /// The display name of the public service a programme item is about.
    public static func name(of area: ProgrammeItem.ServiceArea, in language: Language) -> String {
        switch (area, language) {
        case (.education, .mn): "боловсрол"
        case (.education, .en): "education"
        case (.health, .mn): "эрүүл мэнд"
        case (.health, .en): "health"
        case (.cityServices, .mn): "хотын үйлчилгээ"
        case (.cityServices, .en): "city services"
        case (.procurement, .mn): "төрийн худалдан авах ажиллагаа"
        case (.procurement, .en): "public procurement"
        case (.finance, .mn): "санхүү"
        case (.finance, .en): "finance"
        case (.other, .mn): "бусад"
        case (.other, .en): "other"
        }
    }

    /// The display name of a topic status.
    public static func name(of status: Topic.Status, in language: Language) -> String {
        switch (status, language) {
        case (.queued, .mn): "дараалалд"
        case (.queued, .en): "queued"
        case (.scheduled, .mn): "товлогдсон"
        case (.scheduled, .en): "scheduled"
        case (.held, .mn): "хэлэлцсэн"
        case (.held, .en): "held"
        case (.withdrawn, .mn): "татгалзсан"
        case (.withdrawn, .en): "withdrawn"
        }
    }

    /// The display name of a participation status.
    public static func name(of status: Participation.Status, in language: Language) -> String {
        switch (status, language) {
        case (.invited, .mn): "урьсан"
        case (.invited, .en): "invited"
        case (.registered, .mn): "бүртгүүлсэн"
        case (.registered, .en): "registered"
        case (.attended, .mn): "оролцсон"
        case (.attended, .en): "attended"
        case (.absent, .mn): "ирээгүй"
        case (.absent, .en): "absent"
        case (.excused, .mn): "чөлөөтэй"
        case (.excused, .en): "excused"
        }
    }

    /// How many records of a kind, as a count line reads: "77 organisations" or "байгууллага: 77".
    public static func count(_ number: Int, of kind: RecordKind, in language: Language) -> String {
        switch language {
        case .mn:
            let noun = switch kind {
            case .organisation: "байгууллага"
            case .person: "хүн"
            case .event: "арга хэмжээ"
            case .series: "цуврал"
            case .topic: "сэдэв"
            case .programmeItem: "хөтөлбөрийн хэсэг"
            case .assignment: "үүрэг"
            case .participation: "оролцоо"
            case .unavailability: "завгүй өдрүүд"
            }
            return "\(noun): \(number)"
        case .en:
            let noun = switch kind {
            case .organisation: number == 1 ? "organisation" : "organisations"
            case .person: number == 1 ? "person" : "people"
            case .event: number == 1 ? "event" : "events"
            case .series: "series"
            case .topic: number == 1 ? "topic" : "topics"
            case .programmeItem: number == 1 ? "programme item" : "programme items"
            case .assignment: number == 1 ? "assignment" : "assignments"
            case .participation: number == 1 ? "participation record" : "participation records"
            case .unavailability: number == 1 ? "time away" : "times away"
            }
            return "\(number) \(noun)"
        }
    }

    /// Monday-first weekday names.
    public static func name(of weekday: Weekday, in language: Language) -> String {
        switch language {
        case .mn: ["Даваа", "Мягмар", "Лхагва", "Пүрэв", "Баасан", "Бямба", "Ням"][weekday.rawValue]
        case .en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday.rawValue]
        }
    }

    /// A date as people write it: "2026 оны 11-р сарын 23" or "23 November 2026".
    public static func date(_ date: LocalDate, in language: Language) -> String {
        switch language {
        case .mn:
            return "\(date.year) оны \(date.month)-р сарын \(date.day)"
        case .en:
            return "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
        }
    }

    /// A month as a calendar heads it: "2026 оны 11-р сар" or "November 2026".
    public static func month(_ date: LocalDate, in language: Language) -> String {
        switch language {
        case .mn: "\(date.year) оны \(date.month)-р сар"
        case .en: "\(englishMonths[date.month - 1]) \(date.year)"
        }
    }

    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// How a schedule reads in a line: "2026 оны 3-р сарын 5 10:00–12:00 (Asia/Hovd, UTC+7)".
    public static func describe(_ schedule: Schedule, in language: Language) -> String {
        if schedule.allDay {
            let last = schedule.end.date.adding(days: -1)
            let days = last == schedule.start.date
                ? date(last, in: language)
                : date(schedule.start.date, in: language) + " – " + date(last, in: language)
            return days + (language == .mn ? " (өдөржин)" : " (all day)")
        }
        let zone = "\(schedule.zone.identifier), \(schedule.zone.offsetLabel(at: schedule.startInstant))"
        var text = date(schedule.start.date, in: language) + " " + schedule.start.time.short + "–"
        if schedule.end.date != schedule.start.date { text += date(schedule.end.date, in: language) + " " }
        return text + schedule.end.time.short + " (\(zone))"
    }
}
