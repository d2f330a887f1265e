/// Sign-in, session, token and file-root statements both backends run as written (`?` markers:
/// the PostgreSQL store numbers them), so the two stores cannot drift apart.
public enum CredentialQueries {
    /// Counts a failed sign-in of user p2 at p1.
    public static let countFailure = "UPDATE user_password SET failures = failures + 1, last_failure_at = ? WHERE user_name = ?"

    /// The failed sign-ins of user p1 since the last success.
    public static let failures = "SELECT failures FROM user_password WHERE user_name = ?"

    /// Locks user p2 out until p1.
    public static let lock = "UPDATE user_password SET locked_until = ? WHERE user_name = ?"

    /// Forgets user p1's failed sign-ins and lock.
    public static let clearFailures = """
        UPDATE user_password SET failures = 0, last_failure_at = NULL, locked_until = NULL WHERE user_name = ?
        """

    /// Records that open session p2 was used at p1.
    public static let touchSession = "UPDATE web_session SET last_seen_at = ? WHERE secret_hash = ? AND closed_at IS NULL"

    /// The user of open session p1.
    public static let sessionUser = "SELECT user_name FROM web_session WHERE secret_hash = ? AND closed_at IS NULL"

    /// Closes session p2 at p1.
    public static let closeSession = "UPDATE web_session SET closed_at = ? WHERE secret_hash = ?"

    /// Revokes token p3 at p1, by p2.
    public static let revokeToken = "UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ?"

    /// Whether folder p1 is a configured file root.
    public static let fileRootExists = "SELECT EXISTS (SELECT 1 FROM file_root WHERE path = ?)"
}
