import Foundation
import GRDB
import GRDBSQLite
import SablierStore

// The store's rows go to and from SQLite through the C interface, on statements GRDB prepared
// and owns (`Statement.sqliteStatement`, which GRDB documents for this use): a 5,000-rule
// calendar is some 45,000 rows, and building `[StoreValue]`, `DatabaseValue` and
// `StatementArguments` for each one, or looking columns up by name, cost more than SQLite's own
// work. The SQL and the row <-> domain mapping stay in SablierStore; only the binding and the
// column reading are SQLite's.

/// Binds a row's values to the parameters of an INSERT, in order.
///
/// With `remembering`, a parameter is bound again only when its value differs from the one it
/// holds from the statement's previous run (SQLite keeps bindings across runs): a register's
/// rows repeat most of their columns (NULLs, the registering user, the phase, the calendar
/// version), and each call into SQLite costs more than the comparison.
struct SQLiteRowBinder: StoreRowWriting {
    let statement: OpaquePointer
    let database: Database
    /// The parameters bound so far.
    private(set) var count: CInt = 0
    /// The remembered values' memory, not the object that owns it: read for every column of
    /// every row, a class reference would be retained and released each time.
    private let bound: SQLiteBoundValues.Slots?
    /// SQLite's "copy the value now" destructor: bound text and bytes outlive the Swift buffers.
    private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer, in database: Database, remembering bound: SQLiteBoundValues? = nil) {
        self.statement = statement
        self.database = database
        self.bound = bound?.slots
    }

    mutating func integer(_ value: Int?) throws(DatabaseError) {
        count += 1
        guard let value else { return try null() }
        if let bound {
            if bound.holds(value, at: count) { return }
            bound.forget(count)
            try check(sqlite3_bind_int64(statement, count, Int64(value)))
            bound.remember(value, at: count)
        } else {
            try check(sqlite3_bind_int64(statement, count, Int64(value)))
        }
    }

    mutating func boolean(_ value: Bool?) throws(DatabaseError) {
        try integer(value.map { $0 ? 1 : 0 })
    }

    mutating func text(_ value: String?) throws(DatabaseError) {
        guard let value else {
            count += 1
            return try null()
        }
        try text(value)
    }

    mutating func text(_ value: borrowing String) throws(DatabaseError) {
        count += 1
        let (statement, index, transient, bound) = (statement, count, transient, bound)
        // The explicit length keeps any NUL inside the text. A native string's UTF-8 is
        // contiguous, read in place; any other is copied first.
        func bind(_ utf8: UnsafeBufferPointer<UInt8>) -> CInt {
            if let bound {
                if bound.holds(utf8, at: index) { return SQLITE_OK }
                // Kept in the parameter's own slot, the text is bound where it lies
                // (SQLITE_STATIC): SQLite then neither allocates nor copies it for every row
                // (the slot changes only when the parameter is bound again).
                if let kept = bound.keep(utf8, at: index) {
                    let code = sqlite3_bind_text64(statement, index, kept, sqlite3_uint64(utf8.count), nil, UInt8(SQLITE_UTF8))
                    if code != SQLITE_OK { bound.forget(index) }
                    return code
                }
                bound.forget(index)
            }
            // An empty buffer may have no address, which SQLite would bind as NULL.
            let code = utf8.count == 0 ? sqlite3_bind_text(statement, index, "", 0, transient)
                : sqlite3_bind_text64(statement, index, utf8.baseAddress, sqlite3_uint64(utf8.count), transient, UInt8(SQLITE_UTF8))
            if code == SQLITE_OK { bound?.remember(utf8, at: index) }
            return code
        }
        if let code = value.utf8.withContiguousStorageIfAvailable(bind) {
            try check(code)
        } else {
            var copied = copy value
            try check(copied.withUTF8(bind))
        }
    }

    mutating func bytes(_ value: [UInt8]?) throws(DatabaseError) {
        count += 1
        guard let value else { return try null() }
        bound?.forget(count)
        let (statement, index, transient) = (statement, count, transient)
        let code = value.withUnsafeBytes { bytes in
            // Zero bytes are an empty BLOB, not NULL (which a nil address would bind).
            bytes.count == 0 ? sqlite3_bind_zeroblob(statement, index, 0)
                : sqlite3_bind_blob64(statement, index, bytes.baseAddress, sqlite3_uint64(bytes.count), transient)
        }
        try check(code)
    }

    private mutating func null() throws(DatabaseError) {
        if let bound {
            if bound.holdsNull(at: count) { return }
            bound.forget(count)
            try check(sqlite3_bind_null(statement, count))
            bound.rememberNull(at: count)
        } else {
            try check(sqlite3_bind_null(statement, count))
        }
    }

    private func check(_ code: CInt) throws(DatabaseError) {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage)
        }
    }
}

