import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierPostgres
@testable import SablierSQLite

/// `AccountabilityStore` on every backend: users and roles, incidents, the audit trail, its
/// verification and checkpoints, and the keyed digests of the records the key seals. Tampering
/// is done around the store's API, in the database itself, as an attacker with write access
/// to it would.
@Suite("Accountability store contract: users, roles, incidents, audit verify and checkpoints, on every backend")
struct AccountabilityStoreContractTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A store of `backend` with a few audited changes: init, a user, a role, an incident.
    func withTrail<T>(_ backend: Backend, _ body: (any AccountabilityStore, TemporaryDirectory) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            // Accountability only: it runs on a backend as soon as this protocol is ported.
            let store = try await backend.makeStore(in: directory, as: (any AccountabilityStore).self)
            _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
            try await store.addUser(User(name: "gd", unit: "SG", roles: [.gestionDocumentaire], email: "gd@example.org"),
                                    by: "admin", at: now.addingTimeInterval(1))
            try await store.grant(.verificateur, to: "gd", by: "admin", at: now.addingTimeInterval(2))
            _ = try await store.reportIncident(.integrite, description: "a box found open", documents: ["X-2", "X-1", "X-2"], by: "gd",
                                               at: now.addingTimeInterval(3))
            return try await body(store, directory)
        }
    }

    @Test("users and roles: the first user, additions, grants and revocations, the last RSI kept, each audited", arguments: Backend.allCases)
    func usersAndRoles(_ backend: Backend) async throws {
        try await withTrail(backend) { store, _ in
            await #expect(throws: Refusal(.alreadyInitialised, ["first": "admin"])) {
                _ = try await store.initialize(admin: "other", unit: "SI", at: now)
            }
            await #expect(throws: Refusal(.userExists, ["user": "gd"])) {
                try await store.addUser(User(name: "gd", unit: "SG", roles: [.utilisateur]), by: "admin", at: now)
            }
            #expect(try await store.user("gd") == User(name: "gd", unit: "SG", roles: [.gestionDocumentaire, .verificateur], email: "gd@example.org"))
            #expect(try await store.user("nobody") == nil)
            await #expect(throws: Refusal(.userNotFound, ["user": "nobody"])) {
                try await store.grant(.aiprp, to: "nobody", by: "admin", at: now)
            }
            await #expect(throws: Refusal(.roleHeld, ["user": "gd", "role": "verificateur"])) {
                try await store.grant(.verificateur, to: "gd", by: "admin", at: now)
            }
            // The only active RSI can neither lose the role nor be disabled.
            await #expect(throws: Refusal(.lastRSI, ["user": "admin"])) {
                try await store.revoke(.rsi, from: "admin", by: "admin", at: now)
            }
            await #expect(throws: Refusal(.lastRSI, ["user": "admin"])) {
                try await store.setActive("admin", false, by: "admin", at: now)
            }
            try await store.revoke(.verificateur, from: "gd", by: "admin", at: now.addingTimeInterval(10))
            try await store.setActive("gd", false, by: "admin", at: now.addingTimeInterval(11))
            await #expect(throws: Refusal(.userUnchanged, ["user": "gd", "state": "disabled"])) {
                try await store.setActive("gd", false, by: "admin", at: now)
            }
            // A second RSI, active, lets the first one go.
            try await store.grant(.rsi, to: "gd", by: "admin", at: now.addingTimeInterval(12))
            try await store.setActive("gd", true, by: "admin", at: now.addingTimeInterval(13))
            try await store.setActive("admin", false, by: "gd", at: now.addingTimeInterval(14))
            try await store.revoke(.gestionDocumentaire, from: "gd", by: "gd", at: now.addingTimeInterval(15))
            await #expect(throws: Refusal(.lastRSI, ["user": "gd"])) {
                try await store.revoke(.rsi, from: "gd", by: "gd", at: now)
            }
            #expect(try await store.users() == [
                User(name: "admin", unit: "SI", roles: [.rsi], active: false),
                User(name: "gd", unit: "SG", roles: [.rsi], active: true, email: "gd@example.org"),
            ])
            let entries = try await store.auditEntries(since: nil, user: nil, target: "user gd")
            #expect(entries.map(\.action) == ["user.add", "user.grant", "user.revoke", "user.disable", "user.grant", "user.enable", "user.revoke"])
            #expect(entries[0].details == #"{"email":"gd@example.org","roles":"gestion-documentaire","unit":"SG"}"#)
            #expect(try await store.verifyAudit(checkpoint: nil).isIntact)
        }
    }

    @Test("incidents: numbered from 1, documents once each and sorted, notes in order, a closed one refused", arguments: Backend.allCases)
    func incidents(_ backend: Backend) async throws {
        try await withTrail(backend) { store, _ in
            let second = try await store.reportIncident(.confidentialite, description: "a list sent to the wrong school", documents: [],
                                                        by: "admin", at: now.addingTimeInterval(20))
            #expect(second.id == 2)
            var first = try await store.updateIncident(1, status: .enTraitement, note: "box sealed again", by: "admin", at: now.addingTimeInterval(21))
            first = try await store.updateIncident(1, status: .ferme, note: "nothing missing", by: "gd", at: now.addingTimeInterval(22))
            #expect(first.id == 1 && first.kind == .integrite && first.status == .ferme && first.description == "a box found open")
            #expect(first.documents == ["X-1", "X-2"])
            #expect(first.reportedBy == "gd" && first.reportedAt == now.addingTimeInterval(3))
            #expect(first.notes.map(\.note) == ["box sealed again", "nothing missing"])
            #expect(first.notes.map(\.status) == [.enTraitement, .ferme])
            #expect(first.notes.map(\.by) == ["admin", "gd"])
            #expect(first.notes.last?.at == now.addingTimeInterval(22))
            await #expect(throws: Refusal(.incidentClosed, ["incident": "1"])) {
                _ = try await store.updateIncident(1, status: .ouvert, note: "again", by: "admin", at: now)
            }
            await #expect(throws: Refusal(.incidentNotFound, ["incident": "9"])) {
                _ = try await store.updateIncident(9, status: .ferme, note: "no such", by: "admin", at: now)
            }
            #expect(try await store.incidents().map(\.id) == [1, 2])
            #expect(try await store.incidents().first == first)
            let reported = try await store.auditEntries(since: nil, user: nil, target: "incident 1")
            #expect(reported.map(\.action) == ["incident.report", "incident.update", "incident.update"])
            #expect(reported[0].details == #"{"description":"a box found open","documents":"X-1,X-2","type":"integrite"}"#)
        }
    }

    @Test("the trail: one entry per change, chained and keyed, read by user, target and time; verify and a checkpoint hold",
          arguments: Backend.allCases)
    func trail(_ backend: Backend) async throws {
        try await withTrail(backend) { store, _ in
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil)
            #expect(entries.map(\.action) == ["store.init", "user.add", "user.grant", "incident.report"])
            #expect(entries.map(\.sequence) == [1, 2, 3, 4])
            #expect(entries.first?.previousHash == AuditChain.genesis)
            for (previous, next) in zip(entries, entries.dropFirst()) { #expect(next.previousHash == previous.hash) }
            #expect(entries[2].at == now.addingTimeInterval(2))
            #expect(try await store.auditEntries(since: nil, user: "gd", target: nil).map(\.sequence) == [4])
            #expect(try await store.auditEntries(since: now.addingTimeInterval(2), user: "admin", target: nil).map(\.sequence) == [3])
            #expect(try await store.verifyAudit(checkpoint: nil) == AuditChain.Verification(entries: 4, problem: nil, keyedFrom: 1, head: 4))
            // A refused change leaves no entry: its transaction rolled back.
            await #expect(throws: Refusal(.userExists, ["user": "gd"])) {
                try await store.addUser(User(name: "gd", unit: "SG", roles: [.utilisateur]), by: "admin", at: now)
            }
            let appended = try await store.appendAudit(user: "admin", action: "report.view", target: "report", details: ["kind": "due"],
                                                       at: now.addingTimeInterval(5))
            #expect(appended.sequence == 5 && appended.previousHash == entries[3].hash)
            let checkpoint = try await store.auditCheckpoint(by: "admin", at: now.addingTimeInterval(6))
            #expect(checkpoint.sequence == 6)
            #expect(try await store.verifyAudit(checkpoint: checkpoint) == AuditChain.Verification(entries: 6, problem: nil, keyedFrom: 1, head: 6))
            var forged = checkpoint
            forged.hash = entries[0].hash
            #expect(try await store.verifyAudit(checkpoint: forged).problem?.reason.contains("signature") == true)
            let exists = await #expect(throws: Refusal.self) { _ = try await store.createAuditKey(by: "admin", at: now) }
            #expect(exists?.code == .auditKeyExists)
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == 6)
        }
    }

    @Test("an entry changed or removed in the database is found at its number", arguments: Backend.allCases)
    func tampered(_ backend: Backend) async throws {
        try await withTrail(backend) { store, directory in
            try await backend.executeUnchecked("UPDATE audit_entry SET user_name = 'someone' WHERE sequence = 3", in: directory)
            let altered = try await store.verifyAudit(checkpoint: nil)
            #expect(altered.problem?.sequence == 3)
            #expect(altered.problem?.reason.contains("altered") == true)
            try await backend.executeUnchecked("DELETE FROM audit_entry WHERE sequence >= 3", in: directory)
            let cut = try await store.verifyAudit(checkpoint: nil)
            #expect(cut.problem?.sequence == 3)
            #expect(cut.problem?.reason.contains("newest entries were removed") == true)
            // Writing on past the cut is refused: the next entry would hide it.
            let refusal = await #expect(throws: Refusal.self) {
                try await store.appendAudit(user: "admin", action: "x", target: "y", details: [:], at: now)
            }
            #expect(refusal?.code == .auditHeadMismatch)
        }
    }

    @Test("a certificate's header is sealed with the key: unsealed or altered in the database, verify names it", arguments: Backend.allCases)
    func sealedHeader(_ backend: Backend) async throws {
        try await withTrail(backend) { store, directory in
            // A list whose execution has begun, written around the store: its header carries no digest.
            try await backend.executeUnchecked("""
                INSERT INTO disposition_list (number, action, as_of, state, proposed_at, proposed_by, approved_at, approved_by,
                    execution_started_at, executed_by, method)
                VALUES (1, 'destroy', '2026-11-29', 'executing', 1, 'gd', 2, 'admin', 3, 'gd', 'déchiquetage')
                """, in: directory)
            let unsealed = try await store.verifyAudit(checkpoint: nil)
            #expect(unsealed.problem == AuditChain.Verification.Problem(
                sequence: 0,
                reason: "the header of the certificate of disposition list 1 carries no keyed digest: it was written, or its digest removed, without the key",
                record: "disposition 1"))
            #expect(unsealed.records == 1)
            try await backend.sealDispositionList(1, of: store)
            #expect(try await store.verifyAudit(checkpoint: nil) == AuditChain.Verification(entries: 4, problem: nil, keyedFrom: 1, head: 4, records: 1))
            try await backend.executeUnchecked("UPDATE disposition_list SET vendor_certificate = 'C-9' WHERE number = 1", in: directory)
            let altered = try await store.verifyAudit(checkpoint: nil)
            #expect(altered.problem?.record == "disposition 1")
            #expect(altered.problem?.reason.contains("was altered") == true)
        }
    }

    @Test("a trail written before the key: verify refuses without it; the key made, older certificates sealed, later plain entries found",
          arguments: Backend.allCases)
    func keyCreation(_ backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let (store, keyFile) = try await backend.unkeyedStore(in: directory)
            defer { (store as Any as? PostgresStore)?.close() }
            // Two entries as a Sablier without keys wrote them, and a list executed then.
            func plainEntry(_ sequence: Int, previous: String) -> (sql: String, hash: String) {
                let micros = 1_795_000_000_000_000 + sequence
                let hash = AuditChain.hash(sequence: sequence, atMicroseconds: micros, user: "admin", action: "user.add",
                                           target: "user u\(sequence)", details: "{}", previousHash: previous)
                return ("""
                    INSERT INTO audit_entry (sequence, at, user_name, action, target, details, previous_hash, hash)
                    VALUES (\(sequence), \(micros), 'admin', 'user.add', 'user u\(sequence)', '{}', '\(previous)', '\(hash)')
                    """, hash)
            }
            let first = plainEntry(1, previous: AuditChain.genesis), second = plainEntry(2, previous: first.hash)
            try await backend.executeUnchecked(first.sql, in: directory)
            try await backend.executeUnchecked(second.sql, in: directory)
            try await backend.executeUnchecked("""
                INSERT INTO disposition_list (number, action, as_of, state, proposed_at, proposed_by, approved_at, approved_by,
                    execution_started_at, executed_at, executed_by, method)
                VALUES (1, 'destroy', '2026-11-29', 'executed', 1, 'gd', 2, 'admin', 3, 4, 'gd', 'déchiquetage')
                """, in: directory)
            // Without the key nothing is proved, and nothing is written.
            await #expect(throws: Refusal(.auditKeyMissing, ["file": keyFile])) { _ = try await store.verifyAudit(checkpoint: nil) }
            await #expect(throws: Refusal(.auditKeyMissing, ["file": keyFile])) {
                _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
            }
            let created = try await store.createAuditKey(by: "admin", at: now)
            #expect(created.sequence == 3 && created.action == "audit.key-create" && created.previousHash == second.hash)
            await #expect(throws: Refusal(.auditKeyExists, ["file": keyFile])) { _ = try await store.createAuditKey(by: "admin", at: now) }
            #expect(try await store.verifyAudit(checkpoint: nil)
                == AuditChain.Verification(entries: 3, problem: nil, keyedFrom: 3, head: 3, records: 1))
            // An entry chained right but hashed without the key, after the keyed one.
            try await backend.executeUnchecked(plainEntry(4, previous: created.hash).sql, in: directory)
            let result = try await store.verifyAudit(checkpoint: nil)
            #expect(result.problem?.sequence == 4)
            #expect(result.problem?.reason.contains("written without the key") == true)
        }
    }

    @Test("verify while others write: every verification finds the trail intact, and the head file names its last entry after",
          arguments: Backend.allCases)
    func verifyWhileWriting(_ backend: Backend) async throws {
        try await withTrail(backend) { store, _ in
            let verdicts = try await withThrowingTaskGroup(of: [AuditChain.Verification].self) { group in
                for writer in 0..<3 {
                    group.addTask {
                        for index in 0..<40 {
                            try await store.appendAudit(user: "w\(writer)", action: "test.write", target: "entry \(index)", details: [:],
                                                        at: now.addingTimeInterval(Double(100 + index)))
                        }
                        return []
                    }
                }
                group.addTask {
                    var verdicts: [AuditChain.Verification] = []
                    for _ in 0..<40 { verdicts.append(try await store.verifyAudit(checkpoint: nil)) }
                    return verdicts
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(verdicts.count == 40)
            #expect(verdicts.compactMap(\.problem).isEmpty)
            #expect(try await store.verifyAudit(checkpoint: nil) == AuditChain.Verification(entries: 124, problem: nil, keyedFrom: 1, head: 124))
        }
    }

    @Test("a row gives the same sealed values on SQLite and PostgreSQL, a BOOLEAN as SQLite's 0 or 1: a copied store verifies")
    func sameSealedValues() async throws {
        guard Backend.allCases.contains(.postgres) else { return }
        var values: [Backend: [[StoreValue]]] = [:]
        for backend in Backend.allCases {
            values[backend] = try await withTemporaryDirectory { directory in
                let store = try await backend.makeStore(in: directory, as: (any AccountabilityStore).self)
                _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
                try await backend.executeUnchecked("""
                    INSERT INTO disposition_list (number, action, as_of, state, proposed_at, proposed_by, approved_at, approved_by,
                        execution_started_at, executed_by, method, vendor_certificate)
                    VALUES (1, NULL, '2026-11-29', 'executing', 1795000000000000, 'gd', 2, 'admin', 3, 'gd', 'déchiquetage', 's3:abc;n;')
                    """, in: directory)
                return [
                    try await backend.uncheckedValues("SELECT \(SealedRecord.dispositionList.table.columns.joined(separator: ", ")) FROM disposition_list",
                                                      in: directory),
                    try await backend.uncheckedValues("SELECT name, unit, active, created_at, created_by, email FROM app_user", in: directory),
                ]
            }
        }
        #expect(values[.sqlite] == values[.postgres])
        #expect(values[.postgres]?.last?[2] == .integer(1))
        #expect(values[.postgres]?.first?[1] == .null)
    }
}

// MARK: - Around the store's API

extension Backend {
    /// Runs `sql` on the database of `directory` with none of the store's checks: what an
    /// attacker with write access to the database can do.
    func executeUnchecked(_ sql: String, in directory: TemporaryDirectory) async throws {
        switch self {
        case .sqlite:
            try SQLiteStore.executeUnchecked(sql, inDatabaseAt: directory.file("sablier.sqlite").path)
        case .postgres:
            let store = try await PostgresTestServer.shared.reader(in: directory)
            try await store.write("tampering with the database") { tx in try await tx.execute(sql) }
        }
    }

    /// A store on the database of `directory` with no audit key yet, and where it looks for one.
    func unkeyedStore(in directory: TemporaryDirectory) async throws -> (any AccountabilityStore, String) {
        switch self {
        case .sqlite:
            let path = directory.file("sablier.sqlite").path
            return (try SQLiteStore(path: path), path + ".audit-key")
        case .postgres:
            // The database is made (and dropped with the directory) by the test server, whose
            // own store has the test key; this one looks for its key elsewhere.
            _ = try await PostgresTestServer.shared.open(in: directory)
            let keyFile = directory.file("unkeyed.audit-key").path
            let url = try #require(PostgresTestServer.adminURL)
            return (try await PostgresStore.open(url: PostgresStore.url(url, database: PostgresTestServer.databaseName(directory)),
                                                 auditKeyFile: keyFile), keyFile)
        }
    }

    /// The first row `sql` reads, as the values a keyed digest covers.
    func uncheckedValues(_ sql: String, in directory: TemporaryDirectory) async throws -> [StoreValue] {
        switch self {
        case .sqlite:
            return try SQLiteStore.fetchUncheckedValues(sql, inDatabaseAt: directory.file("sablier.sqlite").path)
        case .postgres:
            let store = try await PostgresTestServer.shared.reader(in: directory)
            return try await store.read("reading a row") { tx in try await tx.rows(sql).first?.storeValues() ?? [] }
        }
    }

    /// Seals list `number`'s header in a transaction of its own, as the disposition store does
    /// after each change once its execution has begun.
    func sealDispositionList(_ number: Int, of store: any AccountabilityStore) async throws {
        switch self {
        case .sqlite:
            let store = try #require(store as Any as? SQLiteStore)
            try await store.writeForTests { db in try store.sealDispositionList(number, db) }
        case .postgres:
            // Through `Any` while `PostgresStore` conforms to only some of the protocols.
            let store = try #require(store as Any as? PostgresStore)
            try await store.write("sealing") { tx in try await store.sealDispositionList(number, tx) }
        }
    }
}
