public import SablierCore
public import SablierStore
import CSQLite
import GRDB

/// The embedded default store: one SQLite file, through a GRDB `DatabaseQueue`.
///
/// Opening creates the file when missing, refuses a file that is not SQLite or belongs to
/// another application, refuses a schema from a newer Sablier, then applies the pending
/// migrations of `StoreSchema` in order. Foreign keys are enforced. The journal stays SQLite's
/// default rollback journal, so a store is one file people can copy.
///
/// The audit trail's key is read when the store opens, from a file outside the database
/// (`AuditKey`); without it the store reads, but refuses every change, since each one appends
/// an audit entry that must be keyed.
public final class SQLiteStore: CalendarStore {
    /// The database file, as given.
    public let path: String
    let database: DatabaseQueue
    /// The audit key, and where it is looked for.
    let auditSeal: AuditSeal

    /// `PRAGMA application_id` of a Sablier store: "Sabl" in ASCII.
    static let applicationID = 0x5361_626C

    /// The page size of a new store, in bytes: 16 KiB rather than SQLite's 4 KiB. A register's
    /// rows and index entries then need a quarter of the pages, B-trees one level less, and
    /// SQLite's own work to register a million documents drops by about a sixth (`sqlite3`,
    /// the same rows: 5.7–6.3 s with 4 KiB pages, 5.0 s with 16 KiB); a small change still
    /// writes one page per B-tree. A store created before keeps its pages (until a VACUUM).
    static let pageSize = 16_384

