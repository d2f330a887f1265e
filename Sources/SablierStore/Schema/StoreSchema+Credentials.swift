extension StoreSchema {
    /// Passwords, signed-in sessions and API tokens: hashes only, never the secrets.
    static let v8Credentials = Migration(name: "v8-credentials", statements: [
        """
        CREATE TABLE user_password (
            user_name TEXT NOT NULL PRIMARY KEY REFERENCES app_user (name),
            hash TEXT NOT NULL CHECK (length(hash) = 60),
            must_change BOOLEAN NOT NULL,
            changed_at BIGINT NOT NULL,
            failures INTEGER NOT NULL CHECK (failures >= 0),
            last_failure_at BIGINT,
            locked_until BIGINT
        )
        """,
        """
        CREATE TABLE web_session (
            secret_hash TEXT NOT NULL PRIMARY KEY CHECK (length(secret_hash) = 64),
            user_name TEXT NOT NULL REFERENCES app_user (name),
            created_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            closed_at BIGINT
        )
        """,
        "CREATE INDEX web_session_by_user ON web_session (user_name)",
        """
        CREATE TABLE api_token (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
            user_name TEXT NOT NULL REFERENCES app_user (name),
            name TEXT NOT NULL CHECK (length(name) > 0),
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            expires_on TEXT,
            revoked_at BIGINT,
            revoked_by TEXT
        )
        """,
    ])
}
