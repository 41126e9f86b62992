import ArgumentParser
import TovCore

/// The series and meeting a one-meeting command works on.
struct MeetingOptions: ParsableArguments {
    @Argument(help: "The series' id.") var id: String

    @Option(help: ArgumentHelp(
        "The meeting, by its original date (YYYY-MM-DD) or start (YYYY-MM-DDTHH:MM:SS).", valueName: "date"))
    var meeting: String

    /// One meeting as a command finds it.
    struct Meeting {
        var series: Series
        /// Its original start (RECURRENCE-ID).
        let original: LocalDateTime
        /// Its stored change, or a new one where the series puts the meeting.
        var override: Event
        let isStored: Bool
        /// Where the series puts it, shifted off a day off if the series does that.
        let planned: Schedule
    }

    /// The meeting named by the options. A removed meeting is refused unless `allowingRemoved`.
    func resolve(in session: any ScheduleSession, allowingRemoved: Bool = false) throws -> Meeting {
        let seriesID = try ShortID.resolve(id, .series, in: session)
        guard let series = try session.series(seriesID) else { throw ValidationError("no series has the id '\(id)'") }
        let original = try series.originalStart(named: meeting)
        if !allowingRemoved && series.exceptionDates.contains(original) {
            throw ValidationError("the meeting of \(original) has been removed; `tov series restore` brings it back first")
        }
        let stored = try Meetings.storedChange(ofSeries: seriesID, at: original, in: session)
        let workingDays = try session.workingDays(
            from: original.date.adding(days: -ShiftPolicy.reach), through: original.date.adding(days: ShiftPolicy.reach))
        return Meeting(series: series, original: original,
                       override: series.override(at: original, existing: stored, workingDays: workingDays),
                       isStored: stored != nil, planned: series.occurrence(at: original, workingDays: workingDays).schedule)
    }

    /// Runs `body` on the named meeting as one undoable change, labelled "\(mn|en) \(meeting)".
    func change<T>(
        _ global: GlobalOptions, mn: String, en: String, allowingRemoved: Bool = false,
        _ body: (any ScheduleSession, inout Meeting) throws -> T
    ) throws -> T {
        let store = try global.openStore(creating: false)
        let label = say(try global.language(), mn: "\(mn): \(meeting)", en: "\(en) \(meeting)")
        return try store.write(undoable: label) { session in
            var found = try resolve(in: session, allowingRemoved: allowingRemoved)
            return try body(session, &found)
        }
    }
}

/// `tov series move`: one meeting at another day or time.
struct SeriesMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move one meeting of a series to another day or time.",
        discussion: "Example: tov series move ff10 --meeting 2026-03-19 --date 2026-03-26 --start 10:00"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var which: MeetingOptions
    @OptionGroup var when: ScheduleOptions

    func run() throws {
        let language = try global.language()
        guard when.date != nil || when.start != nil || when.end != nil || when.endDate != nil else {
            throw ValidationError("say where the meeting goes: --date, --start or --end")
        }
        guard when.aimag == nil, when.tz == nil, !when.allDay else {
            throw ValidationError("a moved meeting keeps the series' place and zone; use --date, --start and --end")
        }
        let moved = try which.change(global, mn: "Цувралын уулзалтыг шилжүүлсэн", en: "Moved the meeting of") { session, found in
            found.override.schedule = try when.edit(found.override.schedule, zone: found.override.schedule.zone)
            if found.override.status == .cancelled { found.override.status = found.series.status }
            try Meetings.save(found.override, in: session)
            return found.override
        }
        emit(say(language, mn: "Шилжүүлсэн: ", en: "Moved: ") + "\(which.meeting) → \(describe(moved.schedule, in: language))")
    }
}

/// `tov series cancel`: one meeting called off; it stays on the calendar, marked cancelled.
struct SeriesCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel one meeting of a series; the series goes on."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var which: MeetingOptions

    func run() throws {
        let language = try global.language()
        let meeting = try which.change(global, mn: "Цувралын уулзалтыг цуцалсан", en: "Cancelled the meeting of") { session, found in
            found.override.status = .cancelled
            try Meetings.save(found.override, in: session)
            return found.override
        }
        emit(say(language, mn: "Цуцалсан: ", en: "Cancelled: ") + describe(meeting.schedule, in: language))
    }
}

