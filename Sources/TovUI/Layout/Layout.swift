/// Splits a rectangle into side-by-side columns or stacked rows by constraints, as ratatui's layout does.
///
///     let (calendar, list) = Layout.columns(screen, [.fixed(24), .fill]).pair
public enum Layout {
    /// How much room one part asks for.
    public enum Constraint: Hashable, Sendable {
        /// Exactly this many cells (less only when the whole is too small).
        case fixed(Int)
        /// This share of the whole, in percent.
        case percent(Int)
        /// At least this many cells, and an equal share of what is left over.
        case min(Int)
        /// An equal share of what the others leave.
        case fill
    }

    /// Parts side by side, left to right.
    public static func columns(_ area: Rect, _ constraints: [Constraint], gap: Int = 0) -> [Rect] {
        sizes(area.width, constraints, gap: gap).map { Rect(x: area.x + $0.offset, y: area.y, width: $0.size, height: area.height) }
    }

    /// Parts stacked, top to bottom.
    public static func rows(_ area: Rect, _ constraints: [Constraint], gap: Int = 0) -> [Rect] {
        sizes(area.height, constraints, gap: gap).map { Rect(x: area.x, y: area.y + $0.offset, width: area.width, height: $0.size) }
    }

    /// Offsets and sizes along one axis. Fixed and percentage parts are served first, in order, as far as
    /// the room goes; minimums next; what remains is shared equally by `min` and `fill` parts, the first
    /// ones taking the odd cells.
    static func sizes(_ total: Int, _ constraints: [Constraint], gap: Int) -> [(offset: Int, size: Int)] {
        guard !constraints.isEmpty else { return [] }
        var remaining = max(0, total - gap * (constraints.count - 1))
        var sizes = Array(repeating: 0, count: constraints.count)
        for (index, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .fixed(let cells): wanted = cells
            case .percent(let share): wanted = total * share / 100
            case .min(let cells): wanted = cells
            case .fill: wanted = 0
            }
            sizes[index] = Swift.min(Swift.max(0, wanted), remaining)
            remaining -= sizes[index]
        }
        let sharing = constraints.indices.filter {
            if case .fill = constraints[$0] { return true }
            if case .min = constraints[$0] { return true }
            return false
        }
        if !sharing.isEmpty {
            let share = remaining / sharing.count
            var extra = remaining % sharing.count
            for index in sharing {
                sizes[index] += share + (extra > 0 ? 1 : 0)
                extra -= 1
            }
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size + gap }
            return (offset, size)
        }
    }
}
