import Foundation
import Testing
import TovCore
@testable import TovInterop

/// Reading CSV files as spreadsheets write them.
@Suite struct CSVReaderTests {
    private func read(_ text: String) throws -> CSVDocument {
        try CSVReader.read(Array(text.utf8))
    }

    @Test func readsQuotedFieldsWithQuotesAndLineBreaksAndCountsTheirLines() throws {
        let document = try read("""
            \u{FEFF}Нэр,Төрөл\r
            "Хүний эрх, ""хөгжил"" ТББ",ngo\r
            "Олон\r
            мөртэй нэр",media\r
            Сангийн яам,ministry
            """)
        #expect(document.separator == ",")
        #expect(document.records.map(\.fields) == [
            ["Нэр", "Төрөл"], ["Хүний эрх, \"хөгжил\" ТББ", "ngo"], ["Олон\r\nмөртэй нэр", "media"], ["Сангийн яам", "ministry"],
        ])
        #expect(document.records.map(\.line) == [1, 2, 3, 5])
    }

    @Test func takesTheSeparatorTheHeaderUsesOutsideQuotes() throws {
        let semicolons = try read("\"Нэр, товч\";Төрөл;Утас\n\"Итгэл; ТББ\";ngo;99112233\n")
        #expect(semicolons.separator == ";")
        #expect(semicolons.records[1].fields == ["Итгэл; ТББ", "ngo", "99112233"])
        #expect(try read("Нэр;Төрөл,Утас,Имэйл\n").separator == ",")
        #expect(try read("Нэр\nИтгэл ТББ\n").separator == ",")
    }

    @Test func leavesOutBlankLinesAndEmptyRowsButCountsThem() throws {
        let document = try read("\n\nНэр;Төрөл\n;;\n   \nИтгэл ТББ;ngo\r\rСангийн яам;ministry")
        #expect(document.separator == ";")
        #expect(document.records.map(\.line) == [3, 6, 8])
        #expect(document.records.last?.fields == ["Сангийн яам", "ministry"])
    }

    @Test func namesTheLineThatIsNotUTF8AndSaysHowToSaveIt() {
        // "Итгэл" in Windows-1251, as Excel saves "CSV (comma delimited)" on a Cyrillic Windows.
        let bytes = Array("Нэр,Төрөл\r\nСангийн яам,ministry\r\n".utf8) + [0xC8, 0xF2, 0xE3, 0xFD, 0xEB] + Array(",ngo\r\n".utf8)
        #expect {
            try CSVReader.read(bytes)
        } throws: { error in
            let problem = (error as? CSVError)?.problems.first
            return problem?.line == 3 && problem?.reason.contains("not UTF-8") == true && problem?.reason.contains("CSV UTF-8") == true
        }
        #expect {
            try CSVReader.read([0xFF, 0xFE] + Array("N\0".utf8))
        } throws: { ($0 as? CSVError)?.problems.first?.reason.contains("UTF-16") == true }
    }

    @Test func namesTheLineOfAQuoteNeverClosedAndOfTextAfterAClosingQuote() {
        #expect(throws: CSVError(line: 2, "the quote that opens field 1 is never closed")) {
            try read("Нэр,Төрөл\n\"Итгэл ТББ,ngo\nСангийн яам,ministry\n")
        }
        #expect(throws: CSVError(line: 3, "field 1 has text after its closing quote; a quote inside a quoted field is written twice (\"\")")) {
            try read("Нэр,Төрөл\nСангийн яам,ministry\n\"Итгэл\" ТББ,ngo\n")
        }
    }
}

/// Importing and exporting organisations, people and attendance lists, all or nothing.
@Suite struct CSVTableTests {
    let store = InMemoryStore()

    /// Imports `text` in one write, as `tov import` does.
    @discardableResult
    func importing(_ text: String) throws -> ImportReport {
        try store.write { try CSVImport.read(Array(text.utf8), in: $0) }
    }

    /// The problems an import of `text` finds, as "LINE: reason".
    func problems(_ text: String) -> [String] {
        do {
            try importing(text)
            return []
        } catch let error as CSVError {
            return error.problems.map { "\($0.line): \($0.reason)" }
        } catch {
            return ["\(error)"]
        }
    }

    func organisations() throws -> [Organisation] {
        try store.read { try $0.organisations() }.sorted { $0.name < $1.name }
    }

