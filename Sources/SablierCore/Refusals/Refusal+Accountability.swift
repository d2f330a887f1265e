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

    /// `file`: the audit trail's key was looked for there and not found; nothing is written
    /// to the trail without it.
    public static let auditKeyMissing = Self("audit.key-missing", .failure)
    /// `file`, `mode`: the key file can be read or written by its group or by others.
    public static let auditKeyExposed = Self("audit.key-exposed", .failure)
    /// `file`, `detail`: the key file cannot be read, or does not hold 32 bytes in hex or base64.
    public static let auditKeyUnreadable = Self("audit.key-unreadable", .failure)
    /// `file`: a key is already there; it is never replaced.
    public static let auditKeyExists = Self("audit.key-exists", .conflict)
    /// `line`, `problem`: a checkpoint that does not read as one.
    public static let auditCheckpointUnreadable = Self("audit.checkpoint-unreadable", .invalidInput)
    /// `file`, `problem`: the trail no longer reaches the head its head file names (entries
    /// removed, the head file removed or forged): nothing more is written until it is examined.
    public static let auditHeadMismatch = Self("audit.head-mismatch", .failure)
    /// `file`, `detail`: the head file could not be written; the trail is not written on
    /// while its newest entries are unprotected.
    public static let auditHeadUnwritable = Self("audit.head-unwritable", .failure)
    /// `file`, `sequence`: `audit key create` on a store whose trail is keyed up to entry
    /// `sequence` already (a mistyped `--audit-key`): a new key would break its trail for good.
    public static let auditKeyAlreadyKeyed = Self("audit.key-already-keyed", .conflict)
    /// `file`, `head`, `sequence`: the trail is empty but the key's head file names entry
    /// `sequence`: the key guards another store's trail, or every entry was removed.
    public static let auditKeyOtherTrail = Self("audit.key-other-trail", .conflict)
    /// `file`: `audit head adopt` where this machine already has a head file: it is never replaced.
    public static let auditHeadExists = Self("audit.head-exists", .conflict)

    static let accountability: [Self] = [
        alreadyInitialised, userExists, userNotFound, userUnchanged, lastRSI, roleHeld, roleNotHeld, noRole,
        incidentNotFound, incidentClosed,
        auditKeyMissing, auditKeyExposed, auditKeyUnreadable, auditKeyExists, auditCheckpointUnreadable,
        auditHeadMismatch, auditHeadUnwritable, auditKeyAlreadyKeyed, auditKeyOtherTrail, auditHeadExists,
    ]
}
