import Foundation
import TovCore

/// Dates, times and ids written straight into memory, for output written a byte at a time: an
/// agenda writes five of them per entry, and going through a growing array cost more than the digits.
enum TextBytes {
    /// The longest text these write: a date and time.
    static let dateTimeLength = 19

    /// Whether `date` has the four-digit year these write (dates computed past 9999-12-31 do not).
    static func fits(_ date: LocalDate) -> Bool { (0...9999).contains(date.year) }

    /// `YYYY-MM-DD`, for a date that `fits`; returns the length written.
    @inline(__always)
    static func write(_ date: LocalDate, at start: UnsafeMutablePointer<UInt8>) -> Int {
        let year = date.year
        twoDigits(year / 100, at: start)
        twoDigits(year % 100, at: start + 2)
        start[4] = UInt8(ascii: "-")
        twoDigits(date.month, at: start + 5)
        start[7] = UInt8(ascii: "-")
        twoDigits(date.day, at: start + 8)
        return 10
    }

    /// `YYYY-MM-DDTHH:MM:SS`, for a date that `fits`; returns the length written.
    @inline(__always)
    static func write(_ wall: LocalDateTime, at start: UnsafeMutablePointer<UInt8>) -> Int {
        _ = write(wall.date, at: start)
        start[10] = UInt8(ascii: "T")
        twoDigits(wall.time.hour, at: start + 11)
        start[13] = UInt8(ascii: ":")
        twoDigits(wall.time.minute, at: start + 14)
        start[16] = UInt8(ascii: ":")
        twoDigits(wall.time.second, at: start + 17)
        return 19
    }

    /// The lowercase text of an id, or its first `length` characters (at most 36); returns `length`.
    @inline(__always)
    static func write(_ id: UUID, length: Int, at start: UnsafeMutablePointer<UInt8>) -> Int {
        let digits: StaticString = "0123456789abcdef"
        var cursor = start
        withUnsafeBytes(of: id.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    cursor.pointee = UInt8(ascii: "-")
                    cursor += 1
                }
                cursor[0] = digits.utf8Start[Int(byte >> 4)]
                cursor[1] = digits.utf8Start[Int(byte & 0x0F)]
                cursor += 2
                if cursor - start >= length { break }
            }
        }
        return min(length, cursor - start)
    }

    @inline(__always)
    private static func twoDigits(_ value: Int, at start: UnsafeMutablePointer<UInt8>) {
        start[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
        start[1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
    }
}
