import SablierCore

/// The statements of disposition lists, in the SQL every backend runs (parameters in the
/// dialect's spelling); the backends execute them inside their transactions.
public struct DispositionQueries: Sendable, Hashable {
    /// The number of the next list: one past the highest. Correct only because a backend's
    /// writers take turns (SQLite's one writer; PostgreSQL's advisory write lock), so no two
    /// transactions read the same highest number.
    public let nextListNumber: String
    /// The documents with something due on day p1 (`YYYY-MM-DD`), by due date then reference:
    /// the due list's range scan, as `DocumentRow`s.
    public let dueDocuments: String
    /// `(document, list)` for every document in a list neither executed nor cancelled.
    public let documentsInOpenLists: String
    /// `(list, cancelled_at, cancelled_by, reason)` of every cancelled list, and of list p1.
    public let cancellations: String
    public let cancellationOfList: String
    /// Records the cancellation of list p1: at p2, by p3, because p4.
    public let cancel: String
    public let list: String
    public let lists: String
    /// `(list, items, done items)` for every list, and for list p1 (the sums cast to BIGINT:
    /// PostgreSQL's SUM of integers is NUMERIC).
    public let counts: String
    public let countsOfList: String
    public let items: String
    public let itemAtPosition: String
    public let itemOfReference: String
    public let documentByID: String
    public let decide: String
    public let approve: String
    public let beginExecution: String
    /// Records the method and vendor certificate of a resumed execution that had none.
    public let recordMethod: String
    public let startItem: String
    public let completeItem: String
    /// Marks list p2 executed at p1 when none of its items remains to do.
    public let finishList: String
    public let tombstoneOfReference: String
    public let tombstonesOfList: String
    /// `(sequence, hash)` of the audit entries whose target is p1 (`auditTarget(list:)`), in order.
    public let auditEntries: String

    /// The audit trail's target for every step on list `number`: its certificate lists the
    /// entries by this name.
    public static func auditTarget(list number: Int) -> String {
        "disposition \(number)"
    }

    public init(_ dialect: SQLDialect) {
        func p(_ n: Int) -> String { dialect.parameter(n) }
        nextListNumber = "SELECT COALESCE(MAX(number), 0) + 1 FROM disposition_list"
        dueDocuments = DocumentRow.table.select(dialect, where: [])
            + " WHERE due_on IS NOT NULL AND due_on <= \(p(1)) ORDER BY due_on, reference"
        documentsInOpenLists = """
            SELECT i.document, i.list FROM disposition_item i JOIN disposition_list l ON l.number = i.list
            WHERE l.state <> 'executed' AND NOT EXISTS (SELECT 1 FROM disposition_cancellation c WHERE c.list = l.number)
            ORDER BY i.list
            """
        cancellations = "SELECT list, cancelled_at, cancelled_by, reason FROM disposition_cancellation ORDER BY list"
        cancellationOfList = "SELECT list, cancelled_at, cancelled_by, reason FROM disposition_cancellation WHERE list = \(p(1))"
        cancel = "INSERT INTO disposition_cancellation (list, cancelled_at, cancelled_by, reason) VALUES (\(p(1)), \(p(2)), \(p(3)), \(p(4)))"
        list = DispositionListRow.table.select(dialect, where: ["number"])
        lists = DispositionListRow.table.select(dialect, where: [], orderBy: ["number"])
        counts = """
            SELECT list, COUNT(*), CAST(SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END) AS BIGINT) FROM disposition_item GROUP BY list
            """
        countsOfList = """
            SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN state = 'done' THEN 1 ELSE 0 END), 0) AS BIGINT)
            FROM disposition_item WHERE list = \(p(1))
            """
        items = DispositionItemRow.table.select(dialect, where: ["list"], orderBy: ["position"])
        itemAtPosition = DispositionItemRow.table.select(dialect, where: ["list", "position"])
        itemOfReference = DispositionItemRow.table.select(dialect, where: ["list", "reference"])
        documentByID = DocumentRow.table.select(dialect, where: ["id"])
        decide = """
            UPDATE disposition_item SET decision = \(p(1)), decided_by = \(p(2)), decided_at = \(p(3)), decision_reason = \(p(4))
            WHERE list = \(p(5)) AND position = \(p(6))
            """
        approve = """
            UPDATE disposition_list SET state = 'approved', approved_at = \(p(1)), approved_by = \(p(2))
            WHERE number = \(p(3)) AND state = 'proposed'
            """
        beginExecution = """
            UPDATE disposition_list SET state = 'executing', execution_started_at = \(p(1)), executed_by = \(p(2)),
                method = \(p(3)), vendor_certificate = \(p(4))
            WHERE number = \(p(5)) AND state = 'approved'
            """
        recordMethod = "UPDATE disposition_list SET method = \(p(1)), vendor_certificate = \(p(2)) WHERE number = \(p(3))"
        startItem = """
            UPDATE disposition_item SET state = 'started', started_at = \(p(1))
            WHERE list = \(p(2)) AND position = \(p(3)) AND state = 'pending'
            """
        completeItem = """
            UPDATE disposition_item SET state = 'done', done_at = \(p(1))
            WHERE list = \(p(2)) AND position = \(p(3)) AND state = 'started'
            """
        finishList = """
            UPDATE disposition_list SET state = 'executed', executed_at = \(p(1))
            WHERE number = \(p(2)) AND state = 'executing'
              AND NOT EXISTS (SELECT 1 FROM disposition_item WHERE list = \(p(3)) AND state <> 'done')
            """
        tombstoneOfReference = TombstoneRow.table.select(dialect, where: ["reference"])
        tombstonesOfList = TombstoneRow.table.select(dialect, where: ["list"], orderBy: ["reference"])
        auditEntries = "SELECT sequence, hash FROM audit_entry WHERE target = \(p(1)) ORDER BY sequence"
    }
}
