import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

extension PostgresStore: CalendarStore {
    // MARK: - Writing

    /// Stores a version in one write transaction, numbered after the highest stored (the
    /// write lock makes `MAX(number) + 1` safe, as on one SQLite file), with the registered
    /// documents recounted under it and its audit entry.
    public func addCalendarVersion(_ version: NewCalendarVersion) async throws -> CalendarVersionInfo {
        try await write("storing a calendar version from \(version.sourceFile)") { tx in
            let number = try await tx.scalar(Int.self, RegisterQueries.nextVersionNumber) ?? 1
            // The documents registered follow the calendar in force: those whose rule
            // changes are recounted in this same transaction.
            let hasDocuments = try await tx.scalar(Bool.self, RegisterQueries.hasDocuments) == true
            let previous = hasDocuments ? try await Self.readCalendar(number - 1, tx) : nil
            let stored = try StoredVersion(number: number, version)
            try await tx.insert([stored.version])
            try await tx.insert([stored.source])
            try await Self.writeRules(stored, tx)
            try await tx.insert(stored.diagnostics)
            try await self.settle(version, number: number, previous: previous, hasDocuments: hasDocuments, tx)
            return try StoredVersion.info(stored.version)
        }
    }

    /// Stores the version `stream` finishes, whole, once its file is read: the protocol's
    /// default behaviour, without SQLite's overlap of writing the early rules while the rest of
    /// the file is read (a speed detail; the version stored is the same).
    ///
    /// The stream's rules and `finish()` are awaited before the transaction opens, holding no
    /// thread; `finish()`'s error is rethrown unchanged, with nothing stored.
    public func addCalendarVersion(from stream: any CalendarVersionStream) async throws -> CalendarVersionInfo {
        for await _ in stream.rules {}
        let version = try await stream.finish()
        try StoredVersion.checkFinished(version, streamed: stream)
        return try await addCalendarVersion(version)
    }

    /// What follows a new calendar version's rows in its transaction: the registered documents
    /// recounted under it, and its audit entry.
    func settle(_ version: NewCalendarVersion, number: Int, previous: RetentionCalendar?, hasDocuments: Bool,
                _ tx: PostgresTransaction) async throws {
        if hasDocuments {
            try await Self.recountAfterCalendarChange(tx, previous: previous, current: version.calendar)
        }
        try await audit(tx, user: version.importedBy, action: "calendar.import", target: "calendar \(number)",
                        details: ["file": version.sourceFile, "sha256": version.sourceSHA256, "format": version.sourceFormat.rawValue,
                                  "rules": String(version.calendar.rules.count)], at: version.importedAt)
    }

    /// Writes a version's rules, then their copies, remarks and items (each rule's row before
    /// its dependents', which the foreign keys check), many rows a statement.
    ///
    /// A refused statement names no row, so it runs under a savepoint: when PostgreSQL refuses
    /// it, the savepoint is undone and its rows inserted one by one until the refused one,
    /// which gives the refusal SQLite gives: `invalidVersion` naming the rule, for a repeated
    /// rule number (unique violation, 23505) or a refused copy, remark or item.
    static func writeRules(_ stored: StoredVersion, _ tx: PostgresTransaction) async throws {
        try await insertNamingRow(stored.ruleRows, tx) { row, error in
            guard error.serverInfo?[.sqlState] == "23505" else { return nil }
            return .invalidVersion("rule number \(row.number) appears more than once in the calendar")
        }
        try await insertNamingRow(stored.copyRows, tx) { row, error in refused(row.ruleNumber, error) }
        try await insertNamingRow(stored.remarkRows, tx) { row, error in refused(row.ruleNumber, error) }
        try await insertNamingRow(stored.itemRows, tx) { row, error in refused(row.ruleNumber, error) }
    }

    /// A rule's copy, remark or item refused by the database.
    private static func refused(_ ruleNumber: String, _ error: PSQLError) -> StoreError {
        .invalidVersion("rule \(ruleNumber) was refused by the database: \(error.serverInfo?[.message] ?? "\(error.code)")")
    }

