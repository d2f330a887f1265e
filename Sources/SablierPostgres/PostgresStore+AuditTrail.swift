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
        tx.onCommit { _ = await HeadFileWork.run { AuditHeadFile.advance(to: head, key) } }
        return AuditEntry(sequence: sequence, at: StoredCode.date(microseconds: micros), user: user, action: action, target: target,
                          details: text, previousHash: previous, hash: hash)
    }

    /// An entry read with `AccountabilityQueries.auditColumns`, and its instant in microseconds
    /// (what its hash covers).
    static func auditEntry(_ row: PostgresRandomAccessRow) throws -> (entry: AuditEntry, atMicroseconds: Int, scheme: String) {
        let micros = try row[1].decode(Int.self)
        return (AuditEntry(sequence: try row[0].decode(Int.self), at: StoredCode.date(microseconds: micros), user: try row[2].decode(String.self),
                           action: try row[3].decode(String.self), target: try row[4].decode(String.self), details: try row[5].decode(String.self),
                           previousHash: try row[6].decode(String.self), hash: try row[7].decode(String.self)),
                micros, try row[8].decode(String.self))
    }

    /// Refuses to write on when the trail no longer reaches the entry its head file names
    /// (entries removed or replaced), then moves the head file to the trail's last entry:
    /// `AuditHeadCheck`'s decision, fed with this store's rows. The head file is read and written
    /// off the cooperative pool (`HeadFileWork`): its `flock` may wait on another process.
    func checkHead(_ key: AuditKey, _ tx: PostgresTransaction) async throws {
        let lastRow = try await tx.rows(AccountabilityQueries.lastAuditEntry).first
        let last = try lastRow.map { AuditHead(sequence: try $0[0].decode(Int.self), hash: try $0[1].decode(String.self)) }
            ?? AuditHead(sequence: 0, hash: AuditChain.genesis)
        let check = try AuditHeadCheck(key: key, head: await HeadFileWork.run { AuditHeadFile.read(key) }, last: last)
        if let from = check.entriesFrom {
            try check.check(try await tx.rows(AuditHeadCheck.entriesFromSQL, [.integer(from)]).map { try Self.auditEntry($0) })
        }
        if let target = check.advance { try await HeadFileWork.run { try Self.advanceHead(to: target, key) } }
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
