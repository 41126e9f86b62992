import Foundation
import Testing
import TovTestSupport

/// End-to-end: `tov import` and `tov export --format ics` checked against an independent reading of the same
/// files, `Tests/Oracle/ics_expand.py` (Python's icalendar and recurring-ical-events), on a corpus of files
/// as real tools write them (`Tests/Fixtures/ics`), and against calcurse. Missing Python packages or calcurse
/// fail the tests with what to install, never skip them: CI installs them (`.ci/run`, `make test`).
@Suite(.serialized) struct ICalendarInteropTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    /// The span the demo's export is checked over, and the zone (the one `TovBinary` pins as the system's).
    static let demoFrom = "2026-01-01", demoTo = "2027-12-31", demoZone = "Asia/Ulaanbaatar"

    // MARK: - The corpus

    @Test func manifestListsEveryFixtureWithAWindowAndItsFeatures() throws {
        let entries = try Corpus.load()
        let listed = Set(entries.map(\.file))
        let files = try FileManager.default.contentsOfDirectory(atPath: Corpus.folder.path).filter { $0.hasSuffix(".ics") }
        #expect(files.count >= 12, "the corpus has \(files.count) files")
        #expect(Set(files) == listed,
                "files not in manifest.json: \(Set(files).subtracting(listed).sorted()); entries without a file: \(listed.subtracting(files).sorted())")
        for entry in entries {
            #expect(entry.from <= entry.to, "\(entry)")
            #expect(!entry.features.isEmpty, "\(entry) names no feature")
        }
    }

    @Test(arguments: Corpus.entries)
    func importedFileListsWhatTheOracleReadsInIt(_ entry: Corpus.Entry) throws {
        let database = folder.path("corpus.sqlite")
        let report = try importFile(entry, into: database)
        #expect(report.imported + report.updated > 0, "\(entry): nothing imported")
        for name in entry.notKept {
            #expect((report.notKept[name] ?? 0) > 0, "\(entry): the report does not count \(name) as not kept: \(report.notKept)")
        }
        let agenda = try tovAgenda(database: database, from: entry.from, to: entry.to, zone: entry.tz)
        let oracle = try Oracle.occurrences(of: entry.path, from: entry.from, to: entry.to, zone: entry.tz,
                                            floatingZone: entry.importTz)
        expectSameOccurrences(tov: agenda.map { Occurrence($0, withRecurrenceID: false) },
                              oracle: oracle.map { Occurrence($0, withRecurrenceID: false) },
                              label: "\(entry) from \(entry.from) to \(entry.to) in \(entry.tz)")
    }

    @Test(arguments: Corpus.entries)
    func importingTheSameFileTwiceImportsAndUpdatesNothing(_ entry: Corpus.Entry) throws {
        let database = folder.path("twice.sqlite")
        _ = try importFile(entry, into: database)
        let again = try importFile(entry, into: database)
        #expect(again.imported == 0, "\(entry): the second import imported \(again.imported)")
        #expect(again.updated == 0, "\(entry): the second import updated \(again.updated)")
    }

    // MARK: - The demo's export

    @Test func demoExportIsStrictRFC5545AndListsWhatTheAgendaLists() throws {
        let file = try exportDemo()
        let oracle = try Oracle.occurrences(of: file, from: Self.demoFrom, to: Self.demoTo, zone: Self.demoZone, strict: true)
        let agenda = try tovAgenda(database: db, from: Self.demoFrom, to: Self.demoTo, zone: Self.demoZone)
        #expect(!agenda.isEmpty)
        expectSameOccurrences(tov: agenda.map { Occurrence($0, withRecurrenceID: true) },
                              oracle: oracle.map { Occurrence($0, withRecurrenceID: true) },
                              label: "the demo's export from \(Self.demoFrom) to \(Self.demoTo) in \(Self.demoZone)")
    }

    @Test func calcurseImportsTheDemoExportWithoutAnError() throws {
        let file = try exportDemo()
        let script = TovBinary.packageRoot.appendingPathComponent("Tests/Oracle/calcurse_check.py").path
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["python3", script, file], environment: ["TZ": Self.demoZone])
        } catch {
            Issue.record("The calcurse check needs python3 and calcurse (apt-get install python3 calcurse): \(error)")
            throw error
        }
        try #require(result.status != 3, "The calcurse check needs calcurse: apt-get install calcurse. \(result.stderr)")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func demoSurvivesAnExportAndAnImportIntoAnEmptyDatabase() throws {
        let file = try exportDemo()
        let copy = folder.path("round-trip.sqlite")
        let imported = try TovBinary.run(["--db", copy, "import", file, "--format", "json"])
        try #require(imported.status == 0, "import of the demo's export failed: \(imported.stderr)")
        let original = try tovAgenda(database: db, from: Self.demoFrom, to: Self.demoTo, zone: Self.demoZone)
        let readBack = try tovAgenda(database: copy, from: Self.demoFrom, to: Self.demoTo, zone: Self.demoZone)
        #expect(readBack.count == original.count, "\(original.count) occurrences before, \(readBack.count) after")
        // Compared as canonical JSON text: on Linux, Foundation's NSDictionary equality tells two `false`s apart.
        func canonical(_ value: Any?) -> Data {
            (try? JSONSerialization.data(withJSONObject: ["v": value ?? NSNull()], options: [.sortedKeys])) ?? Data()
        }
        for (index, (before, after)) in zip(original, readBack).enumerated() where canonical(before) != canonical(after) {
            let fields = Set(before.keys).union(after.keys).sorted().filter { canonical(before[$0]) != canonical(after[$0]) }
            Issue.record("""
                occurrence \(index + 1) (\(before["title"] ?? "?") at \(before["start"] ?? "?")) differs after the round trip in \
                \(fields.joined(separator: ", ")): \(fields.map { "\($0): \(before[$0] ?? NSNull()) → \(after[$0] ?? NSNull())" }.joined(separator: "; "))
                """)
        }
    }

    // MARK: - Running tov

    /// What `tov import --format json` reports.
    struct ImportReport: Decodable {
        struct Skip: Decodable {
            let uid: String?
            let line: Int?
            let reason: String
        }

        let imported: Int
        let updated: Int
        let unchanged: Int
        let skipped: [Skip]
        let notKept: [String: Int]
    }

    /// Imports an entry's file into `database` with the system zone set to the entry's zone, as a user there would.
    func importFile(_ entry: Corpus.Entry, into database: String) throws -> ImportReport {
        var arguments = ["--db", database, "import", entry.path, "--format", "json"]
        if let importTz = entry.importTz { arguments += ["--tz", importTz] }
        let result = try TovBinary.run(arguments, environment: ["TZ": entry.tz])
        try #require(result.status == 0, "\(entry): tov import exited with \(result.status): \(result.stderr)")
        let report = try? JSONDecoder().decode(ImportReport.self, from: Data(result.stdout.utf8))
        return try #require(report, "\(entry): tov import printed no report as the contract has it: \(result.stdout)")
    }

    /// `tov agenda --format json` over the days, as objects.
    func tovAgenda(database: String, from: String, to: String, zone: String) throws -> [[String: Any]] {
        let result = try TovBinary.run(["--db", database, "agenda", "--from", from, "--to", to, "--tz", zone, "--format", "json"],
                                       environment: ["TZ": zone])
        try #require(result.status == 0, "tov agenda exited with \(result.status): \(result.stderr)")
        return try #require(try json(result) as? [[String: Any]], "tov agenda printed no array: \(result.stdout)")
    }

    /// Fills the suite's database with the demo and exports it as iCalendar over the demo window.
    func exportDemo() throws -> String {
        let demo = try tov("demo")
        try #require(demo.status == 0, "\(demo.stderr)")
        let file = folder.path("demo.ics")
        let export = try tov("export", "--format", "ics", "--from", Self.demoFrom, "--to", Self.demoTo, "--output", file)
        try #require(export.status == 0, "tov export --format ics exited with \(export.status): \(export.stderr)")
        return file
    }

    /// One failure per side listing what only it has, so a reviewer sees the difference and not two long lists.
    func expectSameOccurrences(tov: [Occurrence], oracle: [Occurrence], label: String) {
        let ours = tov.sorted(), theirs = oracle.sorted()
        guard ours != theirs else { return }
        let onlyOurs = difference(ours, theirs), onlyTheirs = difference(theirs, ours)
        Issue.record("""
            \(label): tov agenda lists \(ours.count) occurrences, the oracle \(theirs.count).
            Only in tov agenda (\(onlyOurs.count)):
            \(onlyOurs.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
            Only in the oracle (\(onlyTheirs.count)):
            \(onlyTheirs.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
            """)
    }

    /// What is in `these` and not in `those`, counting repeats.
    private func difference(_ these: [Occurrence], _ those: [Occurrence]) -> [Occurrence] {
        var remaining = those
        return these.filter { item in
            guard let index = remaining.firstIndex(of: item) else { return true }
            remaining.remove(at: index)
            return false
        }
    }
}

