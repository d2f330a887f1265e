public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: ReportStore {
    public func reportYearEnd() async throws -> MonthDay {
        try await read("reading the calendar's year end") { db in
            let text = try String.fetchOne(db, sql: "SELECT year_end FROM calendar_version ORDER BY number DESC LIMIT 1")
            return try text.map(StoredCode.monthDay) ?? .schoolYearEnd
        }
    }

    public func dispositionTallies(from: Date, until: Date) async throws -> [DispositionTally] {
        try await read("counting the dispositions of a year") { db in
            // Done items only: a list stopped half-way still destroyed what it did. Transfers to
            // semi-active storage are not dispositions; a sort's outcome is its decision.
            let sql = """
                SELECT i.holder, i.rule, i.action, i.decision, i.list, l.method, l.vendor_certificate, COUNT(*),
                       SUM(CASE WHEN i.file_path IS NULL AND (i.action = 'destroy' OR i.decision = 'destroy') THEN 1 ELSE 0 END)
                FROM disposition_item i JOIN disposition_list l ON l.number = i.list
                WHERE i.state = 'done' AND i.done_at >= ? AND i.done_at < ? AND i.action <> 'transfer'
                GROUP BY i.holder, i.rule, i.action, i.decision, i.list, l.method, l.vendor_certificate
                """
            return try Row.fetchAll(db, sql: sql, arguments: [StoredCode.microseconds(from), StoredCode.microseconds(until)]).map { row in
                let actionText: String = row[2]
                guard let action = DueAction(rawValue: actionText) else { throw CorruptValue("column action holds '\(actionText)'") }
                let decision: String? = row[3]
                let outcome: DispositionOutcome
                switch (action, decision) {
                case (.destroy, _): outcome = .destroyed
                case (.deposit, _): outcome = .deposited
                case (.sort, "keep"?): outcome = .kept
                case (.sort, "destroy"?): outcome = .destroyed
                default: throw CorruptValue("a done sort item of list \(row[4] as Int) holds the decision '\(decision ?? "")'")
                }
                return DispositionTally(holder: row[0], rule: row[1], action: action, outcome: outcome, list: row[4], method: row[5],
                                        vendorCertificate: row[6], count: row[7], destroyedWithoutFile: row[8])
            }
        }
    }

    public func ruleTitles(_ rules: Set<String>) async throws -> [String: String] {
        guard !rules.isEmpty else { return [:] }
        return try await read("reading rule titles") { db in
            var titles: [String: String] = [:]
            // The calendar in force first, by its primary key; a rule it retired from the
            // latest older version that had it (rare: one lookup each).
            if let latest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM calendar_version") {
                for number in rules {
                    if let title = try String.fetchOne(db, sql: "SELECT title FROM calendar_rule WHERE version = ? AND number = ?",
                                                       arguments: [latest, number]) {
                        titles[number] = title
                    }
                }
            }
            for number in rules where titles[number] == nil {
                titles[number] = try String.fetchOne(
                    db, sql: "SELECT title FROM calendar_rule WHERE number = ? ORDER BY version DESC LIMIT 1", arguments: [number])
            }
            return titles
        }
    }

    public func documentTallies() async throws -> [DocumentTally] {
        try await read("counting documents by unit, phase and support") { db in
            try Row.fetchAll(db, sql: "SELECT holder, phase, support, COUNT(*) FROM document GROUP BY holder, phase, support").map { row in
                DocumentTally(holder: row[0], phase: try Self.phase(row[1]), support: row[2], count: row[3])
            }
        }
    }

    public func boxTallies() async throws -> [BoxTally] {
        try await read("counting boxes by unit and phase") { db in
            let sql = """
                SELECT d.box, d.holder, d.phase, COUNT(*), b.linear_mm
                FROM document d JOIN box b ON b.code = d.box
                GROUP BY d.box, d.holder, d.phase
                """
            return try Row.fetchAll(db, sql: sql).map { row in
                BoxTally(box: row[0], holder: row[1], phase: try Self.phase(row[2]), documents: row[3], linearMillimetres: row[4])
            }
        }
    }

    public func userActivity() async throws -> [UserActivity] {
        try await read("reading users and their last activity") { db in
            var roles: [String: [Role]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT user_name, role FROM user_role ORDER BY user_name, role") {
                let code: String = row[1]
                guard let role = Role(rawValue: code) else { throw CorruptValue("column role holds '\(code)'") }
                roles[row[0], default: []].append(role)
            }
            // The newest entry of each user, found through audit_entry_by_user (user_name, sequence).
            // A failed sign-in (and the lock it may cause) is written under the name someone
            // typed: it says nothing of that user's own use of their access, so it is skipped.
            let sql = """
                SELECT u.name, u.unit, u.active, u.email, u.created_at, u.created_by,
                       (SELECT a.at FROM audit_entry a
                        WHERE a.user_name = u.name AND a.action <> 'auth.failure' AND a.action <> 'auth.lock'
                        ORDER BY a.sequence DESC LIMIT 1)
                FROM app_user u ORDER BY u.name
                """
            return try Row.fetchAll(db, sql: sql).map { row in
                let name: String = row[0]
                let last: Int? = row[6]
                return UserActivity(name: name, unit: row[1], roles: roles[name] ?? [], active: row[2], email: row[3],
                                    createdAt: StoredCode.date(microseconds: row[4]), createdBy: row[5],
                                    lastActivity: last.map { StoredCode.date(microseconds: $0) })
            }
        }
    }

    private static func phase(_ text: String) throws -> Phase {
        guard let phase = Phase(rawValue: text) else { throw CorruptValue("column phase holds '\(text)'") }
        return phase
    }
}
