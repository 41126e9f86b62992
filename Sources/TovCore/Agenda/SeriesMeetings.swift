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
        // A meeting moved forward from up to a year before `lower` can still be ahead; look ten years on.
        let originals = originalStarts(
            between: max(schedule.start, lower.adding(seconds: -366 * 86_400)),
            and: lower.adding(seconds: 3660 * 86_400)
        )
        var meetings: [Occurrence] = []
        for start in originals {
            let meeting = changed[start].map(Occurrence.init(event:)) ?? occurrence(at: start, workingDays: workingDays)
            if meeting.schedule.start >= lower { meetings.append(meeting) }
            // Originals come in order; only changed meetings can be out of it, so `limit` plus every changed
            // one is enough to sort and cut.
            if meetings.count >= limit + changed.count { break }
        }
        return Array(meetings.sorted { $0.schedule.start < $1.schedule.start }.prefix(max(limit, 0)))
    }
}
