import Foundation

/// The built `tov` executable and a scratch folder for end-to-end tests.
public enum TovBinary {
    /// The package's root folder.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Path of the debug build of `tov` (`swift build` makes it; `make test` builds first).
    public static var path: String {
        let candidates = ProcessInfo.processInfo.environment["TOV_BINARY"].map { [$0] } ?? []
        return (candidates + [".build/debug/tov", ".build/x86_64-unknown-linux-gnu/debug/tov", ".build/aarch64-unknown-linux-gnu/debug/tov"]
            .map { $0.hasPrefix("/") ? $0 : packageRoot.appendingPathComponent($0).path })
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? packageRoot.appendingPathComponent(".build/debug/tov").path
    }

    /// Runs `tov` with arguments; `LANG=C.UTF-8` and a pinned today unless `environment` says otherwise.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Subprocess.Result {
        var env = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "TOV_TODAY": "2026-11-23", "TZ": "Asia/Ulaanbaatar", "TOV_DB": ""]
        for (key, value) in environment { env[key] = value }
        return try Subprocess.run([path] + arguments, environment: env)
    }
}

/// A folder under the system's temporary directory, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tov-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A suite that runs `tov` on a database file of its own, in its own scratch folder.
///
///     @Suite(.serialized) struct SomeTests: DatabaseSuite {
///         let folder = try! TemporaryFolder()
///         @Test func demo() throws { #expect(try tov("demo").status == 0) }
///     }
public protocol DatabaseSuite {
    var folder: TemporaryFolder { get }
}

extension DatabaseSuite {
    /// The suite's database file.
    public var db: String { folder.path("tov.sqlite") }

    /// Runs `tov --db DB arguments…`.
    public func tov(_ arguments: String...) throws -> Subprocess.Result {
        try TovBinary.run(["--db", db] + arguments)
    }

    /// A command's standard output read as JSON.
    public func json(_ result: Subprocess.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The short id an `add` command printed ("Added 3f9a12c0  …"); throws, with what the command said, when
    /// it failed or printed something else.
    public func added(_ result: Subprocess.Result) throws -> String {
        let words = result.stdout.split(separator: " ")
        guard result.status == 0, words.count > 1, words[0] == "Added" else {
            throw UnexpectedOutput(description: "exit \(result.status): \(result.stdout)\(result.stderr)")
        }
        return String(words[1])
    }
}

/// A command that did not print what a test needs from it.
public struct UnexpectedOutput: Error, CustomStringConvertible {
    public let description: String
}
