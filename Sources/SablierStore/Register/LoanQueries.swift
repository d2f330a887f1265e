/// Loan and box statements both backends run as written (`?` markers: the PostgreSQL store
/// numbers them), so the two stores cannot drift apart.
public enum LoanQueries {
    /// Names document p2 in loan p1.
    public static let insertLoanDocument = "INSERT INTO loan_document (loan, document) VALUES (?, ?)"

    /// Records loan p5's return: on p1, at p2, by p3, note p4.
    public static let returnLoan = "UPDATE loan SET returned_on = ?, returned_at = ?, returned_by = ?, return_note = ? WHERE id = ?"

    /// The documents loan p1 took out, by id.
    public static let loanDocuments = "SELECT document FROM loan_document WHERE loan = ? ORDER BY document"

    /// The day box p1 was last moved.
    public static let lastMoveDay = "SELECT MAX(moved_on) FROM box_move WHERE box = ?"

    /// Puts box p4 in building p1, room p2, shelving p3.
    public static let moveBox = "UPDATE box SET building = ?, room = ?, shelving = ? WHERE code = ?"

    /// The open loan that took out document p1 (id), itself or in its box (p2, the same id), if any.
    public static let openLoanOfDocument = """
        SELECT l.id FROM loan l
        WHERE l.returned_at IS NULL
          AND (EXISTS (SELECT 1 FROM loan_document ld WHERE ld.loan = l.id AND ld.document = ?)
               OR l.box = (SELECT d.box FROM document d WHERE d.id = ?))
        ORDER BY l.id LIMIT 1
        """

    /// The open loan of box p1, if any.
    public static let openLoanOfBox = "SELECT id FROM loan WHERE box = ? AND returned_at IS NULL ORDER BY id LIMIT 1"

    /// `(document, loan)` for every document out, itself or in its box, by loan.
    public static let openLoans = """
        SELECT ld.document, l.id FROM loan_document ld JOIN loan l ON l.id = ld.loan WHERE l.returned_at IS NULL
        UNION ALL
        SELECT d.id, l.id FROM loan l JOIN document d ON d.box = l.box WHERE l.returned_at IS NULL AND l.box IS NOT NULL
        ORDER BY 2
        """

    /// The approved or executing list that will dispose of document p1 (id), if any: such a document is
    /// not lent.
    public static let approvedListOfDocument = """
        SELECT i.list FROM disposition_item i JOIN disposition_list l ON l.number = i.list
        WHERE i.document = ? AND i.state <> 'done' AND l.state IN ('approved', 'executing')
          AND NOT EXISTS (SELECT 1 FROM disposition_cancellation c WHERE c.list = l.number)
        ORDER BY i.list LIMIT 1
        """

    /// What box p1 holds, as described.
    public static let boxContents = "SELECT contents FROM box WHERE code = ?"

    /// The position of box p1's next move: one past its last, gapless under the write lock (a box's
    /// history is read in order and must not skip).
    public static let nextMovePosition = "SELECT COALESCE(MAX(position), -1) + 1 FROM box_move WHERE box = ?"

    /// Whether loan p1 exists.
    public static let loanExists = "SELECT EXISTS (SELECT 1 FROM loan WHERE id = ?)"

    /// `(returned_on, id)` of the last loan that took out box p1 or document p2 (by id) and came
    /// back. Both parameters may be NULL: cast, as PostgreSQL cannot otherwise tell their types.
    public static let lastReturn = """
        SELECT l.returned_on, l.id FROM loan l
        WHERE l.returned_on IS NOT NULL
          AND (l.box = CAST(? AS TEXT) OR EXISTS (SELECT 1 FROM loan_document ld WHERE ld.loan = l.id AND ld.document = CAST(? AS BIGINT)))
        ORDER BY l.returned_on DESC, l.id DESC LIMIT 1
        """

    /// `(reference, holder, title)` of the documents loan p1 took out and, when p2 (the loan is
    /// open), of those box p3 holds now. p3 may be NULL: cast, for PostgreSQL.
    public static let lentDocuments = """
        SELECT d.reference, d.holder, d.title FROM document d
        WHERE d.id IN (SELECT ld.document FROM loan_document ld WHERE ld.loan = ?)
           OR (? AND d.box = CAST(? AS TEXT) AND d.phase <> 'inactif-detruit' AND d.phase <> 'inactif-verse')
        ORDER BY d.reference
        """

    /// The loans' ids in order: the open ones, or every one.
    public static func loanIDs(includingReturned: Bool) -> String {
        "SELECT id FROM loan\(includingReturned ? "" : " WHERE returned_at IS NULL") ORDER BY id"
    }
}
