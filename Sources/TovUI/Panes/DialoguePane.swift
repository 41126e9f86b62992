import TovCore

/// The dialogue series' meetings (date, topic, keynote, status) beside the topic queue.
enum DialoguePane {
    static func draw(_ grid: inout CellGrid, _ layout: ScreenLayout, state: AppState, theme: Theme) {
        if let sheet = state.sheet { return drawSheet(sheet, &grid, layout, state: state, theme: theme) }
        let language = state.language
        let meetings = state.listedMeetings
        let meetingsBox = Draw.box(&grid, layout.lists[0], title: language.pick("Уулзалтууд", "Meetings") + filterNote(state),
                                   focused: !state.dialogueOnQueue, theme: theme)
        if state.data.meetings == nil {
            grid.write(language.pick("Ачаалж байна…", "Loading…"), x: meetingsBox.x, y: meetingsBox.y, style: theme.dim)
        } else {
            Draw.list(&grid, meetingsBox, count: meetings.count, selected: meetings.isEmpty ? nil : state.meetingRow,
                      focused: !state.dialogueOnQueue,
                      empty: language.pick("Яриа хэлэлцээний уулзалт алга. a — цуврал нэмэх", "No dialogue meetings. a — add a series"),
                      theme: theme) { meetingRow(meetings[$0], state: state, theme: theme) }
        }
        let topics = state.listedTopics
        let queueBox = Draw.box(&grid, layout.lists[1], title: language.pick("Сэдвийн дараалал", "Topic queue"),
                                focused: state.dialogueOnQueue, theme: theme)
        Draw.list(&grid, queueBox, count: topics.count, selected: topics.isEmpty ? nil : state.topicRow, focused: state.dialogueOnQueue,
                  empty: language.pick("Сэдэв алга. a — нэмэх", "No topics. a — add one"), theme: theme) { index in
            // Its place in the whole queue (queued topics come first), whatever the filter hides.
            let topic = topics[index]
            let place = topic.status == .queued ? state.data.topics.firstIndex { $0.id == topic.id }.map { $0 + 1 } : nil
            return topicRow(topic, position: place, state: state, theme: theme)
        }
        let details = Draw.box(&grid, layout.details, title: language.pick("Дэлгэрэнгүй", "Details"), focused: false, theme: theme)
        if state.dialogueOnQueue {
            if let topic = state.selectedTopic { Draw.details(&grid, details, from: details.y, topicLines(topic, state: state), theme: theme) }
        } else if let meeting = state.selectedMeeting {
            Draw.details(&grid, details, from: details.y, EventsPane.lines(for: meeting, language: language, state: state), theme: theme)
        }
    }

