public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: ReportStore {
    static let reportQueries = ReportQueries(.sqlite)

    public func reportYearEnd() async throws -> MonthDay {
        try await read("reading the calendar's year end") { db in
            let text = try String.fetchOne(db, sql: Self.reportQueries.yearEnd)
            return try text.map(StoredCode.monthDay) ?? .schoolYearEnd
        }
    }

    public func dispositionTallies(from: Date, until: Date) async throws -> [DispositionTally] {
        try await read("counting the dispositions of a year") { db in
            try Row.fetchAll(db, sql: Self.reportQueries.dispositionTallies,
                             arguments: [StoredCode.microseconds(from), StoredCode.microseconds(until)]).map { row in
                let (action, outcome) = try DispositionTally.outcome(action: row[2], decision: row[3], list: row[4])
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
            if let latest = try Int.fetchOne(db, sql: Self.reportQueries.latestCalendar) {
                for number in rules {
                    if let title = try String.fetchOne(db, sql: Self.reportQueries.ruleTitle, arguments: [latest, number]) {
                        titles[number] = title
                    }
                }
            }
            for number in rules where titles[number] == nil {
                titles[number] = try String.fetchOne(db, sql: Self.reportQueries.latestRuleTitle, arguments: [number])
            }
            return titles
        }
    }

    public func documentTallies() async throws -> [DocumentTally] {
        try await read("counting documents by unit, phase and support") { db in
            try Row.fetchAll(db, sql: Self.reportQueries.documentTallies).map { row in
                DocumentTally(holder: row[0], phase: try ReportQueries.phase(row[1]), support: row[2], count: row[3])
            }
        }
    }

    public func boxTallies() async throws -> [BoxTally] {
        try await read("counting boxes by unit and phase") { db in
            try Row.fetchAll(db, sql: Self.reportQueries.boxTallies).map { row in
                BoxTally(box: row[0], holder: row[1], phase: try ReportQueries.phase(row[2]), documents: row[3], linearMillimetres: row[4])
            }
        }
    }

    public func userActivity() async throws -> [UserActivity] {
        try await read("reading users and their last activity") { db in
            var roles: [String: [Role]] = [:]
            for row in try Row.fetchAll(db, sql: Self.reportQueries.userRoles) {
                roles[row[0], default: []].append(try ReportQueries.role(row[1]))
            }
            return try Row.fetchAll(db, sql: Self.reportQueries.userActivity).map { row in
                let name: String = row[0]
                let last: Int? = row[6]
                return UserActivity(name: name, unit: row[1], roles: roles[name] ?? [], active: row[2], email: row[3],
                                    createdAt: StoredCode.date(microseconds: row[4]), createdBy: row[5],
                                    lastActivity: last.map { StoredCode.date(microseconds: $0) })
            }
        }
    }
}
