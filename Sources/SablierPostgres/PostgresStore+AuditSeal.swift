import Foundation
import SablierCore
import SablierStore
import PostgresNIO

// MARK: - Keyed digests of tombstones and certificate entries

/// The records sealed with the audit key, and `audit verify`, on PostgreSQL.
///
/// The statements, the text a digest covers and the verdict are `SealedRecord`'s and
/// `AuditTrailCheck`'s, shared with SQLite: a row gives the same digest in both backends
/// (`PostgresRandomAccessRow.storeValues()` reads a BOOLEAN as the 0 or 1 SQLite stores), so a
/// store copied from one to the other still verifies.
extension PostgresStore {
    /// Writes the keyed digest of `record`, named by its key's values, over every column.
    private func seal(_ record: SealedRecord, _ key: [StoreValue], _ tx: PostgresTransaction) async throws {
        let auditKey = try auditSeal.requiredKey()
        guard let row = try await tx.rows(record.selectToSeal, key).first else { return }
        try await tx.execute(record.updateDigest, [.text(record.digest(try row.storeValues(), key: auditKey))] + key)
    }

    /// Writes the keyed digest of disposition list `number`'s row, over every column: the
    /// certificate's header (executed by, at, method, vendor's certificate). Called after each
    /// change to the row once its execution has begun.
    func sealDispositionList(_ number: Int, _ tx: PostgresTransaction) async throws {
        try await seal(.dispositionList, [.integer(number)], tx)
    }

    /// Writes the keyed digest of the tombstone of document `document`, over every column.
    func sealTombstone(document: Int, _ tx: PostgresTransaction) async throws {
        try await seal(.tombstone, [.integer(document)], tx)
    }

    /// Writes the keyed digest of item `position` of list `number`, over every column: when it
    /// starts (the certificate's entry) and again when it is done.
    func sealDispositionItem(list number: Int, position: Int, _ tx: PostgresTransaction) async throws {
        try await seal(.dispositionItem, [.integer(number), .integer(position)], tx)
    }

    /// Seals the tombstones and certificate entries written before the store had a key: done
    /// only in `createAuditKey`'s transaction, when the plain trail is still all there is.
    /// Never later: a digest removed afterwards is a forgery to report, not a record to seal.
    func sealUnsealedRecords(_ tx: PostgresTransaction) async throws {
        for record in SealedRecord.allCases {
            for row in try await tx.rows(record.selectUnsealed) {
                try await seal(record, try row.storeValues(), tx)
            }
        }
    }
}

// MARK: - Verifying

extension PostgresStore {
    /// The rows of the trail in sequence order, with their scheme.
    static func storedAuditEntries(_ tx: PostgresTransaction) async throws -> [AuditChain.StoredEntry] {
        try await tx.rows(AccountabilityQueries.auditTrail).map { try auditEntry($0) }
    }

    /// The whole trail walked in one snapshot (`AuditTrailCheck`): the chain, the head file
    /// (`head`, read before the snapshot), the tombstones and the certificate entries, then
    /// `checkpoint` when one is given.
    static func verifyTrail(key: AuditKey, head: AuditHeadFile.Reading, checkpoint: AuditCheckpoint?,
                            _ tx: PostgresTransaction) async throws -> AuditChain.Verification {
        var check = AuditTrailCheck(rows: try await storedAuditEntries(tx), key: key, head: head)
        for record in SealedRecord.allCases where check.isIntact {
            // Streamed, as SQLite's cursor: the rows after the first at fault are only skipped.
            try await tx.forEachRow(record.selectToVerify) { row in
                if check.isIntact { check.check(record, try row.storeValues()) }
            }
        }
        return check.result(checkpoint: checkpoint)
    }
}
