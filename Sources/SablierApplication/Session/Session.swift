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

    public init(user: User, authentication: Authentication) {
        self.user = user
        self.authentication = authentication
    }
}
