extension StoreSchema {
    /// Users and their roles, the hash-chained audit trail, and incidents.
    ///
    /// `audit_entry` is only ever appended to: each entry carries the SHA-256 of its own content
    /// and of the previous entry's hash (`AuditChain`), so an entry changed, removed or moved
    /// in the file breaks the chain that `sablier audit verify` walks.
    static let v4Accountability = Migration(name: "v4-accountability", statements: [
        """
        CREATE TABLE app_user (
            name TEXT NOT NULL PRIMARY KEY,
            unit TEXT NOT NULL,
            active BOOLEAN NOT NULL,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE user_role (
            user_name TEXT NOT NULL REFERENCES app_user (name),
            role TEXT NOT NULL CHECK (role = 'rsi' OR role = 'gestion-documentaire' OR role = 'aiprp' OR role = 'detenteur'
                                      OR role = 'utilisateur' OR role = 'csgi' OR role = 'verificateur'),
            granted_at BIGINT NOT NULL,
            granted_by TEXT NOT NULL,
            PRIMARY KEY (user_name, role)
        )
        """,
        """
        CREATE TABLE audit_entry (
            sequence INTEGER NOT NULL PRIMARY KEY CHECK (sequence > 0),
            at BIGINT NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            details TEXT NOT NULL,
            previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
            hash TEXT NOT NULL CHECK (length(hash) = 64)
        )
        """,
        "CREATE INDEX audit_entry_by_target ON audit_entry (target, sequence)",
        """
        CREATE TABLE incident (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            type TEXT NOT NULL CHECK (type = 'confidentialite' OR type = 'integrite' OR type = 'disponibilite'),
            status TEXT NOT NULL CHECK (status = 'ouvert' OR status = 'en-traitement' OR status = 'ferme'),
            description TEXT NOT NULL,
            reported_at BIGINT NOT NULL,
            reported_by TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE incident_document (
            incident INTEGER NOT NULL REFERENCES incident (id),
            reference TEXT NOT NULL,
            PRIMARY KEY (incident, reference)
        )
        """,
        """
        CREATE TABLE incident_note (
            incident INTEGER NOT NULL REFERENCES incident (id),
            position INTEGER NOT NULL CHECK (position >= 0),
            at BIGINT NOT NULL,
            by_user TEXT NOT NULL,
            status TEXT NOT NULL,
            note TEXT NOT NULL,
            PRIMARY KEY (incident, position)
        )
        """,
    ])
}
