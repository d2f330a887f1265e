/// Users, roles, incidents and the audit trail.
extension Refusal.Code {
    /// `first`: the store has users; the RSI adds more.
    public static let alreadyInitialised = Self("users.already-initialised", .conflict)
    /// `user`.
    public static let userExists = Self("users.exists", .conflict)
    /// `user`.
    public static let userNotFound = Self("users.not-found", .notFound)
    /// `user`, `state` (active or disabled).
    public static let userUnchanged = Self("users.unchanged", .conflict)
    /// `user`: the last active RSI keeps the role and stays active.
    public static let lastRSI = Self("users.last-rsi", .conflict)
    /// `user`, `role`.
    public static let roleHeld = Self("users.role-held", .conflict)
    /// `user`, `role`.
    public static let roleNotHeld = Self("users.role-not-held", .conflict)
    /// `user`: a user needs at least one role.
    public static let noRole = Self("users.no-role", .invalidInput)
    /// `incident`.
    public static let incidentNotFound = Self("incident.not-found", .notFound)
    /// `incident`.
    public static let incidentClosed = Self("incident.closed", .conflict)

    static let accountability: [Self] = [
        alreadyInitialised, userExists, userNotFound, userUnchanged, lastRSI, roleHeld, roleNotHeld, noRole,
        incidentNotFound, incidentClosed,
    ]
}
