import Foundation
import TovCore

/// The forms for each kind of record: fields filled from a record (or defaults), and the change a
/// filled form makes. A form that does not make sense says why and is kept open.
enum RecordForms {
    // MARK: Options

    static func kinds(_ language: Language) -> [FieldOption] {
        EventKind.allCases.map { FieldOption(value: $0.rawValue, label: KindGlyph.of($0) + " " + Vocabulary.name(of: $0, in: language)) }
    }

    static func statuses(_ language: Language) -> [FieldOption] {
        EventStatus.allCases.map { FieldOption(value: $0.rawValue, label: Vocabulary.name(of: $0, in: language)) }
    }

    /// Every aimag and district, found by either name or code.
    static func places(_ language: Language) -> [FieldOption] {
        [.none(language)] + ReferenceData.shared.places.map { place in
            FieldOption(value: place.code, label: place.name(in: language),
                   keywords: place.name(in: language == .mn ? .en : .mn) + " " + place.code)
        }
    }

    static func organisations(_ organisations: [Organisation], _ language: Language) -> [FieldOption] {
        [.none(language)] + organisations.map { FieldOption(value: $0.id.uuidString, label: $0.name) }
    }

    /// Rules people ask for by name; the rule field can still take any RFC 5545 rule.
    static func presets(_ language: Language) -> [FieldOption] {
        let presets: [(String, String, String)] = [
            ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "2 сар тутам 3 дахь Пүрэв", "Every 2 months on the 3rd Thursday"),
            ("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR", "2 сар тутам сүүлийн Баасан", "Last Friday every 2 months"),
            ("FREQ=MONTHLY;BYDAY=1MO", "Сар бүрийн эхний Даваа", "Every month on the 1st Monday"),
            ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", "Улирал бүрийн 15-нд", "Every 3 months on the 15th"),
            ("FREQ=WEEKLY", "Долоо хоног бүр", "Every week"),
            ("FREQ=YEARLY", "Жил бүр", "Every year"),
        ]
        return presets.map { FieldOption(value: $0.0, label: language.pick($0.1, $0.2)) }
    }

    // MARK: Events

    /// A form for a new event on `date`, or for changing `event`.
    static func event(_ event: Event?, on date: LocalDate, language: Language) -> Form {
        let title = event == nil ? language.pick("Шинэ арга хэмжээ", "New event") : language.pick("Арга хэмжээ засах", "Edit event")
        return Form(purpose: .event(event), title: title, fields: eventFields(
            title: event?.title, kind: event?.kind ?? .event, schedule: event?.schedule, date: date,
            placeCode: event?.placeCode, venue: event?.venue, status: event?.status ?? .confirmed, notes: event?.notes,
            publicEvent: event?.publicEvent, publicEventDate: event?.publicEventDate, language: language))
    }

    /// A form for one meeting of a series, saved as its override.
    static func meeting(_ occurrence: Occurrence, series: Series, override: Event?, language: Language) -> Form {
        Form(purpose: .meeting(series, original: occurrence.recurrenceID ?? occurrence.schedule.start, override: override),
             title: language.pick("Цувралын товыг засах", "Edit one meeting of the series"),
             fields: eventFields(
                title: occurrence.title, kind: occurrence.kind, schedule: occurrence.schedule, date: occurrence.schedule.start.date,
                placeCode: occurrence.placeCode, venue: occurrence.venue, status: occurrence.status, notes: occurrence.notes,
                publicEvent: override?.publicEvent ?? occurrence.publicEvent, publicEventDate: override?.publicEventDate, language: language))
    }

    private static func eventFields(
        title: String?, kind: EventKind, schedule: Schedule?, date: LocalDate, placeCode: String?, venue: String?,
        status: EventStatus, notes: String?, publicEvent: String?, publicEventDate: LocalDate?, language: Language
    ) -> [FormField] {
        let timed = schedule.map { !$0.allDay } ?? true
        let lastDay = schedule.map { $0.allDay ? $0.end.date.adding(days: -1) : $0.end.date }
        let endDate = lastDay.flatMap { $0 == schedule?.start.date ? nil : $0.description } ?? ""
        return [
            FormField(.title, language.pick("Гарчиг", "Title"), required: true, text: title ?? ""),
            FormField(.kind, language.pick("Төрөл", "Kind"), kind: .choice, options: kinds(language), selected: kind.rawValue),
            FormField(.date, language.pick("Огноо", "Date"), kind: .date, required: true, text: (schedule?.start.date ?? date).description),
            FormField(.start, language.pick("Эхлэх цаг", "Starts"), kind: .time, text: timed ? schedule?.start.time.short ?? "10:00" : ""),
            FormField(.end, language.pick("Дуусах цаг", "Ends"), kind: .time, text: timed ? schedule?.end.time.short ?? "12:00" : ""),
            FormField(.endDate, language.pick("Дуусах огноо", "Last day"), kind: .date, text: endDate),
            FormField(.place, language.pick("Аймаг, дүүрэг", "Aimag or district"), kind: .picker, options: places(language), selected: placeCode),
            FormField(.venue, language.pick("Байршил", "Venue"), text: venue ?? ""),
            FormField(.status, language.pick("Төлөв", "Status"), kind: .choice, options: statuses(language), selected: status.rawValue),
            FormField(.notes, language.pick("Тэмдэглэл", "Notes"), text: notes ?? ""),
            FormField(.publicEvent, language.pick("Уялдах арга хэмжээ", "Public event"), text: publicEvent ?? ""),
            FormField(.publicEventDate, language.pick("Түүний огноо", "Its date"), kind: .date, text: publicEventDate?.description ?? ""),
        ]
    }

    /// The schedule a form's date and time fields give: timed when it has a start time, else all day.
    static func schedule(of form: Form, zone: Zone) throws -> Schedule {
        let date = try LocalDate(parsing: form[.date]?.text ?? "")
        let lastDay = try form[.endDate]?.text.map { try LocalDate(parsing: $0) }
        guard let startText = form[.start]?.text else {
            if form[.end]?.text != nil {
                throw ValidationError("an all-day event has no end time: give a start time too, or clear the end")
            }
            return try Schedule(allDayFrom: date, through: lastDay ?? date, zone: zone)
        }
        let start = LocalDateTime(date: date, time: try LocalTime(parsing: startText))
        let end: LocalDateTime
        if let endText = form[.end]?.text {
            end = LocalDateTime(date: lastDay ?? date, time: try LocalTime(parsing: endText))
        } else {
            end = lastDay.map { LocalDateTime(date: $0, time: start.time) } ?? start.adding(seconds: 7200)
        }
        return try Schedule(start: start, end: end, zone: zone)
    }

    /// The place picked, and the zone it gives (else `fallback`).
    static func place(of form: Form, fallback: Zone) -> (code: String?, zone: Zone) {
        guard let code = form[.place]?.value, !code.isEmpty, let place = ReferenceData.shared.place(code: code) else {
            return (nil, fallback)
        }
        return (code, place.zone)
    }

    // MARK: Series

    static func series(on date: LocalDate, language: Language) -> Form {
        let presets = presets(language)
        return Form(purpose: .series, title: language.pick("Шинэ цуврал", "New series"), fields: [
            FormField(.title, language.pick("Гарчиг", "Title"), required: true, text: language.pick("ТББ-ын яриа хэлэлцээ", "NGO Dialogue")),
            FormField(.kind, language.pick("Төрөл", "Kind"), kind: .choice, options: kinds(language), selected: EventKind.dialogue.rawValue),
            FormField(.date, language.pick("Эхний огноо", "First date"), kind: .date, required: true, text: date.description),
            FormField(.start, language.pick("Эхлэх цаг", "Starts"), kind: .time, required: true, text: "14:00"),
            FormField(.end, language.pick("Дуусах цаг", "Ends"), kind: .time, required: true, text: "17:00"),
            FormField(.preset, language.pick("Давтамж", "Repeats"), kind: .choice, options: presets),
            FormField(.rule, language.pick("Дүрэм (RRULE)", "Rule (RRULE)"), required: true, text: presets[0].value),
            FormField(.place, language.pick("Аймаг, дүүрэг", "Aimag or district"), kind: .picker, options: places(language)),
            FormField(.venue, language.pick("Байршил", "Venue")),
        ])
    }

    /// The series a series form describes, starting on the rule's first date on or after the date typed;
    /// `zone` is used when no place is picked.
    static func series(from form: Form, zone fallback: Zone) throws -> Series {
        let (placeCode, zone) = place(of: form, fallback: fallback)
        let rule = try RecurrenceRule(parsing: form[.rule]?.text ?? "")
        var schedule = try schedule(of: form, zone: zone)
        try rule.check(start: schedule.start)
        guard let first = rule.occurrences(from: schedule.start, in: zone).first(where: { _ in true }) else {
            throw ValidationError("the rule \(rule) gives no meetings from \(schedule.start.date)")
        }
        schedule = schedule.moved(to: first)
        return Series(
            kind: EventKind(rawValue: form[.kind]?.value ?? "") ?? .dialogue, title: form[.title]?.text ?? "",
            schedule: schedule, rule: rule, placeCode: placeCode, venue: form[.venue]?.text)
    }

    /// The next `count` meetings a series form gives as it stands; empty while it is not yet valid.
    static func preview(of form: Form, zone: Zone, count: Int = 6) -> [LocalDateTime] {
        guard let series = try? series(from: form, zone: zone) else { return [] }
        return Array(series.rule.occurrences(from: series.schedule.start, in: series.schedule.zone).prefix(count))
    }

    // MARK: Organisations, people, topics

    static func organisationKinds(_ language: Language) -> [FieldOption] {
        Organisation.Kind.allCases.map { FieldOption(value: $0.rawValue, label: Vocabulary.name(of: $0, in: language)) }
    }

    static func organisation(_ organisation: Organisation?, language: Language) -> Form {
        Form(purpose: .organisation(organisation),
             title: organisation == nil ? language.pick("Шинэ байгууллага", "New organisation") : language.pick("Байгууллага засах", "Edit organisation"),
             fields: [
                FormField(.name, language.pick("Нэр", "Name"), required: true, text: organisation?.name ?? ""),
                FormField(.organisationKind, language.pick("Төрөл", "Kind"), kind: .choice, options: organisationKinds(language),
                          selected: (organisation?.kind ?? .ngo).rawValue),
                FormField(.place, language.pick("Аймаг, дүүрэг", "Aimag or district"), kind: .picker, options: places(language),
                          selected: organisation?.placeCode),
                FormField(.phone, language.pick("Утас", "Phone"), text: organisation?.phone ?? ""),
                FormField(.email, language.pick("Имэйл", "Email"), text: organisation?.email ?? ""),
             ])
    }

    static func person(_ person: Person?, organisations: [Organisation], language: Language) -> Form {
        Form(purpose: .person(person),
             title: person == nil ? language.pick("Шинэ хүн", "New person") : language.pick("Хүний мэдээлэл засах", "Edit person"),
             fields: [
                FormField(.name, language.pick("Нэр", "Name"), required: true, text: person?.name ?? ""),
                FormField(.organisation, language.pick("Байгууллага", "Organisation"), kind: .picker,
                          options: self.organisations(organisations, language), selected: person?.organisationID?.uuidString),
                FormField(.jobTitle, language.pick("Албан тушаал", "Position"), text: person?.title ?? ""),
                FormField(.phone, language.pick("Утас", "Phone"), text: person?.phone ?? ""),
                FormField(.email, language.pick("Имэйл", "Email"), text: person?.email ?? ""),
                FormField(.expertise, language.pick("Мэргэшил", "Expertise"), text: person?.expertise ?? ""),
             ])
    }

    static func topic(_ topic: Topic?, organisations: [Organisation], language: Language) -> Form {
        let yesNo = [FieldOption(value: "no", label: language.pick("Үгүй", "No")), FieldOption(value: "yes", label: language.pick("Тийм", "Yes"))]
        return Form(purpose: .topic(topic),
             title: topic == nil ? language.pick("Шинэ сэдэв", "New topic") : language.pick("Сэдэв засах", "Edit topic"),
             fields: [
                FormField(.title, language.pick("Сэдэв (монголоор)", "Title (Mongolian)"), required: true, text: topic?.titleMn ?? ""),
                FormField(.titleEn, language.pick("Сэдэв (англиар)", "Title (English)"), text: topic?.titleEn ?? ""),
                FormField(.description, language.pick("Тайлбар", "Description"), text: topic?.description ?? ""),
                FormField(.category, language.pick("Ангилал", "Category"), text: topic?.category ?? ""),
                FormField(.proposer, language.pick("Санал болгосон", "Proposed by"), kind: .picker,
                          options: self.organisations(organisations, language), selected: topic?.proposedBy?.uuidString),
                FormField(.pinned, language.pick("Дарааллын эхэнд", "Pinned to the front"), kind: .choice, options: yesNo,
                          selected: topic?.pinned == true ? "yes" : "no"),
             ])
    }

    static func request(_ topic: Topic, organisations: [Organisation], today: LocalDate, language: Language) -> Form {
        Form(purpose: .request(topic), title: language.pick("Хүсэлт: ", "Request: ") + topic.title(in: language), fields: [
            FormField(.organisation, language.pick("Байгууллага", "Organisation"), kind: .picker, required: true,
                      options: Array(self.organisations(organisations, language).dropFirst()), selected: nil),
            FormField(.date, language.pick("Огноо", "Date"), kind: .date, required: true, text: today.description),
        ])
    }

    /// Someone in a role at a meeting: each person's label carries their load (roles in the last twelve
    /// months) and a warning when they would be double-booked, travelling or away.
    static func assignment(_ meeting: Occurrence, people: [(person: Person, load: Int, conflicts: [Conflict])],
                           organisations: [Organisation] = [], programme: [ProgrammeItem], language: Language) -> Form {
        let options = people.map { entry in
            var detail = "  · " + language.pick("12 сард \(entry.load)", "\(entry.load) in 12 months")
            if let conflict = entry.conflicts.first { detail += "  ⚠ " + conflict.message(in: language) }
            return FieldOption(value: entry.person.id.uuidString, label: entry.person.name, keywords: entry.person.expertise ?? "",
                               detail: detail)
        }
        // An SA Day's co-organisers are organisations: the role comes first for them.
        let order = meeting.kind == .saDay ? [.coOrganiser] + Assignment.Role.allCases.filter { $0 != .coOrganiser } : Assignment.Role.allCases
        let roles = order.map { FieldOption(value: $0.rawValue, label: Vocabulary.name(of: $0, in: language)) }
        let items = [FieldOption(value: "", label: language.pick("Бүх уулзалт", "The whole meeting"))]
            + programme.map { FieldOption(value: $0.id.uuidString, label: ($0.start.map { $0.short + " " } ?? "") + $0.title) }
        return Form(purpose: .assignment(meeting),
                    title: language.pick("Үүрэг өгөх: ", "Give a role: ") + Vocabulary.date(meeting.schedule.start.date, in: language),
                    fields: [
                        FormField(.person, language.pick("Хүн", "Person"), kind: .picker, options: [.none(language)] + options),
                        FormField(.organisation, language.pick("эсвэл байгууллага", "or organisation"), kind: .picker,
                                  options: self.organisations(organisations, language)),
                        FormField(.role, language.pick("Үүрэг", "Role"), kind: .choice, options: roles),
                        FormField(.item, language.pick("Хөтөлбөрт", "On"), kind: .choice, options: items),
                    ])
    }

    /// Invitations: every organisation of a kind, and (or) one organisation or person by name.
    static func invite(_ meeting: Occurrence, organisations: [Organisation], people: [Person], language: Language) -> Form {
        let kinds = [FieldOption(value: "", label: language.pick("— төрлөөр биш —", "— not by kind —"))] + organisationKinds(language)
        return Form(purpose: .invite(meeting),
                    title: language.pick("Урих: ", "Invite: ") + Vocabulary.date(meeting.schedule.start.date, in: language),
                    fields: [
                        FormField(.organisationKind, language.pick("Бүх байгууллага, төрлөөр", "Every organisation of a kind"), kind: .choice,
                                  options: kinds, selected: Organisation.Kind.ngo.rawValue),
                        FormField(.organisation, language.pick("Байгууллага", "Organisation"), kind: .picker,
                                  options: self.organisations(organisations, language)),
                        FormField(.person, language.pick("Хүн", "Person"), kind: .picker,
                                  options: [.none(language)] + people.map { FieldOption(value: $0.id.uuidString, label: $0.name) }),
                    ])
    }

    /// An item of a meeting's programme: what it is, its title and times. A new one starts where the
    /// programme ends, half an hour long.
    static func programmeItem(_ item: ProgrammeItem?, of meeting: Occurrence, after programme: [ProgrammeItem],
                              language: Language) -> Form {
        let kinds = ProgrammeItem.Kind.allCases.map { FieldOption(value: $0.rawValue, label: Vocabulary.name(of: $0, in: language)) }
        let areas = [FieldOption.none(language)]
            + ProgrammeItem.ServiceArea.allCases.map { FieldOption(value: $0.rawValue, label: Vocabulary.name(of: $0, in: language)) }
        let schedule = meeting.schedule
        var start = item?.start, end = item?.end
        if item == nil, !schedule.allDay {
            let opens = programme.compactMap(\.end).max() ?? schedule.start.time
            let from = LocalDateTime(date: schedule.start.date, time: opens)
            start = opens
            end = min(from.adding(seconds: 30 * 60), schedule.end).time
        }
        let date = Vocabulary.date(schedule.start.date, in: language)
        return Form(purpose: .programmeItem(meeting, item),
                    title: (item == nil ? language.pick("Хөтөлбөрт нэмэх: ", "Add to the programme: ")
                                        : language.pick("Хөтөлбөр засах: ", "Edit the programme: ")) + date,
                    fields: [
                        FormField(.kind, language.pick("Төрөл", "Kind"), kind: .choice, options: kinds,
                                  selected: (item?.kind ?? .presentation).rawValue),
                        FormField(.title, language.pick("Нэр", "Title"), required: true, text: item?.title ?? ""),
                        FormField(.start, language.pick("Эхлэх цаг", "Starts"), kind: .time, text: start?.short ?? ""),
                        FormField(.end, language.pick("Дуусах цаг", "Ends"), kind: .time, text: end?.short ?? ""),
                        FormField(.serviceArea, language.pick("Үйлчилгээний салбар", "Service area"), kind: .choice, options: areas,
                                  selected: item?.serviceArea?.rawValue),
                    ])
    }

    /// The report written after an event: how many came, and notes.
    static func report(_ meeting: Occurrence, existing: Event.Report?, language: Language) -> Form {
        Form(purpose: .report(meeting),
             title: language.pick("Тайлан: ", "Report: ") + meeting.title + ", " + Vocabulary.date(meeting.schedule.start.date, in: language),
             fields: [
                FormField(.attendance, language.pick("Ирсэн хүний тоо", "People who came"), text: existing?.attendance.map(String.init) ?? ""),
                FormField(.notes, language.pick("Тэмдэглэл", "Notes"), text: existing?.notes ?? ""),
             ])
    }

    /// Days a person is away: assigning them then is a conflict.
    static func away(_ person: Person, today: LocalDate, language: Language) -> Form {
        Form(purpose: .away(person), title: language.pick("Завгүй өдрүүд: ", "Days away: ") + person.name, fields: [
            FormField(.date, language.pick("Эхний өдөр", "First day"), kind: .date, required: true, text: today.description),
            FormField(.endDate, language.pick("Сүүлийн өдөр", "Last day"), kind: .date, text: ""),
            FormField(.notes, language.pick("Шалтгаан", "Why"), text: ""),
        ])
    }

    // MARK: Saving

    /// The change a filled form makes. Throws, with the reason, when the form does not describe a valid record.
    static func change(from form: Form, today: LocalDate, zone: Zone, language: Language) throws -> Change {
        if let problem = form.firstProblem(in: language) { throw ValidationError(problem) }
        let text = { (name: FormField.Name) in form[name]?.text }
        let uuid = { (name: FormField.Name) in form[name].flatMap { UUID(uuidString: $0.value) } }
        switch form.purpose {
        case .event(let existing):
            let new = try event(try existing ?? Event(title: "", schedule: schedule(of: form, zone: zone)), filledFrom: form,
                                zone: existing?.schedule.zone ?? zone)
            if let existing {
                try SADays.checkMove(of: new, from: existing.status, to: new.status, today: today)
            } else {
                try SADays.checkNew(new, today: today)
            }
            return .saveEvent(new)
        case .meeting(let series, let original, let override):
            let old = override ?? Event(kind: series.kind, title: "", schedule: series.schedule, status: series.status,
                                        seriesID: series.id, recurrenceID: original)
            let new = try event(old, filledFrom: form, zone: series.schedule.zone)
            try SADays.checkMove(of: new, from: old.status, to: new.status, today: today)
            return .saveEvent(new)
        case .series:
            return .saveSeries(try series(from: form, zone: zone))
        case .organisation(let existing):
            var organisation = existing ?? Organisation(name: "", kind: .ngo)
            organisation.name = text(.name) ?? ""
            organisation.kind = Organisation.Kind(rawValue: form[.organisationKind]?.value ?? "") ?? .other
            organisation.placeCode = place(of: form, fallback: zone).code
            organisation.phone = text(.phone)
            organisation.email = text(.email)
            return .saveOrganisation(organisation)
        case .person(let existing):
            var person = existing ?? Person(name: "")
            person.name = text(.name) ?? ""
            person.organisationID = uuid(.organisation)
            person.title = text(.jobTitle)
            person.phone = text(.phone)
            person.email = text(.email)
            person.expertise = text(.expertise)
            return .savePerson(person)
        case .topic(let existing):
            var topic = existing ?? Topic(titleMn: "", proposedOn: today)
            topic.titleMn = text(.title) ?? ""
            topic.titleEn = text(.titleEn)
            topic.description = text(.description)
            topic.category = text(.category)
            topic.proposedBy = uuid(.proposer)
            topic.pinned = form[.pinned]?.value == "yes"
            return .saveTopic(topic)
        case .request(let topic):
            guard let id = uuid(.organisation), let name = form[.organisation]?.selectedOption?.label else {
                throw ValidationError(language.pick("Байгууллага сонгоно уу", "Pick an organisation"))
            }
            return .requestTopic(topic, organisationID: id, name: name,
                                 on: try form[.date]?.text.map(LocalDate.init(parsing:)) ?? today)
        case .assignment(let meeting):
            let role = Assignment.Role(rawValue: form[.role]?.value ?? "") ?? .presenter
            switch (uuid(.person), uuid(.organisation)) {
            case (let id?, nil):
                return .assign(meeting, .person(id), name: form[.person]?.selectedOption?.label ?? "", role: role, itemID: uuid(.item))
            case (nil, let id?):
                return .assign(meeting, .organisation(id), name: form[.organisation]?.selectedOption?.label ?? "", role: role, itemID: uuid(.item))
            case (.some, .some):
                throw ValidationError(language.pick("Хүн эсвэл байгууллагын аль нэгийг сонгоно уу", "Pick a person or an organisation, not both"))
            case (nil, nil):
                throw ValidationError(language.pick("Хүн эсвэл байгууллага сонгоно уу", "Pick a person or an organisation"))
            }
        case .invite(let meeting):
            let kinds = (form[.organisationKind]?.value).flatMap(Organisation.Kind.init(rawValue:)).map { [$0] } ?? []
            let organisations = uuid(.organisation).map { [$0] } ?? []
            let people = uuid(.person).map { [$0] } ?? []
            guard !(kinds.isEmpty && organisations.isEmpty && people.isEmpty) else {
                throw ValidationError(language.pick("Төрөл, байгууллага эсвэл хүн сонгоно уу", "Pick a kind, an organisation or a person"))
            }
            return .invite(meeting, kinds: kinds, organisations: organisations, people: people)
        case .programmeItem(let meeting, let existing):
            var item = existing ?? ProgrammeItem(eventID: meeting.eventID ?? UUID(), kind: .presentation, title: "")
            item.kind = ProgrammeItem.Kind(rawValue: form[.kind]?.value ?? "") ?? item.kind
            item.title = text(.title) ?? ""
            item.start = try text(.start).map(LocalTime.init(parsing:))
            item.end = try text(.end).map(LocalTime.init(parsing:))
            item.serviceArea = ProgrammeItem.ServiceArea(rawValue: form[.serviceArea]?.value ?? "")
            return .saveProgrammeItem(meeting, item, shown: existing)
        case .report(let meeting):
            var attendance: Int?
            if let text = text(.attendance) {
                // A whole number; SADays.report refuses one below zero.
                guard let number = Int(text) else {
                    throw ValidationError(language.pick("Ирсэн хүний тоо бүхэл тоо байна", "The number who came is a whole number"))
                }
                attendance = number
            }
            return .report(meeting, attendance: attendance, notes: text(.notes), today: today)
        case .away(let person):
            let first = try LocalDate(parsing: text(.date) ?? "")
            let last = try text(.endDate).map(LocalDate.init(parsing:)) ?? first
            guard last >= first else {
                throw ValidationError("the last day \(last) is before the first day \(first)",
                                      mn: "Сүүлийн өдөр \(last) эхний өдөр \(first)-с өмнө байна")
            }
            return .addAway(Unavailability(personID: person.id, from: first, through: last, note: text(.notes)), name: person.name)
        }
    }

    /// `event` with what an event form says; its zone is the place's, else `zone`.
    private static func event(_ event: Event, filledFrom form: Form, zone fallback: Zone) throws -> Event {
        var event = event
        let (placeCode, zone) = place(of: form, fallback: fallback)
        event.title = form[.title]?.text ?? ""
        event.kind = EventKind(rawValue: form[.kind]?.value ?? "") ?? event.kind
        event.schedule = try schedule(of: form, zone: zone)
        event.placeCode = placeCode
        event.venue = form[.venue]?.text
        event.status = EventStatus(rawValue: form[.status]?.value ?? "") ?? event.status
        event.notes = form[.notes]?.text
        event.publicEvent = form[.publicEvent]?.text
        event.publicEventDate = try form[.publicEventDate]?.text.map(LocalDate.init(parsing:))
        return event
    }
}
