import ArgumentParser
import TovCore

/// `tov holiday`: the public holidays, which the government moves at short notice.
struct HolidayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holiday",
        abstract: "List, add or remove public holidays (days off that series can move their meetings away from).",
        subcommands: [HolidayList.self, HolidayAdd.self, HolidayRemove.self]
    )
}

struct HolidayList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the holidays of a year.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The year (default: this year).") var year: Int?
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let year = try year ?? Clock.today().year
        guard (1900...9999).contains(year) else { throw ValidationError("--year must be between 1900 and 9999, not \(year)") }
        let store = try global.openStore(creating: true)
        let holidays = try store.read {
            try $0.holidays(from: LocalDate(year: year, month: 1, day: 1), through: LocalDate(year: year, month: 12, day: 31))
        }
        switch format {
        case .json:
            emit(JSON.array(holidays.map { holiday in
                .object([("date", .string(holiday.date.description)), ("nameMn", .string(holiday.nameMn)),
                         ("nameEn", .string(holiday.nameEn)), ("dayOff", .bool(holiday.dayOff))])
            }).rendered())
        case .csv:
            var csv = CSV(header: ["date", "nameMn", "nameEn", "dayOff"])
            for holiday in holidays {
                csv.append([holiday.date.description, holiday.nameMn, holiday.nameEn, holiday.dayOff ? "true" : "false"])
            }
            emit(csv.text)
        case .text:
            guard !holidays.isEmpty else {
                return emit(say(language, mn: "\(year) онд баярын өдөр бүртгэгдээгүй.", en: "No holidays recorded for \(year)."))
            }
            emit(holidays.map { holiday in
                "\(holiday.date)  \(Vocabulary.name(of: holiday.date.weekday, in: language).prefix(3))  "
                    + SafeText.clean(holiday.name(in: language))
                    + (holiday.dayOff ? "" : say(language, mn: " (ажлын өдөр)", en: " (working day)"))
            }.joined(separator: "\n"))
        }
    }
}

struct HolidayAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a holiday, or change the one of that date and name.",
        discussion: "Example: tov holiday add --date 2026-12-31 --name 'Шинэ жилийн өмнөх өдөр' --name-en \"New Year's Eve\""
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD.", valueName: "date")) var date: String
    @Option(help: "Its name in Mongolian.") var name: String
    @Option(name: .customLong("name-en"), help: "Its name in English (default: the Mongolian name).") var nameEn: String?
    @Flag(name: .customLong("working-day"), help: "Marked but not a day off.") var workingDay = false

    func run() throws {
        let language = try global.language()
        let day = try Input.date(date)
        let nameMn = try Input.requiredText(name, "name")
        let holiday = Holiday(date: day, nameMn: nameMn, nameEn: Input.text(nameEn) ?? nameMn, dayOff: !workingDay)
        let store = try global.openStore(creating: true)
        try store.write(undoable: say(language, mn: "Баярын өдөр нэмсэн: \(day) \(nameMn)", en: "Added holiday \(day) \(holiday.nameEn)")) {
            try $0.save(holiday)
        }
        emit(say(language, mn: "Нэмсэн: ", en: "Added: ") + "\(day)  " + SafeText.clean(holiday.name(in: language)))
    }
}

struct HolidayRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove the holidays of a date (only the one named, with --name)."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The day, YYYY-MM-DD.", valueName: "date")) var date: String
    @Option(help: "Only the holiday of this name (Mongolian or English).") var name: String?

    func run() throws {
        let language = try global.language()
        let day = try Input.date(date)
        let store = try global.openStore(creating: false)
        let removed = try store.write(undoable: say(language, mn: "Баярын өдөр хассан: \(day)", en: "Removed holidays of \(day)")) {
            try $0.removeHolidays(on: day, named: Input.text(name))
        }
        guard removed > 0 else {
            throw ValidationError("no holiday on \(day)" + (name.map { " is named '\($0)'" } ?? ""))
        }
        emit(say(language, mn: "Хассан: \(removed)", en: "Removed: \(removed)"))
    }
}
