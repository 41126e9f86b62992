import ArgumentParser
import TovCore

/// `tov event edit`: change what was given, keep the rest.
struct EventEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change an event.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The event's id.") var id: String
    @Option(help: "New title.") var title: String?
    @Option(help: "dialogue, sa-day or event.") var kind: String?
    @OptionGroup var when: ScheduleOptions
    @Option(help: "Venue.") var venue: String?
    @Option(help: "idea, tentative, confirmed, held, reported or cancelled.") var status: String?
    @Option(name: .customLong("public-event"), help: "The public event it is attached to.") var publicEvent: String?
    @Option(name: .customLong("public-event-date"),
            help: ArgumentHelp("The public event's date, YYYY-MM-DD (an empty value clears it).", valueName: "date"))
    var publicEventDate: String?
    @Option(help: "Notes.") var notes: String?

    func run() throws {
        let language = try global.language()
        let place = try when.place()
        let kind: EventKind? = try kind.map { try Input.choice($0, "kind of event") }
        let status: EventStatus? = try status.map { try Input.choice($0, "status") }
        let title = try title.map { try Input.requiredText($0, "title") }
        // Some(nil) clears the date.
        let publicEventDate = try publicEventDate.map { try Input.text($0).map(Input.date) }
        let today = try Clock.today()
        let store = try global.openStore(creating: false)
        let event = try store.write(undoable: say(language, mn: "Арга хэмжээ засварласан: \(self.id)", en: "Edited event \(self.id)")) { session in
            var event = try EventTarget.event(id, in: session)
            let oldStatus = event.status
            event.title = title ?? event.title
            event.kind = kind ?? event.kind
            event.status = status ?? event.status
            if let place { event.placeCode = place.code }
            if let venue { event.venue = Input.text(venue) }
            if let publicEvent { event.publicEvent = Input.text(publicEvent) }
            if let publicEventDate { event.publicEventDate = publicEventDate }
            if let notes { event.notes = Input.text(notes) }
            let zone = try when.zone(place: place, fallback: event.schedule.zone)
            event.schedule = try when.edit(event.schedule, zone: zone)
            // An SA Day is held or reported only from its day on; saving checks the rest of its flow.
            try SADays.checkMove(of: event, from: oldStatus, to: event.status, today: today)
            try Meetings.save(event, in: session)
            return event
        }
        emit(say(language, mn: "Зассан: ", en: "Changed ") + "\(ShortID.of(event.id))  \(event.title), \(describe(event.schedule, in: language))")
    }
}
