public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: CredentialStore {
    // MARK: - Passwords

    public func credential(of user: String) async throws -> Credential? {
        try await read("reading the credential of \(user)") { db in
            try Self.fetch(UserPasswordRow.self, db, ["user_name": user]).first?.credential
        }
    }

    public func setPassword(of user: String, hash: String, mustChange: Bool, by actor: String, at instant: Date) async throws {
        try await perform("setting the password of \(user)") { database in
            try await database.write { db in
                _ = try Self.existingUser(user, db)
                try db.execute(sql: UserPasswordRow.upsert, arguments: [user, hash, mustChange, StoredCode.microseconds(instant)])
                let closed = try Self.closeSessions(of: user, at: instant, db)
                try self.audit(db, user: actor, action: mustChange ? "user.password-reset" : "user.password-change", target: "user \(user)",
                               details: ["sessionsClosed": String(closed)], at: instant)
            }
        }
    }

    @discardableResult
    public func recordSignInFailure(of user: String, reason: String, address: String?, at instant: Date,
                                    lock: @escaping @Sendable (Int) -> Date?) async throws -> Int {
        try await perform("recording a failed sign-in") { database in
            try await database.write { db in
                try db.execute(sql: CredentialQueries.countFailure,
                               arguments: [StoredCode.microseconds(instant), user])
                let failures = try Int.fetchOne(db, sql: CredentialQueries.failures, arguments: [user]) ?? 0
                let lockedUntil = lock(failures)
                if let lockedUntil {
                    try db.execute(sql: CredentialQueries.lock,
                                   arguments: [StoredCode.microseconds(lockedUntil), user])
                }
                var details = ["reason": reason, "failures": String(failures)]
                if let address { details["address"] = address }
                try self.audit(db, user: user, action: "auth.failure", target: "user \(user)", details: details, at: instant)
                if let lockedUntil {
                    try self.audit(db, user: user, action: "auth.lock", target: "user \(user)",
                                   details: ["until": lockedUntil.formatted(.iso8601)], at: instant)
                }
                return failures
            }
        }
    }

    // MARK: - Sessions

    public func openWebSession(_ session: WebSessionRecord, address: String?) async throws {
        try await perform("opening a session for \(session.user)") { database in
            try await database.write { db in
                try db.execute(sql: CredentialQueries.clearFailures,
                               arguments: [session.user])
                try SQLiteInserter<WebSessionRow>(db).insert([WebSessionRow(session)])
                try self.audit(db, user: session.user, action: "auth.sign-in", target: "user \(session.user)",
                               details: address.map { ["address": $0] } ?? [:], at: session.createdAt)
            }
        }
    }

    public func webSession(secretHash: String) async throws -> WebSessionRecord? {
        try await read("reading a session") { db in
            try Self.fetch(WebSessionRow.self, db, ["secret_hash": secretHash]).first?.record
        }
    }

    public func touchWebSession(secretHash: String, at instant: Date) async throws {
        try await perform("recording a session's activity") { database in
            try await database.write { db in
                try db.execute(sql: CredentialQueries.touchSession,
                               arguments: [StoredCode.microseconds(instant), secretHash])
            }
        }
    }

    public func closeWebSession(secretHash: String, reason: String, at instant: Date) async throws {
        try await perform("closing a session") { database in
            try await database.write { db in
                guard let user = try String.fetchOne(db, sql: CredentialQueries.sessionUser,
                                                     arguments: [secretHash]) else { return }
                try db.execute(sql: CredentialQueries.closeSession,
                               arguments: [StoredCode.microseconds(instant), secretHash])
                try self.audit(db, user: user, action: "auth.sign-out", target: "user \(user)", details: ["reason": reason], at: instant)
            }
        }
    }

    /// Closes every open session of `user` in the transaction of `db`; returns how many.
    static func closeSessions(of user: String, at instant: Date, _ db: Database) throws -> Int {
        try db.execute(sql: "UPDATE web_session SET closed_at = ? WHERE user_name = ? AND closed_at IS NULL",
                       arguments: [StoredCode.microseconds(instant), user])
        return db.changesCount
    }

    // MARK: - Tokens

    public func addToken(_ token: APIToken, secretHash: String) async throws -> APIToken {
        try await perform("creating a token for \(token.user)") { database in
            try await database.write { db in
                _ = try Self.existingUser(token.user, db)
                let id = try Int.fetchOne(db, sql: AccountabilityQueries.insertToken, arguments: [
                    secretHash, token.user, token.name, StoredCode.microseconds(token.createdAt), token.createdBy, token.expiresOn?.description,
                ])!
                var details = ["name": token.name]
                if let expires = token.expiresOn { details["expires"] = expires.description }
                try self.audit(db, user: token.createdBy, action: "token.create", target: "token \(id) of user \(token.user)",
                               details: details, at: token.createdAt)
                return try Self.tokenRow(id, db)!
            }
        }
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await read("reading a token") { db in
            try Self.fetch(APITokenRow.self, db, ["secret_hash": secretHash]).first?.token
        }
    }

    public func token(_ id: Int) async throws -> APIToken? {
        try await read("reading token \(id)") { db in try Self.tokenRow(id, db) }
    }

    public func tokens() async throws -> [APIToken] {
        try await read("listing tokens") { db in
            try Self.fetch(APITokenRow.self, db, orderBy: ["id"]).map(\.token)
        }
    }

    public func revokeToken(_ id: Int, by actor: String, at instant: Date) async throws -> APIToken {
        try await perform("revoking token \(id)") { database in
            try await database.write { db in
                guard let token = try Self.tokenRow(id, db) else { throw Refusal(.tokenNotFound, ["token": String(id)]) }
                try token.checkRevocation()
                try db.execute(sql: CredentialQueries.revokeToken,
                               arguments: [StoredCode.microseconds(instant), actor, id])
                try self.audit(db, user: actor, action: "token.revoke", target: "token \(id) of user \(token.user)", details: [:], at: instant)
                return try Self.tokenRow(id, db)!
            }
        }
    }

    static func tokenRow(_ id: Int, _ db: Database) throws -> APIToken? {
        try fetch(APITokenRow.self, db, ["id": id]).first?.token
    }
}
