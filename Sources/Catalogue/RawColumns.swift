import GRDB
import GRDBSQLite

/// Reading a stepped statement's columns in place, for the few scans (listing, chain check)
/// where decoding every row into Swift values would cost more than the query.
enum RawColumns {
    /// Steps `statement` over its rows, calling `body` on each until it returns false.
    static func scan(_ statement: Statement, _ db: Database, _ body: (SQLiteStatement) throws -> Bool) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let status = sqlite3_step(handle)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: status), message: db.lastErrorMessage,
                                    sql: statement.sql)
            }
            if try !body(handle) { return }
        }
    }

    /// A column's bytes as SQLite holds them (text or blob), or nil for NULL. The order of the
    /// calls matters: the pointer first, then `sqlite3_column_bytes` for its length. SQLite
    /// gives no pointer for NULL and for an empty value alike; only then is the type asked.
    static func bytes(_ handle: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer? {
        guard let start = sqlite3_column_blob(handle, column) else {
            if sqlite3_column_type(handle, column) == SQLITE_NULL { return nil }
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// A column's bytes, empty for NULL.
    static func bytesOrEmpty(_ handle: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
        bytes(handle, column) ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    static func int64(_ handle: SQLiteStatement, _ column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    /// An integer column, nil for NULL. SQLite reads NULL as 0, so only a 0 needs its type asked.
    static func optionalInt64(_ handle: SQLiteStatement, _ column: Int32) -> Int64? {
        let value = sqlite3_column_int64(handle, column)
        if value == 0 && sqlite3_column_type(handle, column) == SQLITE_NULL { return nil }
        return value
    }
}
