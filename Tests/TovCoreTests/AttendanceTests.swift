import Foundation
import Testing
// Not @testable: the interface is written against exactly this public API.
import TovCore

@Suite struct AttendanceTests {
    let store = InMemoryStore()

    func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    /// A meeting from 14:00 to 17:00 in Ulaanbaatar.
    func meeting(_ date: String, kind: EventKind = .dialogue, status: EventStatus = .held) throws -> Event {
        let start = LocalDateTime(date: day(date), time: try LocalTime(parsing: "14:00"))
        return Event(kind: kind, title: "ТББ-ын диалоги", schedule: try Schedule(start: start, end: start.adding(seconds: 3 * 3600), zone: .ulaanbaatar),
                     status: status)
    }

    /// Saves the records in one write.
    func save(_ organisations: [Organisation] = [], _ people: [Person] = [], _ events: [Event] = []) throws {
        try store.write { session in
            for organisation in organisations { try session.save(organisation) }
            for person in people { try session.save(person) }
            for event in events { try session.save(event) }
        }
    }

    func list(_ event: Event) throws -> [Participation] {
        try store.read { try $0.participation(ofEvent: event.id) }
    }

    // MARK: - Inviting and marking

    @Test func invitingByKindAddsOnlyThatKindAndNobodyTwice() throws {
        let open = Organisation(name: "Нээлттэй төсөв ТББ", kind: .ngo)
        let voice = Organisation(name: "Иргэний дуу хоолой ТББ", kind: .ngo)
        let finance = Organisation(name: "Сангийн яам", kind: .ministry)
        let radio = Organisation(name: "Олон нийтийн радио", kind: .media)
        let keynote = Person(name: "Б. Энхтуяа", organisationID: voice.id)
        let event = try meeting("2027-01-21", status: .confirmed)
        try save([open, voice, finance, radio], [keynote], [event])

        let first = try store.write { try Attendance.invite(kinds: [.ngo], organisations: [], people: [], to: event.id, in: $0) }
        #expect(first == 2)
        #expect(Set(try list(event).map(\.participant)) == [.organisation(open.id), .organisation(voice.id)])
        #expect(try list(event).allSatisfy { $0.status == .invited })

        // The NGOs are on the list already, the ministry named twice is added once, and so is the person.
        let second = try store.write {
            try Attendance.invite(kinds: [.ngo, .ministry], organisations: [open.id, finance.id], people: [keynote.id], to: event.id, in: $0)
        }
        #expect(second == 2)
        #expect(Set(try list(event).map(\.participant)) ==
                [.organisation(open.id), .organisation(voice.id), .organisation(finance.id), .person(keynote.id)])
        #expect(try list(event).count == 4)
    }

    @Test func invitingSomeoneWhoIsNotThereIsRefusedAndChangesNothing() throws {
        let ngo = Organisation(name: "Нээлттэй төсөв ТББ", kind: .ngo)
        let event = try meeting("2027-01-21")
        try save([ngo], [], [event])
        let stranger = UUID()
        #expect(throws: ValidationError("no person has the id '\(ShortID.of(stranger))'")) {
            try store.write { try Attendance.invite(kinds: [.ngo], organisations: [], people: [stranger], to: event.id, in: $0) }
        }
        #expect(throws: ValidationError.self) {
            try store.write { try Attendance.invite(kinds: [.ngo], organisations: [], people: [], to: UUID(), in: $0) }
        }
        #expect(try list(event).isEmpty)
    }

    @Test func markAddsSomeoneNotOnTheListAndUpdatesSomeoneOnIt() throws {
        let ngo = Organisation(name: "Нээлттэй төсөв ТББ", kind: .ngo)
        let person = Person(name: "Б. Энхтуяа")
        let event = try meeting("2026-11-19")
        try save([ngo], [person], [event])
        _ = try store.write { try Attendance.invite(kinds: [.ngo], organisations: [], people: [], to: event.id, in: $0) }

        let marked = try store.write { try Attendance.mark(.organisation(ngo.id), .attended, at: event.id, in: $0) }
        #expect(marked.status == .attended)
        let walkIn = try store.write { try Attendance.mark(.person(person.id), .registered, at: event.id, in: $0) }
        #expect(walkIn.participant == .person(person.id))

        let statuses = try list(event).map { "\($0.participant == .person(person.id) ? "person" : "ngo") \($0.status.rawValue)" }
        #expect(statuses.sorted() == ["ngo attended", "person registered"])
        // The NGO's record was changed, not joined by a second one.
        #expect(try list(event).first { $0.participant == .organisation(ngo.id) }?.id == marked.id)
    }

    @Test func removeTakesSomeoneOffAndRefusesSomeoneNotOnTheList() throws {
        let ngo = Organisation(name: "Нээлттэй төсөв ТББ", kind: .ngo)
        let event = try meeting("2026-11-19")
        try save([ngo], [], [event])
        _ = try store.write { try Attendance.mark(.organisation(ngo.id), .excused, at: event.id, in: $0) }
        try store.write(undoable: "Took the NGO off the list") { try Attendance.remove(.organisation(ngo.id), from: event.id, in: $0) }
        #expect(try list(event).isEmpty)
        #expect(throws: ValidationError("'Нээлттэй төсөв ТББ' is not on the list of this event")) {
            try store.write { try Attendance.remove(.organisation(ngo.id), from: event.id, in: $0) }
        }
        // Undo puts them back.
        _ = try store.undo()
        #expect(try list(event).map(\.status) == [.excused])
    }

    // MARK: - Counts and the list

    @Test func countsAddUpEachStatus() {
        let event = UUID()
        let statuses: [Participation.Status] = [.invited, .attended, .attended, .absent, .registered, .attended, .excused, .invited]
        let counts = Attendance.counts(statuses.map { Participation(eventID: event, participant: .organisation(UUID()), status: $0) })
        var expected = AttendanceCounts()
        expected.invited = 2
        expected.registered = 1
        expected.attended = 3
        expected.absent = 1
        expected.excused = 1
        #expect(counts == expected)
        #expect(counts.total == 8)
        #expect(Attendance.counts([]).total == 0)
    }

    @Test func linesListOrganisationsFirstThenPeopleEachInMongolianOrder() throws {
        let yaruu = Organisation(name: "Яруу ТББ", kind: .ngo)
        let ulzii = Organisation(name: "Өлзий ИНБ", kind: .cso)
        let orkhon = Organisation(name: "Орхон яам", kind: .ministry)
        let undur = Person(name: "Үндрах", organisationID: ulzii.id)
        let uyanga = Person(name: "Уянга")
        let amar = Person(name: "Амар", organisationID: yaruu.id)
        let event = try meeting("2026-11-19")
        try save([yaruu, ulzii, orkhon], [undur, uyanga, amar], [event])
        try store.write { session in
            try Attendance.invite(kinds: [], organisations: [], people: [undur.id, uyanga.id, amar.id], to: event.id, in: session)
            try Attendance.invite(kinds: [.ngo, .cso, .ministry], organisations: [], people: [], to: event.id, in: session)
        }
        let lines = try store.read { try Attendance.lines(of: event.id, in: $0) }
        // Ө comes after О and Ү after У, as Mongolian readers expect.
        #expect(lines.map(\.name) == ["Орхон яам", "Өлзий ИНБ", "Яруу ТББ", "Амар", "Уянга", "Үндрах"])
        #expect(lines.map(\.organisation) == [nil, nil, nil, "Яруу ТББ", nil, "Өлзий ИНБ"])
        #expect(lines.map(\.organisationKind) == [.ministry, .cso, .ngo, .ngo, nil, .cso])
        #expect(try store.read { try Attendance.lines(of: UUID(), in: $0) }.isEmpty)
    }

    @Test func csvQuotesCommasQuotesAndLineBreaksSoTheNamesParseBack() {
        let event = UUID()
        func line(_ name: String, _ organisation: String? = nil, _ kind: Organisation.Kind? = nil, _ status: Participation.Status) -> Attendance.Line {
            Attendance.Line(participation: Participation(eventID: event, participant: .organisation(UUID()), status: status),
                            name: name, organisation: organisation, organisationKind: kind)
        }
        let lines = [
            line("Хүний эрх, хөгжил ТББ", nil, .ngo, .attended),
            line("\"Иргэний дуу хоолой\" ТББ", nil, .ngo, .absent),
            line("Б. Энхтуяа", "Нэгдүгээр мөр\nХоёрдугаар мөр", .cso, .excused),
            line("Escape\u{1B}[31m removed", nil, nil, .invited),
        ]
        let english = Attendance.csv(lines, in: .en)
        #expect(english.hasSuffix("\r\n"))
        #expect(english.contains("\"\"\"Иргэний дуу хоолой\"\" ТББ\""))
        #expect(CSVReader.rows(english) == [
            ["Name", "Organisation", "Kind", "Status"],
            ["Хүний эрх, хөгжил ТББ", "", "NGO", "attended"],
            ["\"Иргэний дуу хоолой\" ТББ", "", "NGO", "absent"],
            ["Б. Энхтуяа", "Нэгдүгээр мөр\nХоёрдугаар мөр", "CSO", "excused"],
            ["Escape removed", "", "", "invited"],
        ])
        let mongolian = CSVReader.rows(Attendance.csv(lines, in: .mn))
        #expect(mongolian.first == ["Нэр", "Байгууллага", "Төрөл", "Төлөв"])
        #expect(mongolian[1] == ["Хүний эрх, хөгжил ТББ", "", "ТББ", "оролцсон"])
    }

    // MARK: - Dialogues attended

    @Test func dialoguesAttendedCountOnlyAttendedDialoguesOfTheLastTwelveMonthsOncePerMeeting() throws {
        let ngo = Organisation(name: "Нээлттэй төсөв ТББ", kind: .ngo)
        let other = Organisation(name: "Сангийн яам", kind: .ministry)
        let member = Person(name: "Б. Энхтуяа", organisationID: ngo.id)
        let yearBefore = try meeting("2025-11-23")      // twelve months before today: outside
        let dayAfter = try meeting("2025-11-24")        // the first day inside
        let january = try meeting("2026-01-15")         // the organisation came
        let march = try meeting("2026-03-19")           // the organisation and its member came: once
        let may = try meeting("2026-05-21")             // only its member came
        let july = try meeting("2026-07-16")            // absent; another organisation came
        let cancelled = try meeting("2026-09-17", status: .cancelled)
        let saDay = try meeting("2026-06-25", kind: .saDay)
        let later = try meeting("2026-12-03", status: .confirmed)
        let events = [yearBefore, dayAfter, january, march, may, july, cancelled, saDay, later]
        try save([ngo, other], [member], events)
        try store.write { session in
            for event in [yearBefore, dayAfter, january, march, cancelled, saDay, later] {
                try Attendance.mark(.organisation(ngo.id), .attended, at: event.id, in: session)
            }
            try Attendance.mark(.person(member.id), .attended, at: march.id, in: session)
            try Attendance.mark(.person(member.id), .attended, at: may.id, in: session)
            try Attendance.mark(.organisation(ngo.id), .absent, at: july.id, in: session)
            try Attendance.mark(.organisation(other.id), .attended, at: july.id, in: session)
        }
        let attended = try store.read { try Attendance.dialoguesAttended(by: ngo.id, asOf: day("2026-11-23"), in: $0) }
        #expect(attended.map(\.id) == [dayAfter.id, january.id, march.id, may.id])
        let ministry = try store.read { try Attendance.dialoguesAttended(by: other.id, asOf: day("2026-11-23"), in: $0) }
        #expect(ministry.map(\.id) == [july.id])
        // Every organisation at once, among the meetings an agenda found, gives the same.
        let everyone = try store.read { try Attendance.dialoguesAttended(among: events, asOf: day("2026-11-23"), in: $0) }
        #expect(everyone[ngo.id]?.map(\.id) == attended.map(\.id))
        #expect(everyone[other.id]?.map(\.id) == ministry.map(\.id))
        #expect(everyone.count == 2)
    }
}

/// Reads RFC 4180 text back into rows, to check what the writer quoted.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append(characters.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r", characters.first == "\n" {
                characters.removeFirst()
                rows.append(row + [field])
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        return rows
    }
}
