extension StoreSchema {
    /// The register's shared privacy scan (`privacy scan --all --worker`): a run lists the
    /// documents it scans, one claim row each; any number of workers claim rows in batches, scan
    /// them and mark them done. A claim holds until `claimed_until` (microseconds): a dead
    /// worker's claim expires and another worker takes the row. A run is finished once every
    /// row is done; one run is open at a time.
    ///
    /// On PostgreSQL workers claim with `FOR UPDATE SKIP LOCKED` on these rows, outside the
    /// store's write lock; on SQLite one writer at a time makes a claim exclusive by itself.
    static let v16ScanClaims = Migration(name: "v16-scan-claims", statements: [
        """
        CREATE TABLE privacy_scan_run (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            started_at BIGINT NOT NULL,
            started_by TEXT NOT NULL,
            forced BOOLEAN NOT NULL,
            finished_at BIGINT
        )
        """,
        """
        CREATE TABLE privacy_scan_claim (
            run INTEGER NOT NULL REFERENCES privacy_scan_run (id),
            document INTEGER NOT NULL REFERENCES document (id),
            worker TEXT,
            claimed_until BIGINT,
            done_at BIGINT,
            PRIMARY KEY (run, document),
            CHECK ((worker IS NULL) = (claimed_until IS NULL))
        )
        """,
        // A claim walks the rows not done in order: without this, each claim of a run of
        // millions would step over every row already done (partial indexes: both backends).
        "CREATE INDEX privacy_scan_claim_pending ON privacy_scan_claim (run, document) WHERE done_at IS NULL",
    ])
}
