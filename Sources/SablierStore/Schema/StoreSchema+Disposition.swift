extension StoreSchema {
    /// Disposition lists (listes de disposition): what is destroyed, deposited (versé), sorted or
    /// transferred, proposed by one person, approved by another, then carried out item by item;
    /// and the tombstone (pierre tombale) of every destroyed document.
    ///
    /// A list's items are a snapshot taken at proposal (reference, rule, copy, support, file and
    /// its SHA-256), so the certificate says what was decided even if the register moves on.
    /// Execution is resumable: an item goes `pending` → `started` (committed BEFORE the file is
    /// deleted: it is the certificate's entry) → `done` (committed with the document's event and
    /// its tombstone). Enumerations are checked with `=`/`OR` rather than `IN`, as in v2.
    static let v3Disposition = Migration(name: "v3-disposition", statements: [
        """
        CREATE TABLE disposition_list (
            number INTEGER NOT NULL PRIMARY KEY CHECK (number > 0),
            action TEXT CHECK (action = 'destroy' OR action = 'deposit' OR action = 'sort' OR action = 'transfer'),
            as_of TEXT NOT NULL CHECK (length(as_of) = 10),
            state TEXT NOT NULL CHECK (state = 'proposed' OR state = 'approved' OR state = 'executing' OR state = 'executed'),
            proposed_at BIGINT NOT NULL,
            proposed_by TEXT NOT NULL,
            approved_at BIGINT,
            approved_by TEXT,
            execution_started_at BIGINT,
            executed_at BIGINT,
            executed_by TEXT,
            method TEXT,
            vendor_certificate TEXT,
            CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
            CHECK ((state = 'proposed') = (approved_by IS NULL)),
            CHECK (approved_by IS NULL OR approved_by <> proposed_by),
            CHECK ((execution_started_at IS NULL) = (executed_by IS NULL)),
            CHECK ((state = 'executing' OR state = 'executed') = (executed_by IS NOT NULL)),
            CHECK ((state = 'executed') = (executed_at IS NOT NULL))
        )
        """,
        """
        CREATE TABLE disposition_item (
            list INTEGER NOT NULL REFERENCES disposition_list (number),
            document INTEGER NOT NULL REFERENCES document (id),
            position INTEGER NOT NULL CHECK (position >= 0),
            reference TEXT NOT NULL,
            title TEXT NOT NULL,
            holder TEXT NOT NULL,
            rule TEXT NOT NULL,
            copy TEXT NOT NULL CHECK (copy = 'principal' OR copy = 'secondaire'),
            support TEXT NOT NULL,
            opened_on TEXT CHECK (length(opened_on) = 10),
            closed_on TEXT CHECK (length(closed_on) = 10),
            box TEXT,
            action TEXT NOT NULL CHECK (action = 'destroy' OR action = 'deposit' OR action = 'sort' OR action = 'transfer'),
            due_on TEXT NOT NULL CHECK (length(due_on) = 10),
            file_path TEXT,
            file_sha256 TEXT CHECK (length(file_sha256) = 64),
            decision TEXT CHECK (decision = 'keep' OR decision = 'destroy'),
            decided_by TEXT,
            decided_at BIGINT,
            decision_reason TEXT,
            state TEXT NOT NULL CHECK (state = 'pending' OR state = 'started' OR state = 'done'),
            started_at BIGINT,
            done_at BIGINT,
            PRIMARY KEY (list, position),
            UNIQUE (list, document),
            CHECK ((file_path IS NULL) = (file_sha256 IS NULL)),
            CHECK (decision IS NULL OR action = 'sort'),
            CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL)),
            CHECK ((state = 'pending') = (started_at IS NULL)),
            CHECK ((state = 'done') = (done_at IS NOT NULL))
        )
        """,
        // A document is in at most one list not yet executed: found from the document.
        "CREATE INDEX disposition_item_by_document ON disposition_item (document)",
        """
        CREATE TABLE tombstone (
            document INTEGER NOT NULL PRIMARY KEY REFERENCES document (id),
            reference TEXT NOT NULL UNIQUE,
            list INTEGER NOT NULL REFERENCES disposition_list (number),
            destroyed_at BIGINT NOT NULL,
            destroyed_by TEXT NOT NULL,
            metadata TEXT NOT NULL
        )
        """,
    ])

    /// The cancellation (annulation) of a list withdrawn before its execution began: who, when
    /// and why. Kept beside the list rather than as a state of its row, so the list keeps what
    /// it was (proposed or approved) when it was withdrawn; its documents may be proposed again.
    static let v6DispositionCancellation = Migration(name: "v6-disposition-cancellation", statements: [
        """
        CREATE TABLE disposition_cancellation (
            list INTEGER NOT NULL PRIMARY KEY REFERENCES disposition_list (number),
            cancelled_at BIGINT NOT NULL,
            cancelled_by TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (length(reason) > 0)
        )
        """,
    ])
}
