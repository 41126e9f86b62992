import ArgumentParser
import Foundation
import TovCore

/// `tov programme`: a meeting's programme, which the coordinator edits: keynote, presentations, panel …
struct ProgrammeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract: "List, add, change and remove the items of an event's programme.",
        subcommands: [ProgrammeList.self, ProgrammeAdd.self, ProgrammeEdit.self, ProgrammeRemove.self]
    )

    /// The item of `event`'s programme that `text` names by its id.
    static func item(_ text: String, of event: Event, in session: any ScheduleSession) throws -> ProgrammeItem {
        let id = try ShortID.resolve(text, .programmeItem, in: session)
        guard let item = try session.programme(ofEvent: event.id).first(where: { $0.id == id }) else {
            throw ValidationError("the programme item '\(text)' is not on '\(event.title)'")
        }
        return item
    }
}

extension ProgrammeItem {
    /// Its times as a range, "14:00–14:30"; one open end shows as "14:00–" or "–14:30"; empty when untimed.
    var times: String {
        switch (start, end) {
        case let (start?, end?): "\(start.short)–\(end.short)"
        case let (start?, nil): "\(start.short)–"
        case let (nil, end?): "–\(end.short)"
        case (nil, nil): ""
        }
    }

    /// What it is: "Гол илтгэл (keynote) · health".
    func summary(in language: Language) -> String {
        var summary = SafeText.clean(title) + " (" + Vocabulary.name(of: kind, in: language) + ")"
        if let serviceArea { summary += " · " + Vocabulary.name(of: serviceArea, in: language) }
        return summary
    }

    /// It in a column of items: its times padded, then what it is.
    func line(in language: Language) -> String {
        times.padding(toLength: 13, withPad: " ", startingAt: 0) + summary(in: language)
    }

    /// It in a sentence: "14:00–14:30 Гол илтгэл (keynote)", or just what it is when untimed.
    func sentence(in language: Language) -> String {
        times.isEmpty ? summary(in: language) : times + " " + summary(in: language)
    }
}
