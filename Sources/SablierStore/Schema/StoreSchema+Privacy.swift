extension StoreSchema {
    /// Personal information (renseignements personnels): what the organisation declares public
    /// (Access Act, s. 57), the scans of file contents and their findings, which document was
    /// scanned as which content, the AIPRP officer's reviews, and the records manager's
    /// confirmations of the calendar's rules.
    ///
    /// A scan belongs to a content (`sha256`), not to a document: copies share it, and an
    /// unchanged file is not scanned again. Findings hold a masked excerpt and offsets, never
    /// the identifier. Reviews and rule confirmations are appended, never edited; the latest
    /// one counts. Enumerations are checked with `=`/`OR`, as in v2.
    static let v5Privacy = Migration(name: "v5-privacy", statements: [
        """
        CREATE TABLE privacy_public_identifier (
            kind TEXT NOT NULL CHECK (kind = 'phone' OR kind = 'email-domain' OR kind = 'email' OR kind = 'postal-code'),
            value TEXT NOT NULL,
            note TEXT,
            added_at BIGINT NOT NULL,
            added_by TEXT NOT NULL,
            PRIMARY KEY (kind, value)
        )
        """,
        """
        CREATE TABLE privacy_scan (
            sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
            scanner TEXT NOT NULL,
            scanned_at BIGINT NOT NULL,
            status TEXT NOT NULL CHECK (status = 'read' OR status = 'unreadable' OR status = 'unsupported' OR status = 'no-text' OR status = 'tool-missing'),
            problem TEXT,
            format TEXT,
            text_scalars BIGINT,
            flagged BOOLEAN,
            score INTEGER NOT NULL CHECK (score >= 0),
            summary TEXT NOT NULL,
            finding_count INTEGER NOT NULL CHECK (finding_count >= 0),
            truncated BOOLEAN NOT NULL,
            CHECK ((status = 'read') = (flagged IS NOT NULL)),
            CHECK ((status = 'read') = (problem IS NULL))
        )
        """,
        """
        CREATE TABLE privacy_finding (
            sha256 TEXT NOT NULL REFERENCES privacy_scan (sha256) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            type TEXT NOT NULL,
            confidence INTEGER NOT NULL CHECK (confidence >= 0 AND confidence <= 100),
            start_offset BIGINT NOT NULL CHECK (start_offset >= 0),
            end_offset BIGINT NOT NULL CHECK (end_offset >= start_offset),
            excerpt TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (sha256, position)
        )
        """,
        """
        CREATE TABLE privacy_document_scan (
            document INTEGER NOT NULL PRIMARY KEY REFERENCES document (id),
            sha256 TEXT NOT NULL REFERENCES privacy_scan (sha256),
            path TEXT NOT NULL,
            scanned_at BIGINT NOT NULL,
            scanned_by TEXT NOT NULL
        )
        """,
        "CREATE INDEX privacy_document_scan_by_sha256 ON privacy_document_scan (sha256)",
        """
        CREATE TABLE privacy_review (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            document INTEGER NOT NULL REFERENCES document (id),
            decision TEXT NOT NULL CHECK (decision = 'confirm' OR decision = 'dismiss'),
            measure TEXT CHECK (measure = 'detruire' OR measure = 'anonymiser'),
            note TEXT NOT NULL,
            sha256 TEXT CHECK (length(sha256) = 64),
            reviewed_at BIGINT NOT NULL,
            reviewed_by TEXT NOT NULL,
            CHECK ((decision = 'confirm') = (measure IS NOT NULL))
        )
        """,
        "CREATE INDEX privacy_review_by_document ON privacy_review (document, id)",
        """
        CREATE TABLE privacy_rule_confirmation (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            rule TEXT NOT NULL,
            personal_information BOOLEAN NOT NULL,
            measure TEXT CHECK (measure = 'detruire' OR measure = 'anonymiser'),
            note TEXT,
            calendar_version INTEGER NOT NULL,
            confirmed_at BIGINT NOT NULL,
            confirmed_by TEXT NOT NULL,
            CHECK (measure IS NULL OR personal_information)
        )
        """,
        "CREATE INDEX privacy_rule_confirmation_by_rule ON privacy_rule_confirmation (rule, id)",
    ])
}