/// What each parameter of a prepared statement holds since its last run, as far as
/// `SQLiteRowBinder` bound it: NULL, an integer, or text of up to 64 bytes, kept as bytes.
///
/// Plain memory, no strings: read and written for every column of every row, it costs no
/// reference counting and no exclusivity checks (the binder is its only user, on one
/// thread). Longer text is bound every time. The object owns the memory; the binder works on
/// its `slots`, a view of that memory valid while the object lives.
final class SQLiteBoundValues {
    enum Kind: UInt8 {
        /// Not known (never bound, a binding failed, or text too long to keep).
        case unknown
        case null
        case integer
        case text
    }

    static let textCapacity = 64

    let slots: Slots

    init(parameters: Int) {
        let kinds = UnsafeMutablePointer<Kind>.allocate(capacity: parameters)
        kinds.initialize(repeating: .unknown, count: parameters)
        let integers = UnsafeMutablePointer<Int>.allocate(capacity: parameters)
        integers.initialize(repeating: 0, count: parameters)
        let textLengths = UnsafeMutablePointer<Int>.allocate(capacity: parameters)
        textLengths.initialize(repeating: 0, count: parameters)
        let texts = UnsafeMutablePointer<UInt8>.allocate(capacity: parameters * Self.textCapacity)
        slots = Slots(kinds: kinds, integers: integers, textLengths: textLengths, texts: texts)
    }

    deinit {
        slots.kinds.deallocate()
        slots.integers.deallocate()
        slots.textLengths.deallocate()
        slots.texts.deallocate()
    }

    /// The memory of a `SQLiteBoundValues`, one slot per parameter, numbered from 1 as SQLite
    /// numbers them.
    struct Slots {
        let kinds: UnsafeMutablePointer<Kind>
        let integers: UnsafeMutablePointer<Int>
        let textLengths: UnsafeMutablePointer<Int>
        let texts: UnsafeMutablePointer<UInt8>

        func forget(_ index: CInt) {
            kinds[Int(index) - 1] = .unknown
        }

        func holdsNull(at index: CInt) -> Bool {
            kinds[Int(index) - 1] == .null
        }

        func rememberNull(at index: CInt) {
            kinds[Int(index) - 1] = .null
        }

        func holds(_ value: Int, at index: CInt) -> Bool {
            let slot = Int(index) - 1
            return kinds[slot] == .integer && integers[slot] == value
        }

        func remember(_ value: Int, at index: CInt) {
            let slot = Int(index) - 1
            kinds[slot] = .integer
            integers[slot] = value
        }

        /// Byte for byte: SQLite stores bytes, and two strings Swift finds equal may differ in
        /// them (composed and decomposed accents).
        func holds(_ utf8: UnsafeBufferPointer<UInt8>, at index: CInt) -> Bool {
            let slot = Int(index) - 1
            guard kinds[slot] == .text, textLengths[slot] == utf8.count else { return false }
            return utf8.isEmpty || memcmp(texts + slot * SQLiteBoundValues.textCapacity, utf8.baseAddress!, utf8.count) == 0
        }

        /// Copies `utf8` into parameter `index`'s slot and remembers it there; returns the slot's
        /// address, which stays valid and unchanged until the parameter is kept or forgotten
        /// again (so SQLite may read it in place), or nil for an empty text or one too long to keep.
        func keep(_ utf8: UnsafeBufferPointer<UInt8>, at index: CInt) -> UnsafePointer<CChar>? {
            guard let base = utf8.baseAddress, utf8.count <= SQLiteBoundValues.textCapacity else { return nil }
            let slot = Int(index) - 1
            let address = texts + slot * SQLiteBoundValues.textCapacity
            address.update(from: base, count: utf8.count)
            textLengths[slot] = utf8.count
            kinds[slot] = .text
            return UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
        }

        func remember(_ utf8: UnsafeBufferPointer<UInt8>, at index: CInt) {
            let slot = Int(index) - 1
            guard utf8.count <= SQLiteBoundValues.textCapacity else { kinds[slot] = .unknown; return }
            if let base = utf8.baseAddress { (texts + slot * SQLiteBoundValues.textCapacity).update(from: base, count: utf8.count) }
            textLengths[slot] = utf8.count
            kinds[slot] = .text
        }
    }
}

/// Inserts rows of one table, many per statement: SQLite's per-statement work (starting the
/// virtual machine, opening the table's and indexes' cursors) then counts once per batch
/// instead of once per row, which takes about a third off SQLite's own time for a large
/// calendar (half its instructions).
///
/// Keep one inserter for the rows of a whole transaction: its full-batch statement is
/// prepared once and run again for every call.
final class SQLiteInserter<Row: StoredRow> {
    /// The row the database refused, with its error.
    struct Refusal: RefusedRow {
        let row: Row
        let error: DatabaseError
    }

