import Foundation
import Testing
import TovCore
import TovTestSupport

/// End-to-end: `tov import FILE.csv` and `tov export --format csv --table …`, with files as an office's
/// spreadsheets have them. Today is pinned to 2026-11-23.
@Suite(.serialized) struct CSVCommandTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// Writes `rows` as Excel in a Mongolian locale saves "CSV UTF-8": a byte order mark, `;` between
    /// fields, CRLF; returns the path.
    func spreadsheet(_ name: String, _ rows: [[String]]) throws -> String {
        let text = rows.map { row in
            row.map { field in
                field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ";")
        }.joined(separator: "\r\n") + "\r\n"
        let path = folder.path(name)
        try Data(("\u{FEFF}" + text).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Two hundred organisations of every aimag and district: their administrations, hospitals, education
    /// offices, NGOs, women's associations, radios and herders' groups.
    static func organisationRows() -> [[String]] {
        var rows: [[String]] = []
        for (index, place) in ReferenceData.shared.places.enumerated() {
            let isAimag = place.kind == .aimag
            let of = place.nameMn + (isAimag ? " аймгийн" : " дүүргийн"), short = isAimag ? place.nameMn : of
            // As people write them: "Ховд", "Баянзүрх дүүрэг"; Sükhbaatar, an aimag and a district, needs its kind.
            let placeName = isAimag && place.nameMn != "Сүхбаатар" ? place.nameMn : place.nameMn + (isAimag ? " аймаг" : " дүүрэг")
            let phone = "70\(String(format: "%02d", index))"
            let entries: [(String, String, String)] = [
                ("\(of) Засаг даргын Тамгын газар", "орон нутгийн захиргаа", "info@\(place.code.lowercased()).gov.mn"),
                (isAimag ? "\(of) Нэгдсэн эмнэлэг" : "\(of) Эрүүл мэндийн төв", "үйлчилгээ үзүүлэгч", ""),
                (isAimag ? "\(of) Боловсролын газар" : "\(of) Боловсролын хэлтэс", "төрийн байгууллага", ""),
                ("\"\(short) Иргэдийн оролцоо\" ТББ", "ТББ", "oroltsoo.\(index)@gmail.com"),
                ("\(of) Эмэгтэйчүүдийн холбоо", "ТББ", ""),
                ("\(short) Орон нутгийн радио; мэдээ", "хэвлэл мэдээлэл", ""),
                (isAimag ? "\(of) Малчдын бүлэг" : "\(of) Хорооны иргэдийн бүлэг", "иргэдийн бүлэг", ""),
            ]
            for (number, (name, kind, email)) in entries.enumerated() {
                rows.append([name, kind, placeName, "\(phone)\(String(format: "%04d", number * 1111))", email])
            }
        }
        return Array(rows.prefix(200))
    }

    static let organisationHeader = ["Нэр", "Төрөл", "Аймаг, дүүрэг", "Утас", "И-мэйл"]

    func organisations() throws -> [[String: Any]] {
        try #require(try json(try tov("org", "list", "--format", "json")) as? [[String: Any]])
    }

    @Test func aSpreadsheetOfTwoHundredOrganisationsImportsInOneCommand() throws {
        let rows = Self.organisationRows()
        let file = try spreadsheet("байгууллагууд.csv", [Self.organisationHeader] + rows)
        let result = try tov("import", file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            \(file): 200 imported, 0 updated, 0 unchanged, 0 skipped
              read as a list of organisations, fields separated by semicolons

            """)
        let listed = try organisations()
        #expect(listed.count == 200)
        let khovd = try #require(listed.first { $0["name"] as? String == "\"Ховд Иргэдийн оролцоо\" ТББ" })
        #expect(khovd["kind"] as? String == "ngo" && khovd["place"] as? String == "MN-043")
        let district = try #require(listed.first { $0["name"] as? String == "Сүхбаатар дүүргийн Засаг даргын Тамгын газар" })
        #expect(district["kind"] as? String == "local-administration" && district["place"] as? String == "MN-1-SB")
        #expect(listed.contains { $0["name"] as? String == "Ховд Орон нутгийн радио; мэдээ" && $0["kind"] as? String == "media" })

        let again = try tov("--lang", "mn", "import", file)
        #expect(again.stdout.hasPrefix("\(file): шинээр 0, шинэчилсэн 0, өөрчлөлтгүй 200, алгассан 0\n"))
        #expect(try tov("undo").stdout == "Undone: Imported байгууллагууд.csv\n")
        #expect(try organisations().isEmpty)
    }

    @Test func brokenRowsAreNamedByLineAndNothingIsSaved() throws {
        var rows = Self.organisationRows()
        // Line 57 of the file (the header is line 1) has a misspelt aimag, line 120 a kind tov does not know.
        rows[55][2] = "Хөвсгөлл"
        rows[118][1] = "сан"
        let file = try spreadsheet("байгууллагууд.csv", [Self.organisationHeader] + rows)
        let result = try tov("import", file)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "tov: \(file):57: 'Хөвсгөлл' is not a known aimag or district; `tov places` lists them")
        #expect(lines.dropFirst().first?.hasPrefix("tov: \(file):120: 'сан' is not a kind of organisation; use one of: ТББ (NGO), ") == true)
        #expect(lines.last == "tov: \(file): nothing was imported")
        #expect(try organisations().isEmpty)
    }

    @Test func manyBadRowsShowTwentyAndCountTheRest() throws {
        let rows = Self.organisationRows().prefix(30).map { [$0[0], "сан"] }
        let file = try spreadsheet("сан.csv", [["Нэр", "Төрөл"]] + rows)
        let result = try tov("import", file)
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 22)
        #expect(lines[19].hasPrefix("tov: \(file):21: 'сан' is not a kind"))
        #expect(lines[20] == "tov: \(file): 10 more bad lines not shown")
    }

    @Test func exportThenImportIntoAnEmptyDatabaseGivesTheSameRecordsAndAgainChangesNothing() throws {
        #expect(try tov("demo").status == 0)
        let copy = folder.path("copy.sqlite")
        for table in ["organisations", "people"] {
            let file = folder.path("\(table).csv")
            let export = try tov("--lang", "mn", "export", "--format", "csv", "--table", table, "--output", file)
            #expect(export.stdout == "Хадгалсан: \(file)\n", "\(export.stderr)")
            let bytes = try #require(FileManager.default.contents(atPath: file))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let imported = try TovBinary.run(["--db", copy, "import", file])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try tov("import", file).stdout.contains(" 0 imported, 0 updated, "))
        }
        for listing in [["org", "list"], ["person", "list"]] {
            let original = try tov(listing + ["--format", "json"])
            #expect(original.stdout.count > 1000)
            #expect(try TovBinary.run(["--db", copy] + listing + ["--format", "json"]).stdout == original.stdout)
        }
    }

    func tov(_ arguments: [String]) throws -> Subprocess.Result {
        try TovBinary.run(["--db", db] + arguments)
    }

    @Test func peopleAreLinkedToTheirOrganisationsByNameOrId() throws {
        let organisations = try spreadsheet("orgs.csv", [["Name", "Kind", "Place"], ["Итгэл ТББ", "NGO", "Khovd"], ["Сангийн яам", "ministry", ""]])
        #expect(try tov("import", organisations).status == 0)
        let ministry = try #require(try self.organisations().first { $0["name"] as? String == "Сангийн яам" }?["id"] as? String)
        let people = try spreadsheet("хүмүүс.csv", [
            ["Нэр", "Байгууллага", "Албан тушаал", "Утас", "Имэйл", "Мэргэшил"],
            ["Б. Энхтуяа", "итгэл тбб", "Гүйцэтгэх захирал", "99112233", "enkhtuya@itgel.mn", "Төсвийн хяналт; иргэдийн оролцоо"],
            ["Д. Бат", ministry, "Мэргэжилтэн", "", "", ""],
        ])
        let result = try tov("import", people, "--format", "json")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try json(result) as? [String: Any])
        #expect(report["imported"] as? Int == 2 && report["dryRun"] as? Bool == false)
        let listed = try #require(try json(try tov("person", "list", "--format", "json")) as? [[String: Any]])
        #expect(listed.map { "\($0["name"] ?? ""): \($0["organisation"] ?? "")" } == ["Б. Энхтуяа: Итгэл ТББ", "Д. Бат: Сангийн яам"])
        #expect(try tov("org", "show", ministry).stdout.contains("Д. Бат, Мэргэжилтэн"))
    }

    @Test func anAttendanceListImportsOntoAMeetingOfTheSeries() throws {
        #expect(try tov("demo", "--from", "2026-01-01").status == 0)
        let dialogue = try #require((try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])?.first)
        let series = try #require(dialogue["id"] as? String), uid = try #require(dialogue["uid"] as? String)
        let ngos = try #require(try json(try tov("org", "list", "--kind", "ngo", "--format", "json")) as? [[String: Any]])
            .compactMap { $0["name"] as? String }
        let person = try #require((try json(try tov("person", "list", "--format", "json")) as? [[String: Any]])?.first)
        let file = try spreadsheet("ирц.csv", [
            ["Арга хэмжээ", "Огноо", "Оролцогч", "Байгууллага", "Төлөв"],
            [series, "2027-01-21", ngos[0], "", "оролцсон"],
            [series, "2027-01-21", ngos[1], "", "ирээгүй"],
            [series, "2027.01.21", ngos[2], "", "registered"],
            [series, "2027-01-21", person["name"] as? String ?? "", person["organisation"] as? String ?? "", "чөлөөтэй"],
        ])
        let result = try tov("import", file)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(file): 4 imported, 0 updated, 0 unchanged, 0 skipped\n"))
        let list = try #require(try json(try tov("attend", "list", "--series", series, "--meeting", "2027-01-21", "--format", "json")) as? [String: Any])
        #expect(list["counts"] as? [String: Int] == ["invited": 0, "registered": 1, "attended": 1, "absent": 1, "excused": 1, "total": 4])
        #expect(try tov("import", file).stdout.hasPrefix("\(file): 0 imported, 0 updated, 4 unchanged, 0 skipped\n"))

        // The export of that day's lists reads back as the same four lines.
        let export = try tov("export", "--format", "csv", "--table", "attendance", "--from", "2027-01-21", "--to", "2027-01-21")
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "\u{FEFF}Event,Date,Title,Participant,Organisation,Status")
        #expect(lines.count == 6 && lines.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("\(uid),2027-01-21,") })
        let exported = folder.path("export.csv")
        try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: exported))
        #expect(try tov("import", exported).stdout.hasPrefix("\(exported): 0 imported, 0 updated, 4 unchanged"))
    }

    @Test func anEventsListExportsAloneAndBadExportOptionsAreNamed() throws {
        #expect(try tov("demo", "--from", "2026-01-01").status == 0)
        let meeting = try #require((try json(try tov("event", "list", "--from", "2026-11-19", "--to", "2026-11-19", "--kind", "dialogue",
                                                     "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        let one = try tov("export", "--format", "csv", "--table", "attendance", "--event", meeting)
        #expect(one.status == 0, "\(one.stderr)")
        let range = try tov("export", "--format", "csv", "--table", "attendance", "--from", "2026-11-19", "--to", "2026-11-19")
        #expect(one.stdout == range.stdout)
        #expect(one.stdout.components(separatedBy: "\r\n").count > 3)

        #expect(try tov("export", "--format", "csv").stderr == "tov: --format csv needs --table organisations, people or attendance\n")
        #expect(try tov("export", "--format", "csv", "--table", "topics").stderr
                == "tov: 'topics' is not a table; use one of: organisations, people, attendance\n")
        #expect(try tov("export", "--format", "html", "--table", "people").status == 2)
        #expect(try tov("export", "--format", "csv", "--table", "people", "--event", meeting).status == 2)
    }

    @Test func aDryRunReportsAndSavesNothingNotEvenANewDatabase() throws {
        let file = try spreadsheet("orgs.csv", [["Name", "Kind"], ["Итгэл ТББ", "ngo"]])
        let result = try tov("import", file, "--dry-run")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(file): 1 imported, 0 updated, 0 unchanged, 0 skipped (dry run: nothing saved)\n"))
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(try tov("import", folder.path("missing.csv")).stderr.hasPrefix("tov: cannot read '\(folder.path("missing.csv"))': "))
        #expect(try tov("import", folder.path("notes.txt")).status == 2)
    }
}
