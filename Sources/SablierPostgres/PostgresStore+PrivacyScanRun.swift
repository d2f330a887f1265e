public import Foundation
import SablierCore
public import SablierStore
import PostgresNIO

/// The register's shared scan on PostgreSQL: workers on any number of machines claim documents
/// in batches with `FOR UPDATE SKIP LOCKED`, in transactions that do not take the store's write
/// lock (`claim`): two workers claiming at once each skip the rows the other is taking, and a
/// claim never waits for a registration or a disposition list. Starting and finishing a run are
/// audited, so they take the lock as every write does.
extension PostgresStore {
    public func startScanRun(forced: Bool, by actor: String, at instant: Date) async throws -> PrivacyScanRun {
        try await write("starting a shared scan") { tx in
            if let open = try await tx.rows(PrivacyScanRunQueries.openRun).first { return try Self.scanRun(open) }
            let micros = StoredCode.microseconds(instant)
            let id = try await tx.scalar(Int.self, PrivacyScanRunQueries.insertRun, [.integer(micros), .text(actor), .boolean(forced)])!
            try await tx.execute(PrivacyScanRunQueries.planRun, [.integer(id)])
            let count = try await tx.scalar(Int.self, PrivacyQueries.claimCount, [.integer(id)]) ?? 0
            try await self.audit(tx, user: actor, action: "privacy.scan-run.start", target: PrivacyScanRunQueries.auditTarget(id),
                                 details: ["documents": String(count), "forced": forced ? "yes" : "no"], at: instant)
            return PrivacyScanRunQueries.run(id: id, startedAt: micros, startedBy: actor, forced: forced, finishedAt: nil)
        }
    }

    public func claimScanDocuments(run: Int, worker: String, limit: Int, until expiry: Date, excluding excluded: Set<String>,
                                   at instant: Date) async throws -> [String] {
        try await claim("claiming documents to scan") { tx in
            var excludedIDs: [Int] = []
            for (batch, markers) in Self.batches(of: excluded.sorted()) {
                excludedIDs += try await tx.rows(RegisterQueries.documentIDs(references: markers), batch.map(StoreValue.text))
                    .map { try $0[0].decode(Int.self) }
            }
            let values: [StoreValue] = [.text(worker), .integer(StoredCode.microseconds(expiry)), .integer(run), .integer(run),
                                        .integer(StoredCode.microseconds(instant))] + excludedIDs.map(StoreValue.integer) + [.integer(max(0, limit))]
            let ids = try await tx.rows(PrivacyScanRunQueries.claim(excluded: excludedIDs.count, skipLocked: true), values)
                .map { try $0[0].decode(Int.self) }
            return try await Self.references(ofDocuments: ids, tx)
        }
    }

    public func renewScanClaims(run: Int, worker: String, until expiry: Date) async throws -> Set<String> {
        try await claim("renewing claims") { tx in
            let ids = try await tx.rows(PrivacyScanRunQueries.renew, [.integer(StoredCode.microseconds(expiry)), .integer(run), .text(worker)])
                .map { try $0[0].decode(Int.self) }
            return Set(try await Self.references(ofDocuments: ids, tx))
        }
    }

    public func completeScanClaim(run: Int, reference: String, worker: String, at instant: Date) async throws -> Bool {
        try await claim("marking a document scanned") { tx in
            guard let document = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            return try await !tx.rows(PrivacyScanRunQueries.complete, [.integer(StoredCode.microseconds(instant)), .integer(run),
                                                                       .integer(document.id), .text(worker)]).isEmpty
        }
    }

    public func releaseScanClaim(run: Int, reference: String, worker: String) async throws {
        try await claim("giving a claim back") { tx in
            guard let document = try await Self.documentRow(reference, tx) else { throw Refusal(.documentNotFound, ["reference": reference]) }
            try await tx.execute(PrivacyScanRunQueries.release, [.integer(run), .integer(document.id), .text(worker)])
        }
    }

    public func scanRunProgress(run: Int, at instant: Date) async throws -> PrivacyScanRunProgress {
        try await read("reading a shared scan's progress") { tx in
            guard let row = try await tx.rows(PrivacyScanRunQueries.progress, [.integer(StoredCode.microseconds(instant)), .integer(run)]).first else {
                return PrivacyScanRunProgress(total: 0, done: 0, claimed: 0)
            }
            return PrivacyScanRunProgress(total: try row[0].decode(Int.self), done: try row[1].decode(Int.self), claimed: try row[2].decode(Int.self))
        }
    }

    public func finishScanRun(run: Int, by actor: String, at instant: Date) async throws -> Bool {
        try await write("finishing a shared scan") { tx in
            guard try await !tx.rows(PrivacyScanRunQueries.finish, [.integer(StoredCode.microseconds(instant)), .integer(run), .integer(run)]).isEmpty else {
                return false
            }
            let count = try await tx.scalar(Int.self, PrivacyQueries.claimCount, [.integer(run)]) ?? 0
            try await self.audit(tx, user: actor, action: "privacy.scan-run.finish", target: PrivacyScanRunQueries.auditTarget(run),
                                 details: ["documents": String(count)], at: instant)
            return true
        }
    }

    static func scanRun(_ row: PostgresRandomAccessRow) throws -> PrivacyScanRun {
        PrivacyScanRunQueries.run(id: try row[0].decode(Int.self), startedAt: try row[1].decode(Int.self), startedBy: try row[2].decode(String.self),
                                  forced: try row[3].decode(Bool.self), finishedAt: try row[4].decode(Int?.self))
    }

    /// The references of documents `ids`, in the register's order.
    static func references(ofDocuments ids: [Int], _ tx: PostgresTransaction) async throws -> [String] {
        var byID: [Int: String] = [:]
        for (batch, markers) in batches(of: ids) {
            for row in try await tx.rows(RegisterQueries.documentReferences(ids: markers), batch.map(StoreValue.integer)) {
                byID[try row[0].decode(Int.self)] = try row[1].decode(String.self)
            }
        }
        return ids.sorted().compactMap { byID[$0] }
    }
}
