public import Foundation
public import SablierCore
public import SablierStore
import PostgresNIO

/// The register's reports on PostgreSQL: the statements of `ReportQueries`, which the SQLite
/// store runs too, each report read in one snapshot.
extension PostgresStore: ReportStore {
    static let reportQueries = ReportQueries(.postgresql)

    public func reportYearEnd() async throws -> MonthDay {
        try await read("reading the calendar's year end") { tx in
            let text = try await tx.scalar(String.self, Self.reportQueries.yearEnd)
            return try text.map(StoredCode.monthDay) ?? .schoolYearEnd
        }
    }

    public func dispositionTallies(from: Date, until: Date) async throws -> [DispositionTally] {
        try await read("counting the dispositions of a year") { tx in
            try await tx.rows(Self.reportQueries.dispositionTallies,
                              [.integer(StoredCode.microseconds(from)), .integer(StoredCode.microseconds(until))]).map { row in
                let list = try row[4].decode(Int.self)
                let (action, outcome) = try DispositionTally.outcome(action: try row[2].decode(String.self),
                                                                     decision: try row[3].decode(String?.self), list: list)
                return DispositionTally(holder: try row[0].decode(String.self), rule: try row[1].decode(String.self), action: action,
                                        outcome: outcome, list: list, method: try row[5].decode(String?.self),
                                        vendorCertificate: try row[6].decode(String?.self), count: try row[7].decode(Int.self),
                                        destroyedWithoutFile: try row[8].decode(Int.self))
            }
        }
    }

    public func ruleTitles(_ rules: Set<String>) async throws -> [String: String] {
        guard !rules.isEmpty else { return [:] }
        return try await read("reading rule titles") { tx in
            var titles: [String: String] = [:]
            // The calendar in force first, by its primary key; a rule it retired from the
            // latest older version that had it (rare: one lookup each).
            if let latest = try await tx.scalar(Int.self, Self.reportQueries.latestCalendar) {
                for number in rules {
                    if let title = try await tx.scalar(String.self, Self.reportQueries.ruleTitle, [.integer(latest), .text(number)]) {
                        titles[number] = title
                    }
                }
            }
            for number in rules where titles[number] == nil {
                titles[number] = try await tx.scalar(String.self, Self.reportQueries.latestRuleTitle, [.text(number)])
            }
            return titles
        }
    }

    public func documentTallies() async throws -> [DocumentTally] {
        try await read("counting documents by unit, phase and support") { tx in
            try await tx.rows(Self.reportQueries.documentTallies).map { row in
                DocumentTally(holder: try row[0].decode(String.self), phase: try ReportQueries.phase(try row[1].decode(String.self)),
                              support: try row[2].decode(String.self), count: try row[3].decode(Int.self))
            }
        }
    }

    public func boxTallies() async throws -> [BoxTally] {
        try await read("counting boxes by unit and phase") { tx in
            try await tx.rows(Self.reportQueries.boxTallies).map { row in
                BoxTally(box: try row[0].decode(String.self), holder: try row[1].decode(String.self),
                         phase: try ReportQueries.phase(try row[2].decode(String.self)), documents: try row[3].decode(Int.self),
                         linearMillimetres: try row[4].decode(Int?.self))
            }
        }
    }

    public func userActivity() async throws -> [UserActivity] {
        try await read("reading users and their last activity") { tx in
            var roles: [String: [Role]] = [:]
            for row in try await tx.rows(Self.reportQueries.userRoles) {
                roles[try row[0].decode(String.self), default: []].append(try ReportQueries.role(try row[1].decode(String.self)))
            }
            return try await tx.rows(Self.reportQueries.userActivity).map { row in
                let name = try row[0].decode(String.self)
                return UserActivity(name: name, unit: try row[1].decode(String.self), roles: roles[name] ?? [], active: try row[2].decode(Bool.self),
                                    email: try row[3].decode(String?.self), createdAt: StoredCode.date(microseconds: try row[4].decode(Int.self)),
                                    createdBy: try row[5].decode(String.self),
                                    lastActivity: try row[6].decode(Int?.self).map { StoredCode.date(microseconds: $0) })
            }
        }
    }
}
