public import Foundation
public import SablierCore
public import SablierStore

extension PostgresStore: CredentialStore {
    // MARK: - Passwords

    public func credential(of user: String) async throws -> Credential? {
        try await read("reading the credential of \(user)") { tx in
            try await tx.fetch(UserPasswordRow.self, where: ["user_name": .text(user)]).first?.credential
        }
    }

    public func setPassword(of user: String, hash: String, mustChange: Bool, by actor: String, at instant: Date) async throws {
        try await write("setting the password of \(user)") { tx in
            _ = try await Self.existingUser(user, tx)
            try await tx.execute(UserPasswordRow.upsert,
                                 [.text(user), .text(hash), .boolean(mustChange), .integer(StoredCode.microseconds(instant))])
            let closed = try await Self.closeSessions(of: user, at: instant, tx)
            try await self.audit(tx, user: actor, action: mustChange ? "user.password-reset" : "user.password-change", target: "user \(user)",
                                 details: ["sessionsClosed": String(closed)], at: instant)
        }
    }

    /// Counts the failure under the write lock, so attempts at the same time each add one;
    /// `lock` only computes, so running it again when the transaction is retried is harmless.
    @discardableResult
    public func recordSignInFailure(of user: String, reason: String, address: String?, at instant: Date,
                                    lock: @escaping @Sendable (Int) -> Date?) async throws -> Int {
        try await write("recording a failed sign-in") { tx in
            try await tx.execute(CredentialQueries.countFailure,
                                 [.integer(StoredCode.microseconds(instant)), .text(user)])
            let failures = try await tx.scalar(Int.self, CredentialQueries.failures, [.text(user)]) ?? 0
            let lockedUntil = lock(failures)
            if let lockedUntil {
                try await tx.execute(CredentialQueries.lock,
                                     [.integer(StoredCode.microseconds(lockedUntil)), .text(user)])
            }
            var details = ["reason": reason, "failures": String(failures)]
            if let address { details["address"] = address }
            try await self.audit(tx, user: user, action: "auth.failure", target: "user \(user)", details: details, at: instant)
            if let lockedUntil {
                try await self.audit(tx, user: user, action: "auth.lock", target: "user \(user)",
                                     details: ["until": lockedUntil.formatted(.iso8601)], at: instant)
            }
            return failures
        }
    }

    // MARK: - Sessions

    public func openWebSession(_ session: WebSessionRecord, address: String?) async throws {
        try await write("opening a session for \(session.user)") { tx in
            try await tx.execute(CredentialQueries.clearFailures,
                                 [.text(session.user)])
            try await tx.insert([WebSessionRow(session)])
            try await self.audit(tx, user: session.user, action: "auth.sign-in", target: "user \(session.user)",
                                 details: address.map { ["address": $0] } ?? [:], at: session.createdAt)
        }
    }

    public func webSession(secretHash: String) async throws -> WebSessionRecord? {
        try await read("reading a session") { tx in
            try await tx.fetch(WebSessionRow.self, where: ["secret_hash": .text(secretHash)]).first?.record
        }
    }

    public func touchWebSession(secretHash: String, at instant: Date) async throws {
        try await write("recording a session's activity") { tx in
            try await tx.execute(CredentialQueries.touchSession,
                                 [.integer(StoredCode.microseconds(instant)), .text(secretHash)])
        }
    }

    public func closeWebSession(secretHash: String, reason: String, at instant: Date) async throws {
        try await write("closing a session") { tx in
            guard let user = try await tx.scalar(String.self, CredentialQueries.sessionUser,
                                                 [.text(secretHash)]) else { return }
            try await tx.execute(CredentialQueries.closeSession,
                                 [.integer(StoredCode.microseconds(instant)), .text(secretHash)])
            try await self.audit(tx, user: user, action: "auth.sign-out", target: "user \(user)", details: ["reason": reason], at: instant)
        }
    }

    /// Closes every open session of `user` in the transaction `tx`; returns how many.
    static func closeSessions(of user: String, at instant: Date, _ tx: PostgresTransaction) async throws -> Int {
        try await tx.rows("UPDATE web_session SET closed_at = ? WHERE user_name = ? AND closed_at IS NULL RETURNING secret_hash",
                          [.integer(StoredCode.microseconds(instant)), .text(user)]).count
    }

    // MARK: - Tokens

    public func addToken(_ token: APIToken, secretHash: String) async throws -> APIToken {
        try await write("creating a token for \(token.user)") { tx in
            _ = try await Self.existingUser(token.user, tx)
            let id = try await tx.scalar(Int.self, AccountabilityQueries.insertToken, [
                .text(secretHash), .text(token.user), .text(token.name), .integer(StoredCode.microseconds(token.createdAt)),
                .text(token.createdBy), StoreValue(token.expiresOn?.description),
            ])!
            var details = ["name": token.name]
            if let expires = token.expiresOn { details["expires"] = expires.description }
            try await self.audit(tx, user: token.createdBy, action: "token.create", target: "token \(id) of user \(token.user)",
                                 details: details, at: token.createdAt)
            return try await Self.tokenRow(id, tx)!
        }
    }

    public func token(secretHash: String) async throws -> APIToken? {
        try await read("reading a token") { tx in
            try await tx.fetch(APITokenRow.self, where: ["secret_hash": .text(secretHash)]).first?.token
        }
    }

    public func token(_ id: Int) async throws -> APIToken? {
        try await read("reading token \(id)") { tx in try await Self.tokenRow(id, tx) }
    }

    public func tokens() async throws -> [APIToken] {
        try await read("listing tokens") { tx in
            try await tx.fetch(APITokenRow.self, orderBy: ["id"]).map(\.token)
        }
    }

    public func revokeToken(_ id: Int, by actor: String, at instant: Date) async throws -> APIToken {
        try await write("revoking token \(id)") { tx in
            guard let token = try await Self.tokenRow(id, tx) else { throw Refusal(.tokenNotFound, ["token": String(id)]) }
            try token.checkRevocation()
            try await tx.execute(CredentialQueries.revokeToken,
                                 [.integer(StoredCode.microseconds(instant)), .text(actor), .integer(id)])
            try await self.audit(tx, user: actor, action: "token.revoke", target: "token \(id) of user \(token.user)", details: [:], at: instant)
            return try await Self.tokenRow(id, tx)!
        }
    }

    /// Token `id`, read inside any transaction.
    static func tokenRow(_ id: Int, _ tx: PostgresTransaction) async throws -> APIToken? {
        try await tx.fetch(APITokenRow.self, where: ["id": .integer(id)]).first?.token
    }
}
