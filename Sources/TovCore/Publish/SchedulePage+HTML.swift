extension SchedulePage {
    /// One self-contained HTML5 page: a month grid per month, then every meeting with its programme, then the
    /// cancelled ones. Inline CSS only (laid out for A4 when printed): no script, no file, font or image to fetch.
    ///
    ///     try OutputFile.write(page.html(in: .mn), to: "хуваарь.html")
    public func html(in language: Language = .mn) -> String {
        let words = PageWords(language: language)
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(words.title))</title>
            <style>
            \(SchedulePage.css)</style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(words.title))</h1>
            <p class="range">\(HTMLText.escape(words.range(from, through)))</p>
            <p class="legend">\(legend(words))</p>
            </header>

            """
        let byDay = positionsByDay
        for month in months {
            html += grid(month, byDay: byDay, words: words)
        }
        html += "<section class=\"events\">\n<h2>\(HTMLText.escape(words.eventsHeading))</h2>\n"
        if entries.isEmpty {
            html += "<p>\(HTMLText.escape(words.nothingScheduled))</p>\n"
        }
        for index in entries.indices {
            html += article(entries[index], id: SchedulePage.anchor(index), words: words)
        }
        html += "</section>\n"
        if !cancelled.isEmpty {
            html += "<section class=\"cancelled\">\n<h2>\(HTMLText.escape(words.cancelledHeading))</h2>\n<ul>\n"
            for entry in cancelled {
                let line = words.dates(entry) + ", " + words.hours(entry) + " — " + entry.occurrence.title
                html += "<li><s>\(HTMLText.escape(line))</s> (\(HTMLText.escape(words.status(entry))))</li>\n"
            }
            html += "</ul>\n</section>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// The id of the `index`th meeting's article, which its grid entries link to.
    private static func anchor(_ index: Int) -> String { "m\(index + 1)" }

    /// A swatch and the name of each kind of meeting, as the grid colours them.
    private func legend(_ words: PageWords) -> String {
        EventKind.allCases.map { kind in
            "<span class=\"swatch kind-\(kind.rawValue)\"></span>\(HTMLText.escape(Vocabulary.name(of: kind, in: words.language)))"
        }.joined(separator: " ")
    }

    // MARK: - Grid

    private func grid(_ month: LocalDate, byDay: [LocalDate: [Int]], words: PageWords) -> String {
        var html = "<section class=\"month\">\n<h2>\(HTMLText.escape(Vocabulary.month(month, in: words.language)))</h2>\n"
        html += "<table class=\"grid\">\n<thead>\n<tr>"
        for weekday in Weekday.allCases {
            let name = Vocabulary.name(of: weekday, in: words.language)
            html += "<th scope=\"col\">\(HTMLText.escape(name))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for week in SchedulePage.weeks(of: month) {
            html += "<tr>"
            for day in week {
                guard let day, covers(day) else {
                    html += "<td class=\"outside\">\(day.map { "<span class=\"day\">\($0.day)</span>" } ?? "")</td>"
                    continue
                }
                var classes: [String] = []
                if day.weekday.rawValue >= Weekday.saturday.rawValue { classes.append("weekend") }
                if holidays[day] != nil { classes.append("holiday") }
                html += classes.isEmpty ? "<td>" : "<td class=\"\(classes.joined(separator: " "))\">"
                html += "<span class=\"day\">\(day.day)</span>"
                for holiday in holidays[day] ?? [] {
                    html += "<span class=\"holiday-name\">\(HTMLText.escape(holiday.name(in: words.language)))</span>"
                }
                let positions = byDay[day] ?? []
                if !positions.isEmpty {
                    html += "<ul>"
                    for index in positions {
                        let entry = entries[index]
                        let line = words.gridLine(entry, on: day)
                        let time = line.time.map { "<time>\($0)</time> " } ?? ""
                        html += "<li class=\"kind-\(entry.occurrence.kind.rawValue)\"><a href=\"#\(SchedulePage.anchor(index))\">"
                        html += time + HTMLText.escape(line.title) + "</a></li>"
                    }
                    html += "</ul>"
                }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    // MARK: - List

    private func article(_ entry: Entry, id: String, words: PageWords) -> String {
        let occurrence = entry.occurrence
        var html = "<article class=\"event kind-\(occurrence.kind.rawValue)\" id=\"\(id)\">\n"
        html += "<h3>\(HTMLText.escape(occurrence.title))</h3>\n<dl class=\"facts\">\n"
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            html += "<dt>\(HTMLText.escape(label))</dt><dd>\(HTMLText.escape(value))</dd>\n"
        }
        fact(words.date, words.dates(entry))
        html += "<dt>\(HTMLText.escape(words.time))</dt><dd>\(HTMLText.escape(words.hours(entry)))"
        if let note = words.zoneNote(entry) { html += " <span class=\"zone\">(\(HTMLText.escape(note)))</span>" }
        html += "</dd>\n"
        fact(words.place, words.place(entry))
        fact(words.attachedTo, words.publicEvent(entry))
        fact(words.kind, words.kind(entry))
        fact(words.status, words.status(entry))
        fact(words.topic, words.topic(entry))
        if !entry.roles.isEmpty {
            html += "<dt>\(HTMLText.escape(words.people))</dt><dd>\(people(entry.roles, words: words))</dd>\n"
        }
        html += "</dl>\n"
        if !entry.programme.isEmpty {
            html += "<h4>\(HTMLText.escape(words.programme))</h4>\n<table class=\"programme\">\n<tbody>\n"
            for item in entry.programme {
                html += "<tr><td class=\"time\">\(HTMLText.escape(words.hours(item.item)))</td><td>"
                html += "<span class=\"item\">\(HTMLText.escape(item.item.title))</span>"
                html += " <span class=\"item-kind\">(\(HTMLText.escape(Vocabulary.name(of: item.item.kind, in: words.language))))</span>"
                if !item.people.isEmpty { html += people(item.people, words: words) }
                html += "</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "</article>\n"
        return html
    }

    private func people(_ holders: [RoleHolder], words: PageWords) -> String {
        var html = "<ul class=\"people\">"
        for holder in holders {
            html += "<li><span class=\"name\">\(HTMLText.escape(holder.name))</span>"
            if let organisation = holder.organisation { html += ", \(HTMLText.escape(organisation))" }
            html += " <span class=\"role\">— \(HTMLText.escape(words.role(holder)))</span></li>"
        }
        return html + "</ul>"
    }

    // MARK: - Style

    /// Screen and A4 print: system fonts that carry Cyrillic, grids that fit the page's width, a month or a
    /// meeting never split across pages.
    static let css = """
        :root { color-scheme: light; --line: #c9d1d9; --muted: #57606a; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", "Segoe UI", Arial, sans-serif;
          color: #1f2328; background: #fff; line-height: 1.4; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
        h4 { font-size: .95rem; margin: .6rem 0 .25rem; }
        .range { margin: 0; color: var(--muted); }
        .legend { margin: .4rem 0 0; font-size: .85rem; color: var(--muted); }
        .swatch { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 .6rem; vertical-align: -.1rem;
          background: var(--kind); border-radius: 2px; }
        .swatch:first-child { margin-left: 0; }
        .kind-dialogue { --kind: #1f6feb; }
        .kind-sa-day { --kind: #1a7f37; }
        .kind-event { --kind: #8c959f; }
        .month { break-inside: avoid; page-break-inside: avoid; }
        table.grid { width: 100%; table-layout: fixed; border-collapse: collapse; }
        .grid th { font-size: .8rem; font-weight: 600; text-align: left; padding: .25rem .35rem;
          background: #f0f3f6; border: 1px solid var(--line); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .grid td { height: 4.5rem; vertical-align: top; padding: .2rem .3rem; border: 1px solid var(--line);
          font-size: .75rem; line-height: 1.25; overflow-wrap: anywhere; }
        .grid td.weekend { background: #f8f9fa; }
        .grid td.holiday { background: #fff4e5; }
        .grid td.outside { background: #fbfbfb; color: #b0b7be; }
        .grid .day { display: block; font-weight: 600; }
        .grid .holiday-name { display: block; color: #9a6700; font-size: .95em; }
        .grid ul { list-style: none; margin: .15rem 0 0; padding: 0; }
        .grid li { margin: 0 0 .2rem; padding-left: .3rem; border-left: 3px solid var(--kind); }
        .grid a { color: inherit; text-decoration: none; }
        .grid time { font-weight: 600; }
        article.event { break-inside: avoid; page-break-inside: avoid; border-left: 4px solid var(--kind);
          padding: .5rem 0 .5rem .8rem; margin: 0 0 1rem; }
        dl.facts { display: grid; grid-template-columns: 11rem 1fr; gap: .15rem .8rem; margin: 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        .zone { color: var(--muted); }
        table.programme { width: 100%; border-collapse: collapse; font-size: .9rem; }
        .programme td { vertical-align: top; padding: .2rem .6rem .2rem 0; border-top: 1px solid #e6e9ec; }
        .programme td.time { width: 7rem; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .item-kind, .role { color: var(--muted); }
        ul.people { list-style: none; margin: .1rem 0 0; padding: 0; }
        .cancelled s { color: var(--muted); }
        @page { size: A4; margin: 15mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
          h2 { margin: 5mm 0 2mm; break-after: avoid; page-break-after: avoid; }
          .grid td { height: 15mm; padding: 1mm; font-size: 7pt; }
          .grid th { padding: 1mm; font-size: 7.5pt; }
          .grid li { padding-left: 1mm; border-left-width: 2px; }
          dl.facts { grid-template-columns: 32mm 1fr; }
          .programme td.time { width: 22mm; }
          .grid td, .grid th, .swatch, .grid li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          article.event { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
