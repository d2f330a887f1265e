import Foundation
import SablierCore
import SablierStore
import GRDB
import Synchronization

/// The audit key of one open store, and where it is looked for.
///
/// Held by the store and read by its `audit(db, …)` inside each write transaction; installed
/// once `createAuditKey` makes one. The key itself never enters the database.
final class AuditSeal: Sendable {
    /// Where the key is looked for: named in refusals when it is missing.
    let keyFile: String
    /// The key, once read or created (`createAuditKey`).
    private let current: Mutex<AuditKey?>

    init(keyFile: String, key: AuditKey?) {
        self.keyFile = keyFile
        current = Mutex(key)
    }

    var key: AuditKey? { current.withLock { $0 } }

    func install(_ key: AuditKey) { current.withLock { $0 = key } }

    /// The key, or the refusal that says where it was looked for: nothing is written to the
    /// trail without it (fail closed).
    func requiredKey() throws(Refusal) -> AuditKey {
        guard let key else { throw Refusal(.auditKeyMissing, ["file": keyFile]) }
        return key
    }
}

// MARK: - Keyed digests of tombstones and certificate entries

extension SQLiteStore {
    /// A row's values as the text its digest covers: each typed, so `1` and `'1'` differ.
    private static func sealedText(_ kind: String, _ values: some Sequence<DatabaseValue>) -> String {
        ([kind] + values.map { value -> String in
            switch value.storage {
            case .null: return "null"
            case .int64(let number): return "i:\(number)"
            case .double(let number): return "d:\(number)"
            case .string(let text): return "s:" + text
            case .blob(let data): return "b:" + SourceDigest.sha256Hex(data)
            }
        }).joined(separator: "\u{1F}")
    }

    private static let tombstoneColumns = TombstoneRow.table.columns.joined(separator: ", ")
    private static let itemColumns = DispositionItemRow.table.columns.joined(separator: ", ")

    /// Writes the keyed digest of the tombstone of document `document`, over every column.
    func sealTombstone(document: Int, _ db: Database) throws {
        let key = try auditSeal.requiredKey()
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.tombstoneColumns) FROM tombstone WHERE document = ?", arguments: [document]) else { return }
        try db.execute(sql: "UPDATE tombstone SET digest = ? WHERE document = ?",
                       arguments: [key.mac(Self.sealedText("tombstone", row.databaseValues)), document])
    }

    /// Writes the keyed digest of item `position` of list `number`, over every column: when it
    /// starts (the certificate's entry) and again when it is done.
    func sealDispositionItem(list number: Int, position: Int, _ db: Database) throws {
        let key = try auditSeal.requiredKey()
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.itemColumns) FROM disposition_item WHERE list = ? AND position = ?",
                                         arguments: [number, position]) else { return }
        try db.execute(sql: "UPDATE disposition_item SET digest = ? WHERE list = ? AND position = ?",
                       arguments: [key.mac(Self.sealedText("disposition-item", row.databaseValues)), number, position])
    }

    /// Seals the tombstones and certificate entries written before the store had a key: done
    /// in the transaction of the first keyed entry, when the plain trail is still all there is.
    func sealUnsealedRecords(_ db: Database) throws {
        for document in try Int.fetchAll(db, sql: "SELECT document FROM tombstone WHERE digest IS NULL") {
            try sealTombstone(document: document, db)
        }
        for row in try Row.fetchAll(db, sql: "SELECT list, position FROM disposition_item WHERE digest IS NULL AND state <> 'pending'") {
            try sealDispositionItem(list: row[0], position: row[1], db)
        }
    }

    /// The first tombstone or certificate entry whose digest is missing or does not match its
    /// row, and how many were checked.
    static func verifyRecords(_ key: AuditKey, _ db: Database) throws -> (checked: Int, problem: AuditChain.Verification.Problem?) {
        var checked = 0
        let tombstones = try Row.fetchAll(db, sql: "SELECT \(tombstoneColumns), digest FROM tombstone ORDER BY reference")
        for row in tombstones {
            checked += 1
            let values = Array(row.databaseValues)
            let reference: String = row["reference"]
            let digest: String? = row["digest"]
            if digest != key.mac(sealedText("tombstone", values.dropLast())) {
                return (checked, .init(sequence: 0, reason: digest == nil
                    ? "the tombstone of \(reference) carries no keyed digest: it was written, or its digest removed, without the key"
                    : "the tombstone of \(reference) was altered: it no longer matches its keyed digest", record: "tombstone \(reference)"))
            }
        }
        let items = try Row.fetchAll(db, sql: "SELECT \(itemColumns), digest FROM disposition_item WHERE state <> 'pending' ORDER BY list, position")
        for row in items {
            checked += 1
            let values = Array(row.databaseValues)
            let reference: String = row["reference"], list: Int = row["list"]
            let digest: String? = row["digest"]
            if digest != key.mac(sealedText("disposition-item", values.dropLast())) {
                return (checked, .init(sequence: 0, reason: digest == nil
                    ? "the entry of \(reference) in the certificate of disposition list \(list) carries no keyed digest: it was written, or its digest removed, without the key"
                    : "the entry of \(reference) in the certificate of disposition list \(list) was altered: it no longer matches its keyed digest",
                    record: "disposition \(list) \(reference)"))
            }
        }
        return (checked, nil)
    }
}

