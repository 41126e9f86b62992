import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file a command reads (`tov import FILE`).
enum InputFile {
    /// The bytes of the file at `path`; a path that cannot be read is bad input, named in one sentence with
    /// the system's reason.
    static func read(_ path: String) throws -> [UInt8] {
        guard !path.isEmpty else { throw ValidationError("the file name is empty; give the path of a file") }
        guard let file = fopen(path, "rb") else { throw failure(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            bytes.append(contentsOf: buffer[..<count])
            if count < buffer.count { break }
        }
        if ferror(file) != 0 { throw failure(path) }
        return bytes
    }

    private static func failure(_ path: String) -> ValidationError {
        ValidationError("cannot read '\(path)': \(String(cString: strerror(errno)))")
    }
}
