import TovCore

/// Draws a form as a dialog: a line per field, the focused one open for typing, a picker's matches
/// under it, problems beside the fields as they are typed, and a series' next meetings.
enum FormView {
    static let labelWidth = 20

    static func draw(_ grid: inout CellGrid, _ form: Form, state: AppState, theme: Theme) {
        let language = state.language
        let preview = form.purpose == .series ? RecordForms.preview(of: form, zone: state.zone) : nil
        let height = form.fields.count + 5 + (preview == nil ? 0 : 8)
        let inside = Screen.dialog(&grid, width: 76, height: height, title: form.title, theme: theme)
        guard inside.height > 2 else { return }
        let valueX = inside.x + 1 + labelWidth
        let valueWidth = max(1, inside.maxX - valueX - 1)
        var dropdown: (field: FormField, y: Int)?
        for (index, field) in form.fields.enumerated() {
            let y = inside.y + index
            guard y < inside.maxY - 2 else { break }
            let focused = index == form.focus
            grid.write((field.required ? "*" : " ") + field.label, x: inside.x, y: y, style: focused ? theme.focusedTitle : theme.label, limit: labelWidth)
            let style = focused ? theme.focusedField : theme.field
            switch field.kind {
            case .text, .date, .time:
                let problem = field.text == nil ? nil : field.problem(in: language)
                let width = problem == nil ? valueWidth : min(valueWidth, 16)
                let cursor = field.input.draw(into: &grid, x: valueX, y: y, width: width, style: style, focused: focused)
                if focused { grid.cursor = cursor }
                if let problem { grid.write(" ✗ " + problem, x: valueX + width, y: y, style: theme.error, limit: valueWidth - width) }
            case .choice:
                let label = field.selectedOption?.shown ?? ""
                grid.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), with: Cell(" ", style: style))
                grid.write("‹ " + label + " ›", x: valueX, y: y, style: style, limit: valueWidth)
            case .picker:
                if focused {
                    let chosen = field.selectedOption?.shown ?? ""
                    let typed = field.input.text.isEmpty ? 0 : min(valueWidth / 2, 20)
                    if typed > 0 {
                        grid.cursor = field.input.draw(into: &grid, x: valueX, y: y, width: typed, style: style, focused: true)
                    }
                    grid.fill(Rect(x: valueX + typed, y: y, width: valueWidth - typed, height: 1), with: Cell(" ", style: theme.field))
                    grid.write((typed > 0 ? " → " : "") + chosen, x: valueX + typed, y: y, style: theme.field, limit: valueWidth - typed)
                    if typed == 0 { grid.cursor = Position(x: valueX, y: y) }
                    dropdown = (field, y + 1)
                } else {
                    let label = field.selectedOption?.shown ?? ""
                    grid.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), with: Cell(" ", style: style))
                    grid.write(label, x: valueX, y: y, style: style, limit: valueWidth)
                }
            }
        }
        var y = inside.y + form.fields.count + 1
        if let preview {
            grid.write(language.pick("Дараагийн товууд:", "Next meetings:"), x: inside.x + 1, y: y, style: theme.title)
            y += 1
            if preview.isEmpty {
                grid.write(language.pick("— дүрэм, огноо, цагийг шалгана уу —", "— check the rule, date and times —"), x: inside.x + 1, y: y, style: theme.dim)
            }
            for start in preview where y < inside.maxY - 2 {
                grid.write(CalendarText.day(start.date, in: language) + "  " + start.time.short, x: inside.x + 3, y: y, limit: inside.width - 3)
                y += 1
            }
        }
        if let error = form.error {
            grid.write(error, x: inside.x + 1, y: inside.maxY - 2, style: theme.error, limit: inside.width - 1)
        }
        grid.write(language.pick("Tab — дараагийн  Enter/Ctrl-S — хадгалах  Esc — болих", "Tab — next  Enter/Ctrl-S — save  Esc — cancel"),
                   x: inside.x + 1, y: inside.maxY - 1, style: theme.dim, limit: inside.width - 1)
        if let (field, top) = dropdown {
            let matches = field.filtered
            let rows = min(6, matches.count, max(0, inside.maxY - 1 - top))
            let first = Draw.scrollOffset(selected: field.highlight, count: matches.count, height: rows)
            let box = Rect(x: valueX, y: top, width: valueWidth, height: rows)
            grid.fill(box, with: Cell(" ", style: theme.focusedField))
            for row in 0..<rows {
                let option = field.options[matches[first + row]]
                let selected = first + row == field.highlight
                grid.write(option.shown, x: valueX + 1, y: top + row, style: selected ? theme.activeTab : theme.focusedField, limit: valueWidth - 1)
            }
            if matches.isEmpty {
                grid.write(language.pick("тохирох зүйл алга", "nothing matches"), x: valueX, y: top, style: theme.error, limit: valueWidth)
            }
        }
    }
}
