import ArgumentParser
import Foundation
import TovCore

/// `tov programme add`: a new item on an event's programme, inside the meeting's hours, as one undoable change.
struct ProgrammeAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an item to an event's programme.",
        discussion: """
            Kinds: \(ProgrammeItem.Kind.allCases.map(\.rawValue).joined(separator: ", ")). Service areas: \
            \(ProgrammeItem.ServiceArea.allCases.map(\.rawValue).joined(separator: ", ")). The times of a meeting \
            within one day must lie within its hours. A series meeting gets its own stored event, with the default \
            programme, on its first change.
            Example: tov programme add --series ff10 --meeting 2027-01-21 --kind seminar --title "Төсвийн ил тод байдал" \
            --from 15:00 --to 15:30 --service-area finance
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("The kind of item: keynote, presentation, panel, open-discussion, interview, seminar …", valueName: "kind"))
    var kind: String
    @Option(help: "The item's title.") var title: String
    @Option(help: ArgumentHelp("When it starts.", valueName: "HH:MM")) var from: String?
    @Option(help: ArgumentHelp("When it ends.", valueName: "HH:MM")) var to: String?
    @Option(help: ArgumentHelp("The public service it is about: education, health, city-services …", valueName: "area"))
    var serviceArea: String?

    func run() throws {
        let language = try global.language()
        let kind: ProgrammeItem.Kind = try Input.choice(kind, "kind of programme item")
        let title = try Input.requiredText(title, "title")
        let start = try from.map(Input.time), end = try to.map(Input.time)
        let serviceArea: ProgrammeItem.ServiceArea? = try serviceArea.map { try Input.choice($0, "service area") }
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Хөтөлбөрт нэмсэн: \(title)", en: "Added programme item \(title)")
        let (item, event) = try store.write(undoable: label) { session in
            let event = try target.storedEvent(in: session)
            let item = ProgrammeItem(eventID: event.id, kind: kind, title: title, serviceArea: serviceArea, start: start, end: end)
            try Programme.save(item, on: event, in: session)
            return (item, event)
        }
        emit(say(language, mn: "Нэмсэн: ", en: "Added ") + ShortID.of(item.id) + "  " + item.sentence(in: language) + ": "
             + SafeText.clean(event.title) + ", " + describe(event.schedule, in: language))
    }
}
