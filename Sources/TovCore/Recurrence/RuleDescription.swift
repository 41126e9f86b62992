/// A recurrence rule in words, in Mongolian or English, as the UI and `tov series list` show it.
///
///     RuleDescription(try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")).text(in: .mn)
///     // "2 сар тутам, сарын 3 дахь пүрэв гарагт"
///     // in English: "every 2 months on the third Thursday"
///
/// The common shapes read as a person would say them; parts that rarely come up (week numbers, days of
/// the year, positions in a set) are named plainly rather than left out, so the words never promise
/// less or more than the rule does.
public struct RuleDescription: Sendable {
    let rule: RecurrenceRule
    /// DTSTART, when known: a rule without a day part repeats on its day, which the words then name.
    let start: LocalDateTime?

    public init(_ rule: RecurrenceRule, start: LocalDateTime? = nil) {
        self.rule = rule
        self.start = start
    }

    public func text(in language: Language) -> String {
        language == .mn ? mongolian : english
    }

    // MARK: - English

    private var english: String {
        var words = englishFrequency
        if !rule.byMonth.isEmpty {
            words += " in " + Self.list(rule.byMonth.map { Self.monthNames[$0 - 1] }, "and")
        }
        if !rule.byWeekNo.isEmpty {
            words += " in week " + Self.list(rule.byWeekNo.map(Self.englishPosition), "and")
        }
        if !rule.byYearDay.isEmpty {
            words += " on day " + Self.list(rule.byYearDay.map(Self.englishPosition), "and") + " of the year"
        }
        if let days = englishDays { words += " " + days }
        if let times = englishTimes { words += " " + times }
        if let count = rule.count { words += count == 1 ? ", once" : ", \(count) times" }
        if let until = rule.until { words += ", until " + Self.englishUntil(until) }
        return words
    }

    private var englishFrequency: String {
        let unit = ["SECONDLY": "second", "MINUTELY": "minute", "HOURLY": "hour", "DAILY": "day",
                    "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"][rule.frequency.rawValue]!
        return rule.interval == 1 ? "every \(unit)" : "every \(rule.interval) \(unit)s"
    }

    /// "on the third Thursday", "on Monday and Friday", "on the 1st and 15th", "on the last weekday".
    private var englishDays: String? {
        let monthDays = rule.byMonthDay.map(Self.englishDayOfMonth)
        let chosen = englishSetPositions
        if !rule.byDay.isEmpty {
            let withinYear = rule.frequency == .yearly && rule.byMonth.isEmpty
            let days: String
            if rule.byDay.allSatisfy({ $0.ordinal == nil }) {
                days = Self.isWorkWeek(rule.byDay) ? (chosen == nil ? "weekdays" : "weekday")
                    : Self.list(rule.byDay.map { Vocabulary.name(of: $0.weekday, in: .en) }, chosen == nil ? "and" : "or")
            } else {
                days = Self.list(rule.byDay.map { entry in
                    let ordinal = entry.ordinal.map(Self.englishOrdinal) ?? "every"
                    return "\(ordinal) \(Vocabulary.name(of: entry.weekday, in: .en))"
                        + (withinYear ? " of the year" : "")
                }, "and")
            }
            var words = "on " + (chosen.map { "the \($0) " } ?? (rule.byDay.contains { $0.ordinal != nil } ? "the " : "")) + days
            if !monthDays.isEmpty { words += " falling on the " + Self.list(monthDays, "or") }
            return words
        }
        if !monthDays.isEmpty {
            return "on " + (chosen.map { "the \($0) of " } ?? "") + "the " + Self.list(monthDays, chosen == nil ? "and" : "or")
        }
        if let chosen { return "choosing the \(chosen)" }
        // No day part: the rule repeats on DTSTART's day.
        guard let start else { return nil }
        switch rule.frequency {
        case .weekly:
            return rule.byYearDay.isEmpty && rule.byWeekNo.isEmpty
                ? "on " + Vocabulary.name(of: start.date.weekday, in: .en) : nil
        case .monthly:
            return rule.byYearDay.isEmpty ? "on the " + Self.englishDayOfMonth(start.date.day) : nil
        case .yearly:
            guard rule.byYearDay.isEmpty, rule.byWeekNo.isEmpty else { return nil }
            return rule.byMonth.isEmpty
                ? "on \(start.date.day) \(Self.monthNames[start.date.month - 1])"
                : "on the " + Self.englishDayOfMonth(start.date.day)
        default:
            return nil
        }
    }