    /// Opens the store at `path` with the audit key in `auditKeyFile` (by default beside the
    /// database, `<path>.audit-key`). A key file that others may read, or that holds no key,
    /// is refused (`Refusal`); a missing one leaves the store unable to write.
    public init(path: String, auditKeyFile: String? = nil) throws {
        _ = Self.configureSQLite
        self.path = path
        let keyFile = auditKeyFile ?? AuditKey.defaultFile(forStore: path)
        auditSeal = AuditSeal(keyFile: keyFile, key: try AuditKey.load(keyFile))
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in db.add(function: Self.searchFold) }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.checkOwnership(of: database, path: path)
            try Self.migrator.migrate(database)
        } catch {
            throw Self.storeError(error, path: path, operation: "opening the store")
        }
    }

    /// Where the audit key is looked for.
    public var auditKeyFile: String { auditSeal.keyFile }

    /// SQLite's process-wide settings, made once before the first connection opens (they
    /// cannot change afterwards): no memory statistics (see `CSQLite`).
    private static let configureSQLite: Void = {
        _ = sablier_sqlite3_disable_memory_statistics()
    }()

    /// Calls `body` for `values` 500 at a time, with the `?, ?, …` markers of an `IN (…)` list
    /// for each slice: one statement takes a bounded number of parameters.
    static func inBatches<Value>(_ values: [Value], _ body: (_ batch: [Value], _ markers: String) throws -> Void) rethrows {
        var start = 0
        while start < values.count {
            let batch = Array(values[start..<min(start + 500, values.count)])
            try body(batch, Array(repeating: "?", count: batch.count).joined(separator: ", "))
            start += batch.count
        }
    }

    /// `StoreSchema.migrations`, registered in order under their names.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            let statements = migration.statements(for: .sqlite)
            migrator.registerMigration(migration.name) { db in
                for sql in statements { try db.execute(sql: sql) }
            }
        }
        return migrator
    }

    /// Accepts an empty database (and marks it as Sablier's) or a Sablier store whose applied
    /// migrations this Sablier all knows.
    private static func checkOwnership(of database: DatabaseQueue, path: String) throws {
        try database.barrierWriteWithoutTransaction { db in
            let applicationID = try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name
                """)
            if applicationID == Self.applicationID {
                let unknown = try Self.migrator.appliedIdentifiers(db).subtracting(StoreSchema.migrationNames).sorted()
                guard unknown.isEmpty else { throw StoreError.newerSchema(path, unknownMigrations: unknown) }
            } else if applicationID != 0 {
                throw StoreError.notASablierStore(path, detail: "its application id is \(applicationID), another program's")
            } else if !tables.isEmpty {
                let list = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
                throw StoreError.notASablierStore(path, detail: "it is an SQLite database of another program (tables \(list))")
            } else {
                // Set before anything is written, the only moment SQLite takes it.
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
            }
        }
    }

    // MARK: - Writing

    public func addCalendarVersion(_ version: NewCalendarVersion) async throws -> CalendarVersionInfo {
        try await perform("storing a calendar version from \(version.sourceFile)") { database in
            // GRDB's `write` is one transaction, rolled back when the closure throws.
            try await database.write { db in
                let number = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM calendar_version") ?? 1
                // The documents registered follow the calendar in force: those whose rule
                // changes are recounted in this same transaction.
                let hasDocuments = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document)") == true
                let previous = hasDocuments ? try Self.readCalendar(number - 1, db) : nil
                let stored = try StoredVersion(number: number, version)
                try SQLiteInserter<CalendarVersionRow>(db).insert([stored.version])
                try SQLiteInserter<CalendarVersionSourceRow>(db).insert([stored.source])
                var writer = RuleWriter(db, version: number)
                try writer.write(rows: (stored.ruleRows, stored.copyRows, stored.remarkRows, stored.itemRows))
                try SQLiteInserter<CalendarDiagnosticRow>(db).insert(stored.diagnostics)
                try self.settle(version, number: number, previous: previous, hasDocuments: hasDocuments, db)
                return try StoredVersion.info(stored.version)
            }
        }
    }

    /// What follows a new calendar version's rows in its transaction, however they were
    /// written: the registered documents recounted under it, and its audit entry.
    func settle(_ version: NewCalendarVersion, number: Int, previous: RetentionCalendar?, hasDocuments: Bool,
                       _ db: Database) throws {
        if hasDocuments {
            try Self.recountAfterCalendarChange(db, previous: previous, current: version.calendar)
        }
        try self.audit(db, user: version.importedBy, action: "calendar.import", target: "calendar \(number)",
                       details: ["file": version.sourceFile, "sha256": version.sourceSHA256, "format": version.sourceFormat.rawValue,
                                 "rules": String(version.calendar.rules.count)], at: version.importedAt)
    }

    /// A rule's copy, remark or item refused by the database.
    private static func refused(_ ruleNumber: String, _ error: DatabaseError) -> StoreError {
        .invalidVersion("rule \(ruleNumber) was refused by the database: \(error.message ?? "\(error)")")
    }

    /// Writes a version's rules and their rows, batch after batch, with its statements
    /// prepared once for the whole version.
    struct RuleWriter {
        let version: Int
        private let rules: SQLiteInserter<CalendarRuleRow>
        private let copies: SQLiteInserter<CalendarCopyRuleRow>
        private let remarks: SQLiteInserter<CalendarRemarkRow>
        private let items: SQLiteInserter<CalendarRuleItemRow>
        /// Rules written so far: the next rule's position.
        private(set) var count = 0

        init(_ db: Database, version: Int) {
            self.version = version
            rules = SQLiteInserter(db)
            copies = SQLiteInserter(db)
            remarks = SQLiteInserter(db)
            items = SQLiteInserter(db)
        }

        /// Writes `batch` as the next rules of the version.
        mutating func write(_ batch: ArraySlice<Rule>) throws {
            try write(rows: StoredVersion.ruleRows(version: version, batch, from: count))
        }

        /// Writes rows `StoredVersion` encoded; a refused row is reported as
        /// `StoreError.invalidVersion` naming its rule.
        mutating func write(
            rows: (rules: [CalendarRuleRow], copies: [CalendarCopyRuleRow], remarks: [CalendarRemarkRow], items: [CalendarRuleItemRow])
        ) throws {
            // Every rule of the batch before any copy, remark or item, so each rule's row is in
            // place before its dependents', which the foreign keys check.
            do {
                try rules.insert(rows.rules)
            } catch let refusal as SQLiteInserter<CalendarRuleRow>.Refusal {
                guard refusal.error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY else { throw refusal.error }
                throw StoreError.invalidVersion("rule number \(refusal.row.number) appears more than once in the calendar")
            }
            do {
                try copies.insert(rows.copies)
                try remarks.insert(rows.remarks)
                try items.insert(rows.items)
            } catch let refusal as SQLiteInserter<CalendarCopyRuleRow>.Refusal {
                throw SQLiteStore.refused(refusal.row.ruleNumber, refusal.error)
            } catch let refusal as SQLiteInserter<CalendarRemarkRow>.Refusal {
                throw SQLiteStore.refused(refusal.row.ruleNumber, refusal.error)
            } catch let refusal as SQLiteInserter<CalendarRuleItemRow>.Refusal {
                throw SQLiteStore.refused(refusal.row.ruleNumber, refusal.error)
            }
            count += rows.rules.count
        }
    }

    // MARK: - Reading

    private static let calendarQueries = StoredVersion.CalendarQueries(.sqlite)

    public func calendarVersions() async throws -> [CalendarVersionInfo] {
        try await read("listing the calendar versions") { db in
            try Self.fetch(CalendarVersionRow.self, db, orderBy: ["number"]).map(StoredVersion.info)
        }
    }

    public func latestCalendarVersion() async throws -> CalendarVersionInfo? {
        try await read("reading the latest calendar version") { db in
            try Self.fetch(CalendarVersionRow.self, db, orderBy: ["number DESC"], limit: 1).first.map(StoredVersion.info)
        }
    }

    public func calendarVersion(_ number: Int) async throws -> CalendarVersionInfo? {
        try await read("reading version \(number)") { db in
            try Self.versionRow(number, db).map(StoredVersion.info)
        }
    }

    public func calendar(version number: Int) async throws -> RetentionCalendar? {
        try await read("reading the calendar of version \(number)") { db in try Self.readCalendar(number, db) }
    }

    public func rule(_ ruleNumber: String, version number: Int) async throws -> Rule? {
        try await read("reading rule \(ruleNumber) of version \(number)") { db in try Self.readRule(ruleNumber, version: number, db) }
    }

    /// The calendar of version `number`, read inside any transaction.
    static func readCalendar(_ number: Int, _ db: Database) throws -> RetentionCalendar? {
        guard let version = try Self.versionRow(number, db) else { return nil }
        let queries = Self.calendarQueries
        let arguments: StatementArguments = [number]
        // Four statements stepped side by side: each rule is built as its rows go by.
        let rules = try SQLiteRowCursor<CalendarRuleRow>(db, sql: queries.rules, arguments: arguments)
        let copies = try SQLiteRowCursor<CalendarCopyRuleRow>(db, sql: queries.copies, arguments: arguments)
        let remarks = try SQLiteRowCursor<CalendarRemarkRow>(db, sql: queries.remarks, arguments: arguments)
        let items = try SQLiteRowCursor<CalendarRuleItemRow>(db, sql: queries.items, arguments: arguments)
        return try StoredVersion.calendar(
            version: version, rules: rules.next, copies: copies.next, remarks: remarks.next, items: items.next)
    }

    /// One rule of version `number`, read inside any transaction.
    static func readRule(_ ruleNumber: String, version number: Int, _ db: Database) throws -> Rule? {
        let key: [String: any DatabaseValueConvertible] = ["version": number, "rule_number": ruleNumber]
        guard let row = try Self.fetch(CalendarRuleRow.self, db, ["version": number, "number": ruleNumber]).first else {
            return nil
        }
        return try StoredVersion.rule(
            row,
            copies: Self.fetch(CalendarCopyRuleRow.self, db, key),
            remarks: Self.fetch(CalendarRemarkRow.self, db, key),
            items: Self.fetch(CalendarRuleItemRow.self, db, key)
        )
    }

    public func diagnostics(version number: Int) async throws -> [Diagnostic] {
        try await read("reading the diagnostics of version \(number)") { db in
            guard try Self.versionRow(number, db) != nil else { throw StoreError.versionNotFound(number) }
            return try Self.fetch(CalendarDiagnosticRow.self, db, ["version": number], orderBy: ["position"]).map { try $0.diagnostic() }
        }
    }

    public func sourceBytes(version number: Int) async throws -> [UInt8]? {
        try await read("reading the source file of version \(number)") { db in
            try Self.fetch(CalendarVersionSourceRow.self, db, ["version": number]).first?.bytes
        }
    }

    static func versionRow(_ number: Int, _ db: Database) throws -> CalendarVersionRow? {
        try fetch(CalendarVersionRow.self, db, ["number": number]).first
    }

    /// The rows of `R`'s table whose columns equal `key`, in `orderBy` order.
    static func fetch<R: StoredRow>(
        _ type: R.Type,
        _ db: Database,
        _ key: [String: any DatabaseValueConvertible] = [:],
        orderBy: [String] = [],
        limit: Int? = nil
    ) throws -> [R] {
        let columns = key.keys.sorted()
        var sql = R.table.select(.sqlite, where: columns, orderBy: orderBy)
        if let limit { sql += " LIMIT \(limit)" }
        let values: [(any DatabaseValueConvertible)?] = columns.map { key[$0] }
        return try db.fetchStoredRows(R.self, sql: sql, arguments: StatementArguments(values))
    }

    // MARK: - Errors

    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await perform(operation) { database in try await database.read(body) }
    }

    func perform<T>(_ operation: String, _ body: (DatabaseQueue) async throws -> T) async throws -> T {
        do {
            return try await body(database)
        } catch let refusal as Refusal {
            // A rule of the domain refused inside the transaction: rolled back, passed on as it is.
            throw refusal
        } catch let failure as SourceFailure {
            throw failure.error
        } catch {
            throw Self.storeError(error, path: path, operation: operation)
        }
    }

    /// An error thrown by what the caller handed the store to read from inside a transaction
    /// (a sequence of document batches, a calendar stream): rethrown unchanged once the
    /// transaction is rolled back.
    struct SourceFailure: Error {
        let error: any Error
    }

    /// Every failure as a `StoreError`, naming the file.
    static func storeError(_ error: any Error, path: String, operation: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let refusal as any RefusedRow:
            return storeError(refusal.error, path: path, operation: operation)
        case let error as CorruptValue:
            return .corruptData(path, detail: error.description)
        case let error as DatabaseError:
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB:
                return .notADatabase(path)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                return .cannotOpen(path, detail: error.message ?? "\(error)")
            case .SQLITE_CORRUPT:
                return .corruptData(path, detail: error.message ?? "\(error)")
            default:
                return .databaseFailure(path, operation: operation, detail: error.message ?? "\(error)")
            }
        default:
            return .databaseFailure(path, operation: operation, detail: "\(error)")
        }
    }
}