// MARK: - Occurrences

extension ICalendarInteropTests {
    /// An occurrence as both sides list it, compared field by field.
    struct Occurrence: Comparable, CustomStringConvertible {
        let title: String
        let start: String
        let end: String
        let allDay: Bool
        /// Nil when it is not compared.
        let recurrenceID: String?

        init(_ object: [String: Any], withRecurrenceID: Bool) {
            title = object["title"] as? String ?? "(no title)"
            start = object["start"] as? String ?? "?"
            end = object["end"] as? String ?? "?"
            allDay = object["allDay"] as? Bool ?? false
            recurrenceID = withRecurrenceID ? (object["recurrenceId"] as? String ?? "null") : nil
        }

        static func < (a: Occurrence, b: Occurrence) -> Bool {
            (a.start, a.end, a.title, a.recurrenceID ?? "") < (b.start, b.end, b.title, b.recurrenceID ?? "")
        }

        var description: String {
            "\(start) – \(end)\(allDay ? " (all day)" : "") \(title)" + (recurrenceID.map { " [recurrence \($0)]" } ?? "")
        }
    }
}

// MARK: - The corpus and the oracle

extension ICalendarInteropTests {
    /// `Tests/Fixtures/ics/manifest.json`: which file to import, and the window and zone to compare it in.
    enum Corpus {
        static let folder = TovBinary.packageRoot.appendingPathComponent("Tests/Fixtures/ics")

