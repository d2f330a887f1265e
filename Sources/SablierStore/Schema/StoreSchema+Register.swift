extension StoreSchema {
    /// The register: documents and their boxes, their append-only life-cycle events, the
    /// events confirmed for open (888) periods, and holds.
    ///
    /// Each document row also carries its retention as last counted (`transfer_on`,
    /// `final_on`, `final_action`, `waiting`, and `due_on`, the first date an action not yet
    /// done falls due), recomputed by the store whenever the document, its events, its holds,
    /// its rule's confirmations or the calendar in force change. A due list is then one range
    /// scan of `document_by_due`. Enumerations are checked with `=`/`OR` rather than `IN`,
    /// which SQLite evaluates faster on every insert.
    static let v2Register = Migration(name: "v2-register", statements: [
        """
        CREATE TABLE box (
            code TEXT NOT NULL PRIMARY KEY,
            building TEXT,
            room TEXT,
            shelving TEXT,
            contents TEXT,
            created_at BIGINT NOT NULL,
            created_by TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE document (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            reference TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            rule TEXT NOT NULL,
            copy TEXT NOT NULL CHECK (copy = 'principal' OR copy = 'secondaire'),
            support TEXT NOT NULL,
            holder TEXT NOT NULL,
            opened_on TEXT CHECK (length(opened_on) = 10),
            closed_on TEXT CHECK (length(closed_on) = 10),
            identifiers TEXT,
            file_path TEXT,
            file_sha256 TEXT CHECK (length(file_sha256) = 64),
            file_size BIGINT CHECK (file_size >= 0),
            file_format TEXT,
            building TEXT,
            room TEXT,
            shelving TEXT,
            box TEXT REFERENCES box (code),
            digitized_from TEXT REFERENCES document (reference) DEFERRABLE INITIALLY DEFERRED,
            replaces TEXT REFERENCES document (reference) DEFERRABLE INITIALLY DEFERRED,
            registered_at BIGINT NOT NULL,
            registered_by TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (phase = 'actif' OR phase = 'semi-actif' OR phase = 'inactif-verse' OR phase = 'inactif-detruit'),
            held BOOLEAN NOT NULL,
            calendar_version INTEGER NOT NULL,
            transfer_on TEXT,
            final_on TEXT,
            final_action TEXT CHECK (final_action = 'destroy' OR final_action = 'deposit' OR final_action = 'sort'),
            waiting TEXT,
            due_on TEXT,
            CHECK ((file_path IS NULL) = (file_sha256 IS NULL))
        )
        """,
        // The due list: documents with something pending, by date.
        "CREATE INDEX document_by_due ON document (due_on, reference) WHERE due_on IS NOT NULL",
        // What waits (888 events, replacements, unconfirmed periods), as `waiting` lists it:
        // not the dossiers still open, a third of a register, which it never lists.
        //
        // No index by rule: what selects a rule's documents (a rule hold, a confirmation, a
        // calendar change) then writes an event on, or recounts, most of what it selects, and
        // one scan of the table costs less than that, while such an index costs a fifth of
        // SQLite's time to register a million documents.
        """
        CREATE INDEX document_by_waiting ON document (waiting)
        WHERE waiting IS NOT NULL AND waiting <> 'closing' AND phase <> 'inactif-detruit' AND phase <> 'inactif-verse'
        """,
        """
        CREATE TABLE document_event (
            sequence INTEGER NOT NULL PRIMARY KEY CHECK (sequence > 0),
            document INTEGER NOT NULL REFERENCES document (id),
            kind TEXT NOT NULL,
            occurred_on TEXT NOT NULL CHECK (length(occurred_on) = 10),
            recorded_at BIGINT NOT NULL,
            recorded_by TEXT NOT NULL,
            reason TEXT,
            name TEXT,
            detail TEXT
        )
        """,
        "CREATE INDEX document_event_by_document ON document_event (document, sequence)",
        """
        CREATE TABLE open_period_event (
            rule TEXT NOT NULL,
            copy TEXT NOT NULL CHECK (copy = 'principal' OR copy = 'secondaire'),
            period TEXT NOT NULL CHECK (period = 'active' OR period = 'semiActive'),
            event TEXT NOT NULL,
            offset_years INTEGER NOT NULL CHECK (offset_years >= 0),
            remark TEXT,
            calendar_version INTEGER NOT NULL,
            confirmed_at BIGINT NOT NULL,
            confirmed_by TEXT NOT NULL,
            PRIMARY KEY (rule, copy, period)
        )
        """,
        """
        CREATE TABLE hold (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            reason TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope = 'document' OR scope = 'rule' OR scope = 'query'),
            target TEXT NOT NULL,
            placed_at BIGINT NOT NULL,
            placed_by TEXT NOT NULL,
            released_at BIGINT,
            released_by TEXT,
            release_reason TEXT,
            CHECK ((released_at IS NULL) = (released_by IS NULL))
        )
        """,
        """
        CREATE TABLE hold_document (
            hold INTEGER NOT NULL REFERENCES hold (id),
            document INTEGER NOT NULL REFERENCES document (id),
            PRIMARY KEY (hold, document)
        )
        """,
        "CREATE INDEX hold_document_by_document ON hold_document (document)",
    ])
}
