/// Where everything goes at a size: the same answer for drawing and for mouse clicks.
///
/// At 80×24 the calendar and one pane fit; from 120 columns the calendar, a list and its details
/// stand side by side.
struct ScreenLayout {
    static let minimumWidth = 60
    static let minimumHeight = 16
    /// The calendar's width: seven days of four columns, and the border.
    static let calendarWidth = 30

    var tabs: Rect
    var status: Rect
    var calendar: Rect?
    /// The pane's lists: the events list, or the two lists of the Dialogue and People panes.
    var lists: [Rect]
    var details: Rect

    var isTooSmall: Bool

    init(width: Int, height: Int, pane: Pane) {
        isTooSmall = width < ScreenLayout.minimumWidth || height < ScreenLayout.minimumHeight
        tabs = Rect(x: 0, y: 0, width: width, height: 1)
        status = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let body = Rect(x: 0, y: 1, width: width, height: max(0, height - 2))
        let wide = width >= 120
        var rest = body
        if pane == .calendar || pane == .events || wide {
            let columns = Layout.columns(body, [.fixed(ScreenLayout.calendarWidth), .fill])
            calendar = Rect(x: columns[0].x, y: columns[0].y, width: columns[0].width, height: min(body.height, 9))
            rest = columns[1]
        }
        switch pane {
        case .calendar, .events:
            if wide {
                let columns = Layout.columns(rest, [.percent(55), .fill])
                lists = [columns[0]]
                details = columns[1]
            } else {
                let rows = Layout.rows(rest, [.fill, .fixed(min(11, rest.height / 2))])
                lists = [rows[0]]
                details = rows[1]
            }
        case .dialogue, .people:
            let columns = Layout.columns(rest, [.percent(wide ? 60 : 55), .fill])
            let rows = Layout.rows(columns[0], [.percent(50), .fill])
            lists = [rows[0], rows[1]]
            details = columns[1]
        }
        if let calendar, body.height > calendar.height {
            // Under the calendar: the legend and the selected day's holidays.
            self.legend = Rect(x: calendar.x, y: calendar.maxY, width: calendar.width, height: body.maxY - calendar.maxY)
        }
    }

    /// The space under the calendar.
    var legend: Rect?
}
