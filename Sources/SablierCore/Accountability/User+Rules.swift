/// The rules of user administration, pure: the store loads a user, asks one of these for the
/// changed user inside its transaction, saves it and appends the audit entry.
///
/// They keep Sablier administrable: somebody must always hold the RSI role and be active to
/// add users and grant roles, and a user without a role could do nothing but be audited.
extension User {
    /// A new user, checked: a name, a unit (compared with documents' holders), at least one
    /// role, and an e-mail address that `EmailAddress.checked` accepts when one is given.
    public static func new(name: String, unit: String, roles: Set<Role>, email: String? = nil) throws(Refusal) -> User {
        let name = try Refusal.requireText(name, "name")
        let unit = try Refusal.requireText(unit, "unit")
        guard !roles.isEmpty else { throw Refusal(.noRole, ["user": name]) }
        var checked: String?
        if let email { checked = try EmailAddress.checked(email) }
        return User(name: name, unit: unit, roles: roles, email: checked)
    }

    /// The user enabled or disabled. `activeRSIs` counts the active users holding `rsi`, this
    /// one included: the last of them cannot be disabled.
    public func settingActive(_ active: Bool, activeRSIs: Int) throws(Refusal) -> User {
        guard self.active != active else {
            throw Refusal(.userUnchanged, ["user": name, "state": active ? "active" : "disabled"])
        }
        if !active, roles.contains(.rsi), activeRSIs <= 1 { throw Refusal(.lastRSI, ["user": name]) }
        var changed = self
        changed.active = active
        return changed
    }

    /// The user with `role` added; refused when they already hold it.
    public func granting(_ role: Role) throws(Refusal) -> User {
        guard !roles.contains(role) else { throw Refusal(.roleHeld, ["user": name, "role": role.rawValue]) }
        var changed = self
        changed.roles.insert(role)
        return changed
    }

    /// The user without `role`: refused when they do not hold it, when it is their last role,
    /// or when they are the last active RSI (`activeRSIs` counts them).
    public func revoking(_ role: Role, activeRSIs: Int) throws(Refusal) -> User {
        guard roles.contains(role) else { throw Refusal(.roleNotHeld, ["user": name, "role": role.rawValue]) }
        if role == .rsi, active, activeRSIs <= 1 { throw Refusal(.lastRSI, ["user": name]) }
        guard roles.count > 1 else { throw Refusal(.noRole, ["user": name]) }
        var changed = self
        changed.roles.remove(role)
        return changed
    }
}