    /// An open meeting: its people in their roles (and conflicts) beside its attendance list; the programme
    /// and the conflicts in the details.
    static func drawSheet(_ sheet: MeetingSheet, _ grid: inout CellGrid, _ layout: ScreenLayout, state: AppState, theme: Theme) {
        let language = state.language
        let meeting = sheet.occurrence
        let date = Vocabulary.date(meeting.schedule.start.date, in: language)
        let peopleBox = Draw.box(&grid, layout.lists[0], title: date + " — " + language.pick("Илтгэгчид (a нэмэх, d хасах)", "People (a add, d remove)"),
                                 focused: sheet.section == .people, theme: theme)
        Draw.list(&grid, peopleBox, count: sheet.roles.count, selected: sheet.section == .people && !sheet.roles.isEmpty ? sheet.row : nil,
                  focused: sheet.section == .people,
                  empty: language.pick("Үүрэгтэй хүн алга. a — нэмэх", "Nobody has a role yet. a — add someone"), theme: theme) { index in
            let role = sheet.roles[index]
            var parts: [(String, Style)] = [(Vocabulary.name(of: role.assignment.role, in: language) + ": ", theme.label), (role.name, .plain)]
            if let item = role.item { parts.append(("  — " + item, theme.dim)) }
            if sheet.conflicts.contains(where: { conflict in
                if case .person(let id) = role.assignment.holder { return conflict.person?.id == id }
                return false
            }) { parts.append(("  ⚠", theme.error)) }
            return parts
        }
        let counts = sheet.counts
        let count = { (status: Participation.Status) in Vocabulary.name(of: status, in: language) + " \(counts[status])" }
        let countLine = count(.invited) + ", " + count(.attended)
        let attendanceBox = Draw.box(&grid, layout.lists[1], title: language.pick("Ирц", "Attendance") + " (\(countLine); a, m, x)",
                                     focused: sheet.section == .attendance, theme: theme)
        Draw.list(&grid, attendanceBox, count: sheet.attendance.count,
                  selected: sheet.section == .attendance && !sheet.attendance.isEmpty ? sheet.row : nil, focused: sheet.section == .attendance,
                  empty: language.pick("Урилга алга. → дараад a — урих", "Nobody invited. → then a to invite"), theme: theme) { index in
            let line = sheet.attendance[index]
            let status = line.participation.status
            let statusStyle: Style = status == .attended ? theme.glyph : (status == .absent ? theme.error : theme.dim)
            var parts: [(String, Style)] = [(Vocabulary.name(of: status, in: language).padding(toLength: 12, withPad: " ", startingAt: 0), statusStyle),
                                            (line.name, .plain)]
            if let organisation = line.organisation { parts.append(("  " + organisation, theme.dim)) }
            return parts
        }
        let onProgramme = sheet.section == .programme
        let details = Draw.box(&grid, layout.details,
                               title: onProgramme ? language.pick("Хөтөлбөр (a нэмэх, e засах, d хасах; Esc — буцах)",
                                                                  "Programme (a add, e edit, d remove; Esc to go back)")
                                                  : language.pick("Уулзалт (→ хөтөлбөр; Esc — буцах)", "Meeting (→ programme; Esc to go back)"),
                               focused: onProgramme, theme: theme)
        var lines: [(label: String, value: String)] = [(language.pick("Огноо", "Date"), date + " " + meeting.schedule.start.time.short)]
        if meeting.kind == .dialogue || sheet.topic != nil {
            lines.append((language.pick("Сэдэв", "Topic"), sheet.topic?.title(in: language) ?? language.pick("(сэдэвгүй: n)", "(none: press n)")))
        }
        lines += [
            (language.pick("Төлөв", "Status"), Vocabulary.name(of: meeting.status, in: language)),
            (language.pick("Ирц", "Attendance"), Participation.Status.allCases.map(count).joined(separator: ", ")),
        ]
        if let place = meeting.placeCode.flatMap(ReferenceData.shared.place(code:)) {
            lines.append((language.pick("Хаана", "Where"), place.name(in: language) + " (" + meeting.schedule.zone.offsetLabel(at: meeting.schedule.startInstant) + ")"))
        }
        if let publicEvent = meeting.publicEvent {
            lines.append((language.pick("Уялдсан", "With"), publicEvent + (sheet.event?.publicEventDate.map { ", " + Vocabulary.date($0, in: language) } ?? "")))
        }
        if let report = sheet.event?.report {
            lines.append((language.pick("Тайлан", "Report"), (report.attendance.map { language.pick("\($0) хүн ирсэн", "\($0) came") } ?? "")
                + (report.notes.map { (report.attendance == nil ? "" : ". ") + $0 } ?? "")))
        }
        for conflict in sheet.conflicts { lines.append(("⚠", conflict.message(in: language))) }
        let y = Draw.details(&grid, details, from: details.y, lines, theme: theme)
        // The programme, a list of its own: → from the attendance list selects in it.
        let list = Rect(x: details.x, y: y, width: details.width, height: max(0, details.maxY - y))
        Draw.list(&grid, list, count: sheet.programme.count, selected: onProgramme && !sheet.programme.isEmpty ? sheet.row : nil,
                  focused: onProgramme, empty: language.pick("Хөтөлбөр алга. → дараад a — нэмэх", "No programme. → then a to add an item"),
                  theme: theme) { index in
            let item = sheet.programme[index]
            let time = (item.start.map(\.short) ?? "     ") + (item.end.map { "–" + $0.short } ?? "      ")
            var parts: [(String, Style)] = [(time + "  ", theme.label), (item.title, .plain)]
            var about = Vocabulary.name(of: item.kind, in: language)
            if let area = item.serviceArea { about += ", " + Vocabulary.name(of: area, in: language) }
            parts.append(("  · " + about, theme.dim))
            let people = sheet.roles.filter { $0.assignment.programmeItemID == item.id }.map(\.name)
            if !people.isEmpty { parts.append(("  — " + people.joined(separator: ", "), theme.glyph)) }
            return parts
        }
    }

