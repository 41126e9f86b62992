import Foundation
import Testing
import TovTestSupport

/// A folder of .ics files and the manifest that says how each is checked: the window and zone to compare
/// `tov agenda` with the oracle in, what the import must count as not kept, or that tov must refuse the file.
///
///     let entries = try ICalendarCorpus.fixtures.load()
///     entries[0].path // …/Tests/Fixtures/ics/google-calendar-ulaanbaatar.ics
struct ICalendarCorpus: Sendable {
    /// Where the files are; an entry's `file` is a path inside it.
    let folder: URL
    let manifest: URL

    static let fixtures = ICalendarCorpus(
        folder: TovBinary.packageRoot.appendingPathComponent("Tests/Fixtures/ics"),
        manifest: TovBinary.packageRoot.appendingPathComponent("Tests/Fixtures/ics/manifest.json")
    )

    /// Real-world files inside the wheels of recurring-ical-events and icalendar and the sdist of open-web-calendar,
    /// which `make test` fetches from PyPI and unpacks here (Makefile, `ics-corpus`): never committed.
    static let pypi = ICalendarCorpus(
        folder: TovBinary.packageRoot.appendingPathComponent(".build/ics-corpus/unpacked"),
        manifest: TovBinary.packageRoot.appendingPathComponent("Tests/Fixtures/ics/pypi-corpus.json")
    )

    /// One file and how it is checked.
    struct Entry: Decodable, Sendable, CustomStringConvertible, CustomTestStringConvertible {
        let file: String
        /// Its SHA-256 in hex, when the file is fetched rather than committed.
        let sha256: String?
        /// The days compared, for a file tov imports.
        let from: String?
        let to: String?
        /// The system zone while importing, and the zone of the agenda.
        let tz: String
        /// `tov import --tz`, when the entry reads floating times in a zone of its own.
        let importTz: String?
        let tool: String
        let notKept: [String]
        let features: [String]
        /// "rejected": `tov import` must refuse the file, naming `line` and `reason`.
        let expect: String?
        let line: Int?
        let reason: String?
        /// The file's full path, set by `load`.
        private(set) var path = ""

        private enum CodingKeys: String, CodingKey {
            case file, sha256, from, to, tz, importTz, tool, notKept, features, expect, line, reason
        }

        var isRejected: Bool { expect == "rejected" }
        var description: String { file + (importTz.map { " read in \($0)" } ?? "") }
        var testDescription: String { description }

        fileprivate func placed(in folder: URL) -> Entry {
            var entry = self
            entry.path = folder.appendingPathComponent(file).path
            return entry
        }
    }

    private struct Manifest: Decodable {
        let entries: [Entry]
    }

    func load() throws -> [Entry] {
        let data = try Data(contentsOf: manifest)
        return try JSONDecoder().decode(Manifest.self, from: data).entries.map { $0.placed(in: folder) }
    }

    /// The entries to test; a manifest that cannot be read fails the suite's test of the manifest itself.
    var entries: [Entry] { (try? load()) ?? [] }
}

/// `Tests/Oracle/ics_expand.py`: a file's occurrences as the agenda would list them, read by icalendar and
/// recurring-ical-events.
enum ICalendarOracle {
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

/// An occurrence as `tov agenda --format json` and the oracle list it, compared field by field.
struct ICalendarOccurrence: Comparable, CustomStringConvertible {
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

    static func < (a: ICalendarOccurrence, b: ICalendarOccurrence) -> Bool {
        (a.start, a.end, a.title, a.recurrenceID ?? "") < (b.start, b.end, b.title, b.recurrenceID ?? "")
    }

    var description: String {
        "\(start) – \(end)\(allDay ? " (all day)" : "") \(title)" + (recurrenceID.map { " [recurrence \($0)]" } ?? "")
    }
}

/// What `tov import --format json` reports.
struct ICalendarImportReport: Decodable {
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

/// A suite that imports corpus files with `tov import` and compares the agenda with the oracle's reading.
protocol ICalendarCorpusSuite: DatabaseSuite {}

extension ICalendarCorpusSuite {
    /// Imports the entry's file into an empty database, then expects the report to count what the entry says
    /// is not kept and the agenda over its days to list what the oracle reads in the file.
    func expectImportListsWhatTheOracleReads(_ entry: ICalendarCorpus.Entry) throws {
        let from = try #require(entry.from, "\(entry) has no window"), to = try #require(entry.to, "\(entry) has no window")
        let database = folder.path("corpus.sqlite")
        let report = try importFile(entry, into: database)
        #expect(report.imported + report.updated > 0, "\(entry): nothing imported")
        for name in entry.notKept {
            #expect((report.notKept[name] ?? 0) > 0, "\(entry): the report does not count \(name) as not kept: \(report.notKept)")
        }
        let agenda = try tovAgenda(database: database, from: from, to: to, zone: entry.tz)
        let oracle = try ICalendarOracle.occurrences(of: entry.path, from: from, to: to, zone: entry.tz, floatingZone: entry.importTz)
        expectSameOccurrences(tov: agenda.map { ICalendarOccurrence($0, withRecurrenceID: false) },
                              oracle: oracle.map { ICalendarOccurrence($0, withRecurrenceID: false) },
                              label: "\(entry) from \(from) to \(to) in \(entry.tz)")
    }

    /// Imports the entry's file twice into one database: the second import finds everything as it is.
    func expectSecondImportChangesNothing(_ entry: ICalendarCorpus.Entry) throws {
        let database = folder.path("twice.sqlite")
        _ = try importFile(entry, into: database)
        let again = try importFile(entry, into: database)
        #expect(again.imported == 0, "\(entry): the second import imported \(again.imported)")
        #expect(again.updated == 0, "\(entry): the second import updated \(again.updated)")
    }

    /// Imports an entry's file into `database` with the system zone set to the entry's zone, as a user there would.
    func importFile(_ entry: ICalendarCorpus.Entry, into database: String) throws -> ICalendarImportReport {
        var arguments = ["--db", database, "import", entry.path, "--format", "json"]
        if let importTz = entry.importTz { arguments += ["--tz", importTz] }
        let result = try TovBinary.run(arguments, environment: ["TZ": entry.tz])
        try #require(result.status == 0, "\(entry): tov import exited with \(result.status): \(result.stderr)")
        let report = try? JSONDecoder().decode(ICalendarImportReport.self, from: Data(result.stdout.utf8))
        return try #require(report, "\(entry): tov import printed no report as the contract has it: \(result.stdout)")
    }

    /// `tov agenda --format json` over the days, as objects.
    func tovAgenda(database: String, from: String, to: String, zone: String) throws -> [[String: Any]] {
        let result = try TovBinary.run(["--db", database, "agenda", "--from", from, "--to", to, "--tz", zone, "--format", "json"],
                                       environment: ["TZ": zone])
        try #require(result.status == 0, "tov agenda exited with \(result.status): \(result.stderr)")
        return try #require(try json(result) as? [[String: Any]], "tov agenda printed no array: \(result.stdout)")
    }

    /// One failure per side listing what only it has, so a reviewer sees the difference and not two long lists.
    func expectSameOccurrences(tov: [ICalendarOccurrence], oracle: [ICalendarOccurrence], label: String) {
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
    private func difference(_ these: [ICalendarOccurrence], _ those: [ICalendarOccurrence]) -> [ICalendarOccurrence] {
        var remaining = those
        return these.filter { item in
            guard let index = remaining.firstIndex(of: item) else { return true }
            remaining.remove(at: index)
            return false
        }
    }
}
