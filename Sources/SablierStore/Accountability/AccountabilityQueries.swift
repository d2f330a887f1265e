/// Accountability statements both backends run as written (`?` markers: the PostgreSQL store
/// numbers them).
public enum AccountabilityQueries {
    /// Opens incident (type p1, description p2, at p3, by p4) and returns its id, which the
    /// database assigns (`StoreSchema.identityTables`).
    public static let insertIncident = """
        INSERT INTO incident (type, status, description, reported_at, reported_by) VALUES (?, 'ouvert', ?, ?, ?) RETURNING id
        """

    /// Names document p2 in incident p1.
    public static let insertIncidentDocument = "INSERT INTO incident_document (incident, reference) VALUES (?, ?)"

    /// Stores a new token (secret hash p1, user p2, name p3, at p4, by p5, expiring after p6)
    /// and returns its id, which the database assigns. A new token is never revoked.
    public static let insertToken = """
        INSERT INTO api_token (secret_hash, user_name, name, created_at, created_by, expires_on) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
        """

    /// The user created first: a store with one is initialised.
    public static let firstUser = "SELECT name FROM app_user ORDER BY created_at LIMIT 1"

    /// Every user's name, in order.
    public static let userNames = "SELECT name FROM app_user ORDER BY name"

    /// Enables (p1 TRUE) or disables user p2: bound as a boolean.
    public static let setUserActive = "UPDATE app_user SET active = ? WHERE name = ?"

    /// Grants role p2 to user p1, at p3, by p4.
    public static let grantRole = "INSERT INTO user_role (user_name, role, granted_at, granted_by) VALUES (?, ?, ?, ?)"

    /// Revokes role p2 from user p1.
    public static let revokeRole = "DELETE FROM user_role WHERE user_name = ? AND role = ?"

    /// Every incident's number, in order.
    public static let incidentIDs = "SELECT id FROM incident ORDER BY id"

    /// Appends an audit entry: sequence, instant, user, action, target, details, previous hash, hash,
    /// scheme.
    public static let insertAuditEntry = """
        INSERT INTO audit_entry (sequence, at, user_name, action, target, details, previous_hash, hash, scheme) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Adds user p1 of unit p2 (active p3), at p4, by p5, with e-mail p6.
    public static let insertUser = "INSERT INTO app_user (name, unit, active, created_at, created_by, email) VALUES (?, ?, ?, ?, ?, ?)"

    /// User p1: name, unit, active, e-mail.
    public static let user = "SELECT name, unit, active, email FROM app_user WHERE name = ?"

    /// The roles of user p1.
    public static let rolesOfUser = "SELECT role FROM user_role WHERE user_name = ?"

    /// How many active users hold the RSI role: the last one is never disabled nor demoted.
    public static let activeRSICount = """
        SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_name = u.name WHERE r.role = 'rsi' AND u.active
        """

    /// Incident p1.
    public static let incident = "SELECT id, type, status, description, reported_at, reported_by FROM incident WHERE id = ?"

    /// The notes of incident p1, in order.
    public static let incidentNotes = "SELECT at, by_user, status, note FROM incident_note WHERE incident = ? ORDER BY position"

    /// The documents incident p1 names.
    public static let incidentDocuments = "SELECT reference FROM incident_document WHERE incident = ? ORDER BY reference"

    /// `(sequence, hash)` of the trail's last entry.
    public static let lastAuditEntry = "SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1"

    /// The hash of audit entry p1.
    public static let auditHash = "SELECT hash FROM audit_entry WHERE sequence = ?"

    /// Sets incident p2's status to p1.
    public static let setIncidentStatus = "UPDATE incident SET status = ? WHERE id = ?"

    /// Appends a note to incident p1 at position p2: at p3, by p4, status p5, note p6.
    public static let insertIncidentNote = "INSERT INTO incident_note (incident, position, at, by_user, status, note) VALUES (?, ?, ?, ?, ?, ?)"

    /// Sets user p2's e-mail address to p1 (NULL: none).
    public static let setUserEmail = "UPDATE app_user SET email = ? WHERE name = ?"

    /// The open integrity incident of document p1 that found p2, if any: a check run again points at it
    /// rather than opening another.
    public static let openIncidentOfFinding = """
        SELECT i.id FROM incident i JOIN incident_document d ON d.incident = i.id
        WHERE d.reference = ? AND i.finding = ? AND i.status <> 'ferme' ORDER BY i.id LIMIT 1
        """

    /// Records what integrity incident p2 found (p1).
    public static let setIncidentFinding = "UPDATE incident SET finding = ? WHERE id = ?"

    /// The open incidents of document p1 that found its file missing, in order.
    public static let openMissingIncidents = """
        SELECT i.id FROM incident i JOIN incident_document d ON d.incident = i.id
        WHERE d.reference = ? AND i.finding = 'missing' AND i.status <> 'ferme' ORDER BY i.id
        """

    /// The columns an audit entry is read from, in order: sequence, instant, user, action,
    /// target, details, previous hash, hash, scheme.
    public static let auditColumns = "sequence, at, user_name, action, target, details, previous_hash, hash, scheme"

    /// The whole trail, in sequence order.
    public static let auditTrail = "SELECT \(auditColumns) FROM audit_entry ORDER BY sequence"

    /// The entries since an instant (microseconds), of a user, on a target (each when given), in
    /// sequence order, with the values to bind: the trail's one filter, for both backends.
    public static func auditEntries(since: Int?, user: String?, target: String?) -> (sql: String, values: [StoreValue]) {
        var conditions: [String] = []
        var values: [StoreValue] = []
        if let since { conditions.append("at >= ?"); values.append(.integer(since)) }
        if let user { conditions.append("user_name = ?"); values.append(.text(user)) }
        if let target { conditions.append("target = ?"); values.append(.text(target)) }
        let sql = "SELECT \(auditColumns) FROM audit_entry" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY sequence"
        return (sql, values)
    }
}
