import Foundation
import SablierCore
import SablierStore
import GRDB
import Synchronization

// MARK: - Keyed digests of tombstones and certificate entries

extension SQLiteStore {
    /// A row's values as the shared sealed text reads them (`SealedRecord.sealedText`).
    ///
    /// A REAL is never written by Sablier in a sealed table (it has none): one found there was
    /// put by hand, and is read as text, which never gives the integer's digest it replaced.
    static func storeValues(_ row: Row) -> [StoreValue] {
        row.databaseValues.map { value in
            switch value.storage {
            case .null: .null
            case .int64(let number): .integer(Int(number))
            case .double(let number): .text("d\(number)")
            case .string(let text): .text(text)
            case .blob(let data): .bytes(Array(data))
            }
        }
    }

    /// Writes the keyed digest of `record`, named by its key's values, over every column.
    private func seal(_ record: SealedRecord, _ key: [any DatabaseValueConvertible], _ db: Database) throws {
        let auditKey = try auditSeal.requiredKey()
        guard let row = try Row.fetchOne(db, sql: record.selectToSeal, arguments: StatementArguments(key)) else { return }
        try db.execute(sql: record.updateDigest, arguments: StatementArguments([record.digest(Self.storeValues(row), key: auditKey) as any DatabaseValueConvertible] + key))
    }

    /// Writes the keyed digest of disposition list `number`'s row, over every column: the
    /// certificate's header (executed by, at, method, vendor's certificate). Called after each
    /// change to the row once its execution has begun.
    func sealDispositionList(_ number: Int, _ db: Database) throws {
        try seal(.dispositionList, [number], db)
    }

    /// Writes the keyed digest of the tombstone of document `document`, over every column.
    func sealTombstone(document: Int, _ db: Database) throws {
        try seal(.tombstone, [document], db)
    }

    /// Writes the keyed digest of item `position` of list `number`, over every column: when it
    /// starts (the certificate's entry) and again when it is done.
    func sealDispositionItem(list number: Int, position: Int, _ db: Database) throws {
        try seal(.dispositionItem, [number, position], db)
    }

    /// Seals the tombstones and certificate entries written before the store had a key: done
    /// only in `createAuditKey`'s transaction, when the plain trail is still all there is.
    /// Never later: a digest removed afterwards is a forgery to report, not a record to seal.
    func sealUnsealedRecords(_ db: Database) throws {
        for record in SealedRecord.allCases {
            for row in try Row.fetchAll(db, sql: record.selectUnsealed) {
                try seal(record, Array(row.databaseValues), db)
            }
        }
    }
}

// MARK: - Verifying, checkpoints, the key

extension SQLiteStore {
    /// The rows of the trail in sequence order, with their scheme.
    static func storedAuditEntries(_ db: Database) throws -> [AuditChain.StoredEntry] {
        try Row.fetchAll(db, sql: AccountabilityQueries.auditTrail)
            .map { row in
                let (entry, micros) = auditEntry(row)
                return (entry, micros, row[8])
            }
    }

    /// The whole trail walked in one snapshot (`AuditTrailCheck`): the chain, the head file
    /// (`head`, read before the snapshot), the tombstones and the certificate entries, then
    /// `checkpoint` when one is given.
    static func verifyTrail(key: AuditKey, head: AuditHeadFile.Reading, checkpoint: AuditCheckpoint?,
                            _ db: Database) throws -> AuditChain.Verification {
        var check = AuditTrailCheck(rows: try storedAuditEntries(db), key: key, head: head)
        for record in SealedRecord.allCases where check.isIntact {
            let rows = try Row.fetchCursor(db, sql: record.selectToVerify)
            while check.isIntact, let row = try rows.next() {
                check.check(record, storeValues(row))
            }
        }
        return check.result(checkpoint: checkpoint)
    }
}

// MARK: - The head, before each write

extension SQLiteStore {
    /// Refuses to write on a trail that no longer reaches the head its head file names, and
    /// moves a head left behind up to the table's end first: `AuditHeadCheck`'s decision, fed
    /// with this store's rows.
    ///
    /// Called in `audit`'s transaction before the entry is inserted, on GRDB's writer thread:
    /// the head file's `flock` and `fsync` block that thread only.
    func checkHead(_ key: AuditKey, _ db: Database) throws {
        let last = try Row.fetchOne(db, sql: AccountabilityQueries.lastAuditEntry)
            .map { AuditHead(sequence: $0[0], hash: $0[1]) } ?? AuditHead(sequence: 0, hash: AuditChain.genesis)
        let check = try AuditHeadCheck(key: key, head: AuditHeadFile.read(key), last: last)
        if let from = check.entriesFrom {
            try check.check(try Row.fetchAll(db, sql: AuditHeadCheck.entriesFromSQL, arguments: [from]).map { row in
                let (entry, micros) = Self.auditEntry(row)
                return (entry, micros, row[8])
            })
        }
        if let target = check.advance { try Self.advanceHead(to: target, key) }
    }

    /// Moves the head file to `head`, or refuses (`audit.head-unwritable`) saying why not.
    static func advanceHead(to head: AuditHead, _ key: AuditKey) throws(Refusal) {
        do {
            try AuditHeadFile.advanceOrFail(to: head, key)
        } catch {
            throw Refusal(.auditHeadUnwritable, ["file": key.headFile, "detail": error.detail])
        }
    }
}
