extension StoreSchema {
    /// Loans of paper files (prêt de dossiers), the moves of boxes, and the size of a box.
    ///
    /// A loan lends one document or one box (`box` set); `loan_document` lists the documents it
    /// took out (the box's, as they were when it was lent), so that "is this document on loan"
    /// is one lookup whichever was lent. A loan is open until `returned_at` is set. A box's
    /// moves are appended to `box_move`, never edited: its history. `linear_mm` is the shelf
    /// space the box takes, in millimetres, for the volumes report's linear metres.
    static let v12Loans = Migration(name: "v12-loans", statements: [
        "ALTER TABLE box ADD COLUMN linear_mm INTEGER CHECK (linear_mm IS NULL OR linear_mm > 0)",
        """
        CREATE TABLE loan (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id > 0),
            box TEXT REFERENCES box (code),
            borrower TEXT NOT NULL CHECK (length(borrower) > 0),
            borrower_unit TEXT,
            lent_on TEXT NOT NULL CHECK (length(lent_on) = 10),
            due_on TEXT NOT NULL CHECK (length(due_on) = 10),
            lent_at BIGINT NOT NULL,
            lent_by TEXT NOT NULL,
            reason TEXT,
            returned_on TEXT CHECK (returned_on IS NULL OR length(returned_on) = 10),
            returned_at BIGINT,
            returned_by TEXT,
            return_note TEXT,
            CHECK ((returned_at IS NULL) = (returned_by IS NULL)),
            CHECK ((returned_at IS NULL) = (returned_on IS NULL))
        )
        """,
        """
        CREATE TABLE loan_document (
            loan INTEGER NOT NULL REFERENCES loan (id),
            document INTEGER NOT NULL REFERENCES document (id),
            PRIMARY KEY (loan, document)
        )
        """,
        "CREATE INDEX loan_document_by_document ON loan_document (document)",
        "CREATE INDEX loan_open_by_due ON loan (due_on) WHERE returned_at IS NULL",
        """
        CREATE TABLE box_move (
            box TEXT NOT NULL REFERENCES box (code),
            position INTEGER NOT NULL CHECK (position >= 0),
            moved_on TEXT NOT NULL CHECK (length(moved_on) = 10),
            moved_at BIGINT NOT NULL,
            moved_by TEXT NOT NULL,
            from_building TEXT,
            from_room TEXT,
            from_shelving TEXT,
            to_building TEXT,
            to_room TEXT,
            to_shelving TEXT,
            loan INTEGER REFERENCES loan (id),
            reason TEXT,
            PRIMARY KEY (box, position)
        )
        """,
    ])
}
