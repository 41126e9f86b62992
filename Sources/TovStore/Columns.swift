import Foundation
import GRDB
import GRDBSQLite
import TovCore

/// The current row of a stepping statement, read straight from SQLite's column functions.
///
/// An agenda of a month decodes a few thousand rows of seventeen columns; reading ids and times from
/// the column bytes, without a `String` for each, and the time zone without hashing its name, is most
/// of what decoding costs. Valid only until the statement steps again.
struct Columns {
    private let statement: SQLiteStatement

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
    }

    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    /// The column's text as UTF-8 bytes (empty for NULL). SQLite owns them until the next step.
    func utf8(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(statement, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index)))
    }

    func string(_ index: Int32) -> String {
        String(decoding: utf8(index), as: UTF8.self)
    }

    func optionalString(_ index: Int32) -> String? {
        isNull(index) ? nil : string(index)
    }

    func bool(_ index: Int32) -> Bool {
        sqlite3_column_int64(statement, index) != 0
    }

    func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(statement, index))
    }

    func double(_ index: Int32) -> Double {
        sqlite3_column_double(statement, index)
    }

    /// Whether the column holds exactly `text` (compared as bytes).
    func holds(_ index: Int32, _ text: String) -> Bool {
        var text = text
        let column = utf8(index)
        return text.withUTF8 { $0.count == column.count && (column.isEmpty || memcmp($0.baseAddress!, column.baseAddress!, column.count) == 0) }
    }
}

extension SQLiteSession {
    /// Runs a statement that returns no rows with `values` bound in order, straight through SQLite's
    /// bind functions. A bulk load saves 100,000 events of twenty values; GRDB's general arguments
    /// (which copy every value into a list of its own first) took a fifth of that time. Text is gathered
    /// into one buffer that lives until the statement has run, so SQLite need not copy every string.
    func execute(_ statement: Statement, _ values: [(any DatabaseValueConvertible)?]) throws {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        // Every parameter is bound below: none keeps a value from an earlier run.
        precondition(Int(sqlite3_bind_parameter_count(sqlite)) == values.count, "\(values.count) values for \(statement.sql)")
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 * values.count)
        var texts: [(index: Int32, start: Int, count: Int)] = []
        texts.reserveCapacity(values.count)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value?.databaseValue.storage ?? .null {
            case .null: code = sqlite3_bind_null(sqlite, index)
            case .int64(let number): code = sqlite3_bind_int64(sqlite, index, number)
            case .double(let number): code = sqlite3_bind_double(sqlite, index, number)
            case .string(let text):
                // An empty buffer may have no address, which SQLite would take for NULL.
                if text.isEmpty {
                    code = sqlite3_bind_text(sqlite, index, "", 0, transient)
                } else {
                    let start = bytes.count
                    bytes.append(contentsOf: text.utf8)
                    texts.append((index, start, bytes.count - start))
                    code = SQLITE_OK
                }
            case .blob(let data):
                code = data.isEmpty
                    ? sqlite3_bind_zeroblob(sqlite, index, 0)
                    : data.withUnsafeBytes { sqlite3_bind_blob(sqlite, index, $0.baseAddress, Int32($0.count), transient) }
            }
            if code != SQLITE_OK { throw failure(code, statement) }
        }
        let code = try bytes.withUnsafeBufferPointer { buffer -> Int32 in
            // SQLITE_STATIC: SQLite reads the text where it is, until the bindings are cleared below.
            for text in texts {
                let pointer = UnsafeRawPointer(buffer.baseAddress! + text.start).assumingMemoryBound(to: CChar.self)
                let code = sqlite3_bind_text(sqlite, text.index, pointer, Int32(text.count), nil)
                if code != SQLITE_OK { throw failure(code, statement) }
            }
            defer {
                sqlite3_reset(sqlite)
                sqlite3_clear_bindings(sqlite)
            }
            return sqlite3_step(sqlite)
        }
        if code != SQLITE_DONE { throw failure(code, statement) }
    }

    private func failure(_ code: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }

    /// Runs `sql` and decodes each row as it steps, never holding the rows themselves.
    /// The statement is cached: the agenda and the id lookups run the same few over and over.
    func decodeRows<T>(_ sql: String, _ arguments: StatementArguments, _ decode: (Columns) throws -> T) throws -> [T] {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        let columns = Columns(statement)
        var result: [T] = []
        while try cursor.next() != nil {
            result.append(try decode(columns))
        }
        return result
    }
}