    func organisation(_ name: String) throws -> Organisation {
        try #require(try organisations().first { $0.name == name })
    }

    func person(_ name: String) throws -> Person {
        try #require(try store.read { try $0.people() }.first { $0.name == name })
    }

    func counts(_ report: ImportReport) -> [Int] { [report.imported, report.updated, report.unchanged] }

    // MARK: - Organisations

    @Test func importsOrganisationsWithMongolianHeadersKindsAndPlacesInEitherLanguage() throws {
        let report = try importing("""
            \u{FEFF}Нэр;Төрөл;Аймаг, дүүрэг;Утас;И-мэйл\r
            “Ногоон Ховд” ТББ;ТББ;Ховд;99112233;info@nogoon.mn\r
            Ховд аймгийн Засаг даргын Тамгын газар;орон нутгийн захиргаа;Khovd aimag;;\r
            Сүхбаатар дүүргийн Нэгдсэн эмнэлэг;Service provider;Сүхбаатар дүүрэг;;\r
            Сангийн яам;ministry;;;\r
            Иргэдийн оролцоо холбоо;Төрийн бус байгууллага;MN-1-BZ;;\r
            """)
        #expect(counts(report) == [5, 0, 0])
        #expect(report.notes == ["read as a list of organisations, fields separated by semicolons"])
        let green = try organisation("“Ногоон Ховд” ТББ")
        #expect(green.kind == .ngo && green.placeCode == "MN-043" && green.phone == "99112233" && green.email == "info@nogoon.mn")
        #expect(try organisation("Ховд аймгийн Засаг даргын Тамгын газар").kind == .localAdministration)
        #expect(try organisation("Сүхбаатар дүүргийн Нэгдсэн эмнэлэг").placeCode == "MN-1-SB")
        #expect(try organisation("Сангийн яам").placeCode == nil)
        #expect(try organisation("Иргэдийн оролцоо холбоо").placeCode == "MN-1-BZ")
    }

    @Test func readsEnglishHeadersInAnyCaseAndSpacing() throws {
        try importing("""
            " NAME ",KIND,Aimag/District,e-mail,Telephone
            Open Budget NGO,ngo,Bayan-Ölgii,office@openbudget.mn,70112233
            """)
        let ngo = try organisation("Open Budget NGO")
        #expect(ngo.placeCode == "MN-071" && ngo.email == "office@openbudget.mn" && ngo.phone == "70112233")
    }

    @Test func importingTheSameFileAgainChangesNothingAndAChangedRowUpdates() throws {
        let file = "Name,Kind,Phone,Email\nИтгэл ТББ,ngo,99112233,\nСангийн яам,ministry,,info@mof.gov.mn\n"
        try importing(file)
        #expect(counts(try importing(file)) == [0, 0, 2])
        // Matched by name in any case; the file has no place, so the place stays as it was.
        try store.write { session in
            var ngo = try #require(try session.organisations().first { $0.name == "Итгэл ТББ" })
            ngo.placeCode = "MN-043"
            try session.save(ngo)
        }
        let report = try importing("Name,Kind,Phone\nитгэл тбб,NGO,88001122\nСангийн яам,яам,\n")
        #expect(counts(report) == [0, 1, 1])
        let ngo = try organisation("итгэл тбб")
        #expect(ngo.phone == "88001122" && ngo.placeCode == "MN-043")
        #expect(try organisations().count == 2)
    }

    @Test func anIDKeepsTheRecordAndAWholeNewUUIDIsKept() throws {
        let id = UUID()
        try importing("ID,Name,Kind\n\(id.lowercasedText),Итгэл ТББ,ngo\n")
        #expect(try organisation("Итгэл ТББ").id == id)
        // A short id renames the record it names.
        #expect(counts(try importing("ID,Name,Kind\n\(ShortID.of(id)),Итгэл Төв ТББ,ngo\n")) == [0, 1, 0])
        #expect(try organisations().map(\.id) == [id])
        #expect(problems("ID,Name,Kind\nabcd1234,Шинэ ТББ,ngo\n") == ["2: no organisation has the id 'abcd1234'"])
    }

