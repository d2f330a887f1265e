import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// The head file checked before every write, the key file's owner and type, the keyed
/// encodings: what someone who can write the database and the key's folder, but has not the
/// key, tries; each attempt must be refused or fail `verify`. SQLite only: the attempts are
/// made in the SQLite file and the head file beside it.
@Suite("SQLite only — keyed audit trail: writes refused past a cut, the key file, unambiguous digests")
struct KeyedAuditHeadTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A store with five keyed entries; `body` gets the store and its path.
    func withTrail<T>(_ body: (SQLiteStore, String, TemporaryDirectory) async throws -> T) async throws -> T {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-head")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
        _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
        for number in 1...4 {
            try await store.addBox(Box(code: "B-\(number)"), by: "admin", at: now.addingTimeInterval(Double(number)))
        }
        return try await body(store, path, dir)
    }

    /// The code of the refusal `body` throws, nil when it throws none.
    func refusal(_ body: () async throws -> Void) async -> Refusal.Code? {
        do {
            try await body()
            return nil
        } catch let refusal as Refusal {
            return refusal.code
        } catch {
            return nil
        }
    }

    @Test("the newest entries deleted, then an ordinary write: refused, and verify still fails")
    func truncatedThenWritten() async throws {
        try await withTrail { store, path, _ in
            try SQLiteStore.executeUnchecked("DELETE FROM audit_entry WHERE sequence > 2", inDatabaseAt: path)
            for number in 10...13 {
                let code = await refusal { try await store.addBox(Box(code: "B-\(number)"), by: "admin", at: now.addingTimeInterval(Double(number))) }
                #expect(code == .auditHeadMismatch)
            }
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM audit_entry", inDatabaseAt: path) == 2)
            #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM box WHERE code LIKE 'B-1_'", inDatabaseAt: path) == 0)
            #expect(try await store.verifyAudit(checkpoint: nil).problem?.reason.contains("the trail ends at entry 2 but its head file names entry 5") == true)
        }
    }

    @Test("the table emptied, then an ordinary write: refused, and verify still fails")
    func emptiedThenWritten() async throws {
        try await withTrail { store, path, _ in
            try SQLiteStore.executeUnchecked("DELETE FROM audit_entry", inDatabaseAt: path)
            // An empty trail whose head names entries is also what a second store given this
            // key would see: the refusal says both (audit.key-other-trail).
            #expect(await refusal { try await store.addBox(Box(code: "B-10"), by: "admin", at: now) } == .auditKeyOtherTrail)
            #expect(try await store.verifyAudit(checkpoint: nil).isIntact == false)
        }
    }

    @Test("the head file deleted, or made a FIFO, then an ordinary write: refused, and verify fails without waiting")
    func headDeletedThenWritten() async throws {
        try await withTrail { store, path, _ in
            let head = path + ".audit-key.head"
            try FileManager.default.removeItem(atPath: head)
            #expect(await refusal { try await store.addBox(Box(code: "B-10"), by: "admin", at: now) } == .auditHeadMismatch)
            #expect(try await store.verifyAudit(checkpoint: nil).problem?.reason.contains("is missing") == true)
            #expect(mkfifo(head, 0o600) == 0)
            #expect(await refusal { try await store.addBox(Box(code: "B-10"), by: "admin", at: now) } == .auditHeadMismatch)
            #expect(try await store.verifyAudit(checkpoint: nil).problem?.reason.contains("not a regular file") == true)
        }
    }

    @Test("a head left behind (killed between commit and head write) is accepted, and the next write moves it to the end")
    func headBehindAccepted() async throws {
        try await withTrail { store, path, dir in
            let head = path + ".audit-key.head", saved = dir.file("head-at-5").path
            try FileManager.default.copyItem(atPath: head, toPath: saved)
            try await store.addBox(Box(code: "B-10"), by: "admin", at: now.addingTimeInterval(10))
            try await store.addBox(Box(code: "B-11"), by: "admin", at: now.addingTimeInterval(11))
            // As if the process that wrote entries 6 and 7 died before moving the head.
            try FileManager.default.removeItem(atPath: head)
            try FileManager.default.copyItem(atPath: saved, toPath: head)
            #expect(try await store.verifyAudit(checkpoint: nil).head == 5)
            try await store.addBox(Box(code: "B-12"), by: "admin", at: now.addingTimeInterval(12))
            let verified = try await store.verifyAudit(checkpoint: nil)
            #expect(verified.isIntact && verified.head == 8)
        }
    }

    @Test("a head behind whose later entries are not keyed from it: refused")
    func headBehindForged() async throws {
        try await withTrail { store, path, dir in
            let head = path + ".audit-key.head", saved = dir.file("head-at-5").path
            try FileManager.default.copyItem(atPath: head, toPath: saved)
            try await store.addBox(Box(code: "B-10"), by: "admin", at: now.addingTimeInterval(10))
            try FileManager.default.removeItem(atPath: head)
            try FileManager.default.copyItem(atPath: saved, toPath: head)
            try SQLiteStore.executeUnchecked("UPDATE audit_entry SET user_name = 'intrus' WHERE sequence = 6", inDatabaseAt: path)
            #expect(await refusal { try await store.addBox(Box(code: "B-11"), by: "admin", at: now) } == .auditHeadMismatch)
        }
    }

    @Test("a head file that cannot be written: the entry commits, the next write is refused until it can be")
    func headUnwritable() async throws {
        try await withTrail { store, path, _ in
            // A directory where the head's temporary file goes: the write after the commit fails.
            let blocker = path + ".audit-key.head.\(getpid()).tmp"
            try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
            try await store.addBox(Box(code: "B-10"), by: "admin", at: now.addingTimeInterval(10))
            #expect(try await store.verifyAudit(checkpoint: nil).head == 5)
            #expect(await refusal { try await store.addBox(Box(code: "B-11"), by: "admin", at: now) } == .auditHeadUnwritable)
            try FileManager.default.removeItem(atPath: blocker)
            try await store.addBox(Box(code: "B-11"), by: "admin", at: now.addingTimeInterval(11))
            let verified = try await store.verifyAudit(checkpoint: nil)
            #expect(verified.isIntact && verified.head == 7)
        }
    }

    @Test("audit key create whose head file cannot be written: refused, the key removed, and it can be run again")
    func keyCreationFails() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-head")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let store = try SQLiteStore(path: path)
        let blocker = path + ".audit-key.head.\(getpid()).tmp"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
        #expect(await refusal { _ = try await store.createAuditKey(by: "admin", at: now) } == .auditHeadUnwritable)
        #expect(!FileManager.default.fileExists(atPath: path + ".audit-key"))
        try FileManager.default.removeItem(atPath: blocker)
        #expect(try await store.createAuditKey(by: "admin", at: now).sequence == 1)
        let verified = try await store.verifyAudit(checkpoint: nil)
        #expect(verified.isIntact && verified.head == 1)
    }

    @Test("every entry rehashed with plain SHA-256 and the key file removed: verify refuses with audit.key-missing instead of saying intact")
    func verifyWithoutKey() async throws {
        try await withTrail { store, path, _ in
            var previous = AuditChain.genesis
            var sql = ""
            for entry in try await store.auditEntries(since: nil, user: nil, target: nil) {
                let micros = try #require(try SQLiteStore.fetchUncheckedInt("SELECT at FROM audit_entry WHERE sequence = \(entry.sequence)", inDatabaseAt: path))
                let hash = AuditChain.hash(sequence: entry.sequence, atMicroseconds: micros, user: entry.user, action: entry.action,
                                           target: entry.target, details: entry.details, previousHash: previous)
                sql += "UPDATE audit_entry SET previous_hash = '\(previous)', hash = '\(hash)', scheme = 'sha256' WHERE sequence = \(entry.sequence);\n"
                previous = hash
            }
            try SQLiteStore.executeUnchecked(sql, inDatabaseAt: path)
            try FileManager.default.removeItem(atPath: path + ".audit-key")
            let reopened = try SQLiteStore(path: path)
            await #expect(throws: Refusal(.auditKeyMissing, ["file": path + ".audit-key"])) { _ = try await reopened.verifyAudit(checkpoint: nil) }
        }
    }

    @Test("a key owned by another user, or reached through a symbolic link, is refused")
    func keyOwnerAndLink() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-head")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let key = try AuditKeyFixture.create(forStore: path)
        #expect(chown(key, geteuid() == 1 ? 2 : 1, getegid()) == 0)
        #expect(await refusal { _ = try SQLiteStore(path: path) } == .auditKeyUnreadable)
        #expect(chown(key, geteuid(), getegid()) == 0)
        _ = try SQLiteStore(path: path)
        let elsewhere = dir.file("real-key").path
        try FileManager.default.moveItem(atPath: key, toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: key, withDestinationPath: elsewhere)
        #expect(await refusal { _ = try SQLiteStore(path: path) } == .auditKeyUnreadable)
    }

    @Test("keyed digests length-prefix their fields: fields that shift across the old separator give different digests")
    func unambiguousEncoding() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-head")
        defer { dir.remove() }
        let key = try #require(try AuditKey.load(AuditKeyFixture.create(forStore: dir.file("sablier.sqlite").path)))
        let shiftedLeft = AuditChain.keyedHash(key, sequence: 1, atMicroseconds: 1, user: "a\u{1F}b", action: "c", target: "t",
                                               details: "{}", previousHash: AuditChain.genesis)
        let shiftedRight = AuditChain.keyedHash(key, sequence: 1, atMicroseconds: 1, user: "a", action: "b\u{1F}c", target: "t",
                                                details: "{}", previousHash: AuditChain.genesis)
        #expect(shiftedLeft != shiftedRight)
        let two = SealedRecord.sealedText("tombstone", [.text("a"), .text("b")])
        let one = SealedRecord.sealedText("tombstone", [.text("a\u{1F}s:b")])
        #expect(two != one)
        // The plain scheme of entries written before the key is unchanged, byte for byte.
        #expect(AuditChain.hash(sequence: 1, atMicroseconds: 2, user: "u", action: "a", target: "t", details: "{}", previousHash: AuditChain.genesis)
            == SourceDigest.sha256Hex(Array("1\u{1F}2\u{1F}u\u{1F}a\u{1F}t\u{1F}{}\u{1F}\(AuditChain.genesis)".utf8)))
    }
}
