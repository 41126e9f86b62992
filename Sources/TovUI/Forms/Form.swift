import TovCore

/// A choice a field offers: the value kept (a code, an id, a raw value) and what the user reads.
public struct FieldOption: Hashable, Sendable {
    public var value: String
    public var label: String
    /// More text the filter matches (a place's name in the other language, its code).
    public var keywords: String
    /// Shown after the label, not part of the choice (a person's load and conflicts in the presenter picker).
    public var detail: String

    public init(value: String, label: String, keywords: String = "", detail: String = "") {
        self.value = value
        self.label = label
        self.keywords = keywords
        self.detail = detail
    }

    /// The label with its detail, as the form shows it.
    public var shown: String { label + detail }

    /// No choice, for fields that may be left empty.
    static func none(_ language: Language) -> FieldOption { FieldOption(value: "", label: language.pick("— сонгоогүй —", "— none —")) }
}

/// One field of a form.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Free text.
        case text
        /// A date, YYYY-MM-DD, checked as it is typed.
        case date
        /// A time, HH:MM, checked as it is typed.
        case time
        /// One of a few values, changed with ← and → (or Space).
        case choice
        /// One of many values, found by typing part of its name.
        case picker
    }

    /// Which field it is, for the code that builds a record from the form.
    public enum Name: Hashable, Sendable {
        case title, titleEn, kind, date, start, end, endDate, place, venue, status, notes, preset, rule
        case name, organisationKind, organisation, jobTitle, phone, email, expertise, description, category, proposer, pinned
        case person, role, item, serviceArea, publicEvent, publicEventDate, attendance
    }

    public var name: Name
    public var label: String
    public var kind: Kind
    public var required: Bool
    /// The typed text: the value of a text, date or time field, the filter of a picker.
    public var input: TextField
    public var options: [FieldOption]
    /// The chosen option of a choice or picker.
    public var selected: Int
    /// For a picker: the option highlighted in its filtered list.
    public var highlight: Int

    init(_ name: Name, _ label: String, kind: Kind = .text, required: Bool = false, text: String = "",
         options: [FieldOption] = [], selected: String? = nil) {
        self.name = name
        self.label = label
        self.kind = kind
        self.required = required
        input = TextField(kind == .picker ? "" : text)
        self.options = options
        self.selected = selected.flatMap { value in options.firstIndex { $0.value == value } } ?? 0
        highlight = 0
    }

    /// The typed text, trimmed.
    public var text: String? { input.trimmed }

    /// The chosen option's value, "" for none.
    public var value: String { selectedOption?.value ?? "" }

    /// The option chosen, if the field has options.
    public var selectedOption: FieldOption? { options.indices.contains(selected) ? options[selected] : nil }

    /// The options a picker shows for what has been typed: those whose name or keywords contain it.
    public var filtered: [Int] {
        guard let typed = input.trimmed?.lowercased() else { return Array(options.indices) }
        return options.indices.filter { index in
            options[index].label.lowercased().contains(typed) || options[index].keywords.lowercased().contains(typed)
        }
    }

    /// What is wrong with the value as typed so far, in `language`; nil when it is fine (or empty and optional).
    public func problem(in language: Language) -> String? {
        guard let text else {
            return required && kind != .choice && kind != .picker ? language.pick("заавал бөглөнө", "required") : nil
        }
        switch kind {
        case .date:
            if (try? LocalDate(parsing: text)) == nil {
                return language.pick("огноо ОООО-СС-ӨӨ байх ёстой", "a date is YYYY-MM-DD")
            }
        case .time:
            if (try? LocalTime(parsing: text)) == nil {
                return language.pick("цаг ЦЦ:ММ байх ёстой", "a time is HH:MM")
            }
        case .text, .choice, .picker:
            break
        }
        return nil
    }

    /// Handles a key meant for this field; false when the form should act on it instead.
    mutating func handle(_ key: Key) -> Bool {
        switch kind {
        case .choice:
            guard !options.isEmpty else { return false }
            switch key {
            case .left: selected = (selected + options.count - 1) % options.count
            case .right, .character(" "): selected = (selected + 1) % options.count
            default: return false
            }
            return true
        case .picker:
            switch key {
            case .up:
                highlight = max(0, highlight - 1)
                pickHighlighted()
                return true
            case .down:
                highlight = min(max(0, filtered.count - 1), highlight + 1)
                pickHighlighted()
                return true
            default:
                guard input.handle(key) else { return false }
                highlight = 0
                pickHighlighted()
                return true
            }
        case .text, .date, .time:
            return input.handle(key)
        }
    }

    private mutating func pickHighlighted() {
        let matches = filtered
        if matches.indices.contains(highlight) { selected = matches[highlight] }
    }
}

/// What a form makes when it is saved.
public enum FormPurpose: Hashable, Sendable {
    /// A new event, or a change to this one.
    case event(Event?)
    /// One meeting of a series, saved as its override (a new one, or this one changed).
    case meeting(Series, original: LocalDateTime, override: Event?)
    case series
    case organisation(Organisation?)
    case person(Person?)
    case topic(Topic?)
    /// An organisation asking for a topic.
    case request(Topic)
    /// A person in a role at a meeting.
    case assignment(Occurrence)
    /// Organisations and people invited to a meeting.
    case invite(Occurrence)
    /// A new item of a meeting's programme, or a change to this one (as the sheet showed it).
    case programmeItem(Occurrence, ProgrammeItem?)
    /// Days a person is away.
    case away(Person)
    /// The report of an event that has been held.
    case report(Occurrence)
}

/// A modal form: fields, one in focus, and the error of the last save, if it failed.
public struct Form: Hashable, Sendable {
    public var purpose: FormPurpose
    public var title: String
    public var fields: [FormField]
    public var focus: Int = 0
    public var error: String?

    init(purpose: FormPurpose, title: String, fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    public subscript(name: FormField.Name) -> FormField? {
        fields.first { $0.name == name }
    }

    /// Sets a text field's text (a preset filling the rule).
    mutating func setText(_ name: FormField.Name, _ text: String) {
        if let index = fields.firstIndex(where: { $0.name == name }) { fields[index].input.set(text) }
    }

    /// What the form does with a key that is not saving or cancelling: moving between fields or editing one.
    mutating func handle(_ key: Key) {
        switch key {
        case .tab:
            focus = (focus + 1) % fields.count
        case .backTab:
            focus = (focus + fields.count - 1) % fields.count
        default:
            if fields[focus].handle(key) {
                error = nil
                return
            }
            switch key {
            case .down: focus = min(fields.count - 1, focus + 1)
            case .up: focus = max(0, focus - 1)
            default: break
            }
        }
    }

    /// The first problem of any field, as "Label: problem".
    func firstProblem(in language: Language) -> String? {
        for field in fields {
            if let problem = field.problem(in: language) { return field.label + ": " + problem }
        }
        return nil
    }
}
