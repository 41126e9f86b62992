import ArgumentParser
import TovCore

/// `tov sa-day`: Social Accountability Days as a regional office plans, holds and reports them, and the
/// centre's view of which aimags and districts have one.
struct SADayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sa-day",
        abstract: "SA Days: coverage of aimags and districts, a new day copied from an earlier one, status, report.",
        subcommands: [SADayCoverageCommand.self, SADayCopy.self, SADayStatus.self, SADayReport.self]
    )
}

extension EventTarget {
    /// The SA Day named by the options, stored (a series meeting gets its stored change): call this inside a write.
    func storedSADay(in session: any ScheduleSession) throws -> Event {
        try SADayCommand.requireSADay(try storedEvent(in: session))
    }
}

extension SADayCommand {
    /// `event` when it is an SA Day; another kind is refused, since the SA Day commands follow its flow.
    @discardableResult
    static func requireSADay(_ event: Event) throws -> Event {
        guard event.kind == .saDay else {
            throw ValidationError(
                "'\(event.title)' is an \(Vocabulary.name(of: event.kind, in: .en)), not an SA Day; tov sa-day works on SA Days only",
                mn: "“\(event.title)” нь \(Vocabulary.name(of: event.kind, in: .mn)), НЭХ өдөрлөг биш")
        }
        return event
    }
}
