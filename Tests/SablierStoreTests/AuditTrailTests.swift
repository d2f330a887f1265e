import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// The audit trail on a real SQLite file, tampered with directly in the file. SQLite only: the
/// tampering is done through the file; what every backend's trail must do is in the
/// accountability contract suite.
@Suite("SQLite only — audit trail: appended with every change, hash-chained, tampering found")
struct AuditTrailTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A store with a few audited changes: init, two users, a role, a box, an incident.
    func withTrail<T>(_ body: (SQLiteStore, String) async throws -> T) async throws -> T {
        let dir = try TemporaryDirectory(prefix: "sablier-audit")
        defer { dir.remove() }
        let path = dir.file("sablier.sqlite").path
        let store = try SQLiteStore(path: AuditKeyFixture.keyed(path))
        _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
        try await store.addUser(User(name: "gd", unit: "SG", roles: [.gestionDocumentaire]), by: "admin", at: now.addingTimeInterval(1))
        try await store.grant(.verificateur, to: "gd", by: "admin", at: now.addingTimeInterval(2))
        try await store.addBox(Box(code: "B-1"), by: "gd", at: now.addingTimeInterval(3))
        _ = try await store.reportIncident(.integrite, description: "test", documents: ["X-1"], by: "gd", at: now.addingTimeInterval(4))
        return try await body(store, path)
    }

    @Test("each change appended one entry, in order, chained from the genesis hash")
    func appended() async throws {
        try await withTrail { store, _ in
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(entries.map(\.action) == ["store.init", "user.add", "user.grant", "box.add", "incident.report"])
            #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(entries.first?.previousHash == AuditChain.genesis)
            for (previous, next) in zip(entries, entries.dropFirst()) { #expect(next.previousHash == previous.hash) }
            #expect(entries[2].details == #"{"role":"verificateur"}"#)
            #expect(try await store.verifyAudit(checkpoint: nil) == AuditChain.Verification(entries: 5, problem: nil, keyedFrom: 1, head: 5))
            #expect(try await store.auditEntries(since: nil, user: "gd", target: nil).map(\.sequence) == [4, 5])
            // A refused change (a duplicate user) leaves no entry: the transaction rolled back.
            await #expect(throws: Refusal(.userExists, ["user": "gd"])) {
                try await store.addUser(User(name: "gd", unit: "SG", roles: [.utilisateur]), by: "admin", at: now)
            }
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == 5)
        }
    }

    @Test("a field changed in the file is found at its entry")
    func altered() async throws {
        try await withTrail { store, path in
            try SQLiteStore.executeUnchecked("UPDATE audit_entry SET user_name = 'someone' WHERE sequence = 3", inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.problem?.sequence == 3)
            #expect(result.problem?.reason.contains("altered") == true)
        }
    }

    @Test("an entry rewritten with a recomputed plain SHA-256 no longer matches: the hash is keyed")
    func rewrittenWithHash() async throws {
        try await withTrail { store, path in
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            let target = entries[1]
            let micros = Int((target.at.timeIntervalSince1970 * 1_000_000).rounded())
            let forged = AuditChain.hash(sequence: 2, atMicroseconds: micros, user: "admin", action: "user.add", target: "user gd",
                                         details: #"{"roles":"rsi","unit":"SG"}"#, previousHash: target.previousHash)
            try SQLiteStore.executeUnchecked("""
                UPDATE audit_entry SET details = '{"roles":"rsi","unit":"SG"}', hash = '\(forged)' WHERE sequence = 2
                """, inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.problem?.sequence == 2)
            #expect(result.problem?.reason.contains("altered") == true)
        }
    }

    @Test("a deleted entry is found as missing")
    func deleted() async throws {
        try await withTrail { store, path in
            try SQLiteStore.executeUnchecked("DELETE FROM audit_entry WHERE sequence = 2", inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.problem?.sequence == 2)
            #expect(result.problem?.reason.contains("missing") == true)
        }
    }

    @Test("two entries swapped (their sequence numbers exchanged) are found")
    func swapped() async throws {
        try await withTrail { store, path in
            try SQLiteStore.executeUnchecked("""
                UPDATE audit_entry SET sequence = 1000 WHERE sequence = 3;
                UPDATE audit_entry SET sequence = 3 WHERE sequence = 4;
                UPDATE audit_entry SET sequence = 4 WHERE sequence = 1000;
                """, inDatabaseAt: path)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.problem?.sequence == 3)
        }
    }

    @Test("entries can be read by target: the box's registration, by whom")
    func byTarget() async throws {
        try await withTrail { store, _ in
            let entries = try await store.auditEntries(since: nil, user: nil, target: "box B-1")
            #expect(entries.count == 1 && entries.first?.user == "gd")
        }
    }
}
