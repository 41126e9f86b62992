import Foundation

/// What the first bytes of a file say about it, read before SQLite touches it.
///
/// Reading the header ourselves lets us refuse a foreign or damaged file without SQLite
/// writing a single byte to it (switching to WAL or migrating would).
struct DatabaseFile {
    enum State: Equatable {
        /// No file, or an empty one: tov creates its database there.
        case new
        /// A SQLite database with this application id and user version.
        case sqlite(applicationID: Int32, userVersion: Int32)
        /// Anything else.
        case foreign
    }

    static let magic = Array("SQLite format 3\u{0}".utf8)

    /// Reads the 100-byte SQLite header of `path`.
    static func state(at path: String) throws -> State {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw StoreError.unavailable(path: path, reason: "it cannot be read")
            }
            return .new
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { return .new }
        guard header.count == 100, Array(header[0..<16]) == magic else { return .foreign }
        return .sqlite(applicationID: bigEndian(header, at: 68), userVersion: bigEndian(header, at: 60))
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int32 {
        Int32(bitPattern: bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }
}
