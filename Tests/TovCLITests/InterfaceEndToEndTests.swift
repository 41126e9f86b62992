import Foundation
import Testing
import TovTestSupport

/// A tmux server of its own (private socket) running `tov` in a detached session, driven by keys and
/// read back as text, as a person at a terminal would see it.
final class Tmux {
    let folder: TemporaryFolder
    let socket: String

    init() throws {
        folder = try TemporaryFolder()
        socket = folder.path("tmux.sock")
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> Subprocess.Result {
        try Subprocess.run(["tmux", "-u", "-S", socket, "-f", "/dev/null"] + arguments, environment: ["LANG": "C.UTF-8"])
    }

    /// Starts `tov` with `arguments` in a `width`×`height` window; the pane stays after tov ends, so its
    /// exit status can be read.
    func start(_ arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        var env = ["LANG": "C.UTF-8", "TERM": "screen", "TOV_TODAY": "2026-11-23", "TZ": "Asia/Ulaanbaatar"]
        for (key, value) in environment { env[key] = value }
        let command = (["env"] + env.map { "\($0.key)=\($0.value)" } + [TovBinary.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // The shell stays to write tov's exit status to a file, where the test reads it.
        try tmux(["new-session", "-d", "-s", "tov", "-x", "\(width)", "-y", "\(height)", command + "; echo $? > '\(statusFile)'",
                  ";", "set-option", "-w", "-t", "tov", "remain-on-exit", "on"])
    }

    /// The process id of tov: the child of the pane's shell.
    var tovPID: String {
        let shell = value("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.map(String.init) ?? ""
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "tov"] + keys) }

    /// Types text as it is, Cyrillic included.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "tov", "-l", text]) }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", "tov"]).stdout) ?? "" }

    func value(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", "tov", format]).stdout) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits (polling, up to 10 s) until the screen shows `text`; fails the test with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil(sourceLocation: sourceLocation, "the screen to show “\(text)”") { self.screen.contains(text) }
    }

    @discardableResult
    func waitUntil(sourceLocation: SourceLocation = #_sourceLocation, _ what: String, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        Issue.record("gave up waiting for \(what); the screen:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    var statusFile: String { folder.path("status") }

    /// Waits for tov to end; its exit status, as the shell after it wrote it.
    func exitStatus(sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var status = ""
        waitUntil(sourceLocation: sourceLocation, "tov to end") {
            status = ((try? String(contentsOfFile: statusFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return !status.isEmpty
        }
        return status
    }
}

@Suite(.serialized) struct InterfaceEndToEndTests {
    static var hasTmux: Bool { (try? Subprocess.run(["tmux", "-V"]).status) == 0 }

    func demo(_ folder: TemporaryFolder) throws -> String {
        let db = folder.path("demo.sqlite")
        #expect(try TovBinary.run(["--db", db, "demo"]).status == 0)
        return db
    }

    @Test(.enabled(if: hasTmux)) func aCoordinatorMovesAroundAddsAnEventAndQuits() throws {
        let tmux = try Tmux()
        let db = try demo(tmux.folder)
        try tmux.start(["--db", db, "--lang", "mn"])
        tmux.waitFor("2026 оны 11-р сар")
        try tmux.keys("PageDown")
        tmux.waitFor("2026 оны 12-р сар")
        try tmux.keys("PageUp", "PageUp")
        tmux.waitFor("2026 оны 10-р сар")
        try tmux.keys("t", "?")
        tmux.waitFor("Тусламж")
        try tmux.keys("Escape")
        tmux.waitUntil("help to close") { !tmux.screen.contains("Тусламж —") }
        try tmux.keys("a")
        tmux.waitFor("Шинэ арга хэмжээ")
        try tmux.type("Ховдын ОНХ өдөрлөг")
        tmux.waitFor("Ховдын ОНХ өдөрлөг")
        try tmux.keys("Enter")
        tmux.waitFor("Арга хэмжээ нэмсэн: Ховдын ОНХ өдөрлөг")
        try tmux.keys("L")
        tmux.waitFor("1 Calendar")
        try tmux.keys("q")
        #expect(tmux.exitStatus() == "0")
        #expect(tmux.value("#{alternate_on}") == "0")
        let agenda = try TovBinary.run(["--db", db, "agenda", "--from", "2026-11-23", "--to", "2026-11-23", "--format", "json"])
        #expect(agenda.stdout.contains("\"title\": \"Ховдын ОНХ өдөрлөг\"") || agenda.stdout.contains("\"title\":\"Ховдын ОНХ өдөрлөг\""))
    }

    @Test(.enabled(if: hasTmux)) func aTinyWindowGetsANoticeAndComesBack() throws {
        let tmux = try Tmux()
        let db = try demo(tmux.folder)
        try tmux.start(["--db", db, "--lang", "en"])
        tmux.waitFor("November 2026")
        try tmux.keys("l", "l", "v")
        tmux.waitFor("Wednesday, 25 November 2026")
        try tmux.tmux(["resize-window", "-t", "tov", "-x", "40", "-y", "12"])
        tmux.waitFor("too small")
        try tmux.tmux(["resize-window", "-t", "tov", "-x", "80", "-y", "24"])
        tmux.waitFor("Wednesday, 25 November 2026")
        try tmux.keys("q")
        #expect(tmux.exitStatus() == "0")
    }

    @Test(.enabled(if: hasTmux)) func sigtermRestoresTheTerminal() throws {
        let tmux = try Tmux()
        let db = try demo(tmux.folder)
        try tmux.start(["--db", db, "--lang", "mn"])
        tmux.waitFor("2026 оны 11-р сар")
        #expect(tmux.value("#{alternate_on}") == "1")
        let pid = tmux.tovPID
        #expect(!pid.isEmpty)
        #expect(try Subprocess.run(["kill", "-TERM", pid]).status == 0)
        #expect(tmux.exitStatus() == "143")
        #expect(tmux.value("#{alternate_on}") == "0")
    }

    @Test func withoutATerminalItSaysWhatToUseInstead() throws {
        let folder = try TemporaryFolder()
        let result = try TovBinary.run(["--db", folder.path("x.sqlite")], environment: ["TERM": "xterm"])
        #expect(result.status == 1 && result.stderr.contains("tov agenda"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("x.sqlite")))
        let screen = try TovBinary.run(["--db", folder.path("x.sqlite"), "ui", "--print-screen", "80x24", "--lang", "en"])
        #expect(screen.status == 0 && screen.stdout.contains("November 2026"))
    }
}
