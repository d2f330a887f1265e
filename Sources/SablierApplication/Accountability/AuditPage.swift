public import Foundation
public import SablierCore
import SablierStore

/// An entry of the audit trail as a page shows it: what was done, by whom, when, to what, with
/// its details (a JSON object). The hashes stay in the JSON contract of `auditLog`.
public struct AuditLine: Sendable, Hashable, Codable {
    public var sequence: Int
    public var at: Date
    public var user: String
    public var action: String
    public var target: String
    public var details: String
}

/// One page of the audit trail, and how many entries the filter selects in all.
public struct AuditPage: Sendable, Hashable, Codable {
    public var entries: [AuditLine]
    /// Entries the filter selects, over every page.
    public var total: Int
    /// Entries before this page.
    public var offset: Int
    public var limit: Int
    /// The time zone the days `since` and `until` were cut in (`America/Toronto`): a reader
    /// shows the entries' times in it, so that an entry filtered under a day reads as that day.
    public var timeZone: String
}

extension Sablier {
    /// The audit trail between two days (both included, local midnight to midnight), of one
    /// user, about one target, one page at a time: what the auditor reads in a browser, where
    /// the whole trail is too long for one page.
    ///
    /// The days are cut in `timeZone`, by default where Sablier runs, as `auditLog --since` and
    /// "today" are; the page names the zone so that its reader shows the times in it too.
    ///
    /// Same permission as `auditLog`. A page past the end is empty; a negative offset or a page
    /// of no entries is refused.
    public func auditPage(_ session: Session, since: CivilDate? = nil, until: CivilDate? = nil, user: String? = nil,
                          target: String? = nil, offset: Int = 0, limit: Int = 50,
                          timeZone: TimeZone = .current) async throws(Refusal) -> AuditPage {
        _ = try await authorize(session, .readAudit, "audit log")
        guard offset >= 0 else { throw Refusal(.outOfRange, ["field": "offset", "value": String(offset), "minimum": "0"]) }
        guard limit >= 1 else { throw Refusal(.outOfRange, ["field": "limit", "value": String(limit), "minimum": "1"]) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let midnight = { (day: CivilDate) -> Date in
            calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? .distantPast
        }
        let start = since.map(midnight)
        var entries = try await attempt { try await store.auditEntries(since: start, user: user, target: target) }
        if let until {
            let end = calendar.date(byAdding: .day, value: 1, to: midnight(until)) ?? .distantFuture
            entries = entries.filter { $0.at < end }
        }
        let page = entries.dropFirst(offset).prefix(limit).map {
            AuditLine(sequence: $0.sequence, at: $0.at, user: $0.user, action: $0.action, target: $0.target, details: $0.details)
        }
        return AuditPage(entries: page, total: entries.count, offset: offset, limit: limit, timeZone: timeZone.identifier)
    }
}
