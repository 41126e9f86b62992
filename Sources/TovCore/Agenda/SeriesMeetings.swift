import Foundation

extension Series {
    /// The meetings that start at or after `lower`, with the stored changes applied: a moved meeting at its
    /// new time, a cancelled one marked cancelled, a deleted one gone. At most `limit`, in order.
    ///
    ///     let next = series.meetings(startingAt: today, limit: 6, overrides: try session.overrides(ofSeries: [series.id]))
    public func meetings(
        startingAt lower: LocalDateTime, limit: Int, overrides: [Event], workingDays: WorkingDays = .weekendsOnly
    ) -> [Occurrence] {
        let changed = Dictionary(
            overrides.filter { $0.seriesID == id }.compactMap { event in event.recurrenceID.map { ($0, event) } },
            uniquingKeysWith: { first, _ in first }
        )
        var meetings: [Occurrence] = []
        // A meeting moved forward from before `lower` can still be ahead.
        for (original, event) in changed where original < lower && event.schedule.start >= lower {
            meetings.append(Occurrence(event: event))
        }
        // So can one shifted off a day off; a rule repeating every second is cut at `limit` and the changed ones.
        let reach = shift == .keep ? 0 : ShiftPolicy.reach * 86_400
        let originals = originalStarts(
            between: max(schedule.start, lower.adding(seconds: -reach)),
            and: lower.adding(seconds: 3660 * 86_400),
            limit: max(limit, 0) + changed.count + 1
        )
        for start in originals {
            let meeting = changed[start].map(Occurrence.init(event:)) ?? occurrence(at: start, workingDays: workingDays)
            if meeting.schedule.start >= lower { meetings.append(meeting) }
        }
        return Array(meetings.sorted { $0.schedule.start < $1.schedule.start }.prefix(max(limit, 0)))
    }
}
