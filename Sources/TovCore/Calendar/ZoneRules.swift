import Foundation

/// The UTC offsets of one time zone over time, read once from the system database and then looked up
/// without Foundation: an agenda of a year converts tens of thousands of wall times.
final class ZoneRules: Sendable {
    /// Instants (seconds since the Unix epoch) at which the offset changes, ascending.
    private let transitions: [Int]
    /// `offsets[i]` holds before `transitions[i]`; the last one holds after the last transition.
    private let offsets: [Int]
    private let timeZone: TimeZone

    /// The years the table covers; outside them Foundation answers directly.
    static let covered = (start: -2_208_988_800, end: 7_258_118_400) // 1900-01-01 … 2200-01-01

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        var transitions: [Int] = []
        var offsets = [timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(ZoneRules.covered.start)))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(ZoneRules.covered.start))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor),
              Int(next.timeIntervalSince1970) < ZoneRules.covered.end, next > cursor {
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != offsets.last {
                transitions.append(Int(next.timeIntervalSince1970))
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        lastChange = transitions.last ?? ZoneRules.covered.start
        lastOffset = offsets[offsets.count - 1]
    }

    /// The last transition (or the start of the table when there is none), and the offset since.
    private let lastChange: Int
    private let lastOffset: Int

    /// The offset from UTC at an instant, in seconds.
    func offset(at instant: Int) -> Int {
        // Most zones stopped changing their clocks years ago, Mongolia among them: one comparison answers for today.
        if instant >= lastChange && instant < ZoneRules.covered.end { return lastOffset }
        guard instant >= ZoneRules.covered.start && instant < ZoneRules.covered.end else {
            return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        }
        var low = 0, high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// The changes of offset in `[lower, upper)`: instant, offset before and offset after.
    func transitions(from lower: Int, to upper: Int) -> [Zone.Transition] {
        var result: [Zone.Transition] = []
        for (index, instant) in transitions.enumerated() where instant >= lower && instant < upper {
            result.append(Zone.Transition(instant: instant, offsetBefore: offsets[index], offsetAfter: offsets[index + 1]))
        }
        return result
    }

    // MARK: - One table per zone

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: ZoneRules] = [:]

    /// The rules of a zone, built on first use.
    static func rules(for timeZone: TimeZone) -> ZoneRules {
        lock.lock()
        defer { lock.unlock() }
        if let rules = cache[timeZone.identifier] { return rules }
        let rules = ZoneRules(timeZone)
        cache[timeZone.identifier] = rules
        return rules
    }
}
