extension StoreSchema {
    /// Where each user is told what concerns their unit (`sablier notify`), and the index the
    /// access report reads each user's last activity from.
    static let v13Notices = Migration(name: "v13-notices", statements: [
        "ALTER TABLE app_user ADD COLUMN email TEXT CHECK (email IS NULL OR length(email) > 2)",
        "CREATE INDEX audit_entry_by_user ON audit_entry (user_name, sequence)",
    ])
}
