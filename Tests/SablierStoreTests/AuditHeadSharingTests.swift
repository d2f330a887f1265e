import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierPostgres
@testable import SablierSQLite

/// The audit key and its head file when more than one store, handle or machine meets them: a
/// mistyped `--audit-key` on a keyed store, a second store given the same key, and a second
/// machine serving the same database with a copy of the key (`audit head adopt`).
@Suite("Audit key and head file across stores and machines")
struct AuditHeadSharingTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

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

    /// A store with a few keyed entries, and the directory it lives in.
    func withTrail<T>(_ backend: Backend, _ body: (any SablierStorage, TemporaryDirectory) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            _ = try await store.initialize(admin: "admin", unit: "SI", at: now)
            for number in 1...3 {
                try await store.addBox(Box(code: "B-\(number)"), by: "admin", at: now.addingTimeInterval(Double(number)))
            }
            return try await body(store, directory)
        }
    }

    @Test("audit key create with a mistyped --audit-key on a keyed store: refused, no key left, the trail intact and writable", arguments: Backend.allCases)
    func keyedStoreRefusesNewKey(_ backend: Backend) async throws {
        try await withTrail(backend) { store, directory in
            let typo = directory.file("typo.audit-key").path
            let mistyped = try await backend.reopen(in: directory, keyFile: typo)
            defer { backend.close(mistyped) }
            #expect(await refusal { _ = try await mistyped.createAuditKey(by: "admin", at: now) } == .auditKeyAlreadyKeyed)
            #expect(!FileManager.default.fileExists(atPath: typo))
            #expect(!FileManager.default.fileExists(atPath: typo + ".head"))
            try await store.addBox(Box(code: "B-9"), by: "admin", at: now.addingTimeInterval(9))
            #expect(try await store.verifyAudit(checkpoint: nil).isIntact)
        }
    }

    @Test("a second store given a key whose head file names another store's entries: refused at its first write, the first store unharmed", arguments: Backend.allCases)
    func keyOfAnotherStore(_ backend: Backend) async throws {
        try await withTrail(backend) { store, directory in
            try await withTemporaryDirectory { second in
                _ = try await backend.makeStore(in: second)
                let other = try await backend.reopen(in: second, keyFile: backend.keyFile(in: directory))
                defer { backend.close(other) }
                #expect(await refusal { _ = try await other.initialize(admin: "admin", unit: "SI", at: now) } == .auditKeyOtherTrail)
                try await store.addBox(Box(code: "B-9"), by: "admin", at: now.addingTimeInterval(9))
                #expect(try await store.verifyAudit(checkpoint: nil).isIntact)
            }
        }
    }

    @Test("a second machine with a copy of the key and no head file: writes refused until audit head adopt, then both machines write and verify", arguments: Backend.allCases)
    func secondMachineAdopts(_ backend: Backend) async throws {
        try await withTrail(backend) { store, directory in
            let copy = directory.file("machine2.audit-key").path
            try AuditKeyFixture.write(AuditKeyFixture.hex + "\n", to: copy, mode: 0o600)
            let machine2 = try await backend.reopen(in: directory, keyFile: copy)
            defer { backend.close(machine2) }
            #expect(await refusal { try await machine2.addBox(Box(code: "M-1"), by: "admin", at: now) } == .auditHeadMismatch)

            let adopted = try await machine2.adoptAuditHead(by: "admin", at: now.addingTimeInterval(10))
            #expect(adopted.action == "audit.head-adopt")
            guard case .head(let head) = AuditHeadFile.read(try #require(try AuditKey.load(copy))) else {
                Issue.record("no head file written for the second machine")
                return
            }
            #expect(head.sequence == adopted.sequence, "the head names the trail's end: the adoption's own entry, once it commits")
            #expect(await refusal { _ = try await machine2.adoptAuditHead(by: "admin", at: now) } == .auditHeadExists)

            try await machine2.addBox(Box(code: "M-2"), by: "admin", at: now.addingTimeInterval(11))
            try await store.addBox(Box(code: "B-9"), by: "admin", at: now.addingTimeInterval(12))
            try await machine2.addBox(Box(code: "M-3"), by: "admin", at: now.addingTimeInterval(13))
            #expect(try await store.verifyAudit(checkpoint: nil).isIntact)
            #expect(try await machine2.verifyAudit(checkpoint: nil).isIntact)
        }
    }

    @Test("audit head adopt on a trail that does not verify with the key: refused, no head file written")
    func adoptRefusedOnAlteredTrail() async throws {
        try await withTrail(.sqlite) { _, directory in
            let path = directory.file("sablier.sqlite").path
            try SQLiteStore.executeUnchecked("UPDATE audit_entry SET details = '{}' WHERE sequence = 2", inDatabaseAt: path)
            let copy = directory.file("machine2.audit-key").path
            try AuditKeyFixture.write(AuditKeyFixture.hex + "\n", to: copy, mode: 0o600)
            let machine2 = try await Backend.sqlite.reopen(in: directory, keyFile: copy)
            #expect(await refusal { _ = try await machine2.adoptAuditHead(by: "admin", at: now) } == .auditHeadMismatch)
            #expect(!FileManager.default.fileExists(atPath: copy + ".head"))
        }
    }
}

extension Backend {
    /// The key file `makeStore(in:)` gives the store of `directory`.
    func keyFile(in directory: TemporaryDirectory) -> String {
        switch self {
        case .sqlite: directory.file("sablier.sqlite").path + ".audit-key"
        case .postgres: directory.file("sablier.postgres").path + ".audit-key"
        }
    }

    /// Another handle on the store of `directory` (made first with `makeStore(in:)`), reading
    /// its key from `keyFile`: another process, or another machine, on the same database.
    func reopen(in directory: TemporaryDirectory, keyFile: String) async throws -> any SablierStorage {
        switch self {
        case .sqlite:
            return try SQLiteStore(path: directory.file("sablier.sqlite").path, auditKeyFile: keyFile)
        case .postgres:
            let adminURL = try #require(PostgresTestServer.adminURL)
            return try await PostgresStore.open(url: PostgresStore.url(adminURL, database: PostgresTestServer.databaseName(directory)),
                                                auditKeyFile: keyFile)
        }
    }

    /// Closes a handle `reopen` gave (PostgreSQL's connections; SQLite's closes with the value).
    func close(_ store: any SablierStorage) {
        (store as? PostgresStore)?.close()
    }
}
