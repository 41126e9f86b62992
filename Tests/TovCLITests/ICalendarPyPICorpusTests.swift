import Foundation
import Testing
import TovTestSupport

/// Real-world calendars, checked as `ICalendarInteropTests` checks the fixtures: the test calendars inside the
/// wheels of recurring-ical-events 3.8.2 and icalendar 7.3.0 and the sdist of open-web-calendar 1.51, many of
/// them exports from Google, Exchange, Nextcloud, Thunderbird, Apple Calendar and others attached to bug
/// reports. `make test` fetches the packages from PyPI into `.build/ics-corpus` (they are not ours to commit); `Tests/Fixtures/ics/pypi-corpus.json` names the files
/// with their SHA-256, and `Tests/Fixtures/ics/README.md` says which were left out and why. A missing folder
/// fails the tests, never skips them.
@Suite struct ICalendarPyPICorpusTests: ICalendarCorpusSuite {
    let folder = try! TemporaryFolder()

    static let corpus = ICalendarCorpus.pypi
    static let compared = corpus.entries.filter { !$0.isRejected }
    static let rejected = corpus.entries.filter(\.isRejected)

    /// Fails, saying how to fetch the corpus, when `make test` has not.
    func requireFetched(_ path: String) throws {
        try #require(FileManager.default.fileExists(atPath: path), """
            \(path) is missing: `make test` (or `make ics-corpus`) fetches recurring-ical-events, icalendar \
            and open-web-calendar from PyPI into .build/ics-corpus.
            """)
    }

    @Test func manifestNamesEachFetchedFileByItsSHA256() throws {
        let entries = try Self.corpus.load()
        #expect(Self.compared.count >= 25, "only \(Self.compared.count) files are compared")
        #expect(Set(entries.map(\.file)).count == entries.count, "a file is listed twice")
        for entry in entries {
            #expect(entry.sha256?.count == 64, "\(entry) has no sha256")
            #expect(!entry.tool.isEmpty && !entry.features.isEmpty, "\(entry) names no tool or no feature")
            if entry.isRejected {
                #expect(entry.line != nil && entry.reason != nil, "\(entry) is rejected without a line and a reason")
            } else {
                let (from, to) = (try #require(entry.from, "\(entry)"), try #require(entry.to, "\(entry)"))
                #expect(from <= to, "\(entry)")
            }
        }
        try requireFetched(Self.corpus.folder.path)
        for entry in entries { try requireFetched(entry.path) }
        let digests = try sha256(of: entries.map(\.path))
        for (entry, digest) in zip(entries, digests) where entry.sha256 != digest {
            Issue.record("\(entry.file) has SHA-256 \(digest), not the manifest's \(entry.sha256 ?? "-"): not the package's file")
        }
    }

    @Test(arguments: compared)
    func importedFileListsWhatTheOracleReadsInIt(_ entry: ICalendarCorpus.Entry) throws {
        try requireFetched(entry.path)
        try expectImportListsWhatTheOracleReads(entry)
    }

    @Test(arguments: compared)
    func importingTheSameFileTwiceImportsAndUpdatesNothing(_ entry: ICalendarCorpus.Entry) throws {
        try requireFetched(entry.path)
        try expectSecondImportChangesNothing(entry)
    }

    @Test(arguments: rejected)
    func brokenFileIsRefusedNamingItsLine(_ entry: ICalendarCorpus.Entry) throws {
        try requireFetched(entry.path)
        let result = try TovBinary.run(["--db", db, "import", entry.path], environment: ["TZ": entry.tz])
        #expect(result.status == 2, "\(entry): tov import exited with \(result.status)")
        #expect(result.stderr == "tov: \(entry.path):\(entry.line ?? 0): \(entry.reason ?? "")\n")
    }

    /// The files' SHA-256 digests in hex, from Python's hashlib (Foundation has none on Linux).
    func sha256(of paths: [String]) throws -> [String] {
        let script = "import hashlib, sys\nfor path in sys.argv[1:]:\n    print(hashlib.sha256(open(path, 'rb').read()).hexdigest())"
        let result = try Subprocess.run(["python3", "-c", script] + paths)
        try #require(result.status == 0, "python3 could not hash the corpus: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }
}