    @Test func everyBadRowIsNamedByItsLineAndNothingIsSaved() throws {
        try importing("Name,Kind\nСангийн яам,ministry\n")
        let found = problems("""
            Нэр;Төрөл;Аймаг, дүүрэг;И-мэйл
            Итгэл ТББ;ngo;Ховд;
            ;ngo;;
            Шударга ТББ;сан;;
            Ногоон ТББ;ngo;Хөвсгөлл;
            Итгэл ТББ;cso;;
            Нээлттэй ТББ;ngo;;99112233
            Зөв ТББ;ngo;;;илүү
            """)
        #expect(found == [
            "3: the name is empty",
            "4: 'сан' is not a kind of organisation; use one of: ТББ (NGO), ИНБ (CSO), яам (ministry), төрийн байгууллага (state agency), "
                + "хөгжлийн төсөл (development project), үйлчилгээ үзүүлэгч (service provider), орон нутгийн захиргаа (local administration), "
                + "иргэдийн бүлэг (citizen group), хэвлэл мэдээлэл (media), бусад (other)",
            "5: 'Хөвсгөлл' is not a known aimag or district; `tov places` lists them",
            "6: the organisation 'Итгэл ТББ' is already on line 2",
            "7: '99112233' is not an email address",
            "8: the line has 5 fields; the header (line 1) has 4",
        ])
        #expect(try organisations().map(\.name) == ["Сангийн яам"])
    }

    @Test func anUnknownOrMissingColumnIsNamedWithTheColumnsExpected() {
        #expect(problems("Нэр,Төрөл,Факс\nИтгэл ТББ,ngo,1\n") == [
            "1: unknown column 'Факс' in a list of organisations; its columns are ID (ID), Name (Нэр), Kind (Төрөл), "
                + "Aimag or district (Аймаг, дүүрэг), Phone (Утас), Email (Имэйл)",
        ])
        #expect(problems("Нэр;Аймаг\nИтгэл ТББ;Ховд\n") == [
            "1: the column Kind (Төрөл) is missing; a list of organisations needs Name (Нэр), Kind (Төрөл)",
        ])
        #expect(problems("Нэр,Утас\nБат,99112233\n").first?.hasPrefix("1: the header does not say what the file lists") == true)
        #expect(problems("") == ["1: the file is empty: it has no header line"])
    }

    // MARK: - People

    @Test func importsPeopleLinkedToOrganisationsByNameOrIdAndMatchesThemByEmailThenName() throws {
        try importing("Name,Kind\nИтгэл ТББ,ngo\nСангийн яам,ministry\n")
        let ministry = try organisation("Сангийн яам")
        let report = try importing("""
            Нэр,Байгууллага,Албан тушаал,Утас,Имэйл,Мэргэшил
            Б. Энхтуяа,итгэл тбб,Гүйцэтгэх захирал,99112233,enkhtuya@itgel.mn,Төсвийн хяналт
            Д. Бат,\(ShortID.of(ministry.id)),Мэргэжилтэн,,,
            Г. Сараа,,,,,
            """)
        #expect(counts(report) == [3, 0, 0])
        #expect(try person("Б. Энхтуяа").organisationID == (try organisation("Итгэл ТББ")).id)
        #expect(try person("Д. Бат").organisationID == ministry.id)
        #expect(try person("Г. Сараа").organisationID == nil)

        // Энхтуяа by her email (under a new spelling of her name), Бат by name at his organisation.
        let again = try importing("""
            Name,Organisation,Title,Email
            Б.Энхтуяа,Итгэл ТББ,Гүйцэтгэх захирал,ENKHTUYA@itgel.mn
            Д. Бат,Сангийн яам,Ахлах мэргэжилтэн,
            """)
        #expect(counts(again) == [0, 2, 0])
        let enkhtuya = try person("Б.Энхтуяа")
        #expect(enkhtuya.phone == "99112233" && enkhtuya.expertise == "Төсвийн хяналт" && enkhtuya.email == "ENKHTUYA@itgel.mn")
        #expect(try person("Д. Бат").title == "Ахлах мэргэжилтэн")
        #expect(try store.read { try $0.people() }.count == 3)
    }

    @Test func aPersonsUnknownOrganisationAndTwiceTheSamePersonAreNamed() throws {
        #expect(problems("""
            Name,Organisation,Email
            Д. Бат,Байхгүй ТББ,
            Г. Сараа,,sara@mail.mn
            Г. Сараа,,
            Б. Дорж,,sara@mail.mn
            """) == [
            "2: no organisation is named 'Байхгүй ТББ'; import the organisations first, or leave it empty",
            "4: 'Г. Сараа' is already on line 3; give each an email or an ID to tell them apart",
            "5: the email sara@mail.mn is already on line 3",
        ])
    }

    // MARK: - Attendance

    func at(_ text: String) -> LocalDateTime { try! LocalDateTime(parsing: text) }

    /// Two organisations, a person, a single event imported with a UID, and the dialogue series.
    func attendanceFixture() throws -> (event: Event, series: Series) {
        try importing("Name,Kind\nИтгэл ТББ,ngo\nСангийн яам,ministry\n")
        try importing("Name,Organisation\nБ. Энхтуяа,Итгэл ТББ\n")
        let event = Event(title: "Төсвийн хэлэлцүүлэг",
                          schedule: try Schedule(start: at("2026-12-03T10:00:00"), end: at("2026-12-03T12:00:00"), zone: .ulaanbaatar))
        let series = Series(
            kind: .dialogue, title: "ТББ-ын диалоги",
            schedule: try Schedule(start: at("2026-01-15T14:00:00"), end: at("2026-01-15T17:00:00"), zone: .ulaanbaatar),
            rule: try RecurrenceRule(parsing: "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        )
        try store.write { session in
            try session.save(event)
            try session.save(Origin(recordID: event.id, uid: "budget-2026@calendar.google.com"))
            try session.save(series)
        }
        return (event, series)
    }

    func list(_ eventID: UUID) throws -> [Assignment.Holder: Participation.Status] {
        Dictionary(uniqueKeysWithValues: try store.read { try $0.participation(ofEvent: eventID) }.map { ($0.participant, $0.status) })
    }

    @Test func importsAttendanceByEventIdUIDAndSeriesMeetingWithStatusesInEitherLanguage() throws {
        let (event, series) = try attendanceFixture()
        let report = try importing("""
            Арга хэмжээ;Огноо;Оролцогч;Байгууллага;Төлөв
            \(ShortID.of(event.id));2026-12-03;Итгэл ТББ;;урьсан
            budget-2026@calendar.google.com;;Б. Энхтуяа;Итгэл ТББ;оролцсон
            \(series.id.lowercasedText);2026.11.19;Сангийн яам;;Attended
            \(series.id.lowercasedText);2026-11-19;Б. Энхтуяа;;ирээгүй
            """)
        #expect(counts(report) == [4, 0, 0])
        let ngo = try organisation("Итгэл ТББ"), ministry = try organisation("Сангийн яам"), enkhtuya = try person("Б. Энхтуяа")
        #expect(try list(event.id) == [.organisation(ngo.id): .invited, .person(enkhtuya.id): .attended])
        // The meeting of 19 November had nothing stored: its list made it a stored change of the series.
        let meeting = try #require(try store.read { try Meetings.storedChange(ofSeries: series.id, at: at("2026-11-19T14:00:00"), in: $0) })
        #expect(try list(meeting.id) == [.organisation(ministry.id): .attended, .person(enkhtuya.id): .absent])

        let export = try store.read { try CSVExport.attendance(of: [event, meeting], from: $0, in: .en) }
        #expect(export == """
            \u{FEFF}Event,Date,Title,Participant,Organisation,Status\r
            \(series.id.lowercasedText),2026-11-19,ТББ-ын диалоги,Сангийн яам,,attended\r
            \(series.id.lowercasedText),2026-11-19,ТББ-ын диалоги,Б. Энхтуяа,Итгэл ТББ,absent\r
            \(event.id.lowercasedText),2026-12-03,Төсвийн хэлэлцүүлэг,Итгэл ТББ,,invited\r
            \(event.id.lowercasedText),2026-12-03,Төсвийн хэлэлцүүлэг,Б. Энхтуяа,Итгэл ТББ,attended\r

            """)
        #expect(counts(try importing(export)) == [0, 0, 4])
        let changed = export.replacingOccurrences(of: "Сангийн яам,,attended", with: "Сангийн яам,,excused")
        #expect(counts(try importing(changed)) == [0, 1, 3])
        #expect(try list(meeting.id)[.organisation(ministry.id)] == .excused)
    }

    @Test func badAttendanceLinesAreNamedAndNothingIsSaved() throws {
        let (event, series) = try attendanceFixture()
        let found = problems("""
            Event,Date,Participant,Status
            \(event.id.lowercasedText),2026-12-04,Итгэл ТББ,invited
            \(series.id.lowercasedText),,Итгэл ТББ,invited
            \(series.id.lowercasedText),2026-11-20,Итгэл ТББ,invited
            \(event.id.lowercasedText),,Хэн нэгэн,invited
            \(event.id.lowercasedText),,Итгэл ТББ,ирэх байх
            \(event.id.lowercasedText),,Сангийн яам,invited
            \(event.id.lowercasedText),,сангийн яам,attended
            deadbeef,,Итгэл ТББ,invited
            """)
        #expect(found.count == 7)
        #expect(found[0] == "2: the event 'Төсвийн хэлэлцүүлэг' is on 2026-12-03, not on 2026-12-04")
        #expect(found[1] == "3: '\(series.id.lowercasedText)' is the series 'ТББ-ын диалоги': give the meeting's date in the Date column")
        #expect(found[2].hasPrefix("4: the series has no meeting on 2026-11-20"))
        #expect(found[3] == "5: no organisation or person is named 'Хэн нэгэн'")
        #expect(found[4].hasPrefix("6: 'ирэх байх' is not a participation status; use one of: урьсан (invited)"))
        #expect(found[5] == "8: 'сангийн яам' is already on line 7 for this event")
        #expect(found[6] == "9: no event or series has the id or UID 'deadbeef'")
        #expect(try list(event.id).isEmpty)
        #expect(try store.read { try $0.overrides(ofSeries: [series.id]) }.isEmpty)
    }

    // MARK: - Round trip

    @Test func anExportImportedIntoAnEmptyDatabaseGivesTheSameRecords() throws {
        try importing("""
            Name,Kind,Place,Phone,Email
            "Итгэл, найдвар ТББ",ngo,Сүхбаатар аймаг,99112233,info@itgel.mn
            Итгэл ТББ,cso,Сүхбаатар дүүрэг,,
            Сангийн яам,ministry,,"70 11 22 33",
            """)
        try importing("""
            Name,Organisation,Title,Phone,Email,Expertise
            Б. Энхтуяа,"Итгэл, найдвар ТББ",Захирал,,enkhtuya@itgel.mn,"Төсөв; ""нээлттэй"" өгөгдөл"
            Б. Энхтуяа,Итгэл ТББ,,,,
            Д. Бат,,,,,
            """)
        for language in Language.allCases {
            let (organisations, people) = try store.read {
                (try CSVExport.organisations(from: $0, in: language), try CSVExport.people(from: $0, in: language))
            }
            let copy = CSVTableTests()
            #expect(counts(try copy.importing(organisations)) == [3, 0, 0])
            #expect(counts(try copy.importing(people)) == [3, 0, 0])
            #expect(try copy.store.read { try Set($0.organisations().map(undated)) } == (try store.read { try Set($0.organisations().map(undated)) }))
            #expect(try copy.store.read { try Set($0.people().map(undated)) } == (try store.read { try Set($0.people().map(undated)) }))
            #expect(counts(try importing(organisations)) == [0, 0, 3])
            #expect(counts(try importing(people)) == [0, 0, 3])
        }
    }

    /// A record without the times of its saving, which differ between two databases.
    func undated(_ organisation: Organisation) -> Organisation {
        var organisation = organisation
        (organisation.created, organisation.updated) = (.distantPast, .distantPast)
        return organisation
    }

    func undated(_ person: Person) -> Person {
        var person = person
        (person.created, person.updated) = (.distantPast, .distantPast)
        return person
    }

    @Test func anExportWritesPlacesAndKindsInItsLanguageAndTellsTheTwoSukhbaatarsApart() throws {
        try importing("Name,Kind,Place\nА ТББ,ngo,MN-051\nБ ТББ,media,MN-1-SB\nВ ТББ,ngo,MN-043\n")
        let mongolian = try store.read { try CSVExport.organisations(from: $0, in: .mn) }
        #expect(mongolian.hasPrefix("\u{FEFF}ID,"))
        // Each line without its first field, the id.
        let rows = mongolian.components(separatedBy: "\r\n").map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().joined(separator: ",")
        }
        #expect(rows == [
            "Нэр,Төрөл,\"Аймаг, дүүрэг\",Утас,Имэйл",
            "А ТББ,ТББ,Сүхбаатар аймаг,,",
            "Б ТББ,хэвлэл мэдээлэл,Сүхбаатар дүүрэг,,",
            "В ТББ,ТББ,Ховд,,",
            "",
        ])
    }
}
