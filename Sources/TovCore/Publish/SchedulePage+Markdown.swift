extension SchedulePage {
    /// The page as Markdown: a heading per month listing its days with meetings, then every meeting with its
    /// programme, then the cancelled ones. Text from data is escaped (`MarkdownText`), so a title such as
    /// `<script>` or `*x*` shows as written in any Markdown renderer.
    public func markdown(in language: Language = .mn) -> String {
        let words = PageWords(language: language)
        let md = MarkdownText.escape
        var lines = ["# " + md(words.title), "", md(words.range(from, through)), ""]
        let byDay = positionsByDay
        for month in months {
            lines += ["## " + md(Vocabulary.month(month, in: language)), ""]
            let days = byDay.keys.filter { $0.year == month.year && $0.month == month.month }.sorted()
            if days.isEmpty { lines += ["*" + md(words.nothingScheduled) + "*", ""] }
            for day in days {
                let meetings = (byDay[day] ?? []).map { index in
                    let line = words.gridLine(entries[index], on: day)
                    return (line.time.map { $0 + " " } ?? "") + md(line.title)
                }
                var heading = "- **" + md(words.day(day)) + "**"
                if let holidays = holidays[day] { heading += " (" + md(holidays.map { $0.name(in: language) }.joined(separator: ", ")) + ")" }
                lines.append(heading + ": " + meetings.joined(separator: "; "))
            }
            if !days.isEmpty { lines.append("") }
        }
        lines += ["## " + md(words.eventsHeading), ""]
        if entries.isEmpty { lines += [md(words.nothingScheduled), ""] }
        for entry in entries {
            lines += ["### " + md(entry.occurrence.title), ""]
            func fact(_ label: String, _ value: String?) {
                guard let value, !value.isEmpty else { return }
                lines.append("- **" + md(label) + ":** " + md(value))
            }
            fact(words.date, words.dates(entry))
            fact(words.time, words.time(entry))
            fact(words.place, words.place(entry))
            fact(words.attachedTo, words.publicEvent(entry))
            fact(words.kind, words.kind(entry))
            fact(words.status, words.status(entry))
            fact(words.topic, words.topic(entry))
            if !entry.roles.isEmpty { fact(words.people, words.byRole(entry.roles)) }
            lines.append("")
            if !entry.programme.isEmpty {
                lines += ["**" + md(words.programme) + "**", ""]
                for item in entry.programme {
                    lines.append("- " + words.programmeLine(item, escape: md))
                }
                lines.append("")
            }
        }
        if !cancelled.isEmpty {
            lines += ["## " + md(words.cancelledHeading), ""]
            for entry in cancelled {
                // Strike-through is GitHub's and CommonMark extensions'; elsewhere the status says it.
                lines.append("- ~~" + md(words.dates(entry) + ", " + words.hours(entry) + " — " + entry.occurrence.title)
                    + "~~ (" + md(words.status(entry)) + ")")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
