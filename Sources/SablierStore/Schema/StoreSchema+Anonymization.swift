extension StoreSchema {
    /// The anonymised copy of a document confirmed with the measure `anonymiser` (Access Act,
    /// s. 73): registered as a document of its own, with what it replaced (counts by type, as
    /// JSON, never a value) and the AIPRP officer's sign-off, which the original's destruction
    /// waits for. One copy per original; the sign-off's three columns are set together.
    static let v15Anonymization = Migration(name: "v15-anonymization", statements: [
        """
        CREATE TABLE anonymized_copy (
            original INTEGER NOT NULL PRIMARY KEY REFERENCES document (id),
            copy INTEGER NOT NULL UNIQUE REFERENCES document (id),
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            replacements TEXT NOT NULL,
            made_at BIGINT NOT NULL,
            made_by TEXT NOT NULL,
            note TEXT NOT NULL,
            signed_off_at BIGINT,
            signed_off_by TEXT,
            signed_sha256 TEXT CHECK (length(signed_sha256) = 64),
            sign_off_note TEXT,
            CHECK (original <> copy),
            CHECK ((signed_off_at IS NULL) = (signed_off_by IS NULL)),
            CHECK ((signed_off_at IS NULL) = (signed_sha256 IS NULL)),
            CHECK ((signed_off_at IS NULL) = (sign_off_note IS NULL))
        )
        """,
    ])
}
