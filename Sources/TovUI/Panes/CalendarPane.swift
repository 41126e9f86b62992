import TovCore

/// The month grid: Monday first, today and holidays marked, a glyph for the kind of event on each day.
enum CalendarPane {
    /// The date shown in a grid cell, if the cell (x, y) is on one.
    static func date(at x: Int, _ y: Int, in rect: Rect, state: AppState) -> LocalDate? {
        let inside = rect.inset(by: 1)
        let row = y - inside.y - 1, column = (x - inside.x) / 4
        guard x >= inside.x, row >= 0, row < 6, column >= 0, column < 7 else { return nil }
        return ScreenData.gridDays(around: state.selectedDate).lowerBound.adding(days: row * 7 + column)
    }

    static func draw(_ grid: inout CellGrid, _ rect: Rect, state: AppState, focused: Bool, theme: Theme) {
        let language = state.language
        let inside = Draw.box(&grid, rect, title: CalendarText.month(state.selectedDate, in: language), focused: focused, theme: theme)
        guard inside.height > 0 else { return }
        for weekday in Weekday.allCases {
            let style = weekday.rawValue >= 5 ? theme.weekend : theme.label
            grid.write(" " + CalendarText.weekdayShort(weekday, in: language), x: inside.x + weekday.rawValue * 4, y: inside.y, style: style)
        }
        let first = ScreenData.gridDays(around: state.selectedDate).lowerBound
        for index in 0..<42 {
            let y = inside.y + 1 + index / 7
            guard y < inside.maxY else { break }
            let date = first.adding(days: index)
            let x = inside.x + (index % 7) * 4
            var style: Style = .plain
            if date.month != state.selectedDate.month {
                style = theme.outside
            } else if state.data.holidays[date]?.contains(where: \.dayOff) == true {
                style = theme.holiday
            } else if date.weekday.rawValue >= 5 {
                style = theme.weekend
            }
            if date == state.today { style = theme.today }
            let number = date.day < 10 ? " \(date.day)" : "\(date.day)"
            grid.write(" " + number, x: x, y: y, style: style)
            if let kinds = state.data.entriesByDay[date]?.map({ state.data.entries[$0].occurrence.kind }),
               let kind = kinds.min(by: { KindGlyph.rank($0) < KindGlyph.rank($1) }) {
                grid.write(KindGlyph.of(kind), x: x + 3, y: y, style: date.month == state.selectedDate.month ? theme.glyph : theme.outside)
            }
            if date == state.selectedDate {
                grid.restyle(Rect(x: x + 1, y: y, width: 2, height: 1)) { style in
                    if focused { style.reverse = true } else { style.underline = true; style.bold = true }
                }
            }
        }
    }

    /// Under the calendar: what the glyphs mean, and the selected day's holidays.
    static func drawLegend(_ grid: inout CellGrid, _ rect: Rect, state: AppState, theme: Theme) {
        let language = state.language
        var y = rect.y
        for kind in EventKind.allCases where y < rect.maxY {
            grid.write(" " + KindGlyph.of(kind), x: rect.x, y: y, style: theme.glyph)
            grid.write(" " + Vocabulary.name(of: kind, in: language), x: rect.x + 2, y: y, style: theme.dim, limit: rect.width - 2)
            y += 1
        }
        y += 1
        for holiday in state.data.holidays[state.selectedDate] ?? [] {
            for line in Draw.wrap("★ " + holiday.name(in: language), width: rect.width - 1) where y < rect.maxY {
                grid.write(" " + line, x: rect.x, y: y, style: theme.holiday, limit: rect.width)
                y += 1
            }
        }
    }
}
