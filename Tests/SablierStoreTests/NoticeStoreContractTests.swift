import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// What every `NoticeStore` backend must do with users' e-mail addresses: keep one checked
/// address per user (or none), read it back with the user, refuse what `EmailAddress` refuses
/// inside the transaction, and audit each change in the same transaction.
@Suite("NoticeStore contract: users' e-mail addresses")
struct NoticeStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!

    func withUsers<T>(_ backend: Backend, _ body: (any SablierStorage) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: now)
            try await store.addUser(User(name: "rh.chef", unit: "Ressources humaines", roles: [.detenteur]), by: "admin", at: now)
            return try await body(store)
        }
    }

    @Test("an address is stored, read back with the user and in the list, replaced, cleared; each change one audit entry", arguments: Backend.allCases)
    func setAndClear(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            let before = try await store.auditEntries(since: nil, user: nil, target: nil).count
            let set = try await store.setEmail("chef.rh@css.example.qc.ca", of: "rh.chef", by: "admin", at: now)
            #expect(set.email == "chef.rh@css.example.qc.ca" && set.roles == [.detenteur] && set.unit == "Ressources humaines")
            #expect(try await store.user("rh.chef")?.email == "chef.rh@css.example.qc.ca")
            #expect(try await store.users().first { $0.name == "rh.chef" }?.email == "chef.rh@css.example.qc.ca")
            #expect(try await store.users().first { $0.name == "admin" }?.email == nil)
            _ = try await store.setEmail("rh@css.example.qc.ca", of: "rh.chef", by: "admin", at: now)
            #expect(try await store.user("rh.chef")?.email == "rh@css.example.qc.ca")
            _ = try await store.setEmail(nil, of: "rh.chef", by: "admin", at: now)
            #expect(try await store.user("rh.chef")?.email == nil)
            let audit = try await store.auditEntries(since: nil, user: nil, target: "user rh.chef").suffix(3)
            #expect(audit.map(\.action) == ["user.email", "user.email", "user.email"])
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == before + 3)
        }
    }

    @Test("a user added with an address keeps it; a bad one is refused and nothing is added", arguments: Backend.allCases)
    func addWithAddress(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            try await store.addUser(User(name: "sg.chef", unit: "Secrétariat général", roles: [.detenteur], email: "chef.sg@css.example.qc.ca"),
                                    by: "admin", at: now)
            #expect(try await store.user("sg.chef")?.email == "chef.sg@css.example.qc.ca")
            let bad = User(name: "x", unit: "SG", roles: [.detenteur], email: "x@css.example.qc.ca\nBcc: tous@css.example.qc.ca")
            await #expect(throws: Refusal(.invalidEmail, ["address": bad.email!])) { try await store.addUser(bad, by: "admin", at: now) }
            #expect(try await store.user("x") == nil)
        }
    }

    @Test("a refused address or an unknown user changes nothing and writes no entry", arguments: Backend.allCases)
    func refused(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            _ = try await store.setEmail("chef.rh@css.example.qc.ca", of: "rh.chef", by: "admin", at: now)
            let before = try await store.auditEntries(since: nil, user: nil, target: nil).count
            for address in ["chef.rh@css.example.qc.ca\r\nBcc: x@y.ca", "chef.rh", "a@b.ca, c@d.ca"] {
                await #expect(throws: Refusal(.invalidEmail, ["address": address])) {
                    try await store.setEmail(address, of: "rh.chef", by: "admin", at: now)
                }
            }
            await #expect(throws: Refusal(.userNotFound, ["user": "personne"])) {
                try await store.setEmail("p@css.example.qc.ca", of: "personne", by: "admin", at: now)
            }
            #expect(try await store.user("rh.chef")?.email == "chef.rh@css.example.qc.ca")
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == before)
        }
    }
}
