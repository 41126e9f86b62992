import Foundation
import TovCore

/// The values of the rows one INSERT writes, named by column, gathered as SQLite's bind functions take
/// them. A bulk save writes 100,000 events of twenty values: boxing each value as GRDB's
/// `DatabaseValueConvertible`, and making a `String` of every id and time only to copy its bytes again,
/// cost as much as SQLite's own work. Text goes straight into one buffer that SQLite reads in place.
struct RowValues {
    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        /// `count` bytes of `bytes` from `start`.
        case text(start: Int, count: Int)
    }

    /// The columns of a row, in order, named by the first row written.
    private(set) var columns: [String] = []
    private(set) var values: [Value] = []
    /// The UTF-8 of every text value, one after another.
    private(set) var bytes: [UInt8] = []
    private(set) var rows = 0

    init(reservingRows rows: Int = 1) {
        values.reserveCapacity(24 * rows)
        bytes.reserveCapacity(256 * rows)
    }

    /// Ends a row: the next one must have the same columns, in the same order.
    mutating func endRow() {
        rows += 1
        precondition(values.count == rows * columns.count, "a row of \(values.count - (rows - 1) * columns.count) values for \(columns)")
    }

    private mutating func add(_ column: String, _ value: Value) {
        if rows == 0 { columns.append(column) }
        values.append(value)
    }

    /// Adds text as it is written by `write`, which appends its UTF-8.
    private mutating func addText(_ column: String, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        add(column, .text(start: start, count: bytes.count - start))
    }

    mutating func add(_ column: String, _ text: String?) {
        guard let text else { return add(column, .null) }
        addText(column) { $0.append(contentsOf: text.utf8) }
    }

    /// An id as its lowercase text, the form every key column holds.
    mutating func add(_ column: String, _ id: UUID?) {
        guard let id else { return add(column, .null) }
        addText(column) { id.appendLowercasedText(to: &$0) }
    }

    mutating func add(_ column: String, _ time: LocalDateTime?) {
        guard let time else { return add(column, .null) }
        addText(column) { time.appendText(to: &$0) }
    }

    mutating func add(_ column: String, _ date: LocalDate?) {
        guard let date else { return add(column, .null) }
        addText(column) { date.appendText(to: &$0) }
    }

    mutating func add(_ column: String, _ number: Int?) {
        add(column, number.map { .integer(Int64($0)) } ?? .null)
    }

    mutating func add(_ column: String, _ number: Double?) {
        add(column, number.map { .real($0) } ?? .null)
    }

    mutating func add(_ column: String, _ flag: Bool) {
        add(column, .integer(flag ? 1 : 0))
    }
}
