/// Signing in, sessions, passwords and API tokens.
extension Refusal.Code {
    /// The name or the password is wrong (never which), or the account cannot sign in.
    public static let badCredentials = Self("auth.bad-credentials", .unauthenticated)
    /// `seconds`: too many failures in a row; the next attempt waits.
    public static let slowDown = Self("auth.slow-down", .unauthenticated)
    /// `until`: too many failures; the account is locked until then.
    public static let accountLocked = Self("auth.locked", .unauthenticated)
    /// No session, or it ended (signed out, idle or too old, user disabled).
    public static let sessionEnded = Self("auth.session-ended", .unauthenticated)
    /// An API token that does not exist, expired or was revoked.
    public static let tokenInvalid = Self("auth.token-invalid", .unauthenticated)
    /// A state-changing request without its session's CSRF token.
    public static let csrf = Self("auth.csrf", .forbidden)
    /// `user`: the password was reset and must be changed before anything else.
    public static let passwordChangeRequired = Self("auth.password-change-required", .forbidden)
    /// `minimum`: the password is shorter.
    public static let passwordTooShort = Self("auth.password-too-short", .invalidInput)
    /// `maximum`: longer than bcrypt reads (72 bytes).
    public static let passwordTooLong = Self("auth.password-too-long", .invalidInput)
    /// The password is among the commonly used ones, or is the user's name.
    public static let passwordCommon = Self("auth.password-common", .invalidInput)
    /// The current password given to change it is wrong.
    public static let wrongPassword = Self("auth.wrong-password", .invalidInput)
    /// The new password is the current one.
    public static let passwordUnchanged = Self("auth.password-unchanged", .invalidInput)
    /// `token`.
    public static let tokenNotFound = Self("token.not-found", .notFound)
    /// `token`.
    public static let tokenRevoked = Self("token.already-revoked", .conflict)
    /// `expires`: an expiry date that is already past.
    public static let tokenExpiryPast = Self("token.expiry-past", .invalidInput)

    static let authentication: [Self] = [
        badCredentials, slowDown, accountLocked, sessionEnded, tokenInvalid, csrf, passwordChangeRequired, passwordTooShort,
        passwordTooLong, passwordCommon, wrongPassword, passwordUnchanged, tokenNotFound, tokenRevoked, tokenExpiryPast,
    ]
}
