public import Foundation
import SablierCore
public import SablierStore
import GRDB

/// The register's shared scan on SQLite: one writer at a time, so a claim is exclusive without
/// row locks; the statements are `PrivacyScanRunQueries`', as on PostgreSQL.
extension SQLiteStore {
    public func startScanRun(forced: Bool, by actor: String, at instant: Date) async throws -> PrivacyScanRun {
        try await perform("starting a shared scan") { database in
            try await database.write { db in
                if let open = try Row.fetchOne(db, sql: PrivacyScanRunQueries.openRun) { return Self.scanRun(open) }
                let micros = StoredCode.microseconds(instant)
                let id = try Int.fetchOne(db, sql: PrivacyScanRunQueries.insertRun, arguments: [micros, actor, forced])!
                try db.execute(sql: PrivacyScanRunQueries.planRun, arguments: [id])
                let count = try Int.fetchOne(db, sql: PrivacyQueries.claimCount, arguments: [id]) ?? 0
                try self.audit(db, user: actor, action: "privacy.scan-run.start", target: PrivacyScanRunQueries.auditTarget(id),
                               details: ["documents": String(count), "forced": forced ? "yes" : "no"], at: instant)
                return PrivacyScanRunQueries.run(id: id, startedAt: micros, startedBy: actor, forced: forced, finishedAt: nil)
            }
        }
    }

    public func claimScanDocuments(run: Int, worker: String, limit: Int, until expiry: Date, excluding excluded: Set<String>,
                                   at instant: Date) async throws -> [String] {
        try await perform("claiming documents to scan") { database in
            try await database.write { db in
                var excludedIDs: [Int] = []
                try Self.inBatches(excluded.sorted()) { batch, markers in
                    excludedIDs += try Int.fetchAll(db, sql: RegisterQueries.documentIDs(references: markers),
                                                    arguments: StatementArguments(batch))
                }
                let arguments: [any DatabaseValueConvertible] = [worker, StoredCode.microseconds(expiry), run, run, StoredCode.microseconds(instant)]
                    + excludedIDs + [max(0, limit)]
                let ids = try Int.fetchAll(db, sql: PrivacyScanRunQueries.claim(excluded: excludedIDs.count, skipLocked: false),
                                           arguments: StatementArguments(arguments))
                return try Self.references(ofDocuments: ids, db)
            }
        }
    }

    public func renewScanClaims(run: Int, worker: String, until expiry: Date) async throws -> Set<String> {
        try await perform("renewing claims") { database in
            try await database.write { db in
                let ids = try Int.fetchAll(db, sql: PrivacyScanRunQueries.renew, arguments: [StoredCode.microseconds(expiry), run, worker])
                return Set(try Self.references(ofDocuments: ids, db))
            }
        }
    }

    public func completeScanClaim(run: Int, reference: String, worker: String, at instant: Date) async throws -> Bool {
        try await perform("marking a document scanned") { database in
            try await database.write { db in
                guard let document = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                return try Int.fetchOne(db, sql: PrivacyScanRunQueries.complete,
                                        arguments: [StoredCode.microseconds(instant), run, document.id, worker]) != nil
            }
        }
    }

    public func releaseScanClaim(run: Int, reference: String, worker: String) async throws {
        try await perform("giving a claim back") { database in
            try await database.write { db in
                guard let document = try Self.documentRow(reference, db) else { throw Refusal(.documentNotFound, ["reference": reference]) }
                try db.execute(sql: PrivacyScanRunQueries.release, arguments: [run, document.id, worker])
            }
        }
    }

    public func scanRunProgress(run: Int, at instant: Date) async throws -> PrivacyScanRunProgress {
        try await read("reading a shared scan's progress") { db in
            guard let row = try Row.fetchOne(db, sql: PrivacyScanRunQueries.progress, arguments: [StoredCode.microseconds(instant), run]) else {
                return PrivacyScanRunProgress(total: 0, done: 0, claimed: 0)
            }
            return PrivacyScanRunProgress(total: row[0], done: row[1], claimed: row[2])
        }
    }

    public func finishScanRun(run: Int, by actor: String, at instant: Date) async throws -> Bool {
        try await perform("finishing a shared scan") { database in
            try await database.write { db in
                guard try Int.fetchOne(db, sql: PrivacyScanRunQueries.finish, arguments: [StoredCode.microseconds(instant), run, run]) != nil else {
                    return false
                }
                let count = try Int.fetchOne(db, sql: PrivacyQueries.claimCount, arguments: [run]) ?? 0
                try self.audit(db, user: actor, action: "privacy.scan-run.finish", target: PrivacyScanRunQueries.auditTarget(run),
                               details: ["documents": String(count)], at: instant)
                return true
            }
        }
    }

    static func scanRun(_ row: Row) -> PrivacyScanRun {
        PrivacyScanRunQueries.run(id: row[0], startedAt: row[1], startedBy: row[2], forced: row[3], finishedAt: row[4])
    }

    /// The references of documents `ids`, in the order of `ids`.
    static func references(ofDocuments ids: [Int], _ db: Database) throws -> [String] {
        var byID: [Int: String] = [:]
        try inBatches(ids) { batch, markers in
            for row in try Row.fetchAll(db, sql: RegisterQueries.documentReferences(ids: markers), arguments: StatementArguments(batch)) {
                byID[row[0]] = row[1]
            }
        }
        return ids.sorted().compactMap { byID[$0] }
    }
}
