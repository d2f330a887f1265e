public import SablierCore
import SablierStore

/// A user as listed: `sablier user list --format json`, `GET /api/v1/users`.
public struct UserEntry: Sendable, Hashable, Codable {
    public var name: String
    public var unit: String
    /// The roles' codes, sorted.
    public var roles: [String]
    public var active: Bool
    /// Where `sablier notify` writes to them; absent when none is set.
    public var email: String?

    public init(_ user: User) {
        name = user.name
        unit = user.unit
        roles = user.roles.sorted().map(\.rawValue)
        active = user.active
        email = user.email
    }
}

extension Sablier {
    /// Creates the store's first user, with the role `rsi`: the one use case without a session,
    /// since nobody can act before it. Refused once the store has users.
    public func initialise(admin: String, unit: String) async throws(Refusal) -> UserEntry {
        let user: User
        do throws(Refusal) {
            user = try User.new(name: admin, unit: unit, roles: [.rsi])
        } catch {
            throw await refusing(error, by: admin, useCase: "init")
        }
        let created = try await auditingRefusals(by: user.name, useCase: "init") {
            try await store.initialize(admin: user.name, unit: user.unit, at: clock.now)
        }
        return UserEntry(created)
    }

    /// Adds a user with a unit, at least one role and, optionally, an e-mail address (the RSI's work).
    public func addUser(_ session: Session, name: String, unit: String, roles: Set<Role>, email: String? = nil) async throws(Refusal) -> UserEntry {
        let access = try await authorize(session, .manageUsers, "user add")
        let actor = access.user.name
        let user: User
        do throws(Refusal) {
            user = try User.new(name: name, unit: unit, roles: roles, email: email)
        } catch {
            throw await refusing(error, by: actor, useCase: "user add")
        }
        try await auditingRefusals(by: actor, useCase: "user add", details: ["target": "user \(user.name)"]) {
            try await store.addUser(user, by: actor, at: clock.now)
        }
        return UserEntry(user)
    }

    /// Every user, by name, with unit, roles and whether they may act.
    public func users(_ session: Session) async throws(Refusal) -> [UserEntry] {
        _ = try await authorize(session, .readUsers, "user list")
        return try await attempt { try await store.users() }.map(UserEntry.init)
    }

    /// Enables or disables a user; the last active RSI stays active.
    public func setUserActive(_ session: Session, _ name: String, active: Bool) async throws(Refusal) -> UserEntry {
        let useCase = active ? "user enable" : "user disable"
        let actor = try await authorize(session, .manageUsers, useCase).user.name
        return try await changeUser(name, by: actor, useCase: useCase) {
            try await store.setActive(name, active, by: actor, at: clock.now)
        }
    }

    /// Grants a role; refused when the user already holds it.
    public func grantRole(_ session: Session, _ role: Role, to name: String) async throws(Refusal) -> UserEntry {
        let actor = try await authorize(session, .manageUsers, "user grant").user.name
        return try await changeUser(name, by: actor, useCase: "user grant") {
            try await store.grant(role, to: name, by: actor, at: clock.now)
        }
    }

    /// Revokes a role; a user keeps at least one, and the last active RSI keeps `rsi`.
    public func revokeRole(_ session: Session, _ role: Role, from name: String) async throws(Refusal) -> UserEntry {
        let actor = try await authorize(session, .manageUsers, "user revoke").user.name
        return try await changeUser(name, by: actor, useCase: "user revoke") {
            try await store.revoke(role, from: name, by: actor, at: clock.now)
        }
    }

    /// Sets the e-mail address `sablier notify` writes to, or clears it with nil. The address is
    /// checked by `EmailAddress` (one `@`, a dot in the domain, nothing that could end a header).
    public func setUserEmail(_ session: Session, _ name: String, email: String?) async throws(Refusal) -> UserEntry {
        let useCase = "user email"
        let actor = try await authorize(session, .manageUsers, useCase).user.name
        if let email {
            do throws(Refusal) { _ = try EmailAddress.checked(email) } catch { throw await refusing(error, by: actor, useCase: useCase) }
        }
        return try await changeUser(name, by: actor, useCase: useCase) {
            try await store.setEmail(email, of: name, by: actor, at: clock.now)
        }
    }

    /// Runs a change of one user (the store checks it with the rules of `User`, audits it),
    /// then reads the user as stored.
    private func changeUser(_ name: String, by actor: String, useCase: String,
                            _ change: () async throws -> Void) async throws(Refusal) -> UserEntry {
        try await auditingRefusals(by: actor, useCase: useCase, details: ["target": "user \(name)"], change)
        guard let user = try await attempt({ try await store.user(name) }) else { throw Refusal(.userNotFound, ["user": name]) }
        return UserEntry(user)
    }
}
