import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing to standard output and standard error without trapping when they are closed or full.
///
/// Foundation's `FileHandle.write(_:)` stops the process with a stack trace on any write error; a
/// listing piped into `head`, or sent to a full disk, must end cleanly instead.
enum StandardStreams {
    /// Writes all of `bytes` to standard output. A reader that went away (`| head`) ends tov quietly;
    /// any other failure ends it with one line on standard error and exit status 1.
    static func output(_ bytes: [UInt8]) {
        guard let errorNumber = write(bytes, to: STDOUT_FILENO) else { return }
        if errorNumber == EPIPE { exit(0) }
        error("tov: cannot write the output: \(String(cString: strerror(errorNumber)))\n")
        exit(1)
    }

    /// Writes to standard error, ignoring failure: there is nowhere left to report it.
    static func error(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Returns nil when everything was written, else the error number.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