    /// Inserts `rows` in as few statements as possible; when PostgreSQL refuses them, finds the
    /// first row it refuses and throws what `refusal` makes of it (the database's own error when
    /// nil). A serialization failure or deadlock is thrown as it is, for the transaction to be
    /// run again.
    private static func insertNamingRow<R: StoredRow>(
        _ rows: [R], _ tx: PostgresTransaction, _ refusal: (R, PSQLError) -> StoreError?
    ) async throws {
        guard !rows.isEmpty else { return }
        try await tx.execute("SAVEPOINT calendar_rows")
        do {
            try await tx.insert(rows)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] != nil && !isTransient(error) {
            try await tx.execute("ROLLBACK TO SAVEPOINT calendar_rows")
            for row in rows {
                do {
                    try await tx.insert([row])
                } catch let error as PSQLError {
                    throw refusal(row, error) ?? error
                }
            }
            // Refused together, accepted one by one: report the database's first answer.
            throw error
        }
        try await tx.execute("RELEASE SAVEPOINT calendar_rows")
    }

    // MARK: - Reading

    private static let calendarQueries = StoredVersion.CalendarQueries(.postgresql)

    public func calendarVersions() async throws -> [CalendarVersionInfo] {
        try await read("listing the calendar versions") { tx in
            try await tx.fetch(CalendarVersionRow.self, orderBy: ["number"]).map(StoredVersion.info)
        }
    }

    public func latestCalendarVersion() async throws -> CalendarVersionInfo? {
        try await read("reading the latest calendar version") { tx in
            try await tx.fetch(CalendarVersionRow.self, orderBy: ["number DESC"], limit: 1).first.map(StoredVersion.info)
        }
    }

    public func calendarVersion(_ number: Int) async throws -> CalendarVersionInfo? {
        try await read("reading version \(number)") { tx in
            try await Self.versionRow(number, tx).map(StoredVersion.info)
        }
    }

    public func calendar(version number: Int) async throws -> RetentionCalendar? {
        try await read("reading the calendar of version \(number)") { tx in try await Self.readCalendar(number, tx) }
    }

    public func rule(_ ruleNumber: String, version number: Int) async throws -> Rule? {
        try await read("reading rule \(ruleNumber) of version \(number)") { tx in
            try await Self.readRule(ruleNumber, version: number, tx)
        }
    }

    /// The calendar of version `number`, read inside any transaction.
    ///
    /// One connection runs one statement at a time, so the four queries are read one after
    /// the other, whole, rather than stepped side by side as SQLite's cursors are; the rules
    /// are then built in one pass by `StoredVersion`, as there.
    static func readCalendar(_ number: Int, _ tx: PostgresTransaction) async throws -> RetentionCalendar? {
        guard let version = try await Self.versionRow(number, tx) else { return nil }
        let queries = Self.calendarQueries
        let values: [StoreValue] = [.integer(number)]
        return try StoredVersion.calendar(
            version: version,
            rules: try await tx.fetch(CalendarRuleRow.self, sql: queries.rules, values),
            copies: try await tx.fetch(CalendarCopyRuleRow.self, sql: queries.copies, values),
            remarks: try await tx.fetch(CalendarRemarkRow.self, sql: queries.remarks, values),
            items: try await tx.fetch(CalendarRuleItemRow.self, sql: queries.items, values))
    }

    /// One rule of version `number`, read inside any transaction.
    static func readRule(_ ruleNumber: String, version number: Int, _ tx: PostgresTransaction) async throws -> Rule? {
        let key: [String: StoreValue] = ["version": .integer(number), "rule_number": .text(ruleNumber)]
        guard let row = try await tx.fetch(CalendarRuleRow.self, where: ["version": .integer(number), "number": .text(ruleNumber)]).first else {
            return nil
        }
        return try StoredVersion.rule(
            row,
            copies: try await tx.fetch(CalendarCopyRuleRow.self, where: key),
            remarks: try await tx.fetch(CalendarRemarkRow.self, where: key),
            items: try await tx.fetch(CalendarRuleItemRow.self, where: key)
        )
    }

    public func diagnostics(version number: Int) async throws -> [Diagnostic] {
        try await read("reading the diagnostics of version \(number)") { tx in
            guard try await Self.versionRow(number, tx) != nil else { throw StoreError.versionNotFound(number) }
            return try await tx.fetch(CalendarDiagnosticRow.self, where: ["version": .integer(number)], orderBy: ["position"])
                .map { try $0.diagnostic() }
        }
    }

    public func sourceBytes(version number: Int) async throws -> [UInt8]? {
        try await read("reading the source file of version \(number)") { tx in
            try await tx.fetch(CalendarVersionSourceRow.self, where: ["version": .integer(number)]).first?.bytes
        }
    }

    static func versionRow(_ number: Int, _ tx: PostgresTransaction) async throws -> CalendarVersionRow? {
        try await tx.fetch(CalendarVersionRow.self, where: ["number": .integer(number)]).first
    }
}
