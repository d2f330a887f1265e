import Foundation
import SablierCore
import SablierStore
import GRDB
import Synchronization

// MARK: - Keyed digests of tombstones and certificate entries

extension SQLiteStore {
    /// A row's values as the text its digest covers: each typed, so `1` and `'1'` differ, and
    /// each text length-prefixed (`s<UTF-8 byte count>:<text>`), so that no text can shift
    /// into its neighbour (`a|b` and `a` then `b` differ) whatever bytes it holds.
    static func sealedText(_ kind: String, _ values: some Sequence<DatabaseValue>) -> String {
        AuditChain.lengthPrefixed([kind]) + values.map { value -> String in
            switch value.storage {
            case .null: return "n;"
            case .int64(let number): return "i\(number);"
            case .double(let number): return "d\(number);"
            case .string(let text): return AuditChain.lengthPrefixed([text])
            case .blob(let data): return "b" + SourceDigest.sha256Hex(data) + ";"
            }
        }.joined()
    }

    /// `sealedText` of a row of texts only: how its encoding is checked without a row.
    static func sealedText(_ kind: String, texts: [String]) -> String {
        sealedText(kind, texts.map(\.databaseValue))
    }

    private static let tombstoneColumns = TombstoneRow.table.columns.joined(separator: ", ")
    private static let itemColumns = DispositionItemRow.table.columns.joined(separator: ", ")
    private static let listColumns = DispositionListRow.table.columns.joined(separator: ", ")
    /// The lists whose header is a certificate's: once their execution has begun.
    private static let executionBegun = "state = 'executing' OR state = 'executed'"

    /// Writes the keyed digest of disposition list `number`'s row, over every column: the
    /// certificate's header (executed by, at, method, vendor's certificate). Called after each
    /// change to the row once its execution has begun.
    func sealDispositionList(_ number: Int, _ db: Database) throws {
        let key = try auditSeal.requiredKey()
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.listColumns) FROM disposition_list WHERE number = ? AND (\(Self.executionBegun))",
                                         arguments: [number]) else { return }
        try db.execute(sql: "UPDATE disposition_list SET digest = ? WHERE number = ?",
                       arguments: [key.mac(Self.sealedText("disposition-list", row.databaseValues)), number])
    }

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
    /// only in `createAuditKey`'s transaction, when the plain trail is still all there is.
    /// Never later: a digest removed afterwards is a forgery to report, not a record to seal.
    func sealUnsealedRecords(_ db: Database) throws {
        for document in try Int.fetchAll(db, sql: "SELECT document FROM tombstone WHERE digest IS NULL") {
            try sealTombstone(document: document, db)
        }
        for row in try Row.fetchAll(db, sql: "SELECT list, position FROM disposition_item WHERE digest IS NULL AND state <> 'pending'") {
            try sealDispositionItem(list: row[0], position: row[1], db)
        }
        for number in try Int.fetchAll(db, sql: "SELECT number FROM disposition_list WHERE digest IS NULL AND (\(Self.executionBegun))") {
            try sealDispositionList(number, db)
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
        let lists = try Row.fetchAll(db, sql: "SELECT \(listColumns), digest FROM disposition_list WHERE \(executionBegun) ORDER BY number")
        for row in lists {
            checked += 1
            let values = Array(row.databaseValues)
            let number: Int = row["number"]
            let digest: String? = row["digest"]
            if digest != key.mac(sealedText("disposition-list", values.dropLast())) {
                return (checked, .init(sequence: 0, reason: digest == nil
                    ? "the header of the certificate of disposition list \(number) carries no keyed digest: it was written, or its digest removed, without the key"
                    : "the header of the certificate of disposition list \(number) (executed by, at, method, vendor's certificate) was altered: it no longer matches its keyed digest",
                    record: "disposition \(number)"))
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
        // Without the key nothing can be proved (an attacker could have rewritten every entry
        // with plain hashes and removed the key file), so verify refuses rather than say intact.
        guard let key else { throw Refusal(.auditKeyMissing, ["file": keyFile]) }
        let rows = try storedAuditEntries(db)
        var result = AuditChain.verify(rows, key: key)
        guard result.isIntact else { return result }
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
