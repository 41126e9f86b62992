import ArgumentParser
import TovCore

/// `tov sa-day copy`: next year's SA Day from this year's, as one undoable change.
struct SADayCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Plan a new SA Day from an earlier one.",
        discussion: """
            The new day keeps the template's title, aimag or district, time zone, venue, public event, hours, \
            co-organisers and programme (at the same times); it has no presenters, attendance or report yet, \
            and its status is idea. The template must be an SA Day.
            Example: tov sa-day copy --event 3f9a12c0 --date 2027-07-08
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("The new day, YYYY-MM-DD.", valueName: "date")) var date: String

    func run() throws {
        let language = try global.language()
        let day = try Input.date(date)
        let name = target.event ?? target.series ?? ""
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "НЭХ өдөрлөг хуулсан: \(name) → \(day)", en: "Copied SA Day \(name) to \(day)")
        let (template, copy, items, coOrganisers) = try store.write(undoable: label) { session in
            // A series meeting nothing was recorded on is copied as the series plans it, without storing it.
            let template = try SADayCommand.requireSADay(try target.existingEvent(in: session) ?? target.plannedEvent(in: session))
            let copy = try SADays.copy(template, to: day, in: session)
            return (template, copy, try session.programme(ofEvent: copy.id).count, try session.assignments(ofEvents: [copy.id]).count)
        }
        // A series meeting's template may not be stored: it is named by its series and date.
        let source = template.seriesID.map { series in
            say(language, mn: "\(ShortID.of(series)) цувралын \(template.recurrenceID?.date.description ?? "")-ний уулзалт",
                en: "the meeting of \(template.recurrenceID?.date.description ?? "") of series \(ShortID.of(series))")
        } ?? ShortID.of(template.id)
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + "\(ShortID.of(copy.id))  \(SafeText.clean(copy.title)), "
             + describe(copy.schedule, in: language) + "\n"
             + say(language,
                   mn: "Хуулсан: \(source); хөтөлбөрийн \(items) хэсэг, \(coOrganisers) хамтран зохион байгуулагч; төлөв: санаа.",
                   en: "Copied from \(source): \(items) programme \(items == 1 ? "item" : "items"), "
                       + "\(coOrganisers) \(coOrganisers == 1 ? "co-organiser" : "co-organisers"); status: idea."))
    }
}
