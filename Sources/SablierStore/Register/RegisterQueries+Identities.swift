extension RegisterQueries {
    /// Places hold (reason p1, scope p2, target p3, at p4, by p5) and returns its id, which the
    /// database assigns (`StoreSchema.identityTables`): no writer computes `MAX(id) + 1`.
    public static let insertHold = """
        INSERT INTO hold (reason, scope, target, placed_at, placed_by) VALUES (?, ?, ?, ?, ?) RETURNING id
        """

    /// Links hold p1 to document p2.
    public static let insertHoldDocument = "INSERT INTO hold_document (hold, document) VALUES (?, ?)"

    /// Records a loan (box p1, borrower p2 of unit p3, lent on p4, due on p5, at p6, by p7,
    /// because p8) and returns its id, which the database assigns.
    public static let insertLoan = """
        INSERT INTO loan (box, borrower, borrower_unit, lent_on, due_on, lent_at, lent_by, reason)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
        """

    /// The id of the first document a registration writes: one past the highest. A bulk
    /// registration numbers its documents itself, from here, inside its locked transaction
    /// (SQLite's one writer, PostgreSQL's advisory write lock), rather than read each id back
    /// with `RETURNING`: a batch of 500 documents is one INSERT, and the ids of a multi-row
    /// INSERT's RETURNING come in no promised order (SQLite says so), yet each document's
    /// events and holds are written in the same batch under its id. These are the ids SQLite's
    /// rowid would give; on PostgreSQL the registration then moves the identity's sequence past
    /// them (`StoreSchema.identityPastHighest`), so an insert that omits the id still gets a free one.
    public static let nextDocumentID = "SELECT COALESCE(MAX(id), 0) + 1 FROM document"
}
