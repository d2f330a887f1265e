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
    /// moves a head left behind up to the table's end first.
    ///
    /// Called in `audit`'s transaction before the entry is inserted. Without it, an attacker
    /// who deletes the newest entries (or the head file) only has to wait: the service's next
    /// entries would move the head on past the gap, and `verify` would find a consistent trail.
    ///
    /// - A missing head file is accepted only when the trail is empty (a brand-new store): the
    ///   head is then written at the genesis (entry 0) before the first entry, so a crash after
    ///   that entry commits leaves the head behind, never missing. `createAuditKey` writes the
    ///   head of a store that had entries before its key.
    /// - A head that names an entry past the table's end, or an entry whose stored hash is not
    ///   the head's, or that is altered, refuses the write (`audit.head-mismatch`).
    /// - A head behind the table's end (a process killed between its commit and its head
    ///   write, or a head write that failed) is accepted when every entry past it is keyed
    ///   and chained from it; the head file is then moved to the table's end, and if that
    ///   fails the write is refused (`audit.head-unwritable`): a head that cannot be written
    ///   stops the trail at the next write, in whatever process makes it.
    func checkHead(_ key: AuditKey, _ db: Database) throws {
        func mismatch(_ problem: String) -> Refusal { Refusal(.auditHeadMismatch, ["file": key.headFile, "problem": problem]) }
        let last = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1")
            .map { AuditHead(sequence: $0[0], hash: $0[1]) } ?? AuditHead(sequence: 0, hash: AuditChain.genesis)
        let head: AuditHead
        switch AuditHeadFile.read(key) {
        case .missing:
            guard last.sequence == 0 else {
                throw mismatch("the head file is missing although the trail holds entries up to \(last.sequence): the newest entries may have been removed")
            }
            try Self.advanceHead(to: last, key)
            return
        case .altered(let why):
            throw mismatch("the head file was altered: \(why)")
        case .head(let named):
            head = named
        }
        if head == last { return }
        guard head.sequence <= last.sequence else {
            throw mismatch("the trail ends at entry \(last.sequence) but its head file names entry \(head.sequence): the newest entries were removed")
        }
        let stored = head.sequence == 0
            ? AuditChain.genesis
            : try String.fetchOne(db, sql: "SELECT hash FROM audit_entry WHERE sequence = ?", arguments: [head.sequence])
        guard stored == head.hash else {
            throw mismatch("entry \(head.sequence) is not the one the head file names: it was replaced or removed")
        }
        // Behind: every entry past the head must be keyed and follow it.
        var previous = head.hash, expected = head.sequence + 1
        let past = try Row.fetchAll(db, sql: """
            SELECT sequence, at, user_name, action, target, details, previous_hash, hash, scheme FROM audit_entry WHERE sequence > ? ORDER BY sequence
            """, arguments: [head.sequence])
        for row in past {
            let (entry, micros) = Self.auditEntry(row)
            let scheme: String = row[8]
            let keyed = scheme == AuditChain.keyedScheme
                && AuditChain.keyedHash(key, sequence: entry.sequence, atMicroseconds: micros, user: entry.user, action: entry.action,
                                        target: entry.target, details: entry.details, previousHash: entry.previousHash) == entry.hash
            guard entry.sequence == expected, entry.previousHash == previous, keyed else {
                throw mismatch("entry \(entry.sequence), after the head file's entry \(head.sequence), is not a keyed entry that follows it")
            }
            previous = entry.hash
            expected += 1
        }
        try Self.advanceHead(to: last, key)
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
