import Foundation

/// Bytes on their way to standard output; a long listing is written in large chunks as it is made,
/// so a year of agenda never sits in memory twice.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []
    /// When set, the buffer empties itself to standard output past `limit` bytes.
    private let streams: Bool
    private let limit = 1 << 16

    /// A buffer kept in memory.
    init() {
        streams = false
    }

    /// A buffer that streams to standard output.
    static func streamingToStandardOutput() -> OutputBuffer {
        OutputBuffer(streams: true)
    }

    private init(streams: Bool) {
        self.streams = streams
        bytes.reserveCapacity(limit * 2)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a literal's bytes directly (keys, quotes, punctuation), without making a string of it.
    mutating func append(literal text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        if streams && bytes.count >= limit { flush() }
    }

    /// Lets `body` append bytes directly (dates, ids), which saves making a string for each.
    mutating func appendBytes(_ body: (inout [UInt8]) -> Void) {
        body(&bytes)
    }

    /// Appends `level` steps of `width` spaces.
    mutating func indent(_ level: Int, width: Int = 2) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * width))
    }

    /// Writes what is buffered to standard output.
    mutating func flush() {
        guard streams, !bytes.isEmpty else { return }
        StandardStreams.output(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
