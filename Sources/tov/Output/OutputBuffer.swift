import Foundation

/// Bytes on their way to standard output; a long listing is written in large chunks as it is made,
/// so a year of agenda never sits in memory twice.
///
/// The bytes live in one block written through a pointer: an agenda appends a million small pieces
/// (keys, quotes, dates), and an array's checks on each append cost more than the copying.
/// A buffer is used through `inout` only; copies would share the block.
struct OutputBuffer {
    private final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int
        /// Where `appendBytes` lets TovCore's appenders write (they take an array).
        var scratch: [UInt8] = []

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }

        /// Makes room for `extra` more bytes.
        @inline(__always)
        func reserve(_ extra: Int) {
            if count + extra > capacity { grow(count + extra) }
        }

        private func grow(_ needed: Int) {
            var newCapacity = capacity * 2
            while newCapacity < needed { newCapacity *= 2 }
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.update(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        @inline(__always)
        func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
            reserve(length)
            (base + count).update(from: start, count: length)
            count += length
        }

        @inline(__always)
        func appendSpaces(_ length: Int) {
            reserve(length)
            (base + count).update(repeating: UInt8(ascii: " "), count: length)
            count += length
        }
    }

    private let storage: Storage
    /// When set, the buffer empties itself to standard output past `limit` bytes.
    private let streams: Bool
    private static let limit = 1 << 16

    /// A buffer kept in memory.
    init() {
        self.init(streams: false)
    }

    /// A buffer that streams to standard output.
    static func streamingToStandardOutput() -> OutputBuffer {
        OutputBuffer(streams: true)
    }

    private init(streams: Bool) {
        self.streams = streams
        storage = Storage(capacity: streams ? OutputBuffer.limit * 2 : 256)
    }

    /// The bytes not yet flushed.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage.base, count: storage.count) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) {
        storage.reserve(1)
        storage.base[storage.count] = byte
        storage.count += 1
    }

    /// Appends a literal's bytes directly (keys, quotes, punctuation), without making a string of it.
    mutating func append(literal text: StaticString) {
        storage.append(text.utf8Start, text.utf8CodeUnitCount)
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
        if streams && storage.count >= OutputBuffer.limit { flush() }
    }

    /// Appends UTF-8 bytes.
    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let start = utf8.baseAddress else { return }
        storage.append(start, utf8.count)
    }

    /// Makes room for `count` bytes and lets `body` write them, or fewer, straight into the buffer;
    /// `body` returns how many it wrote. For short pieces of known length (dates, ids).
    @inline(__always)
    mutating func write(upTo count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        storage.reserve(count)
        storage.count += body(storage.base + storage.count)
    }

    /// Lets `body` append bytes (dates, ids, CSV rows) without making a string of each.
    mutating func appendBytes(_ body: (inout [UInt8]) -> Void) {
        storage.scratch.removeAll(keepingCapacity: true)
        body(&storage.scratch)
        storage.scratch.withUnsafeBufferPointer { append($0) }
        if streams && storage.count >= OutputBuffer.limit { flush() }
    }

    /// Starts a member of a JSON object: `,` unless it is the first, a new line, `indent` spaces and
    /// `"name": `, with one check for room (an agenda writes twenty per occurrence; five appends each
    /// checking was a measurable part of the month's agenda).
    mutating func appendKey(_ name: StaticString, indent: Int, first: Bool) {
        let nameLength = name.utf8CodeUnitCount
        let length = (first ? 1 : 2) + indent + nameLength + 4
        storage.reserve(length)
        var cursor = storage.base + storage.count
        if !first {
            cursor.pointee = UInt8(ascii: ",")
            cursor += 1
        }
        cursor.pointee = UInt8(ascii: "\n")
        (cursor + 1).update(repeating: UInt8(ascii: " "), count: indent)
        cursor += 1 + indent
        cursor.pointee = UInt8(ascii: "\"")
        (cursor + 1).update(from: name.utf8Start, count: nameLength)
        cursor += 1 + nameLength
        cursor[0] = UInt8(ascii: "\"")
        cursor[1] = UInt8(ascii: ":")
        cursor[2] = UInt8(ascii: " ")
        storage.count += length
    }

    /// Appends `level` steps of `width` spaces.
    mutating func indent(_ level: Int, width: Int = 2) {
        storage.appendSpaces(max(0, level * width))
    }

    /// Writes what is buffered to standard output.
    mutating func flush() {
        guard streams, storage.count > 0 else { return }
        StandardStreams.output(bytes)
        storage.count = 0
    }
}
