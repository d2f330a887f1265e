extension StoreSchema {
    /// The organisation's own street addresses become public identifiers (Access Act, s. 57),
    /// as its phones and postal codes are: a letterhead's address is not a person's.
    ///
    /// The kind's CHECK cannot be altered in place in SQLite, so the table is copied into one
    /// that allows `address`, then takes the old one's name (statements both SQLite and
    /// PostgreSQL accept).
    static let v14PublicAddresses = Migration(name: "v14-public-addresses", statements: [
        """
        CREATE TABLE privacy_public_identifier_v14 (
            kind TEXT NOT NULL CHECK (kind = 'phone' OR kind = 'email-domain' OR kind = 'email' OR kind = 'postal-code' OR kind = 'address'),
            value TEXT NOT NULL,
            note TEXT,
            added_at BIGINT NOT NULL,
            added_by TEXT NOT NULL,
            PRIMARY KEY (kind, value)
        )
        """,
        """
        INSERT INTO privacy_public_identifier_v14 (kind, value, note, added_at, added_by)
        SELECT kind, value, note, added_at, added_by FROM privacy_public_identifier
        """,
        "DROP TABLE privacy_public_identifier",
        "ALTER TABLE privacy_public_identifier_v14 RENAME TO privacy_public_identifier",
    ])
}