    /// The row the database refused among those `insert(count:_:)` wrote, by position.
    struct RefusalAt: RefusedRow {
        let index: Int
        let error: DatabaseError
    }

    /// Rows per statement: past a few dozen the gain is flat.
    static var preferredBatchSize: Int { 64 }

    private let database: Database
    private let batchSize: Int
    /// The statement for a full batch, once one was needed.
    private var full: SQLiteInsertStatement<Row>?

    init(_ database: Database) {
        self.database = database
        let parameterLimit = Int(sqlite3_limit(database.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        batchSize = max(1, min(Self.preferredBatchSize, parameterLimit / Row.table.columns.count))
    }

    /// Inserts `rows` in order. A row the database refuses for a constraint is thrown as a
    /// `Refusal` (its batch is retried row by row to find it; the rows before it stay inserted,
    /// and the caller's transaction decides what becomes of them).
    func insert(_ rows: [Row]) throws {
        do {
            try insert(count: rows.count) { index, binder throws(DatabaseError) in try rows[index].write(to: &binder) }
        } catch let refusal as RefusalAt {
            throw Refusal(row: rows[refusal.index], error: refusal.error)
        }
    }

    /// Inserts `count` rows, which `write` hands to the binder by position, as `Row.write(to:)`
    /// would: for rows that need not be built first. A refused row is thrown as `RefusalAt`.
    func insert(count: Int, _ write: (Int, inout SQLiteRowBinder) throws(DatabaseError) -> Void) throws {
        var start = 0
        while start < count {
            let end = min(start + batchSize, count)
            let statement: SQLiteInsertStatement<Row>
            if end - start == batchSize, let full {
                statement = full
            } else {
                statement = try SQLiteInsertStatement(database, rows: end - start)
                if end - start == batchSize { full = statement }
            }
            do {
                try statement.run(start..<end, write)
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CONSTRAINT {
                // SQLite undid the whole statement: find the refused row one row at a time.
                guard end - start > 1 else { throw RefusalAt(index: start, error: error) }
                let single = try SQLiteInsertStatement<Row>(database, rows: 1)
                for index in start..<end {
                    do {
                        try single.run(index..<index + 1, write)
                    } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CONSTRAINT {
                        throw RefusalAt(index: index, error: error)
                    }
                }
            }
            start = end
        }
    }
}

/// A row the database refused, whatever its table: reported as the database's error unless
/// the caller says more.
protocol RefusedRow: Error {
    var error: DatabaseError { get }
}

/// An INSERT of a given number of rows of one table, prepared once and run many times.
struct SQLiteInsertStatement<Row: StoredRow> {
    /// GRDB's statement, kept so that GRDB finalizes it; not cached, so a failed statement is
    /// never handed out again.
    private let statement: Statement
    private let database: Database
    private let parameterCount: CInt
    private let bound: SQLiteBoundValues

    init(_ database: Database, rows: Int) throws {
        statement = try database.makeStatement(sql: Row.table.insert(.sqlite, rows: rows))
        self.database = database
        parameterCount = sqlite3_bind_parameter_count(statement.sqliteStatement)
        bound = SQLiteBoundValues(parameters: Int(parameterCount))
    }

    /// Inserts the rows at `positions`, as many as the statement was made for, each written by
    /// `write`.
    func run(_ positions: Range<Int>, _ write: (Int, inout SQLiteRowBinder) throws(DatabaseError) -> Void) throws {
        let sqliteStatement = statement.sqliteStatement
        // Clears the previous execution (its outcome was already reported); every parameter
        // then gets its value below, bound again unless it already holds it.
        sqlite3_reset(sqliteStatement)
        var binder = SQLiteRowBinder(sqliteStatement, in: database, remembering: bound)
        for index in positions { try write(index, &binder) }
        guard binder.count == parameterCount else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(binder.count) values for the \(parameterCount) parameters of an insert into \(Row.table.name)",
                sql: statement.sql)
        }
        let code = sqlite3_step(sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage, sql: statement.sql)
        }
    }
}

/// The current row of a statement, read column after column by index.
struct SQLiteRowReader: StoreRowReading {
    private let statement: OpaquePointer
    private let columnCount: CInt
    /// Whether to check each column's name against the one the row struct reads: done on a
    /// statement's first row, which proves the order for the others.
    private let checksNames: Bool
    private var index: CInt = -1

    init(_ statement: OpaquePointer, checkingNames: Bool) {
        self.statement = statement
        self.columnCount = sqlite3_column_count(statement)
        self.checksNames = checkingNames
    }

    mutating func integer(_ column: String) throws -> Int? {
        switch try next(column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return Int(sqlite3_column_int64(statement, index))
        default: throw mismatch(column, expected: "an integer")
        }
    }

