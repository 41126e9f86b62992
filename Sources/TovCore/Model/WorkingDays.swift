/// Which days are working days: Monday to Friday, less the public holidays that are days off.
///
///     let days = WorkingDays(holidays: try session.holidays(from: first, through: last))
///     days.isWorkingDay(try LocalDate(parsing: "2026-02-18")) // false: Цагаан сар
public struct WorkingDays: Sendable {
    private let byDate: [LocalDate: [Holiday]]

    /// No holidays known: only weekends are days off.
    public static let weekendsOnly = WorkingDays(holidays: [])

    public init(holidays: [Holiday]) {
        byDate = Dictionary(grouping: holidays, by: \.date)
    }

    /// The holidays on `date` that are days off.
    public func daysOff(on date: LocalDate) -> [Holiday] {
        byDate[date]?.filter(\.dayOff) ?? []
    }

    public func isWeekend(_ date: LocalDate) -> Bool {
        date.weekday == .saturday || date.weekday == .sunday
    }

    public func isWorkingDay(_ date: LocalDate) -> Bool {
        !isWeekend(date) && daysOff(on: date).isEmpty
    }

    /// `start` moved by `policy` off a weekend or a day off, keeping its time of day. The search stops
    /// at the policy's reach (two weeks, beyond any run of days off), and then keeps the day.
    public func shifted(_ start: LocalDateTime, by policy: ShiftPolicy) -> LocalDateTime {
        let step: Int
        switch policy {
        case .keep: return start
        case .nextWorkingDay: step = 1
        case .previousWorkingDay: step = -1
        }
        var date = start.date
        for _ in 0..<ShiftPolicy.reach where !isWorkingDay(date) {
            date = date.adding(days: step)
        }
        return isWorkingDay(date) ? LocalDateTime(date: date, time: start.time) : start
    }
}

extension ScheduleSession {
    /// The working days from `first` through `last`, from the stored holidays.
    public func workingDays(from first: LocalDate, through last: LocalDate) throws -> WorkingDays {
        WorkingDays(holidays: try holidays(from: first, through: last))
    }
}

/// What a series does with a meeting that falls on a weekend or a public holiday.
public enum ShiftPolicy: String, CaseIterable, Hashable, Sendable {
    /// The meeting stays on its day (it is flagged).
    case keep
    /// The meeting moves to the next working day.
    case nextWorkingDay = "next-working-day"
    /// The meeting moves to the working day before.
    case previousWorkingDay = "previous-working-day"

    /// How far a shift can move a meeting, in days: a series' occurrences are looked for this much
    /// beyond a range so that one shifted into it is found.
    public static let reach = 14

    /// Refuses a policy that would pile meetings up: a series meeting daily or more often that moves its
    /// weekend meetings to Monday would hold three on it.
    public func check(for rule: RecurrenceRule) throws {
        guard self != .keep, [.daily, .hourly, .minutely, .secondly].contains(rule.frequency) else { return }
        throw ValidationError(
            "a series that meets every day or more often cannot move its meetings off days off without piling them onto one day: use keep, or a weekly rule such as FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR")
    }
}
