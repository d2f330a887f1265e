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
            return Secrets.hashPassword(password, cost: security.bcryptCost)
        }
        try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            try await store.setPassword(of: name, hash: hash, mustChange: !ownPassword, by: access.user.name, at: clock.now)
        }
    }

    /// A signed-in person changes their own password, giving the current one.
    public func changePassword(_ session: Session, current: String, new password: String) async throws(Refusal) {
        let name = session.user.name
        let useCase = "change password"
        let credential = try await attempt { try await store.credential(of: name) }
        guard let credential, Secrets.verifyPassword(current, hash: credential.hash) else {
            throw await audited(Refusal(.wrongPassword), by: name, useCase: useCase, details: [:])
        }
        let hash = try await auditingRefusals(by: name, useCase: useCase) {
            try PasswordPolicy.check(password, user: name)
            return Secrets.hashPassword(password, cost: security.bcryptCost)
        }
        try await attempt { try await store.setPassword(of: name, hash: hash, mustChange: false, by: name, at: clock.now) }
    }
}
