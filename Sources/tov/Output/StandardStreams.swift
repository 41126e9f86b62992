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
        bytes.withUnsafeBufferPointer { output($0) }
    }

    /// Writes all of `bytes` to standard output, as `output(_:)` does.
    static func output(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let errorNumber = write(bytes, to: STDOUT_FILENO) else { return }
        if errorNumber == EPIPE { exit(0) }
        error("tov: cannot write the output: \(String(cString: strerror(errorNumber)))\n")
        exit(1)
    }

    /// Writes to standard error, ignoring failure: there is nowhere left to report it.
    static func error(_ text: String) {
        var text = text
        _ = text.withUTF8 { write($0, to: STDERR_FILENO) }
    }

    /// Returns nil when everything was written, else the error number.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