    static func filterNote(_ state: AppState) -> String {
        state.filter.isEmpty ? "" : "  /\(state.filter)"
    }

    static func meetingRow(_ entry: Agenda.Entry, state: AppState, theme: Theme) -> [(String, Style)] {
        let occurrence = entry.occurrence
        let date = occurrence.schedule.start.date
        let keynote = entry.people.first { $0.role == .keynote }?.name
        let past = date < state.today
        var parts: [(String, Style)] = [(date.description + " ", past ? theme.dim : theme.label)]
        let topic = entry.topic?.title(in: state.language) ?? state.language.pick("(сэдэвгүй)", "(no topic)")
        parts.append((topic, occurrence.status == .cancelled ? theme.cancelled : (entry.topic == nil ? theme.dim : .plain)))
        if let keynote { parts.append(("  — " + keynote, theme.dim)) }
        if occurrence.status != .confirmed { parts.append(("  [" + Vocabulary.name(of: occurrence.status, in: state.language) + "]", theme.dim)) }
        if state.data.meetingConflicts.contains(ScreenData.conflictKey(occurrence)) { parts.append(("  ⚠", theme.error)) }
        return parts
    }

    static func topicRow(_ topic: Topic, position: Int?, state: AppState, theme: Theme) -> [(String, Style)] {
        var parts: [(String, Style)] = []
        if let position {
            parts.append(((position < 10 ? " " : "") + "\(position). ", theme.label))
        } else {
            parts.append(("  – ", theme.dim))
        }
        if topic.pinned { parts.append(("⚑ ", theme.glyph)) }
        parts.append((topic.title(in: state.language), topic.status == .queued ? .plain : theme.dim))
        if topic.requestCount > 0 { parts.append(("  ×\(topic.requestCount)", theme.glyph)) }
        return parts
    }

    static func topicLines(_ topic: Topic, state: AppState) -> [(label: String, value: String)] {
        let language = state.language
        var lines: [(String, String)] = [
            (language.pick("Сэдэв", "Topic"), topic.title(in: language)),
            (language.pick("Төлөв", "Status"), Vocabulary.name(of: topic.status, in: language)),
            (language.pick("Санал болгосон", "Proposed"), Vocabulary.date(topic.proposedOn, in: language)),
            (language.pick("Хүсэлт", "Requests"), "\(topic.requestCount)"),
        ]
        if let proposer = topic.proposedBy, let organisation = state.data.organisations.first(where: { $0.id == proposer }) {
            lines.append((language.pick("Хэн", "By"), organisation.name))
        }
        if topic.pinned { lines.append(("⚑", language.pick("дарааллын эхэнд", "pinned to the front"))) }
        if let category = topic.category { lines.append((language.pick("Ангилал", "Category"), category)) }
        if let description = topic.description { lines.append((language.pick("Тайлбар", "Description"), description)) }
        // Its history: the meetings that covered it (or will).
        let meetings = state.data.topicMeetings[topic.id] ?? []
        lines.append((language.pick("Уулзалтууд", "Meetings"), meetings.isEmpty ? "—" : ""))
        for meeting in meetings {
            let status = meeting.status == .confirmed ? "" : " [" + Vocabulary.name(of: meeting.status, in: language) + "]"
            lines.append(("  " + meeting.schedule.start.date.description, meeting.title + status))
        }
        return lines
    }
}

