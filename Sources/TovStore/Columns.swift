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
    /// Runs a statement that returns no rows with `row`'s values bound in order, straight through
    /// SQLite's bind functions (GRDB's general arguments copy every value into a list of their own first).
    /// SQLite reads the text where it lies, in `row`'s buffer, until the statement has run.
    func execute(_ statement: Statement, _ row: RowValues) throws {
        let sqlite = statement.sqliteStatement
        sqlite3_reset(sqlite)
        // Every parameter is bound below: none keeps a value from an earlier run.
        precondition(Int(sqlite3_bind_parameter_count(sqlite)) == row.values.count, "\(row.values.count) values for \(statement.sql)")
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let code = try row.bytes.withUnsafeBufferPointer { buffer -> Int32 in
            defer {
                sqlite3_reset(sqlite)
                sqlite3_clear_bindings(sqlite)
            }
            for (offset, value) in row.values.enumerated() {
                let index = Int32(offset + 1)
                let code: Int32
                switch value {
                case .null: code = sqlite3_bind_null(sqlite, index)
                case .integer(let number): code = sqlite3_bind_int64(sqlite, index, number)
                case .real(let number): code = sqlite3_bind_double(sqlite, index, number)
                case .text(_, 0):
                    // An empty buffer may have no address, which SQLite would take for NULL.
                    code = sqlite3_bind_text(sqlite, index, "", 0, transient)
                case .text(let start, let count):
                    // No destructor (SQLITE_STATIC): the bindings are cleared before the buffer goes.
                    let pointer = UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
                    code = sqlite3_bind_text(sqlite, index, pointer, Int32(count), nil)
                }
                if code != SQLITE_OK { throw failure(code, statement) }
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