        struct Entry: Decodable, Sendable, CustomStringConvertible, CustomTestStringConvertible {
            let file: String
            let from: String
            let to: String
            let tz: String
            /// `tov import --tz`, when the entry reads floating times in a zone of its own.
            let importTz: String?
            let tool: String
            let notKept: [String]
            let features: [String]

            var path: String { Corpus.folder.appendingPathComponent(file).path }
            var description: String { file + (importTz.map { " read in \($0)" } ?? "") }
            var testDescription: String { description }
        }

        private struct Manifest: Decodable {
            let entries: [Entry]
        }

        static func load() throws -> [Entry] {
            let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
            return try JSONDecoder().decode(Manifest.self, from: data).entries
        }

        /// The entries to test; a manifest that cannot be read fails `manifestListsEveryFixture…`.
        static let entries: [Entry] = (try? load()) ?? []
    }

    /// `Tests/Oracle/ics_expand.py`: a file's occurrences as the agenda would list them, read by icalendar and
    /// recurring-ical-events.
    enum Oracle {
        /// The script's exit status when a Python package is missing.
        static let missingPackageStatus: Int32 = 3

        static func occurrences(of file: String, from: String, to: String, zone: String, floatingZone: String? = nil,
                                strict: Bool = false) throws -> [[String: Any]] {
            let script = TovBinary.packageRoot.appendingPathComponent("Tests/Oracle/ics_expand.py").path
            var arguments = ["python3", script, file, "--from", from, "--to", to, "--tz", zone]
            if let floatingZone { arguments += ["--floating-tz", floatingZone] }
            if strict { arguments.append("--strict") }
            let result: Subprocess.Result
            do {
                result = try Subprocess.run(arguments)
            } catch {
                Issue.record("The iCalendar oracle needs python3 with icalendar and recurring-ical-events: \(error)")
                throw error
            }
            try #require(result.status != missingPackageStatus, """
                The iCalendar oracle needs the Python packages icalendar and recurring-ical-events: \
                python3 -m pip install icalendar recurring-ical-events. \(result.stderr)
                """)
            try #require(result.status == 0, "The oracle could not read \(file): \(result.stderr)")
            let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            return try #require(parsed as? [[String: Any]], "The oracle printed no array: \(result.stdout)")
        }
    }
}