// MARK: - Verifying, checkpoints, the key

extension SQLiteStore {
    /// The rows of the trail in sequence order, with their scheme.
    static func storedAuditEntries(_ db: Database) throws -> [AuditChain.StoredEntry] {
        try Row.fetchAll(db, sql: "SELECT sequence, at, user_name, action, target, details, previous_hash, hash, scheme FROM audit_entry ORDER BY sequence")
            .map { row in
                let (entry, micros) = auditEntry(row)
                return (entry, micros, row[8])
            }
    }

    /// The whole trail walked: the chain, then with the key the head file, the tombstones and
    /// the certificate entries, then `checkpoint` when one is given.
    static func verifyTrail(key: AuditKey?, keyFile: String, checkpoint: AuditCheckpoint?, _ db: Database) throws -> AuditChain.Verification {
        let rows = try storedAuditEntries(db)
        if key == nil, checkpoint != nil || rows.contains(where: { $0.scheme == AuditChain.keyedScheme }) {
            throw Refusal(.auditKeyMissing, ["file": keyFile])
        }
        var result = AuditChain.verify(rows, key: key)
        guard result.isIntact, let key else { return result }
        func broken(_ sequence: Int, _ reason: String) -> AuditChain.Verification {
            result.problem = .init(sequence: sequence, reason: reason)
            return result
        }
        switch AuditHeadFile.read(key) {
        case .missing:
            return broken(rows.count, "the head file \(key.headFile) is missing: the newest entries may have been removed"
                + " (if nothing was written since the key was made, write one entry, e.g. sablier audit checkpoint)")
        case .altered(let why):
            return broken(rows.count, "the head file \(key.headFile) was altered: \(why)")
        case .head(let head):
            result.head = head.sequence
            if head.sequence > rows.count {
                return broken(rows.count + 1, "the trail ends at entry \(rows.count) but its head file names entry \(head.sequence):"
                    + " the newest entries were removed")
            }
            if head.sequence > 0, rows[head.sequence - 1].entry.hash != head.hash {
                return broken(head.sequence, "entry \(head.sequence) is not the one the head file names: it was replaced")
            }
        }
        let (checked, problem) = try verifyRecords(key, db)
        result.records = checked
        if let problem {
            result.problem = problem
            return result
        }
        if let checkpoint {
            guard checkpoint.isSigned(by: key) else {
                return broken(checkpoint.sequence, "the checkpoint's signature does not match: it was altered, or signed with another key")
            }
            guard checkpoint.sequence <= rows.count else {
                return broken(checkpoint.sequence, "the checkpoint names entry \(checkpoint.sequence) but the trail ends at entry \(rows.count):"
                    + " the trail was cut or rolled back to an older copy")
            }
            let entry = rows[checkpoint.sequence - 1].entry
            guard entry.hash == checkpoint.hash, AuditCheckpoint.time(entry.at) == checkpoint.at else {
                return broken(checkpoint.sequence, "entry \(checkpoint.sequence) is not the one the checkpoint names: it was replaced")
            }
        }
        return result
    }
}
