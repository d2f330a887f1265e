import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore {
    /// Stores a version while its file is still being read: the rules the stream hands over
    /// are written as they come, inside the one transaction, so SQLite's work overlaps the
    /// reading instead of following it.
    ///
    /// Those rules are written under a savepoint. Once `finish()` gives the version to store,
    /// they are kept when its calendar starts with exactly them, in that order; otherwise (a
    /// rule mended by the checks, a row refused, a delta applied to an earlier version) the
    /// savepoint is undone and the calendar written whole. When `finish()` throws, the
    /// transaction is rolled back and its error rethrown unchanged.
    ///
    /// The stream is iterated, and finished, in the caller's task; the rules and the finished
    /// version reach GRDB's writer thread through a `WriterHandOff`, which that thread waits on.
    public func addCalendarVersion(from stream: any CalendarVersionStream) async throws -> CalendarVersionInfo {
        let handOff = WriterHandOff<CalendarItem>(capacity: 8)
        async let stored = store(stream, handOff)
        do {
            for await rules in stream.rules {
                try await handOff.put(.rules(rules))
            }
            let finished: Result<NewCalendarVersion, any Error>
            do {
                finished = .success(try await stream.finish())
            } catch {
                finished = .failure(error)
            }
            try await handOff.put(.finished(finished))
        } catch {
            // `WriterHandOff.Closed`: the transaction failed, and says why below.
        }
        return try await stored
    }

    /// The transaction of `addCalendarVersion(from:)`, on GRDB's writer thread.
    private func store(_ stream: any CalendarVersionStream, _ handOff: WriterHandOff<CalendarItem>) async throws -> CalendarVersionInfo {
        // However it ends, even before the transaction began, the stream's iteration stops waiting.
        defer { _ = handOff.close() }
        return try await perform("storing a calendar version from \(stream.sourceFile)") { database in
            try await database.writeWithoutTransaction { db in
                // The many-row INSERTs and the savepoint keep their journals in memory rather
                // than in temporary files, as the register's import does (see there).
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                var info: CalendarVersionInfo?
                try db.inTransaction {
                    info = try self.addCalendarVersion(from: stream, handOff, db)
                    return .commit
                }
                guard let info else { throw StoreError.invalidVersion("the transaction stored nothing") }
                return info
            }
        }
    }

    /// What the caller's task hands the writer thread: the rules read early, then the version.
    enum CalendarItem: Sendable {
        case rules([Rule])
        case finished(Result<NewCalendarVersion, any Error>)
    }

    private func addCalendarVersion(from stream: any CalendarVersionStream, _ handOff: WriterHandOff<CalendarItem>,
                                    _ db: Database) throws -> CalendarVersionInfo {
        let number = try Int.fetchOne(db, sql: RegisterQueries.nextVersionNumber) ?? 1
        // The documents registered follow the calendar in force: those whose rule changes are
        // recounted in this same transaction.
        let hasDocuments = try Bool.fetchOne(db, sql: RegisterQueries.hasDocuments) == true
        let previous = hasDocuments ? try Self.readCalendar(number - 1, db) : nil
        try StoredVersion.checkDigest(of: stream.sourceBytes, is: stream.sourceSHA256, file: stream.sourceFile)
        // The version's own row holds counts known only at the end, so it is written last: the
        // foreign keys of the rows naming it are checked at commit (SQLite resets this pragma
        // when the transaction ends).
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try SQLiteInserter<CalendarVersionSourceRow>(db).insert([CalendarVersionSourceRow(version: number, bytes: stream.sourceBytes)])

        var writer = RuleWriter(db, version: number)
        var finished: NewCalendarVersion?
        try db.inSavepoint {
            // The batches as handed over, not their rules copied one by one into a new array.
            var early: [[Rule]] = []
            var writing = true
            // The rules as they come, until the finished version (or the file's refusal).
            var ending: Result<NewCalendarVersion, any Error>?
            while ending == nil {
                switch handOff.take() {
                case .finished(let result):
                    ending = result
                case .rules(let rules) where writing:
                    do {
                        try writer.write(rules[...])
                        early.append(rules)
                    } catch is StoreError {
                        // A row refused (a repeated rule number, …): the checks of the whole file
                        // say why, in its words, or the calendar is written whole below.
                        writing = false
                    } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CONSTRAINT {
                        writing = false
                    }
                case .rules:
                    continue
                }
            }
            let version: NewCalendarVersion
            switch ending {
            case .success(let finished)?: version = finished
            case .failure(let error)?: throw SourceFailure(error: error)
            case nil: throw StoreError.invalidVersion("the calendar was not finished")
            }
            finished = version
            guard writing, version.calendar.rules.starts(with: early.joined()) else {
                writer = RuleWriter(db, version: number)
                return .rollback
            }
            return .commit
        }
        guard let version = finished else { throw StoreError.invalidVersion("the calendar was not finished") }
        try StoredVersion.checkFinished(version, streamed: stream)
        try writer.write(version.calendar.rules[writer.count...])
        let versionRow = StoredVersion.versionRow(number: number, version)
        try SQLiteInserter<CalendarVersionRow>(db).insert([versionRow])
        try SQLiteInserter<CalendarDiagnosticRow>(db).insert(StoredVersion.diagnosticRows(number: number, version))
        try self.settle(version, number: number, previous: previous, hasDocuments: hasDocuments, db)
        return try StoredVersion.info(versionRow)
    }
}
