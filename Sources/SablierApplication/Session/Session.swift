public import SablierCore

/// Who acts, and how Sablier knows it: every use case takes one.
///
/// The command line opens a `local` session for the user it names; the server opens
/// `password` sessions at sign-in and `token` sessions for scripts. A use case reads the user
/// again from the store before it acts, so a user disabled since the session opened is refused.
public struct Session: Sendable, Hashable, Codable {
    /// How the person was authenticated.
    public enum Authentication: String, Sendable, Hashable, Codable, CaseIterable {
        /// The operator at the server's command line, named by `--as` or `$SABLIER_USER`.
        case local
        /// Signed in with a password.
        case password
        /// A script holding an API token.
        case token
    }

    public var user: User
    public var authentication: Authentication
    /// Set on a session signed in with a password the RSI reset: until it is changed, every use
    /// case refuses it (`auth.password-change-required`); changing it and signing out remain.
    public var mustChangePassword: Bool

    /// Whether what this session names may be read from the server's disk: only the operator's,
    /// at the server's command line. A file named through the API (a register row's `path`)
    /// would let a caller make the server read, measure and one day delete any file it can.
    public var readsServerFiles: Bool { authentication == .local }

    public init(user: User, authentication: Authentication, mustChangePassword: Bool = false) {
        self.user = user
        self.authentication = authentication
        self.mustChangePassword = mustChangePassword
    }
}
