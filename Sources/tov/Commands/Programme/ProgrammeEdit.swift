import ArgumentParser
import Foundation
import TovCore

/// `tov programme edit`: change what was given of one item, keep the rest (undoable).
struct ProgrammeEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an item of an event's programme.",
        discussion: """
            Only what is given changes. Example: tov programme edit --event 3f9a12c0 --item 1b2c3d4e --from 14:10 --to 14:40
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: EventTarget
    @Option(help: ArgumentHelp("The item's id, as tov programme list shows it.", valueName: "id")) var item: String
    @Option(help: ArgumentHelp("The kind of item: keynote, presentation, panel, open-discussion, interview, seminar …", valueName: "kind"))
    var kind: String?
    @Option(help: "The item's title.") var title: String?
    @Option(help: ArgumentHelp("When it starts.", valueName: "HH:MM")) var from: String?
    @Option(help: ArgumentHelp("When it ends.", valueName: "HH:MM")) var to: String?
    @Option(help: ArgumentHelp("The public service it is about: education, health, city-services …", valueName: "area"))
    var serviceArea: String?
    @Flag(help: "Take its times off: the item then runs untimed, after the timed ones.") var clearTimes = false

    func run() throws {
        let language = try global.language()
        let kind: ProgrammeItem.Kind? = try kind.map { try Input.choice($0, "kind of programme item") }
        let title = try title.map { try Input.requiredText($0, "title") }
        let start = try from.map(Input.time), end = try to.map(Input.time)
        let serviceArea: ProgrammeItem.ServiceArea? = try serviceArea.map { try Input.choice($0, "service area") }
        if clearTimes, from != nil || to != nil { throw ValidationError("give either --clear-times or --from and --to, not both") }
        guard kind != nil || title != nil || start != nil || end != nil || serviceArea != nil || clearTimes else {
            throw ValidationError("say what to change: --kind, --title, --from, --to, --service-area or --clear-times")
        }
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Хөтөлбөрийн хэсэг засварласан: \(self.item)", en: "Edited programme item \(self.item)")
        let item = try store.write(undoable: label) { session in
            let event = try target.storedEvent(in: session)
            var item = try ProgrammeCommand.item(self.item, of: event, in: session)
            item.kind = kind ?? item.kind
            item.title = title ?? item.title
            item.serviceArea = serviceArea ?? item.serviceArea
            if clearTimes { (item.start, item.end) = (nil, nil) }
            item.start = start ?? item.start
            item.end = end ?? item.end
            try Programme.save(item, on: event, in: session)
            return item
        }
        emit(say(language, mn: "Зассан: ", en: "Changed ") + ShortID.of(item.id) + "  " + item.sentence(in: language))
    }
}
