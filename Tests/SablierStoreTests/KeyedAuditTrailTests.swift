import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// The keyed audit trail on real SQLite files and real key files: what someone who can write
/// the database, but has not the key, tries; each attempt must fail `verify`. SQLite only: the
/// attempts are made in the SQLite file and its backups.
@Suite("SQLite only — keyed audit trail: rewrites, truncation, tombstones, checkpoints, the key file")
struct KeyedAuditTrailTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A store with five keyed entries; `body` gets the store and its path.
    func withTrail<T>(_ body: (SQLiteStore, String, TemporaryDirectory) async throws -> T) async throws -> T {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-audit")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
        _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
        try await store.addUser(User(name: "gd", unit: "SG", roles: [.gestionDocumentaire]), by: "admin", at: now.addingTimeInterval(1))
        try await store.grant(.verificateur, to: "gd", by: "admin", at: now.addingTimeInterval(2))
        try await store.addBox(Box(code: "B-1"), by: "gd", at: now.addingTimeInterval(3))
        _ = try await store.reportIncident(.integrite, description: "test", documents: ["X-1"], by: "gd", at: now.addingTimeInterval(4))
        return try await body(store, path, dir)
    }

    /// The trail's rows, with the microseconds the file holds: what an attacker reads.
    func rows(_ store: SQLiteStore) async throws -> [(sequence: Int, micros: Int, user: String, action: String, target: String, details: String)] {
        try await store.auditEntries(since: nil, user: nil, target: nil).map {
            ($0.sequence, Int(($0.at.timeIntervalSince1970 * 1_000_000).rounded()), $0.user, $0.action, $0.target, $0.details)
        }
    }

    @Test("every entry rewritten and hashed again with plain SHA-256, chain consistent: verify fails")
    func plainRewrite() async throws {
        try await withTrail { store, path, _ in
            #expect(try await store.verifyAudit(checkpoint: nil).isIntact)
            var previous = AuditChain.genesis
            var sql = ""
            for row in try await rows(store) {
                let user = row.sequence == 2 ? "intrus" : row.user
                let hash = AuditChain.hash(sequence: row.sequence, atMicroseconds: row.micros, user: user, action: row.action,
                                           target: row.target, details: row.details, previousHash: previous)
                sql += "UPDATE audit_entry SET user_name = '\(user)', previous_hash = '\(previous)', hash = '\(hash)', scheme = 'sha256' WHERE sequence = \(row.sequence);\n"
                previous = hash
            }
            try SQLiteStore.executeUnchecked(sql, inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(!result.isIntact)
            #expect(result.problem?.sequence == 5)
            #expect(result.problem?.reason.contains("head file") == true)
        }
    }

    @Test("the newest entries deleted: the trail ends before its head file, verify fails")
    func truncated() async throws {
        try await withTrail { store, path, _ in
            try SQLiteStore.executeUnchecked("DELETE FROM audit_entry WHERE sequence > 3", inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.problem?.reason.contains("the trail ends at entry 3 but its head file names entry 5") == true)
        }
    }

    @Test("the table emptied: verify fails, it does not say intact with 0 entries")
    func emptied() async throws {
        try await withTrail { store, path, _ in
            try SQLiteStore.executeUnchecked("DELETE FROM audit_entry", inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.entries == 0)
            #expect(!result.isIntact)
            #expect(result.problem?.reason.contains("newest entries were removed") == true)
        }
    }

    @Test("the head file removed or forged: verify fails")
    func headFile() async throws {
        try await withTrail { store, path, _ in
            let head = path + ".audit-key.head"
            let text = try String(contentsOfFile: head, encoding: .utf8)
            try text.replacingOccurrences(of: "sequence: 5", with: "sequence: 3").write(toFile: head, atomically: true, encoding: .utf8)
            #expect(try await store.verifyAudit(checkpoint: nil).problem?.reason.contains("signature does not match") == true)
            try FileManager.default.removeItem(atPath: head)
            #expect(try await store.verifyAudit(checkpoint: nil).problem?.reason.contains("is missing") == true)
        }
    }

    @Test("a checkpoint verifies; after the entry it names is altered, or the trail rolled back with its head file, it fails")
    func checkpoint() async throws {
        try await withTrail { store, path, dir in
            // State A: the database and its head file copied together, as a backup would be.
            let backup = dir.file("backup.sqlite").path, backupHead = dir.file("backup.head").path
            try FileManager.default.copyItem(atPath: path, toPath: backup)
            try FileManager.default.copyItem(atPath: path + ".audit-key.head", toPath: backupHead)
            try await store.addBox(Box(code: "B-2"), by: "gd", at: now.addingTimeInterval(5))
            let checkpoint = try await store.auditCheckpoint(by: "gd", at: now.addingTimeInterval(6))
            #expect(checkpoint.sequence == 7)
            let parsed = try AuditCheckpoint.parse(checkpoint.text)
            #expect(parsed == checkpoint)
            #expect(try await store.verifyAudit(checkpoint: parsed).isIntact)

            // The checkpoint's text altered: its signature no longer matches.
            var forged = parsed
            forged.sequence = 6
            #expect(try await store.verifyAudit(checkpoint: forged).problem?.reason.contains("signature") == true)

            // Both files rolled back to state A: consistent, so verify alone passes; the
            // checkpoint kept elsewhere names entry 7, which that trail does not hold.
            let restored = dir.file("restored.sqlite").path
            try FileManager.default.copyItem(atPath: backup, toPath: restored)
            try FileManager.default.removeItem(atPath: path + ".audit-key.head")
            try FileManager.default.copyItem(atPath: backupHead, toPath: path + ".audit-key.head")
            let rolledBack = try SQLiteStore(path: restored, auditKeyFile: path + ".audit-key")
            #expect(try await rolledBack.verifyAudit(checkpoint: nil).isIntact)
            let result = try await rolledBack.verifyAudit(checkpoint: parsed)
            #expect(result.problem?.reason.contains("the checkpoint names entry 7 but the trail ends at entry 5") == true)

            // The rolled-back copy put back in service: it writes entries 6 and 7 of its own,
            // so the trail reaches past the checkpoint again, with its head file consistent;
            // only the checkpoint sees that entry 7 is not the one it named.
            try await rolledBack.addBox(Box(code: "B-3"), by: "gd", at: now.addingTimeInterval(7))
            try await rolledBack.addBox(Box(code: "B-4"), by: "gd", at: now.addingTimeInterval(8))
            #expect(try await rolledBack.verifyAudit(checkpoint: nil).isIntact)
            let replaced = try await rolledBack.verifyAudit(checkpoint: parsed)
            #expect(replaced.problem?.reason.contains("entry 7 is not the one the checkpoint names") == true)
        }
    }

    @Test("the head file never moves backwards: a slower process that committed an older entry leaves the newer head")
    func headNeverBackwards() async throws {
        try await withTrail { store, path, _ in
            let key = try #require(try AuditKey.load(path + ".audit-key"))
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(AuditHeadFile.read(key) == .head(AuditHead(sequence: 5, hash: entries[4].hash)))
            #expect(AuditHeadFile.advance(to: AuditHead(sequence: 3, hash: entries[2].hash), key))
            #expect(AuditHeadFile.read(key) == .head(AuditHead(sequence: 5, hash: entries[4].hash)))
            #expect(try await store.verifyAudit(checkpoint: nil).head == 5)
        }
    }

    @Test("a checkpoint that does not read as one is refused, naming the line")
    func unreadableCheckpoint() throws {
        #expect(throws: Refusal(.auditCheckpointUnreadable, ["line": "2", "problem": "expected “field: value”"])) {
            _ = try AuditCheckpoint.parse("# checkpoint\nnot a field\n")
        }
    }

    @Test("a key file its group or others can read is refused, with its mode")
    func exposedKey() throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-audit")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        try AuditKeyFixture.write(AuditKeyFixture.hex, to: path + ".audit-key", mode: 0o644)
        #expect(throws: Refusal(.auditKeyExposed, ["file": path + ".audit-key", "mode": "0644"])) { try SQLiteStore(path: path) }
        try AuditKeyFixture.write("too short", to: path + ".audit-key", mode: 0o600)
        #expect(throws: Refusal.self) { try SQLiteStore(path: path) }
    }

    @Test("without the key a store reads, but refuses every change, saying where the key was looked for")
    func failsClosed() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-audit")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let store = try SQLiteStore(path: path)
        await #expect(throws: Refusal(.auditKeyMissing, ["file": path + ".audit-key"])) {
            _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
        }
        #expect(try await store.users().isEmpty)
        #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM audit_entry", inDatabaseAt: path) == 0)
    }

    @Test("a trail written before the key keeps its plain hashes; after the first keyed entry an unkeyed one fails")
    func legacyTrail() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-audit")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        _ = try SQLiteStore(path: path)
        // Two entries as a Sablier without keys wrote them.
        func plainEntry(_ sequence: Int, previous: String) -> (sql: String, hash: String) {
            let micros = 1_795_000_000_000_000 + sequence
            let hash = AuditChain.hash(sequence: sequence, atMicroseconds: micros, user: "admin", action: "user.add",
                                       target: "user u\(sequence)", details: "{}", previousHash: previous)
            return ("""
                INSERT INTO audit_entry (sequence, at, user_name, action, target, details, previous_hash, hash)
                VALUES (\(sequence), \(micros), 'admin', 'user.add', 'user u\(sequence)', '{}', '\(previous)', '\(hash)');
                """, hash)
        }
        let first = plainEntry(1, previous: AuditChain.genesis), second = plainEntry(2, previous: first.hash)
        try SQLiteStore.executeUnchecked(first.sql + second.sql, inDatabaseAt: path)

        let store = try SQLiteStore(path: path)
        // Without the key nothing is proved: verify refuses, it does not say intact.
        await #expect(throws: Refusal(.auditKeyMissing, ["file": path + ".audit-key"])) { _ = try await store.verifyAudit(checkpoint: nil) }
        let created = try await store.createAuditKey(by: "admin", at: now)
        #expect(created.sequence == 3 && created.action == "audit.key-create")
        let attributes = try FileManager.default.attributesOfItem(atPath: path + ".audit-key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        await #expect(throws: Refusal(.auditKeyExists, ["file": path + ".audit-key"])) { _ = try await store.createAuditKey(by: "admin", at: now) }
        let verified = try await store.verifyAudit(checkpoint: nil)
        #expect(verified.isIntact && verified.keyedFrom == 3 && verified.head == 3)

        // An entry chained right but hashed without the key, after the keyed one.
        let third = try #require(try await store.auditEntries(since: nil, user: nil, target: nil).last)
        try SQLiteStore.executeUnchecked(plainEntry(4, previous: third.hash).sql, inDatabaseAt: path)
        let result = try await store.verifyAudit(checkpoint: nil)
        #expect(result.problem?.sequence == 4)
        #expect(result.problem?.reason.contains("written without the key") == true)
    }

    @Test("a tombstone or a certificate entry edited in the file fails verify, naming it; the certificate carries the chain's head")
    func tombstonesAndCertificates() async throws {
        let dir = try TemporaryDirectory(prefix: "sablier-keyed-audit")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
        let day = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: day)
        try await store.addBox(Box(code: "B-2023-RF-01"), by: "gestion.doc", at: day)
        try await store.addBox(Box(code: "B-2014-RF-01"), by: "gestion.doc", at: day)
        let examples = dir.file("examples")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("examples"), to: examples)
        _ = try await DocumentRegistrar(store: store).importCSV(
            path: examples.appendingPathComponent("registre-exemple.csv").path, skipInvalid: false, actor: "gestion.doc", now: day)
        _ = try await store.proposeDisposition(asOf: CivilDate(iso: "2026-11-29")!, action: .destroy, by: "archiviste", at: day)
        try await store.approveDisposition(1, by: "directrice", at: day)
        let outcome = try await DispositionExecutor(store: store).execute(1, method: "déchiquetage", vendorCertificate: "V-1",
                                                                           by: "technicien", at: day)
        #expect(outcome.isComplete)

        let intact = try await store.verifyAudit(checkpoint: nil)
        #expect(intact.isIntact)
        #expect(intact.records == 9, "four tombstones, four certificate entries and the certificate's header")
        let certificate = try await store.dispositionCertificate(1)
        let last = try #require(try await store.auditEntries(since: nil, user: nil, target: "disposition 1").last)
        #expect(certificate.auditSequences.last == last.sequence)
        #expect(certificate.auditHeadHash == last.hash)

        try SQLiteStore.executeUnchecked("UPDATE tombstone SET destroyed_by = 'personne' WHERE reference = 'SG-CORR-2021'", inDatabaseAt: path)
        let tombstone = try await store.verifyAudit(checkpoint: nil)
        #expect(tombstone.problem?.record == "tombstone SG-CORR-2021")
        #expect(tombstone.problem?.reason.contains("the tombstone of SG-CORR-2021 was altered") == true)
        try SQLiteStore.executeUnchecked("UPDATE tombstone SET destroyed_by = 'technicien' WHERE reference = 'SG-CORR-2021'", inDatabaseAt: path)
        #expect(try await store.verifyAudit(checkpoint: nil).isIntact)

        // The certificate's header: the vendor's certificate number changed.
        try SQLiteStore.executeUnchecked("UPDATE disposition_list SET vendor_certificate = 'V-2' WHERE number = 1", inDatabaseAt: path)
        let header = try await store.verifyAudit(checkpoint: nil)
        #expect(header.problem?.record == "disposition 1")
        #expect(header.problem?.reason.contains("header of the certificate of disposition list 1") == true)
        try SQLiteStore.executeUnchecked("UPDATE disposition_list SET vendor_certificate = 'V-1' WHERE number = 1", inDatabaseAt: path)
        #expect(try await store.verifyAudit(checkpoint: nil).isIntact)

        try SQLiteStore.executeUnchecked("""
            UPDATE disposition_item SET file_sha256 = '\(String(repeating: "0", count: 64))' WHERE reference = 'RF-PAIE-2018'
            """, inDatabaseAt: path)
        let item = try await store.verifyAudit(checkpoint: nil)
        #expect(item.problem?.record == "disposition 1 RF-PAIE-2018")
        #expect(item.problem?.reason.contains("certificate of disposition list 1 was altered") == true)

        // A tombstone's digest removed and the newest entry's scheme made plain: the next
        // write is no "first keyed entry" and seals nothing, so the forgery stays visible.
        try SQLiteStore.executeUnchecked("""
            UPDATE tombstone SET digest = NULL WHERE reference = 'SG-CORR-2021';
            UPDATE audit_entry SET scheme = 'sha256' WHERE sequence = (SELECT MAX(sequence) FROM audit_entry);
            """, inDatabaseAt: path)
        try await store.addBox(Box(code: "B-2030-RF-01"), by: "gestion.doc", at: day)
        #expect(try SQLiteStore.fetchUncheckedInt("SELECT COUNT(*) FROM tombstone WHERE digest IS NULL", inDatabaseAt: path) == 1)
    }
}
