import ArgumentParser
import TovCore

/// `tov event add`: one dated event.
struct EventAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an event.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Title of the event.") var title: String
    @Option(help: "dialogue, sa-day or event.") var kind: String = EventKind.event.rawValue
    @OptionGroup var when: ScheduleOptions
    @Option(help: "Venue.") var venue: String?
    @Option(help: "idea, tentative, confirmed, held, reported or cancelled.") var status: String = EventStatus.confirmed.rawValue
    @Option(name: .customLong("public-event"), help: "The public event it is attached to.") var publicEvent: String?
    @Option(name: .customLong("public-event-date"), help: ArgumentHelp("The public event's date, YYYY-MM-DD.", valueName: "date"))
    var publicEventDate: String?
    @Option(help: "Notes.") var notes: String?

    func run() throws {
        let language = try global.language()
        let place = try when.place()
        let publicEventDate = try publicEventDate.flatMap(Input.text).map(Input.date)
        let event = Event(
            kind: try Input.choice(kind, "kind of event"), title: try Input.requiredText(title, "title"),
            schedule: try when.newSchedule(zone: try when.zone(place: place, fallback: Clock.zone())),
            status: try Input.choice(status, "status"), placeCode: place?.code, venue: Input.text(venue),
            publicEvent: Input.text(publicEvent), notes: Input.text(notes), publicEventDate: publicEventDate
        )
        let store = try global.openStore(creating: true)
        try SADays.checkNew(event, today: try Clock.today())
        try store.write(undoable: say(language, mn: "Арга хэмжээ нэмсэн: \(event.title)", en: "Added event \(event.title)")) { try Meetings.save(event, in: $0) }
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + "\(ShortID.of(event.id))  \(event.title), \(describe(event.schedule, in: language))")
    }
}
