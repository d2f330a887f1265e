public import SablierCore
import SablierStore

/// A document of the review queue with the date its retention falls due, so that the privacy
/// officer can review first what is about to be destroyed or transferred.
public struct PrivacyQueueLine: Sendable, Hashable, Codable {
    public var entry: PrivacyEntry
    /// The day its final disposition falls due (`2027-06-30`): when the measure the officer
    /// decides (destroy, anonymise) applies; nil when not known yet (an open period).
    public var dueOn: String?
    /// What happens at the end: `C`, `D` or `T`, nil when unknown.
    public var finalAction: String?
}

/// The review queue with due dates, and the counts of `PrivacyQueueResult`.
public struct PrivacyQueueDates: Sendable, Hashable, Codable {
    public var lines: [PrivacyQueueLine]
    public var pending: Int
    public var withheld: Int
}

extension Sablier {
    /// The review queue, most sensitive first, each document with the day its final disposition
    /// falls due (not a transfer to semi-active storage, which changes nothing for its personal
    /// information): the web page sorts by either. Same permission and visibility as `privacyQueue`,
    /// whose result it extends; the dates are the register's, as `document show` reads them.
    public func privacyQueueWithDates(_ session: Session, includingDecided: Bool = false) async throws(Refusal) -> PrivacyQueueDates {
        let queue = try await privacyQueue(session, includingDecided: includingDecided)
        var lines: [PrivacyQueueLine] = []
        for entry in queue.entries {
            let document = try await attempt { try await store.document(entry.reference) }
            lines.append(PrivacyQueueLine(entry: entry, dueOn: document?.retention.finalOn?.description,
                                          finalAction: document?.retention.finalAction?.rawValue))
        }
        return PrivacyQueueDates(lines: lines, pending: queue.pending, withheld: queue.withheld)
    }
}
