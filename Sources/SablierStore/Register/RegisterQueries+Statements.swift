extension RegisterQueries {

    /// Whether no document is registered yet.
    public static let registerIsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM document)"

    /// Registers box p1 (building p2, room p3, shelving p4, contents p5, at p6, by p7, p8 mm wide).
    public static let insertBox = """
        INSERT INTO box (code, building, room, shelving, contents, created_at, created_by, linear_mm) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Every box, by code.
    public static let boxes = "SELECT code, building, room, shelving, contents, linear_mm FROM box ORDER BY code"

    /// Box p1.
    public static let box = "SELECT code, building, room, shelving, contents, linear_mm FROM box WHERE code = ?"

    /// Forgets the confirmed event of rule p1, copy p2, period p3, before a new one.
    public static let deleteConfirmation = "DELETE FROM open_period_event WHERE rule = ? AND copy = ? AND period = ?"

    /// Confirms the event that opens period p3 of rule p1, copy p2: event p4, p5 years after, remark
    /// p6, under version p7, at p8, by p9.
    public static let insertConfirmation = """
        INSERT INTO open_period_event (rule, copy, period, event, offset_years, remark, calendar_version, confirmed_at, confirmed_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Every confirmed event, by rule, copy and period.
    public static let confirmations = """
        SELECT rule, copy, period, event, offset_years, remark, calendar_version, confirmed_at, confirmed_by
        FROM open_period_event ORDER BY rule, copy, period
        """

    /// The year end of calendar version p1.
    public static let yearEnd = "SELECT year_end FROM calendar_version WHERE number = ?"

    /// Writes document p8's count: phase p1, under version p2, transfer on p3, final on p4 with action
    /// p5, waiting for p6, due on p7.
    public static let recount = """
        UPDATE document SET phase = ?, calendar_version = ?, transfer_on = ?, final_on = ?, final_action = ?, waiting = ?, due_on = ?
        WHERE id = ?
        """

    /// Whether any document is registered.
    public static let hasDocuments = "SELECT EXISTS (SELECT 1 FROM document)"

    /// The sequence of the next document event: one past the highest, numbered under the write lock
    /// rather than by a database sequence, which would leave a gap at each rollback in a numbering
    /// people read.
    public static let nextEventSequence = "SELECT COALESCE(MAX(sequence), 0) + 1 FROM document_event"

    /// `(id, rule)` of the active holds on a rule: a document registered under the rule is held at
    /// once.
    public static let activeRuleHolds = "SELECT id, target FROM hold WHERE scope = 'rule' AND released_at IS NULL ORDER BY id"

    /// Hold p1, with how many documents it covers.
    public static let hold = """
        SELECT id, reason, scope, target, placed_at, placed_by, released_at, released_by, release_reason,
               (SELECT COUNT(*) FROM hold_document WHERE hold = hold.id)
        FROM hold WHERE id = ?
        """

    /// The holder units of the documents hold p1 covers.
    public static let holdHolders = """
        SELECT DISTINCT d.holder FROM hold_document h JOIN document d ON d.id = h.document WHERE h.hold = ? ORDER BY d.holder
        """

    /// The id of document p1.
    public static let documentID = "SELECT id FROM document WHERE reference = ?"

    /// The number of the next calendar version: one past the highest, under the write lock, as a
    /// version's number is read by people and must have no gap.
    public static let nextVersionNumber = "SELECT COALESCE(MAX(number), 0) + 1 FROM calendar_version"
}