/// Organisations and people, with who works where and who took part in what.
enum PeoplePane {
    static func draw(_ grid: inout CellGrid, _ layout: ScreenLayout, state: AppState, theme: Theme) {
        let language = state.language
        let organisations = state.listedOrganisations
        let top = Draw.box(&grid, layout.lists[0], title: language.pick("Байгууллагууд", "Organisations") + DialoguePane.filterNote(state),
                           focused: !state.peopleOnPersons, theme: theme)
        Draw.list(&grid, top, count: organisations.count, selected: organisations.isEmpty ? nil : state.organisationRow,
                  focused: !state.peopleOnPersons, empty: language.pick("Байгууллага алга. a — нэмэх", "No organisations. a — add one"),
                  theme: theme) { index in
            [(organisations[index].name, Style.plain), ("  " + Vocabulary.name(of: organisations[index].kind, in: language), theme.dim)]
        }
        let people = state.listedPeople
        let bottom = Draw.box(&grid, layout.lists[1], title: language.pick("Хүмүүс", "People"), focused: state.peopleOnPersons, theme: theme)
        let names = Dictionary(uniqueKeysWithValues: state.data.organisations.map { ($0.id, $0.name) })
        Draw.list(&grid, bottom, count: people.count, selected: people.isEmpty ? nil : state.personRow, focused: state.peopleOnPersons,
                  empty: language.pick("Хүн алга. a — нэмэх", "No people. a — add one"), theme: theme) { index in
            [(people[index].name, Style.plain), ("  " + (people[index].organisationID.flatMap { names[$0] } ?? ""), theme.dim)]
        }
        let details = Draw.box(&grid, layout.details, title: language.pick("Дэлгэрэнгүй", "Details"), focused: false, theme: theme)
        if state.peopleOnPersons, let person = state.selectedPerson {
            var lines: [(String, String)] = [(language.pick("Нэр", "Name"), person.name)]
            if let id = person.organisationID, let name = names[id] { lines.append((language.pick("Байгууллага", "Organisation"), name)) }
            if let title = person.title { lines.append((language.pick("Албан тушаал", "Position"), title)) }
            if let phone = person.phone { lines.append((language.pick("Утас", "Phone"), phone)) }
            if let email = person.email { lines.append((language.pick("Имэйл", "Email"), email)) }
            if let expertise = person.expertise { lines.append((language.pick("Мэргэшил", "Expertise"), expertise)) }
            // Days away that have not passed (o adds one).
            for away in (state.data.away[person.id] ?? []) where away.through >= state.today {
                let days = away.from == away.through ? away.from.description : away.from.description + " – " + away.through.description
                lines.append((language.pick("Завгүй", "Away"), days + (away.note.map { " (" + $0 + ")" } ?? "")))
            }
            var y = Draw.details(&grid, details, from: details.y, lines, theme: theme) + 1
            if y < details.maxY {
                grid.write(language.pick("Оролцоо (сүүлийн 12 сар)", "Took part (last 12 months)"), x: details.x, y: y, style: theme.title, limit: details.width)
                y += 1
                if let history = state.data.history {
                    let items = history[person.name] ?? []
                    if items.isEmpty { grid.write("—", x: details.x, y: y, style: theme.dim) }
                    for item in items.reversed() where y + 1 < details.maxY {
                        grid.write(item.date.description + " " + Vocabulary.name(of: item.role, in: language), x: details.x, y: y,
                                   style: theme.label, limit: details.width)
                        grid.write(item.title, x: details.x + 2, y: y + 1, limit: details.width - 2)
                        y += 2
                    }
                } else {
                    grid.write(language.pick("Ачаалж байна…", "Loading…"), x: details.x, y: y, style: theme.dim)
                }
            }
        } else if !state.peopleOnPersons, let organisation = state.selectedOrganisation {
            var lines: [(String, String)] = [
                (language.pick("Нэр", "Name"), organisation.name),
                (language.pick("Төрөл", "Kind"), Vocabulary.name(of: organisation.kind, in: language)),
            ]
            if let code = organisation.placeCode {
                lines.append((language.pick("Хаана", "Where"), ReferenceData.shared.place(code: code)?.name(in: language) ?? code))
            }
            if let phone = organisation.phone { lines.append((language.pick("Утас", "Phone"), phone)) }
            if let email = organisation.email { lines.append((language.pick("Имэйл", "Email"), email)) }
            let members = state.data.people.filter { $0.organisationID == organisation.id }.map(\.name)
            lines.append((language.pick("Хүмүүс", "People"), members.isEmpty ? "—" : members.joined(separator: ", ")))
            let attended = state.data.attended[organisation.id] ?? []
            lines.append((language.pick("Яриа хэлэлцээ", "Dialogues"),
                          language.pick("12 сард \(attended.count)", "\(attended.count) in 12 months")
                            + (attended.isEmpty ? "" : ": " + attended.map { $0.schedule.start.date.description }.joined(separator: ", "))))
            Draw.details(&grid, details, from: details.y, lines, theme: theme)
        }
    }
}
