import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file a command writes its output to (`--output FILE`) instead of standard output.
enum OutputFile {
    /// Writes `text` to `path`, replacing what was there; a path that cannot be written is bad input,
    /// named in one sentence with the system's reason.
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`, as `write(_:to:)` does text.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard !path.isEmpty else { throw ValidationError("--output is empty; give the path of a file") }
        guard let file = fopen(path, "wb") else { throw failure(path) }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        if written != bytes.count || closed != 0 { throw failure(path) }
    }

    private static func failure(_ path: String) -> ValidationError {
        ValidationError("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
}
