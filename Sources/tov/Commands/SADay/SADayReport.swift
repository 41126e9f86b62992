import ArgumentParser
import TovCore

/// `tov sa-day report`: what happened on a day that has come, written and the day marked reported, as one
/// undoable change.
struct SADayReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an SA Day's report (attendance, notes) and mark it reported.",
        discussion: """
            The day must have come. A confirmed day becomes held, then reported; a held one reported; a \
            reported one gets its report rewritten. Give --attendance, --notes or both.
            Example: tov sa-day report --event 3f9a12c0 --attendance 140 --notes "Эрүүл мэндийн үйлчилгээний санал асуулга"
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("How many people came.", valueName: "count")) var attendance: Int?
    @Option(help: "What happened: results, issues raised, what comes next.") var notes: String?

    func run() throws {
        let language = try global.language()
        let today = try Clock.today()
        let notes = Input.text(notes)
        let name = target.event ?? target.series ?? ""
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "НЭХ өдөрлөгийн тайлан: \(name)", en: "Reported SA Day \(name)")
        let event = try store.write(undoable: label) { session in
            try SADays.report(try target.storedSADay(in: session), attendance: attendance, notes: notes, today: today, in: session)
        }
        var lines = [say(language, mn: "Тайлагнасан: ", en: "Reported ") + "\(ShortID.of(event.id))  \(SafeText.clean(event.title)), "
                     + describe(event.schedule, in: language)]
        if let attendance = event.report?.attendance {
            lines.append(say(language, mn: "Ирц: ", en: "Attendance: ") + String(attendance))
        }
        if let notes = event.report?.notes {
            lines.append(say(language, mn: "Тэмдэглэл: ", en: "Notes: ") + SafeText.clean(notes))
        }
        emit(lines.joined(separator: "\n"))
    }
}
