import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// What every backend must do with passwords, sessions, API tokens and the folders the
/// register may read: keep what is given to the microsecond, count failures without losing one
/// when attempts meet, refuse what the domain refuses (unknown user, token or folder, a token
/// revoked twice, a folder added twice) with nothing changed, and audit each change in its
/// own transaction.
@Suite("CredentialStore and FileRootStore contract")
struct CredentialStoreContractTests {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    /// A bcrypt hash's shape (60 characters): the store keeps it, it never checks it.
    let hash = "$2b$12$" + String(repeating: "a", count: 53)
    let otherHash = "$2b$12$" + String(repeating: "b", count: 53)

    typealias Store = AccountabilityStore & CredentialStore & FileRootStore

    func withUsers<T>(_ backend: Backend, _ body: (any Store) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any Store).self)
            _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: now)
            try await store.addUser(User(name: "rh.chef", unit: "Ressources humaines", roles: [.detenteur]), by: "admin", at: now)
            return try await body(store)
        }
    }

    /// The SHA-256 shape of a session's or token's secret hash (64 hex characters).
    func secret(_ n: Int) -> String {
        SourceDigest.sha256Hex(Array("secret \(n)".utf8))
    }

    @Test("a password is kept, failures counted and locked by the policy, cleared by a sign-in; a new password closes the sessions",
          arguments: Backend.allCases)
    func passwords(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            #expect(try await store.credential(of: "rh.chef") == nil)
            // Kept to the microsecond, as every instant of the store.
            let set = StoredVersion.storedInstant(now.addingTimeInterval(0.123_456))
            try await store.setPassword(of: "rh.chef", hash: hash, mustChange: true, by: "admin", at: set)
            #expect(try await store.credential(of: "rh.chef") == Credential(user: "rh.chef", hash: hash, mustChange: true, changedAt: set))

            let lockedUntil = now.addingTimeInterval(900)
            var counts: [Int] = []
            for second in 1...3 {
                counts.append(try await store.recordSignInFailure(
                    of: "rh.chef", reason: "wrong password", address: "10.0.0.\(second)", at: now.addingTimeInterval(Double(second)),
                    lock: { $0 >= 3 ? lockedUntil : nil }))
            }
            #expect(counts == [1, 2, 3])
            var credential = try #require(try await store.credential(of: "rh.chef"))
            #expect(credential.failures == 3 && credential.lastFailureAt == now.addingTimeInterval(3) && credential.lockedUntil == lockedUntil)
            let entries = try await store.auditEntries(since: nil, user: nil, target: "user rh.chef")
            #expect(entries.map(\.action).suffix(4) == ["auth.failure", "auth.failure", "auth.failure", "auth.lock"])
            #expect(entries.last { $0.action == "auth.failure" }?.details.contains("10.0.0.3") == true)

            try await store.openWebSession(WebSessionRecord(secretHash: secret(1), user: "rh.chef", createdAt: now, lastSeenAt: now),
                                           address: nil)
            credential = try #require(try await store.credential(of: "rh.chef"))
            #expect(credential.failures == 0 && credential.lastFailureAt == nil && credential.lockedUntil == nil)

            let changed = now.addingTimeInterval(60)
            try await store.setPassword(of: "rh.chef", hash: otherHash, mustChange: false, by: "rh.chef", at: changed)
            #expect(try await store.credential(of: "rh.chef") == Credential(user: "rh.chef", hash: otherHash, mustChange: false, changedAt: changed))
            #expect(try await store.webSession(secretHash: secret(1))?.closedAt == changed)
            let change = try await store.auditEntries(since: nil, user: nil, target: "user rh.chef").last
            #expect(change?.action == "user.password-change" && change?.details.contains("sessionsClosed") == true)
        }
    }

    @Test("failures recorded at the same time are each counted once", arguments: Backend.allCases)
    func concurrentFailures(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            try await store.setPassword(of: "rh.chef", hash: hash, mustChange: false, by: "admin", at: now)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await store.recordSignInFailure(of: "rh.chef", reason: "wrong password", address: nil, at: now, lock: { _ in nil })
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts.sorted() == Array(1...8))
            #expect(try await store.credential(of: "rh.chef")?.failures == 8)
        }
    }

    @Test("an unknown user's password or token is refused and nothing is written", arguments: Backend.allCases)
    func unknownUser(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            let before = try await store.auditEntries(since: nil, user: nil, target: nil).count
            await #expect(throws: Refusal(.userNotFound, ["user": "personne"])) {
                try await store.setPassword(of: "personne", hash: hash, mustChange: true, by: "admin", at: now)
            }
            await #expect(throws: Refusal(.userNotFound, ["user": "personne"])) {
                _ = try await store.addToken(APIToken(id: 0, user: "personne", name: "script", createdAt: now, createdBy: "admin", expiresOn: nil),
                                             secretHash: secret(1))
            }
            #expect(try await store.credential(of: "personne") == nil)
            #expect(try await store.tokens() == [])
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == before)
        }
    }

    @Test("a session is kept, touched while open, closed once with its reason", arguments: Backend.allCases)
    func sessions(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            let opened = WebSessionRecord(secretHash: secret(1), user: "rh.chef", createdAt: now, lastSeenAt: now)
            try await store.openWebSession(opened, address: "10.0.0.1")
            #expect(try await store.webSession(secretHash: secret(1)) == opened)
            #expect(try await store.webSession(secretHash: secret(2)) == nil)

            try await store.touchWebSession(secretHash: secret(1), at: now.addingTimeInterval(30))
            #expect(try await store.webSession(secretHash: secret(1))?.lastSeenAt == now.addingTimeInterval(30))
            try await store.closeWebSession(secretHash: secret(1), reason: "idle", at: now.addingTimeInterval(40))
            try await store.closeWebSession(secretHash: secret(1), reason: "idle", at: now.addingTimeInterval(50))
            try await store.touchWebSession(secretHash: secret(1), at: now.addingTimeInterval(60))
            var closed = opened
            closed.lastSeenAt = now.addingTimeInterval(30)
            closed.closedAt = now.addingTimeInterval(40)
            #expect(try await store.webSession(secretHash: secret(1)) == closed)
            let actions = try await store.auditEntries(since: nil, user: nil, target: "user rh.chef").map(\.action)
            #expect(actions.filter { $0 == "auth.sign-in" }.count == 1 && actions.filter { $0 == "auth.sign-out" }.count == 1)
        }
    }

    @Test("tokens are numbered 1, 2, found by secret or number, revoked once", arguments: Backend.allCases)
    func tokens(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            let expires = try #require(CivilDate(iso: "2027-06-30"))
            let first = try await store.addToken(
                APIToken(id: 0, user: "rh.chef", name: "export", createdAt: now, createdBy: "admin", expiresOn: expires), secretHash: secret(1))
            let second = try await store.addToken(
                APIToken(id: 0, user: "admin", name: "nightly", createdAt: now, createdBy: "admin", expiresOn: nil), secretHash: secret(2))
            #expect(first == APIToken(id: 1, user: "rh.chef", name: "export", createdAt: now, createdBy: "admin", expiresOn: expires))
            #expect(second.id == 2 && second.expiresOn == nil)
            #expect(try await store.token(secretHash: secret(2)) == second)
            #expect(try await store.token(secretHash: secret(3)) == nil)
            #expect(try await store.token(1) == first)
            #expect(try await store.tokens() == [first, second])

            let revoked = try await store.revokeToken(1, by: "admin", at: now.addingTimeInterval(5))
            #expect(revoked.revokedAt == now.addingTimeInterval(5) && revoked.revokedBy == "admin")
            #expect(try await store.token(1) == revoked)
            await #expect(throws: Refusal(.tokenRevoked, ["token": "1"])) { _ = try await store.revokeToken(1, by: "admin", at: now) }
            await #expect(throws: Refusal(.tokenNotFound, ["token": "9"])) { _ = try await store.revokeToken(9, by: "admin", at: now) }
            let targets = try await store.auditEntries(since: nil, user: nil, target: nil).filter { $0.action.hasPrefix("token.") }
                .map { "\($0.action) \($0.target)" }
            #expect(targets == ["token.create token 1 of user rh.chef", "token.create token 2 of user admin", "token.revoke token 1 of user rh.chef"])
        }
    }

    @Test("folders are listed by path, refused when added twice or removed when absent, each change audited",
          arguments: Backend.allCases)
    func fileRoots(_ backend: Backend) async throws {
        try await withUsers(backend) { store in
            let archives = FileRoot(path: "/srv/archives", addedAt: now, addedBy: "admin")
            let depot = FileRoot(path: "/srv/depot", addedAt: now.addingTimeInterval(1), addedBy: "admin")
            try await store.addFileRoot(depot)
            try await store.addFileRoot(archives)
            #expect(try await store.fileRoots() == [archives, depot])
            await #expect(throws: Refusal(.rootExists, ["path": "/srv/depot"])) { try await store.addFileRoot(depot) }
            try await store.removeFileRoot(path: "/srv/depot", by: "admin", at: now.addingTimeInterval(2))
            await #expect(throws: Refusal(.rootNotFound, ["path": "/srv/depot"])) {
                try await store.removeFileRoot(path: "/srv/depot", by: "admin", at: now)
            }
            #expect(try await store.fileRoots() == [archives])
            let entries = try await store.auditEntries(since: nil, user: nil, target: nil).filter { $0.action.hasPrefix("roots.") }
            #expect(entries.map { "\($0.action) \($0.target)" }
                == ["roots.add root /srv/depot", "roots.add root /srv/archives", "roots.remove root /srv/depot"])
            #expect(store.ownFiles.contains { $0.hasSuffix(".head") })
        }
    }
}