    private var englishSetPositions: String? {
        rule.bySetPos.isEmpty ? nil : Self.list(rule.bySetPos.map(Self.englishOrdinal), "and")
    }

    private var englishTimes: String? {
        guard let times else { return nil }
        return "at " + Self.list(times, "and")
    }

    private static func englishUntil(_ until: RecurrenceRule.Until) -> String {
        switch until {
        case .date(let date): Vocabulary.date(date, in: .en)
        case .local(let wall): Vocabulary.date(wall.date, in: .en) + " " + wall.time.short
        case .utc(let wall): Vocabulary.date(wall.date, in: .en) + " " + wall.time.short + " UTC"
        }
    }

    private static func englishOrdinal(_ position: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth"]
        if position > 0 { return position <= 5 ? words[position - 1] : "\(position)\(suffix(position))" }
        if position == -1 { return "last" }
        let fromEnd = -position
        return (fromEnd <= 5 ? words[fromEnd - 1] : "\(fromEnd)\(suffix(fromEnd))") + " to last"
    }

    private static func englishDayOfMonth(_ day: Int) -> String {
        if day > 0 { return "\(day)\(suffix(day))" }
        return day == -1 ? "last day" : "\(-day)\(suffix(-day)) to last day"
    }

    private static func englishPosition(_ value: Int) -> String {
        value > 0 ? "\(value)" : value == -1 ? "the last" : "\(-value)\(suffix(-value)) to last"
    }

