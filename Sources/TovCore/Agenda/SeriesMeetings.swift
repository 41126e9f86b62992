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
        let wanted = min(max(limit, 0), Agenda.meetingsPerSeries)
        let reach = shift == .keep ? 0 : ShiftPolicy.reach * 86_400
        let from = max(schedule.start, lower.adding(seconds: -reach))
        var meetings: [Occurrence] = []
        // A meeting moved forward from before the starts looked at below can still be ahead.
        for (original, event) in changed where original < from && event.schedule.start >= lower {
            meetings.append(Occurrence(event: event))
        }
        // So can one shifted forward off a day off, from up to the shift's reach before `lower`.
        var originals = reach == 0 ? [] : originalStarts(between: from, and: lower, limit: 1_000)
        // Exception dates are taken out after the limit, so they are added to it; a rule repeating every
        // second is cut there.
        originals += originalStarts(between: max(schedule.start, lower), and: lower.adding(seconds: 3660 * 86_400),
                                    limit: wanted + changed.count + exceptionDates.count + 1)
        for start in originals {
            let meeting = changed[start].map(Occurrence.init(event:)) ?? occurrence(at: start, workingDays: workingDays)
            if meeting.schedule.start >= lower { meetings.append(meeting) }
        }
        return Array(meetings.sorted { $0.schedule.start < $1.schedule.start }.prefix(wanted))
    }
}
