extension StoreSchema {
    /// What the integrity check found, kept on the incident it opened, so that a relink (the
    /// file found again at a new path, its SHA-256 unchanged) closes exactly the "missing"
    /// incidents it answers. NULL for an incident a person reported.
    ///
    /// Corrections, reclassifications and relinks need no table: each is a `corrected`,
    /// `reclassified` or `relinked` event of the document, which keeps the old and new values.
    static let v11RegisterCorrections = Migration(name: "v11-register-corrections", statements: [
        """
        ALTER TABLE incident ADD COLUMN finding TEXT
            CHECK (finding IS NULL OR finding = 'missing' OR finding = 'changed' OR finding = 'unreadable' OR finding = 'refused')
        """,
    ])
}