    private static func suffix(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    // MARK: - Mongolian

    private var mongolian: String {
        var parts: [String] = []
        var frequency = mongolianFrequency
        var details: [String] = []
        if !rule.byMonth.isEmpty {
            details.append(rule.byMonth.map { "\($0)" }.joined(separator: ", ") + "-р сард")
        }
        if !rule.byWeekNo.isEmpty {
            details.append("жилийн " + rule.byWeekNo.map(Self.mongolianPosition).joined(separator: ", ") + " дахь долоо хоногт")
        }
        if !rule.byYearDay.isEmpty {
            details.append("жилийн " + rule.byYearDay.map(Self.mongolianPosition).joined(separator: ", ") + " дахь өдөр")
        }
        if let days = mongolianDays { details.append(days) }
        if let times { details.append(times.joined(separator: ", ") + " цагт") }
        if !details.isEmpty { frequency += ", " + details.joined(separator: " ") }
        parts.append(frequency)
        if let count = rule.count { parts.append("нийт \(count) удаа") }
        if let until = rule.until { parts.append(Self.mongolianUntil(until) + " хүртэл") }
        return parts.joined(separator: ", ")
    }

    private var mongolianFrequency: String {
        let unit = ["SECONDLY": "секунд", "MINUTELY": "минут", "HOURLY": "цаг", "DAILY": "өдөр",
                    "WEEKLY": "долоо хоног", "MONTHLY": "сар", "YEARLY": "жил"][rule.frequency.rawValue]!
        return rule.interval == 1 ? "\(unit) бүр" : "\(rule.interval) \(unit) тутам"
    }

    /// "сарын 3 дахь пүрэв гарагт", "даваа, баасан гарагт", "сарын 1, 15-нд", "сарын сүүлийн ажлын өдөр".
    private var mongolianDays: String? {
        let chosen = rule.bySetPos.isEmpty ? nil : rule.bySetPos.map(Self.mongolianOrdinal).joined(separator: ", ")
        let withinYear = rule.frequency == .yearly && rule.byMonth.isEmpty
        let scope = withinYear ? "жилийн " : [.monthly, .yearly].contains(rule.frequency) ? "сарын " : ""
        if !rule.byDay.isEmpty {
            var words: String
            if rule.byDay.allSatisfy({ $0.ordinal == nil }) {
                let names = Self.isWorkWeek(rule.byDay) ? "ажлын өдөр"
                    : rule.byDay.map { Vocabulary.name(of: $0.weekday, in: .mn).lowercased() }
                        .joined(separator: chosen == nil ? ", " : " эсвэл ") + " гараг"
                words = chosen.map { scope + "\($0) \(names)" } ?? names
            } else {
                words = scope + rule.byDay.map { entry in
                    (entry.ordinal.map(Self.mongolianOrdinal).map { $0 + " " } ?? "")
                        + Vocabulary.name(of: entry.weekday, in: .mn).lowercased()
                }.joined(separator: ", ") + " гараг"
            }
            words += "т"
            if !rule.byMonthDay.isEmpty {
                words += " (" + "сарын " + rule.byMonthDay.map(Self.mongolianDayOfMonth).joined(separator: " эсвэл ") + " таарвал)"
            }
            return words
        }
        if !rule.byMonthDay.isEmpty {
            let days = rule.byMonthDay.map(Self.mongolianDayOfMonth).joined(separator: ", ")
            return "сарын " + (chosen.map { "\($0) сонголт: " } ?? "") + days + (rule.byMonthDay.allSatisfy { $0 > 0 } ? "-нд" : "")
        }
        if let chosen { return "\(chosen) сонголтод" }
        guard let start else { return nil }
        switch rule.frequency {
        case .weekly:
            return rule.byYearDay.isEmpty && rule.byWeekNo.isEmpty
                ? Vocabulary.name(of: start.date.weekday, in: .mn).lowercased() + " гарагт" : nil
        case .monthly:
            return rule.byYearDay.isEmpty ? "сарын \(start.date.day)-нд" : nil
        case .yearly:
            guard rule.byYearDay.isEmpty, rule.byWeekNo.isEmpty else { return nil }
            return rule.byMonth.isEmpty ? "\(start.date.month)-р сарын \(start.date.day)-нд" : "\(start.date.day)-нд"
        default:
            return nil
        }
    }

    private static func mongolianOrdinal(_ position: Int) -> String {
        position > 0 ? "\(position) дахь" : position == -1 ? "сүүлийн" : "сүүлээсээ \(-position) дахь"
    }

    private static func mongolianDayOfMonth(_ day: Int) -> String {
        day > 0 ? "\(day)" : day == -1 ? "сүүлийн өдөр" : "сүүлээсээ \(-day) дахь өдөр"
    }

    private static func mongolianPosition(_ value: Int) -> String {
        value > 0 ? "\(value)" : value == -1 ? "сүүлийн" : "сүүлээсээ \(-value)"
    }

    private static func mongolianUntil(_ until: RecurrenceRule.Until) -> String {
        switch until {
        case .date(let date): Vocabulary.date(date, in: .mn)
        case .local(let wall): Vocabulary.date(wall.date, in: .mn) + " " + wall.time.short
        case .utc(let wall): Vocabulary.date(wall.date, in: .mn) + " " + wall.time.short + " UTC"
        }
    }

    // MARK: - Shared

    /// The times of day the rule names, when there are a few: "09:00", "17:30". Nil when the rule keeps
    /// DTSTART's time, or repeats within the day by its frequency.
    private var times: [String]? {
        guard !(rule.byHour.isEmpty && rule.byMinute.isEmpty && rule.bySecond.isEmpty) else { return nil }
        if rule.frequency.isSubDaily {
            var parts: [String] = []
            if !rule.byHour.isEmpty { parts.append(rule.byHour.map { pad($0, 2) + ":00" }.joined(separator: ", ")) }
            if !rule.byMinute.isEmpty { parts.append(rule.byMinute.map { ":" + pad($0, 2) }.joined(separator: ", ")) }
            if !rule.bySecond.isEmpty { parts.append(rule.bySecond.map { "::" + pad($0, 2) }.joined(separator: ", ")) }
            return parts
        }
        let hours = rule.byHour.isEmpty ? [start?.time.hour ?? 0] : rule.byHour
        let minutes = rule.byMinute.isEmpty ? [start?.time.minute ?? 0] : rule.byMinute
        let seconds = rule.bySecond.isEmpty ? [start?.time.second ?? 0] : rule.bySecond
        let all = hours.flatMap { hour in minutes.flatMap { minute in seconds.map { (hour, minute, $0) } } }
        return all.map { hour, minute, second in
            pad(hour, 2) + ":" + pad(minute, 2) + (second == 0 ? "" : ":" + pad(second, 2))
        }
    }

    private static func isWorkWeek(_ days: [RecurrenceRule.WeekdayNumber]) -> Bool {
        Set(days.map(\.weekday)) == [.monday, .tuesday, .wednesday, .thursday, .friday]
    }

    private static func list(_ items: [String], _ conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
