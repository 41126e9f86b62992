import ArgumentParser
import TovCore

/// `tov sa-day status`: one step of an SA Day's flow (idea → tentative → confirmed → held → reported, or
/// cancelled), as one undoable change.
struct SADayStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Move an SA Day to another status along its flow.",
        discussion: """
            Statuses: idea, tentative, confirmed, held, reported, cancelled. While planning, a day moves a step \
            forward or back; it is held only once confirmed and only from its day on, reported only once held, \
            and cancelled at any point before it is held; a cancelled day is taken up again as an idea or tentative.
            Example: tov sa-day status --event 3f9a12c0 --to confirmed
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("The new status.", valueName: "status")) var to: String

    func run() throws {
        let language = try global.language()
        let status: EventStatus = try Input.choice(to, "status")
        let today = try Clock.today()
        let name = target.event ?? target.series ?? ""
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "НЭХ өдөрлөгийн төлөв: \(name), \(Vocabulary.name(of: status, in: .mn))",
                        en: "Marked SA Day \(name) \(Vocabulary.name(of: status, in: .en))")
        let (old, event) = try store.write(undoable: label) { session in
            var event = try target.storedSADay(in: session)
            let old = event.status
            guard old != status else {
                throw ValidationError("'\(event.title)' is already \(Vocabulary.name(of: status, in: .en))",
                                      mn: "“\(event.title)” аль хэдийн \(Vocabulary.name(of: status, in: .mn)) байна")
            }
            try SADays.checkMove(of: event, from: old, to: status, today: today)
            event.status = status
            try Meetings.save(event, in: session)
            return (old, event)
        }
        emit(say(language, mn: "Төлөв өөрчилсөн: ", en: "Moved ") + "\(ShortID.of(event.id))  \(SafeText.clean(event.title)): "
             + Vocabulary.name(of: old, in: language) + " → " + Vocabulary.name(of: event.status, in: language))
    }
}
