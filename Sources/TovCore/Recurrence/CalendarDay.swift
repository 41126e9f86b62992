/// A day with the calendar facts a recurrence rule tests, stepped forward by addition alone so that
/// expanding a rule costs a few integer operations per day.
struct CalendarDay {
    private(set) var year: Int
    private(set) var month: Int
    private(set) var day: Int
    /// 0 for Monday … 6 for Sunday, as `Weekday.rawValue`.
    private(set) var weekday: Int
    /// Days since 1970-01-01, as `LocalDate.daysSinceEpoch`.
    private(set) var number: Int
    private(set) var daysInMonth: Int
    private(set) var dayOfYear: Int
    private(set) var daysInYear: Int

    init(_ date: LocalDate) {
        year = date.year
        month = date.month
        day = date.day
        weekday = date.weekday.rawValue
        number = date.daysSinceEpoch
        daysInMonth = LocalDate.daysIn(month: date.month, year: date.year)
        dayOfYear = date.dayOfYear
        daysInYear = LocalDate.isLeap(date.year) ? 366 : 365
    }

    var date: LocalDate { LocalDate(unchecked: year, month, day) }

    /// Moves to the next day.
    @inline(__always)
    mutating func advance() {
        guard day < daysInMonth else { return advanceToNextMonth() }
        day += 1
        number += 1
        dayOfYear += 1
        weekday = weekday == 6 ? 0 : weekday + 1
    }

    /// Moves to the first day of the next month.
    mutating func advanceToNextMonth() {
        let step = daysInMonth - day + 1
        number += step
        weekday = (weekday + step) % 7
        day = 1
        if month == 12 {
            year += 1
            month = 1
            dayOfYear = 1
            daysInYear = LocalDate.isLeap(year) ? 366 : 365
        } else {
            month += 1
            dayOfYear += step
        }
        daysInMonth = LocalDate.daysIn(month: month, year: year)
    }
}