    mutating func text(_ column: String) throws -> String? {
        switch try next(column) {
        case SQLITE_NULL:
            return nil
        case SQLITE_TEXT:
            // `column_text` before `column_bytes`, as SQLite asks.
            guard let text = sqlite3_column_text(statement, index) else { return "" }
            return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
        default:
            throw mismatch(column, expected: "text")
        }
    }

    mutating func boolean(_ column: String) throws -> Bool? {
        switch try next(column) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER:
            switch sqlite3_column_int64(statement, index) {
            case 0: return false
            case 1: return true
            default: break
            }
        default: break
        }
        throw mismatch(column, expected: "a boolean (0 or 1)")
    }

    mutating func bytes(_ column: String) throws -> [UInt8]? {
        switch try next(column) {
        case SQLITE_NULL:
            return nil
        case SQLITE_BLOB:
            // An empty BLOB has no address.
            guard let bytes = sqlite3_column_blob(statement, index) else { return [] }
            return [UInt8](UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))))
        default:
            throw mismatch(column, expected: "bytes")
        }
    }

    /// Moves to the next column, which must be `column`; returns its SQLite type.
    private mutating func next(_ column: String) throws -> CInt {
        index += 1
        guard index < columnCount else { throw CorruptValue("column \(column) is missing") }
        if checksNames {
            let name = sqlite3_column_name(statement, index).map { String(cString: $0) }
            guard name == column else { throw CorruptValue("column \(column) is missing (found \(name ?? "?") in its place)") }
        }
        return sqlite3_column_type(statement, index)
    }

    private func mismatch(_ column: String, expected: String) -> CorruptValue {
        CorruptValue("column \(column) holds \(DatabaseValue(sqliteStatement: statement, index: index).description) where \(expected) is expected")
    }
}

/// The rows a SELECT returns, decoded one at a time straight from the statement (the SELECT
/// lists `Row`'s columns in table order, as `StoreTable.select` writes it).
///
/// A class so that the statement, one of GRDB's cached statements, is reset when the cursor
/// goes away, however the reading ended; it lives only inside one database access.
final class SQLiteRowCursor<Row: StoredRow> {
    private let statement: Statement
    private let database: Database
    private var rowsRead = 0
    private var finished = false

    init(_ database: Database, sql: String, arguments: StatementArguments) throws {
        statement = try database.cachedStatement(sql: sql)
        try statement.setArguments(arguments)
        self.database = database
    }

    deinit {
        // Leaves the cached statement reusable (a finished, failed or abandoned step).
        sqlite3_reset(statement.sqliteStatement)
    }

    /// The next row, or nil after the last (and ever after).
    func next() throws -> Row? {
        // Stepping again after the end would run the query anew.
        guard !finished else { return nil }
        let sqliteStatement = statement.sqliteStatement
        switch sqlite3_step(sqliteStatement) {
        case SQLITE_ROW:
            var reader = SQLiteRowReader(sqliteStatement, checkingNames: rowsRead == 0)
            rowsRead += 1
            return try Row(reading: &reader)
        case SQLITE_DONE:
            finished = true
            return nil
        case let code:
            finished = true
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: database.lastErrorMessage, sql: statement.sql)
        }
    }
}

extension Database {
    /// Every row `sql` selects with `arguments`, decoded as `R`.
    func fetchStoredRows<R: StoredRow>(_ type: R.Type, sql: String, arguments: StatementArguments) throws -> [R] {
        let cursor = try SQLiteRowCursor<R>(self, sql: sql, arguments: arguments)
        var rows: [R] = []
        while let row = try cursor.next() { rows.append(row) }
        return rows
    }
}

/// The columns of a statement's current row, read by position as bytes or strings, for a
/// query whose columns are not a stored row's.
struct SQLiteColumns {
    let statement: OpaquePointer

    init(_ statement: OpaquePointer) {
        self.statement = statement
    }

    /// The column's UTF-8 bytes, valid until the next step; nil for NULL.
    func bytes(_ index: CInt) -> UnsafeBufferPointer<UInt8>? {
        // `column_text` before `column_bytes`, as SQLite asks; it returns NULL for NULL (an
        // empty text has an address).
        guard let text = sqlite3_column_text(statement, index) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index)))
    }

    /// The column's bytes, which must not be NULL.
    func required(_ index: CInt, _ column: String) throws -> UnsafeBufferPointer<UInt8> {
        guard let bytes = bytes(index) else { throw CorruptValue("column \(column) is NULL") }
        return bytes
    }

    /// The column as a string, which must not be NULL.
    func text(_ index: CInt, _ column: String) throws -> String {
        String(decoding: try required(index, column), as: UTF8.self)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte order, as SQLite compares text with the binary collation.
    func lexicographicallyPrecedesOrEquals(_ other: [UInt8]) -> Bool {
        !other.lexicographicallyPrecedes(self)
    }
}
