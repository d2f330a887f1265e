public import SablierCore

/// The statements of the register's reports, in the SQL every backend runs (parameters in the
/// dialect's spelling): the reports aggregate in the database, and the same text on each
/// backend gives the same tallies.
public struct ReportQueries: Sendable, Hashable {
    /// The year end of the calendar in force.
    public let yearEnd: String
    /// The done items of executed lists in `[p1, p2)` (microseconds) that were not transfers, by
    /// holder, rule, action, decision, list, method and vendor certificate: the count, and of
    /// it those destroyed without a file. Done items only: a list stopped half-way still
    /// destroyed what it did; transfers to semi-active storage are not dispositions; a sort's
    /// outcome is its decision. (The sum cast to BIGINT: PostgreSQL's SUM of integers is NUMERIC.)
    public let dispositionTallies: String
    /// The number of the calendar in force (NULL before any import).
    public let latestCalendar: String
    /// The title of rule p2 in calendar version p1.
    public let ruleTitle: String
    /// The title of rule p1 in the latest version that had it.
    public let latestRuleTitle: String
    /// `(holder, phase, support, count)`.
    public let documentTallies: String
    /// `(box, holder, phase, count, linear_mm)`.
    public let boxTallies: String
    /// `(user_name, role)` by user then role.
    public let userRoles: String
    /// `(name, unit, active, email, created_at, created_by, last activity)` by name: the newest
    /// entry of each user, found through audit_entry_by_user (user_name, sequence). A failed
    /// sign-in (and the lock it may cause) is written under the name someone typed: it says
    /// nothing of that user's own use of their access, so it is skipped.
    public let userActivity: String

    public init(_ dialect: SQLDialect) {
        func p(_ n: Int) -> String { dialect.parameter(n) }
        yearEnd = "SELECT year_end FROM calendar_version ORDER BY number DESC LIMIT 1"
        dispositionTallies = """
            SELECT i.holder, i.rule, i.action, i.decision, i.list, l.method, l.vendor_certificate, COUNT(*),
                   CAST(SUM(CASE WHEN i.file_path IS NULL AND (i.action = 'destroy' OR i.decision = 'destroy') THEN 1 ELSE 0 END) AS BIGINT)
            FROM disposition_item i JOIN disposition_list l ON l.number = i.list
            WHERE i.state = 'done' AND i.done_at >= \(p(1)) AND i.done_at < \(p(2)) AND i.action <> 'transfer'
            GROUP BY i.holder, i.rule, i.action, i.decision, i.list, l.method, l.vendor_certificate
            """
        latestCalendar = "SELECT MAX(number) FROM calendar_version"
        ruleTitle = "SELECT title FROM calendar_rule WHERE version = \(p(1)) AND number = \(p(2))"
        latestRuleTitle = "SELECT title FROM calendar_rule WHERE number = \(p(1)) ORDER BY version DESC LIMIT 1"
        documentTallies = "SELECT holder, phase, support, COUNT(*) FROM document GROUP BY holder, phase, support"
        boxTallies = """
            SELECT d.box, d.holder, d.phase, COUNT(*), b.linear_mm
            FROM document d JOIN box b ON b.code = d.box
            GROUP BY d.box, d.holder, d.phase, b.linear_mm
            """
        userRoles = "SELECT user_name, role FROM user_role ORDER BY user_name, role"
        userActivity = """
            SELECT u.name, u.unit, u.active, u.email, u.created_at, u.created_by,
                   (SELECT a.at FROM audit_entry a
                    WHERE a.user_name = u.name AND a.action <> 'auth.failure' AND a.action <> 'auth.lock'
                    ORDER BY a.sequence DESC LIMIT 1)
            FROM app_user u ORDER BY u.name
            """
    }

    /// The phase a tally line holds, or corrupt data.
    public static func phase(_ text: String) throws -> Phase {
        guard let phase = Phase(rawValue: text) else { throw CorruptValue("column phase holds '\(text)'") }
        return phase
    }

    /// The role a `user_role` row holds, or corrupt data.
    public static func role(_ code: String) throws -> Role {
        guard let role = Role(rawValue: code) else { throw CorruptValue("column role holds '\(code)'") }
        return role
    }
}
