import Glibc
import Foundation

/// Runs a program and captures what it prints, through `posix_spawn` and pipes.
///
/// Foundation's `Process` hangs in some sandboxes; this does not.
///
///     let result = try Subprocess.run(["python3", "-c", "print(1)"])
///     result.status // 0
public enum Subprocess {
    /// What a finished program left behind.
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `arguments` (the first is looked up on PATH) with `input` on stdin and `environment` added to ours.
    public static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Result {
        // A program that exits without reading its input would otherwise kill the test run with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        // Close-on-exec, so a program another test starts at the same moment cannot inherit our pipe
        // ends and keep them open (our reader would never see the end of the output).
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw SpawnError(description: "cannot create pipes")
        }
        for fd in stdinPipe + stdoutPipe + stderrPipe {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let envStrings = merged.map { "\($0.key)=\($0.value)" }
        var argv = arguments.map { strdup($0) } + [nil]
        var envp = envStrings.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        // The child starts with no signal blocked and every signal at its default: a test runner's
        // blocked or ignored signals (SIGPIPE above) must not reach the programs under test.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        close(stdinPipe[0])
        close(stdoutPipe[1])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw SpawnError(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }

        // Feed stdin and drain both outputs on their own threads, so no pipe fills up and blocks.
        let stdinWriteEnd = stdinPipe[1]
        let writer = Thread { write(all: Array(input.utf8), to: stdinWriteEnd) }
        let errReader = Reader(fd: stderrPipe[0])
        writer.start()
        errReader.start()
        let out = readAll(stdoutPipe[0])
        errReader.wait()

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exit, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: errReader.data, as: UTF8.self))
    }

    private static func write(all bytes: [UInt8], to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            offset += written
        }
        close(fd)
    }

    fileprivate static func readAll(_ fd: Int32) -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            result += buffer[0..<count]
        }
        close(fd)
        return result
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class Reader: @unchecked Sendable {
        let fd: Int32
        private(set) var data: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)

        init(fd: Int32) {
            self.fd = fd
        }

        func start() {
            Thread { [self] in
                data = Subprocess.readAll(fd)
                done.signal()
            }.start()
        }

        func wait() { done.wait() }
    }
}
