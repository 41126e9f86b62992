import Foundation
import Testing
import TovTestSupport

/// End-to-end: `tov import` and `tov export --format ics` checked against an independent reading of the same
/// files, `Tests/Oracle/ics_expand.py` (Python's icalendar and recurring-ical-events), on a corpus of files
/// as real tools write them (`Tests/Fixtures/ics`), and against calcurse. Missing Python packages or calcurse
/// fail the tests with what to install, never skip them: CI installs them (`.ci/run`, `make test`). The
/// real-world files fetched from PyPI are checked the same way in `ICalendarPyPICorpusTests`.
@Suite(.serialized) struct ICalendarInteropTests: ICalendarCorpusSuite {
    let folder = try! TemporaryFolder()

    /// The span the demo's export is checked over, and the zone (the one `TovBinary` pins as the system's).
    static let demoFrom = "2026-01-01", demoTo = "2027-12-31", demoZone = "Asia/Ulaanbaatar"

    // MARK: - The corpus

    @Test func manifestListsEveryFixtureWithAWindowAndItsFeatures() throws {
        let entries = try ICalendarCorpus.fixtures.load()
        let listed = Set(entries.map(\.file))
        let files = try FileManager.default.contentsOfDirectory(atPath: ICalendarCorpus.fixtures.folder.path).filter { $0.hasSuffix(".ics") }
        #expect(files.count >= 12, "the corpus has \(files.count) files")
        #expect(Set(files) == listed,
                "files not in manifest.json: \(Set(files).subtracting(listed).sorted()); entries without a file: \(listed.subtracting(files).sorted())")
        for entry in entries {
            let (from, to) = (try #require(entry.from, "\(entry)"), try #require(entry.to, "\(entry)"))
            #expect(from <= to, "\(entry)")
            #expect(!entry.features.isEmpty, "\(entry) names no feature")
        }
    }

    @Test(arguments: ICalendarCorpus.fixtures.entries)
    func importedFileListsWhatTheOracleReadsInIt(_ entry: ICalendarCorpus.Entry) throws {
        try expectImportListsWhatTheOracleReads(entry)
    }

    @Test(arguments: ICalendarCorpus.fixtures.entries)
    func importingTheSameFileTwiceImportsAndUpdatesNothing(_ entry: ICalendarCorpus.Entry) throws {
        try expectSecondImportChangesNothing(entry)
    }

    // MARK: - The demo's export

    @Test func demoExportIsStrictRFC5545AndListsWhatTheAgendaLists() throws {
        let file = try exportDemo()
        let oracle = try ICalendarOracle.occurrences(of: file, from: Self.demoFrom, to: Self.demoTo, zone: Self.demoZone, strict: true)
        let agenda = try tovAgenda(database: db, from: Self.demoFrom, to: Self.demoTo, zone: Self.demoZone)
        #expect(!agenda.isEmpty)
        expectSameOccurrences(tov: agenda.map { ICalendarOccurrence($0, withRecurrenceID: true) },
                              oracle: oracle.map { ICalendarOccurrence($0, withRecurrenceID: true) },
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

    /// Fills the suite's database with the demo and exports it as iCalendar over the demo window.
    func exportDemo() throws -> String {
        let demo = try tov("demo")
        try #require(demo.status == 0, "\(demo.stderr)")
        let file = folder.path("demo.ics")
        let export = try tov("export", "--format", "ics", "--from", Self.demoFrom, "--to", Self.demoTo, "--output", file)
        try #require(export.status == 0, "tov export --format ics exited with \(export.status): \(export.stderr)")
        return file
    }
}
