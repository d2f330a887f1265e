public import SablierCore
import SablierStore

extension Sablier {
    /// Sets a user's password: the RSI's reset (the user must change it at their next sign-in),
    /// or a person's own password set from the server's command line (not to be changed).
    ///
    /// The password must pass `PasswordPolicy`. Setting it closes the user's open sessions.
    public func setPassword(_ session: Session, of name: String, to password: String) async throws(Refusal) {
        let useCase = "user password"
        let access = try await authorize(session, .manageUsers, useCase)
        let ownPassword = access.user.name == name
        let hash = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["user": name]) {
            guard try await store.user(name) != nil else { throw Refusal(.userNotFound, ["user": name]) }
            try PasswordPolicy.check(password, user: name)
            return await Secrets.hashPasswordOffThePool(password, cost: security.bcryptCost)
        }
        try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            try await store.setPassword(of: name, hash: hash, mustChange: !ownPassword, by: access.user.name, at: clock.now)
        }
    }

    /// A signed-in person changes their own password, giving the current one.
    ///
    /// A wrong current password counts as a failed sign-in (a stolen session cannot guess it
    /// freely), and the new one must differ: a password the RSI reset is not kept.
    public func changePassword(_ session: Session, current: String, new password: String) async throws(Refusal) {
        let name = session.user.name
        let useCase = "change password"
        let now = clock.now
        guard let credential = try await attempt({ try await store.credential(of: name) }) else {
            throw await audited(Refusal(.wrongPassword), by: name, useCase: useCase, details: [:])
        }
        do {
            try security.signIn.checkAttempt(failures: credential.failures, lastFailure: credential.lastFailureAt,
                                             lockedUntil: credential.lockedUntil, now: now)
        } catch {
            throw await audited(error, by: name, useCase: useCase, details: [:])
        }
        guard await Secrets.verifyPasswordOffThePool(current, hash: credential.hash) else {
            try await recordFailure(of: name, reason: "wrong-current-password", address: nil, at: now)
            throw Refusal(.wrongPassword)
        }
        let hash = try await auditingRefusals(by: name, useCase: useCase) {
            guard password != current else { throw Refusal(.passwordUnchanged) }
            try PasswordPolicy.check(password, user: name)
            return await Secrets.hashPasswordOffThePool(password, cost: security.bcryptCost)
        }
        try await attempt { try await store.setPassword(of: name, hash: hash, mustChange: false, by: name, at: clock.now) }
    }
}
