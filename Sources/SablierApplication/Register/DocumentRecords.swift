public import Foundation
public import SablierCore
import SablierRegister
import SablierStore

/// A document in a listing: `document list --format json`, and the record in `document show`.
public struct DocumentEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var rule: String
    public var copy: String
    public var support: String
    public var holder: String
    public var opened: String?
    public var closed: String?
    public var phase: String
    public var held: Bool
    public var transferOn: String?
    public var finalOn: String?
    public var finalAction: String?
    public var dueOn: String?
    public var waiting: String?
    /// What `waiting` means, in words.
    public var waitingLabel: String?
    public var file: DigitalFile?
    public var location: String?
    public var box: String?
    public var digitizedFrom: String?
    public var replaces: String?
    public var identifiers: [String: String]
    public var calendarVersion: Int
    public var registeredAt: Date
    public var registeredBy: String

    public init(_ item: RegisteredDocument) {
        let d = item.document
        reference = d.reference; title = d.title; rule = d.rule; copy = d.copy.rawValue; support = d.support.code
        holder = d.holder; opened = d.openedOn?.description; closed = d.closedOn?.description
        phase = item.phase.rawValue; held = item.held
        transferOn = item.retention.transferOn?.description; finalOn = item.retention.finalOn?.description
        finalAction = item.retention.finalAction?.rawValue; dueOn = item.retention.dueOn?.description
        waiting = item.retention.waiting?.code; waitingLabel = item.retention.waiting?.label
        file = d.file; location = d.location?.description; box = d.box
        digitizedFrom = d.digitizedFrom; replaces = d.replaces; identifiers = d.identifiers
        calendarVersion = item.retention.calendarVersion
        registeredAt = item.registeredAt; registeredBy = item.registeredBy
    }
}

/// A life-cycle event as recorded.
public struct EventEntry: Sendable, Hashable, Codable {
    public var sequence: Int
    public var kind: String
    public var on: String
    public var by: String
    public var reason: String?
    public var name: String?
    public var detail: String?
    public var recordedAt: Date

    init(_ recorded: RecordedEvent) {
        sequence = recorded.sequence; kind = recorded.event.kind.rawValue; on = recorded.event.on.description
        by = recorded.event.by; reason = recorded.event.reason; name = recorded.event.name; detail = recorded.event.detail
        recordedAt = recorded.recordedAt
    }
}

/// `document show --format json`, `GET /api/v1/documents/{reference}`: the record, its events,
/// and its retention counted again with the explanation.
public struct DocumentDetail: Sendable, Hashable, Codable {
    public var document: DocumentEntry
    public var events: [EventEntry]
    public var asOf: String
    public var due: DueNow?
    /// The retention computation, step by step (`document explain`).
    public var explanation: [String]

    /// The action due on `asOf`.
    public struct DueNow: Sendable, Hashable, Codable {
        public var action: String
        public var due: String
    }

    init(_ explanation: RetentionExplanation) {
        document = DocumentEntry(explanation.document)
        events = explanation.events.map(EventEntry.init)
        asOf = explanation.asOf.description
        due = explanation.due.map { DueNow(action: $0.action.rawValue, due: $0.on.description) }
        self.explanation = explanation.lines
    }
}

/// A listing of documents, and how many the reader may not see were left out.
public struct DocumentListing: Sendable, Hashable, Codable {
    public var documents: [DocumentEntry]
    /// Absent for a listing by query: how many hidden documents a query matches would answer
    /// the query about documents the reader may not see.
    public var withheld: Int?
}

extension Sablier {
    /// The register, or the documents a query selects (`holder=RH; closed<2020-07-01`), at most `limit`.
    public func documents(_ session: Session, query: String? = nil, limit: Int? = nil) async throws(Refusal) -> DocumentListing {
        let access = try await authorize(session, .readDocuments, "document list")
        let parsed = try parseQuery(query)
        if let limit, limit < 0 { throw Refusal(.outOfRange, ["field": "limit", "value": String(limit), "minimum": "0"]) }
        let visibility = try await visibility(access)
        // The limit goes to the store unless documents may be hidden, which must be left out
        // before counting to the limit.
        let found = try await attempt { try await store.documents(matching: parsed, limit: visibility.allowsAll ? limit : nil) }
        var shown: [DocumentEntry] = []
        var withheld = 0
        for item in found {
            guard visibility.allows(item.document.reference, holder: item.document.holder) else { withheld += 1; continue }
            if let limit, shown.count >= limit { break }
            shown.append(DocumentEntry(item))
        }
        return DocumentListing(documents: shown, withheld: parsed == nil ? withheld : nil)
    }

    /// One document: its record, its events, its retention counted again on `asOf` (today by default).
    public func document(_ session: Session, _ reference: String, asOf: CivilDate? = nil) async throws(Refusal) -> DocumentDetail {
        try await detail(session, reference, asOf: asOf, useCase: "document show")
    }

    /// A document's retention computation, step by step.
    public func explainDocument(_ session: Session, _ reference: String, asOf: CivilDate? = nil) async throws(Refusal) -> [String] {
        try await detail(session, reference, asOf: asOf, useCase: "document explain").explanation
    }

    func detail(_ session: Session, _ reference: String, asOf: CivilDate?, useCase: String) async throws(Refusal) -> DocumentDetail {
        let access = try await authorize(session, .readDocuments, useCase)
        let visibility = try await visibility(access)
        _ = try await visibleDocument(reference, visibility, useCase: useCase)
        let date = asOf ?? clock.today
        guard let explanation = try await attempt({ try await RetentionExplanation.explain(reference, asOf: date, store: store) }) else {
            throw Refusal(.documentNotFound, ["reference": reference])
        }
        return DocumentDetail(explanation)
    }

    /// A query as people write it, or a refusal naming the term that does not read.
    func parseQuery(_ text: String?) throws(Refusal) -> DocumentQuery? {
        guard let text else { return nil }
        do {
            return try DocumentQuery(parsing: text)
        } catch {
            throw Refusal(.invalidQuery, ["query": text, "problem": error.description])
        }
    }
}