/// `tov series restore`: one meeting back as the series plans it, undoing a move, cancel or delete.
struct SeriesRestore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put one meeting back as the series plans it: not moved, not cancelled, not deleted."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var which: MeetingOptions

    func run() throws {
        let language = try global.language()
        let restored = try which.change(global, mn: "Цувралын уулзалтыг сэргээсэн", en: "Restored the meeting of",
                                        allowingRemoved: true) { session, found -> Schedule in
            let removed = found.series.exceptionDates.contains(found.original)
            guard found.isStored || removed else {
                throw ValidationError("the meeting of \(found.original) has not been changed: there is nothing to restore")
            }
            if found.isStored {
                try TopicRules.release(found.override, in: session)
                try session.delete(.event, id: found.override.id)
            }
            if removed {
                found.series.exceptionDates.removeAll { $0 == found.original }
                try session.save(found.series)
            }
            return found.planned
        }
        emit(say(language, mn: "Сэргээсэн: ", en: "Restored: ") + describe(restored, in: language))
    }
}

/// `tov series split`: "this and all following": a new series from one meeting on.
struct SeriesSplit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Start a new series from one meeting on, leaving the earlier meetings as they are.",
        discussion: """
            The earlier meetings keep their topics, people and attendance. Give --rule, --title, --start, --end \
            or --venue to change the meetings from this one on.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var which: MeetingOptions
    @Option(help: ArgumentHelp("A new rule for the later meetings.", valueName: "rrule")) var rule: String?
    @Option(help: "A new title for the later meetings.") var title: String?
    @Option(help: ArgumentHelp("A new start time, HH:MM.", valueName: "time")) var start: String?
    @Option(help: ArgumentHelp("A new end time, HH:MM.", valueName: "time")) var end: String?
    @Option(help: "A new venue.") var venue: String?

    func run() throws {
        let language = try global.language()
        let newRule = try rule.map(Input.rule)
        let newTitle = try title.map { try Input.requiredText($0, "title") }
        let startTime = try start.map(Input.time), endTime = try end.map(Input.time)
        let (earlier, later, detached) = try which.change(global, mn: "Цувралыг хуваасан", en: "Split the series at") { session, found in
            let (series, original) = (found.series, found.original)
            var (earlier, later) = try series.split(at: original)
            if let newTitle { later.title = newTitle }
            if let venue { later.venue = Input.text(venue) }
            if startTime != nil || endTime != nil {
                let first = later.schedule
                let startAt = LocalDateTime(date: first.start.date, time: startTime ?? first.start.time)
                let endAt = endTime.map { LocalDateTime(date: first.end.date, time: $0) } ?? startAt.adding(seconds: first.duration)
                later.schedule = try Schedule(start: startAt, end: endAt, zone: first.zone)
            }
            if let newRule {
                try newRule.check(start: later.schedule.start)
                later.rule = newRule
            }
            // Removed and added meetings move with the new time.
            let moved = later.schedule.start.secondsSinceEpoch - original.secondsSinceEpoch
            later.exceptionDates = later.exceptionDates.map { $0.adding(seconds: moved) }
            later.extraDates = later.extraDates.map { $0.adding(seconds: moved) }
            // As for a new series: its first meeting is the rule's first, or other calendars would disagree.
            var starts = later.rule.occurrences(from: later.schedule.start, in: later.schedule.zone).makeIterator()
            guard starts.next() == later.schedule.start else {
                throw ValidationError("the new series would start at \(later.schedule.start), which is not a meeting of \(later.rule)")
            }
            try session.save(earlier)
            try session.save(later)
            // Changed meetings from the split on belong to the new series.
            let workingDays = try session.workingDays(
                from: original.date.adding(days: -ShiftPolicy.reach), through: original.date.adding(days: 3700))
            let carried = Series.carryOver(try session.overrides(ofSeries: [series.id]), splitAt: original, from: series,
                                           to: later, workingDays: workingDays)
            for override in carried { try session.save(override) }
            return (earlier, later, carried.filter { $0.seriesID == nil }.count)
        }
        emit(say(language, mn: "Хуваасан. Өмнөх цуврал: ", en: "Split. Earlier series: ") + "\(ShortID.of(earlier.id))  \(earlier.rule)\n"
            + say(language, mn: "Шинэ цуврал: ", en: "New series: ") + "\(ShortID.of(later.id))  \(later.title), "
            + RuleDescription(later.rule, start: later.schedule.start).text(in: language)
            + say(language, mn: ", эхлэх: ", en: ", from ") + describe(later.schedule, in: language)
            + (detached == 0 ? "" : "\n" + say(language,
                mn: "Шинэ дүрэмд тохирохгүй \(detached) уулзалт ганц арга хэмжээ болж үлдсэн.",
                en: "\(detached) changed meeting(s) the new rule does not have stay as single events.")))
    }
}

/// `tov series shift`: what the series does with meetings on weekends and days off.
struct SeriesShift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "Keep meetings that fall on a weekend or a day off, or move them to the next or previous working day."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The series' id.") var id: String
    @Argument(help: "keep, next-working-day or previous-working-day.") var policy: String

    func run() throws {
        let language = try global.language()
        let policy: ShiftPolicy = try Input.choice(self.policy, "shift policy")
        let store = try global.openStore(creating: false)
        let label = say(language, mn: "Цувралын шилжүүлэх журам: \(policy.rawValue)", en: "Series shift policy: \(policy.rawValue)")
        let series = try store.write(undoable: label) { session in
            let seriesID = try ShortID.resolve(id, .series, in: session)
            guard var series = try session.series(seriesID) else { throw ValidationError("no series has the id '\(id)'") }
            try policy.check(for: series.rule)
            series.shift = policy
            try session.save(series)
            return series
        }
        emit("\(ShortID.of(series.id))  \(SafeText.clean(series.title)): \(policy.rawValue)")
    }
}

/// `tov series remove`: one meeting taken off the calendar (an exception date); the series goes on.
struct SeriesRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Take one meeting off the calendar; the series goes on (tov series restore brings it back)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var which: MeetingOptions

    func run() throws {
        let language = try global.language()
        // resolve() refuses a meeting that is already removed.
        let original = try which.change(global, mn: "Цувралын уулзалтыг хассан", en: "Removed the meeting of") { session, found in
            if found.isStored {
                try Meetings.delete(found.override, in: session)
            } else {
                found.series.exceptionDates.append(found.original)
                try session.save(found.series)
            }
            return found.original
        }
        emit(say(language, mn: "Хассан: ", en: "Removed: ") + original.description)
    }
}

/// `tov series change`: one meeting's own title, venue, topic, status or notes.
struct SeriesChange: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Give one meeting its own title, venue, topic, status or notes; the other meetings keep the series'."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var which: MeetingOptions
    @Option(help: "Its title.") var title: String?
    @Option(help: "Its venue.") var venue: String?
    @Option(help: "Its topic, by id (tov topic list).") var topic: String?
    @Option(help: "idea, tentative, confirmed, held, reported or cancelled.") var status: String?
    @Option(help: "Notes.") var notes: String?

    func run() throws {
        let language = try global.language()
        guard title != nil || venue != nil || topic != nil || status != nil || notes != nil else {
            throw ValidationError("say what changes: --title, --venue, --topic, --status or --notes")
        }
        let newTitle = try title.map { try Input.requiredText($0, "title") }
        let newStatus: EventStatus? = try status.map { try Input.choice($0, "status") }
        let meeting = try which.change(global, mn: "Цувралын уулзалтыг өөрчилсөн", en: "Changed the meeting of") { session, found in
            if let newTitle { found.override.title = newTitle }
            if let venue { found.override.venue = Input.text(venue) }
            if let newStatus { found.override.status = newStatus }
            if let notes { found.override.notes = Input.text(notes) }
            if let topic { found.override.topicID = try ShortID.resolve(topic, .topic, in: session) }
            try Meetings.save(found.override, in: session)
            return found.override
        }
        emit(say(language, mn: "Өөрчилсөн: ", en: "Changed: ") + "\(ShortID.of(meeting.id))  " + SafeText.clean(meeting.title)
            + ", " + describe(meeting.schedule, in: language))
    }
}
