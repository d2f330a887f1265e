import Foundation
import SablierCore
import SablierStore
import PostgresNIO

/// The hash-chained audit trail: one entry appended inside each write transaction.
///
/// Entries follow one another because every write transaction holds the store's advisory
/// lock (`PostgresStore.writeLock`): two writers never read the same last entry, so the chain
/// stays one line whatever the number of processes and machines writing.
extension PostgresStore {
    /// The columns of `audit_entry`, in the order `auditEntry(_:)` reads them.
    static let auditColumns = "sequence, at, user_name, action, target, details, previous_hash, hash, scheme"

    /// Appends an entry chained to the last one, keyed with the audit key (refused without it,
    /// or when the trail no longer reaches its head file). The head file advances once the
    /// transaction commits.
    @discardableResult
    func audit(_ tx: PostgresTransaction, user: String, action: String, target: String, details: [String: String],
               at instant: Date) async throws -> AuditEntry {
        let key = try auditSeal.requiredKey()
        try await checkHead(key, tx)
        let last = try await tx.rows(AccountabilityQueries.lastAuditEntry).first
        let sequence = try (last.map { try $0[0].decode(Int.self) } ?? 0) + 1
        let previous = try last.map { try $0[1].decode(String.self) } ?? AuditChain.genesis
        let micros = StoredCode.microseconds(instant)
        let text = AuditChain.details(details)
        let hash = AuditChain.keyedHash(key, sequence: sequence, atMicroseconds: micros, user: user, action: action, target: target,
                                        details: text, previousHash: previous)
        try await tx.execute(AccountabilityQueries.insertAuditEntry, [.integer(sequence), .integer(micros), .text(user), .text(action), .text(target), .text(text), .text(previous), .text(hash),
                  .text(AuditChain.keyedScheme)])
        let head = AuditHead(sequence: sequence, hash: hash)
        tx.onCommit { _ = AuditHeadFile.advance(to: head, key) }
        return AuditEntry(sequence: sequence, at: StoredCode.date(microseconds: micros), user: user, action: action, target: target,
                          details: text, previousHash: previous, hash: hash)
    }

    /// An entry read with `auditColumns`, and its instant in microseconds (what its hash covers).
    static func auditEntry(_ row: PostgresRandomAccessRow) throws -> (entry: AuditEntry, atMicroseconds: Int, scheme: String) {
        let micros = try row[1].decode(Int.self)
        return (AuditEntry(sequence: try row[0].decode(Int.self), at: StoredCode.date(microseconds: micros), user: try row[2].decode(String.self),
                           action: try row[3].decode(String.self), target: try row[4].decode(String.self), details: try row[5].decode(String.self),
                           previousHash: try row[6].decode(String.self), hash: try row[7].decode(String.self)),
                micros, try row[8].decode(String.self))
    }

    /// Refuses to write on when the trail no longer reaches the entry its head file names
    /// (entries removed or replaced), then moves the head file to the trail's last entry.
    func checkHead(_ key: AuditKey, _ tx: PostgresTransaction) async throws {
        func mismatch(_ problem: String) -> Refusal { Refusal(.auditHeadMismatch, ["file": key.headFile, "problem": problem]) }
        let lastRow = try await tx.rows(AccountabilityQueries.lastAuditEntry).first
        let last = try lastRow.map { AuditHead(sequence: try $0[0].decode(Int.self), hash: try $0[1].decode(String.self)) }
            ?? AuditHead(sequence: 0, hash: AuditChain.genesis)
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
            : try await tx.scalar(String.self, AccountabilityQueries.auditHash, [.integer(head.sequence)])
        guard stored == head.hash else {
            throw mismatch("entry \(head.sequence) is not the one the head file names: it was replaced or removed")
        }
        // Behind (another process or machine wrote since): every entry past the head must be
        // keyed and follow it.
        var previous = head.hash, expected = head.sequence + 1
        for row in try await tx.rows("SELECT \(Self.auditColumns) FROM audit_entry WHERE sequence > ? ORDER BY sequence", [.integer(head.sequence)]) {
            let (entry, micros, scheme) = try Self.auditEntry(row)
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
