import SablierCore

/// `audit verify`, walked in the order its checks are reported: the chain, the head file, the
/// sealed records (`SealedRecord`), then the checkpoint when one is given.
///
/// Written once for every backend: a store only reads the trail and the records in one
/// snapshot and hands them over, so that the same rows give the same verdict, and the same
/// words, on SQLite and PostgreSQL. It is a value the backend feeds record by record rather
/// than one function, so that a backend reading the records synchronously (GRDB) and one
/// reading them asynchronously (PostgresNIO) both stop at the first record at fault.
///
/// ```swift
/// let head = AuditHeadFile.read(key)      // before the snapshot
/// var check = AuditTrailCheck(rows: entries, key: key, head: head)
/// for record in SealedRecord.allCases where check.isIntact {
///     for row in rows(record.selectToVerify) where check.isIntact { check.check(record, row) }
/// }
/// return check.result(checkpoint: checkpoint)
/// ```
public struct AuditTrailCheck: Sendable {
    private let key: AuditKey
    private let rows: [AuditChain.StoredEntry]
    /// What was found so far.
    public private(set) var verification: AuditChain.Verification

    /// Walks the chain in sequence order, then checks the head file against it.
    ///
    /// `head` is the head file as read BEFORE the snapshot of `rows` was taken: the head file
    /// moves only after its entry commits, so the snapshot then holds every entry it names,
    /// even while other processes write. Read after, a writer committing in between would
    /// make an intact trail look cut ("the trail ends at entry n but its head file names n+1").
    ///
    /// Without the key nothing can be proved (an attacker could have rewritten every entry with
    /// plain hashes and removed the key file), so the backend refuses before reading, with
    /// `AuditSeal.requiredKey()`, rather than say intact.
    public init(rows: [AuditChain.StoredEntry], key: AuditKey, head: AuditHeadFile.Reading) {
        self.key = key
        self.rows = rows
        verification = AuditChain.verify(rows, key: key)
        guard verification.isIntact else { return }
        switch head {
        case .missing:
            broken(rows.count, "the head file \(key.headFile) is missing: the newest entries may have been removed"
                + " (if nothing was written since the key was made, write one entry, e.g. sablier audit checkpoint)")
        case .altered(let why):
            broken(rows.count, "the head file \(key.headFile) was altered: \(why)")
        case .head(let head):
            verification.head = head.sequence
            if head.sequence > rows.count {
                broken(rows.count + 1, "the trail ends at entry \(rows.count) but its head file names entry \(head.sequence):"
                    + " the newest entries were removed")
            } else if head.sequence > 0, rows[head.sequence - 1].entry.hash != head.hash {
                broken(head.sequence, "entry \(head.sequence) is not the one the head file names: it was replaced")
            }
        }
    }

    /// False once something is at fault: the records after it need not be read.
    public var isIntact: Bool { verification.isIntact }

    /// Checks one row read with `record.selectToVerify` (its digest last), counting it.
    public mutating func check(_ record: SealedRecord, _ row: [StoreValue]) {
        guard isIntact else { return }
        verification.records += 1
        verification.problem = record.problem(row, key: key)
    }

    /// The verdict, once every record was checked: with `checkpoint`, the trail must still hold
    /// the entry it names, unchanged.
    public func result(checkpoint: AuditCheckpoint?) -> AuditChain.Verification {
        guard isIntact, let checkpoint else { return verification }
        var result = self
        guard checkpoint.isSigned(by: key) else {
            result.broken(checkpoint.sequence, "the checkpoint's signature does not match: it was altered, or signed with another key")
            return result.verification
        }
        guard checkpoint.sequence <= rows.count else {
            result.broken(checkpoint.sequence, "the checkpoint names entry \(checkpoint.sequence) but the trail ends at entry \(rows.count):"
                + " the trail was cut or rolled back to an older copy")
            return result.verification
        }
        let entry = rows[checkpoint.sequence - 1].entry
        guard entry.hash == checkpoint.hash, AuditCheckpoint.time(entry.at) == checkpoint.at else {
            result.broken(checkpoint.sequence, "entry \(checkpoint.sequence) is not the one the checkpoint names: it was replaced")
            return result.verification
        }
        return verification
    }

    private mutating func broken(_ sequence: Int, _ reason: String) {
        verification.problem = .init(sequence: sequence, reason: reason)
    }
}
