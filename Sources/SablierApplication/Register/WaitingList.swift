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
    /// True for a confidential document whose title is masked for this reader; absent otherwise.
    public var confidential: Bool?
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
    ///
    /// As in the due list, an organisation-wide reader sees every waiting document, a
    /// confidential one with its title masked: a document nobody sees waiting would wait forever.
    public func waiting(_ session: Session) async throws(Refusal) -> WaitingListing {
        let access = try await authorize(session, .readDue, "waiting")
        let view = try await obligationView(access)
        let all = try await attempt { try await store.waitingDocuments() }
        var shown: [WaitingEntry] = []
        for item in all {
            guard let line = view.line(item.reference, holder: item.holder) else { continue }
            let masked = line == .masked
            shown.append(WaitingEntry(reference: item.reference, title: masked ? DueEntry.maskedTitle : item.title, rule: item.rule,
                                      copy: item.copy.rawValue, holder: item.holder, waiting: item.waiting.code,
                                      label: item.waiting.label, confidential: masked ? true : nil))
        }
        let periods = try await openPeriodEntries().filter { $0.status == "unconfirmed" }
        return WaitingListing(documents: shown, unconfirmed: periods, withheld: all.count - shown.count)
    }
}
