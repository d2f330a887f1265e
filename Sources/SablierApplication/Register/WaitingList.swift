public import SablierCore
import SablierStore

/// A document whose count cannot give a date yet: `waiting --format json`.
public struct WaitingEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var rule: String
    public var copy: String
    public var holder: String
    /// What it waits for, as a code (`event`, `replacement`, `unconfirmed-event`, …).
    public var waiting: String
    /// The same, in words.
    public var label: String
}

/// What waits: documents, and the 888 periods nobody confirmed.
public struct WaitingListing: Sendable, Hashable, Codable {
    public var documents: [WaitingEntry]
    public var unconfirmed: [OpenPeriodEntry]
    /// Waiting documents left out because the reader may not see them.
    public var withheld: Int
}

extension Sablier {
    /// Documents waiting for an 888 event, a replacement (999) or a confirmation, and the
    /// open periods of the calendar in force whose event nobody confirmed.
    public func waiting(_ session: Session) async throws(Refusal) -> WaitingListing {
        let access = try await authorize(session, .readDue, "waiting")
        let visibility = try await visibility(access)
        let reviewed = try await reviewedScope(access)
        let all = try await attempt { try await store.waitingDocuments() }
        let shown = all.filter { item in
            reviewed.map { $0.contains(item.reference) } ?? visibility.allows(item.reference, holder: item.holder)
        }
        let periods = try await openPeriodEntries().filter { $0.status == "unconfirmed" }
        return WaitingListing(
            documents: shown.map {
                WaitingEntry(reference: $0.reference, title: $0.title, rule: $0.rule, copy: $0.copy.rawValue, holder: $0.holder,
                             waiting: $0.waiting.code, label: $0.waiting.label)
            },
            unconfirmed: periods, withheld: all.count - shown.count)
    }
}
