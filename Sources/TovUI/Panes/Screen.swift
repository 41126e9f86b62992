import TovCore

/// Draws the whole screen from the state: tabs, the panes, the status bar, and any overlay on top.
public enum Screen {
    public static func render(_ state: AppState, width: Int, height: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: height)
        let theme = state.colors ? Theme.color : Theme.monochrome
        let layout = ScreenLayout(width: width, height: height, pane: state.pane)
        guard !layout.isTooSmall else {
            drawTooSmall(&grid, state: state, theme: theme)
            return grid
        }
        drawTabs(&grid, layout.tabs, state: state, theme: theme)
        if let calendar = layout.calendar {
            CalendarPane.draw(&grid, calendar, state: state, focused: state.pane == .calendar, theme: theme)
            if let legend = layout.legend { CalendarPane.drawLegend(&grid, legend, state: state, theme: theme) }
        }
        switch state.pane {
        case .calendar, .events:
            // Listed once for the frame: the list and its details both read it.
            let entries = state.listedEntries
            let selected = entries.indices.contains(state.eventRow) ? entries[state.eventRow] : nil
            EventsPane.drawList(&grid, layout.lists[0], entries: entries, state: state, focused: state.pane == .events, theme: theme)
            EventsPane.drawDetails(&grid, layout.details, entry: selected, state: state, theme: theme)
        case .dialogue:
            DialoguePane.draw(&grid, layout, state: state, theme: theme)
        case .people:
            PeoplePane.draw(&grid, layout, state: state, theme: theme)
        }
        drawStatus(&grid, layout.status, state: state, theme: theme)
        switch state.overlay {
        case .help(let scroll): drawHelp(&grid, scroll: scroll, state: state, theme: theme)
        case .form(let form): FormView.draw(&grid, form, state: state, theme: theme)
        case .confirm(let confirmation): drawConfirm(&grid, confirmation, state: state, theme: theme)
        case .prompt(let prompt): drawPrompt(&grid, prompt, state: state, theme: theme)
        case .coverage(let coverage, let scroll): drawCoverage(&grid, coverage, scroll: scroll, state: state, theme: theme)
        case nil: break
        }
        return grid
    }

    /// Each tab's label and where it is on the top line (for clicks).
    static func tabRanges(_ state: AppState) -> [(pane: Pane, label: String, from: Int, to: Int)] {
        var x = 5
        return Pane.allCases.map { pane in
            let label = " \(pane.rawValue + 1) \(pane.title(in: state.language)) "
            let width = CellWidth.of(label)
            defer { x += width + 1 }
            return (pane, label, x, x + width)
        }
    }

    static func drawTabs(_ grid: inout CellGrid, _ rect: Rect, state: AppState, theme: Theme) {
        grid.fill(rect, with: Cell(" ", style: theme.bar))
        grid.write(" тов", x: 0, y: rect.y, style: theme.activeTab)
        let tabs = tabRanges(state)
        for tab in tabs {
            grid.write(tab.label, x: tab.from, y: rect.y, style: tab.pane == state.pane ? theme.activeTab : theme.bar)
        }
        let right = Vocabulary.date(state.today, in: state.language) + "  " + state.language.rawValue.uppercased() + " "
        let width = CellWidth.of(right)
        if let last = tabs.last, last.to + width < rect.width {
            grid.write(right, x: rect.width - width, y: rect.y, style: theme.bar)
        }
    }

    static func drawStatus(_ grid: inout CellGrid, _ rect: Rect, state: AppState, theme: Theme) {
        grid.fill(rect, with: Cell(" ", style: theme.bar))
        if let status = state.status {
            grid.write(" " + status.text, x: 0, y: rect.y, style: status.isError ? theme.barError : theme.bar)
        } else {
            let hints = state.language.pick(
                "? тусламж  a нэмэх  e засах  d устгах  u буцаах  / хайх  L хэл  q гарах",
                "? help  a add  e edit  d delete  u undo  / search  L language  q quit")
            grid.write(" " + hints, x: 0, y: rect.y, style: theme.bar)
        }
    }

    static func drawTooSmall(_ grid: inout CellGrid, state: AppState, theme: Theme) {
        let lines = [
            state.language.pick("Цонх хэт жижиг байна", "The window is too small"),
            "\(grid.width)×\(grid.height)",
            state.language.pick("Хамгийн багадаа", "It needs at least") + " \(ScreenLayout.minimumWidth)×\(ScreenLayout.minimumHeight)",
        ]
        let top = max(0, grid.height / 2 - 1)
        for (offset, line) in lines.enumerated() {
            for (index, piece) in Draw.wrap(line, width: grid.width).enumerated() where index == 0 {
                Draw.centred(&grid, piece, y: top + offset, in: grid.area, style: offset == 0 ? theme.error : .plain)
            }
        }
    }

    /// A centred box `width`×`height` (clipped to the screen), cleared; returns its inside.
    static func dialog(_ grid: inout CellGrid, width: Int, height: Int, title: String, theme: Theme) -> Rect {
        let w = min(width, grid.width - 2), h = min(height, grid.height - 2)
        let rect = Rect(x: (grid.width - w) / 2, y: (grid.height - h) / 2, width: w, height: h)
        grid.fill(rect)
        return Draw.box(&grid, rect, title: title, focused: true, theme: theme)
    }

    static func helpLines(_ state: AppState) -> [(keys: String, summary: String)] {
        let language = state.language
        return KeyMap.standard.helpLines(in: language) + [
            ("", ""),
            (language.pick("Маягтад", "In forms"), ""),
            ("Tab Shift-Tab ↑ ↓", language.pick("Талбар солих", "Move between fields")),
            ("← → Space", language.pick("Сонголт солих", "Change a choice")),
            ("Enter Ctrl-S", language.pick("Хадгалах", "Save")),
            ("Esc", language.pick("Болих", "Cancel")),
            ("Home End Ctrl-U", language.pick("Мөр засах", "Line editing")),
        ]
    }

    static func drawHelp(_ grid: inout CellGrid, scroll: Int, state: AppState, theme: Theme) {
        let lines = helpLines(state)
        let inside = dialog(&grid, width: 64, height: lines.count + 2, title: state.language.pick("Тусламж — Esc хаах", "Help — Esc closes"), theme: theme)
        let first = min(scroll, max(0, lines.count - inside.height))
        for (row, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            grid.write(line.keys, x: inside.x + 1, y: inside.y + row, style: theme.label, limit: 20)
            grid.write(line.summary, x: inside.x + 22, y: inside.y + row, limit: inside.width - 22)
        }
    }

    /// The aimags, then the districts: each with how far its SA Day has got and when.
    static func drawCoverage(_ grid: inout CellGrid, _ coverage: SADayCoverage, scroll: Int, state: AppState, theme: Theme) {
        let language = state.language
        let counts = coverage.counts
        let name = { (state: SADayCoverage.State) in Vocabulary.name(of: state, in: language) }
        var lines: [(String, Style, String)] = [(
            SADayCoverage.State.allCases.reversed().map { name($0) + " \(counts[$0] ?? 0)" }.joined(separator: ", "), theme.title, "")]
        for row in coverage.rows {
            let days = row.days.map { day in
                day.schedule.start.date.description
                    + ([.confirmed, .held].contains(day.status) ? "" : " (" + Vocabulary.name(of: day.status, in: language) + ")")
            }
            let style: Style = switch row.state {
            case .held: theme.glyph
            case .planned: .plain
            case .idea, .none: theme.dim
            }
            let place = row.place.name(in: language) + (row.place.kind == .capitalDistrict ? language.pick(" дүүрэг", " district") : "")
            lines.append((place, style, name(row.state) + (days.isEmpty ? "" : ": " + days.joined(separator: ", "))))
        }
        for day in coverage.unplaced {
            lines.append((language.pick("(газаргүй)", "(no place)"), theme.dim, day.schedule.start.date.description + " " + day.title))
        }
        let title = language.pick("НЭХ өдөрлөг \(coverage.year): ← → он, Esc хаах", "SA Days \(coverage.year): ← → year, Esc closes")
        let inside = dialog(&grid, width: 90, height: lines.count + 2, title: title, theme: theme)
        let first = min(scroll, max(0, lines.count - inside.height))
        for (row, line) in lines.dropFirst(first).prefix(inside.height).enumerated() {
            if line.2.isEmpty {
                grid.write(line.0, x: inside.x + 1, y: inside.y + row, style: line.1, limit: inside.width - 1)
                continue
            }
            grid.write(line.0, x: inside.x + 1, y: inside.y + row, style: theme.label, limit: 22)
            grid.write(line.2, x: inside.x + 24, y: inside.y + row, style: line.1, limit: inside.width - 24)
        }
    }

    static func drawConfirm(_ grid: inout CellGrid, _ confirmation: Confirmation, state: AppState, theme: Theme) {
        let lines = Draw.wrap(confirmation.question, width: 52)
        let inside = dialog(&grid, width: 56, height: lines.count + 4, title: state.language.pick("Баталгаажуулах", "Confirm"), theme: theme)
        for (row, line) in lines.enumerated() { grid.write(line, x: inside.x + 1, y: inside.y + row, limit: inside.width - 1) }
        grid.write(state.language.pick("y/Enter — тийм   n/Esc — үгүй", "y/Enter — yes   n/Esc — no"),
                   x: inside.x + 1, y: inside.maxY - 1, style: theme.label, limit: inside.width - 1)
    }

    static func drawPrompt(_ grid: inout CellGrid, _ prompt: Prompt, state: AppState, theme: Theme) {
        let title = switch prompt.purpose {
        case .goToDate: state.language.pick("Огноо руу очих (ОООО-СС-ӨӨ)", "Go to date (YYYY-MM-DD)")
        case .search: state.language.pick("Хайх", "Search")
        case .exportAttendance: state.language.pick("Ирцийн жагсаалтыг хадгалах файл", "Save the attendance list to the file")
        case .copyEvent: state.language.pick("Шинэ өдөрлөгийн огноо (ОООО-СС-ӨӨ)", "Date of the new SA Day (YYYY-MM-DD)")
        }
        let inside = dialog(&grid, width: 50, height: 5, title: title, theme: theme)
        grid.cursor = prompt.field.draw(into: &grid, x: inside.x + 1, y: inside.y, width: inside.width - 2, style: theme.focusedField, focused: true)
        if let error = prompt.error {
            grid.write(error, x: inside.x + 1, y: inside.y + 2, style: theme.error, limit: inside.width - 2)
        }
    }
}
