/// A day with the calendar facts a recurrence rule tests, moved forward by addition alone so that
/// expanding a rule costs a few integer operations per day it looks at.
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
        number = date.daysSinceEpoch
        // 1970-01-01 was a Thursday; computed here rather than through `Weekday` to stay allocation-free.
        weekday = (number % 7 + 10) % 7
        daysInMonth = LocalDate.daysIn(month: date.month, year: date.year)
        dayOfYear = number - LocalDate(unchecked: date.year, 1, 1).daysSinceEpoch + 1
        daysInYear = LocalDate.isLeap(date.year) ? 366 : 365
    }

    var date: LocalDate { LocalDate(unchecked: year, month, day) }

    /// Moves to the next day.
    @inline(__always)
    mutating func advance() {
        advance(by: 1)
    }

    /// Moves `days` days on (zero or more).
    @inline(__always)
    mutating func advance(by days: Int) {
        var days = days
        while day + days > daysInMonth {
            days -= daysInMonth - day + 1
            moveToNextMonth()
        }
        day += days
        number += days
        dayOfYear += days
        weekday = (weekday + days) % 7
    }

    /// Moves to the first day of the next month.
    private mutating func moveToNextMonth() {
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
