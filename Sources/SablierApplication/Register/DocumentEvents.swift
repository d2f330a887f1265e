public import SablierCore
import SablierStore

/// An event recorded, and where it leaves the document.
public struct EventRecorded: Sendable, Hashable, Codable {
    public var reference: String
    public var event: EventEntry
    /// The next date something falls due, once the document was counted again.
    public var nextDue: String?
    /// What the count now waits for, in words.
    public var waiting: String?
}

extension Sablier {
    /// Appends a life-cycle event to a document (events are never edited).
    ///
    /// Only the kinds a person records (`LifecycleEventKind.recordedByPeople`); an
    /// `event-occurred` names the event, which must be one the rule's 888 periods wait for
    /// when the rule says which.
    public func recordEvent(_ session: Session, _ reference: String, kind: String, on day: CivilDate? = nil, name: String? = nil,
                            reason: String? = nil, detail: String? = nil) async throws(Refusal) -> EventRecorded {
        let useCase = "document event"
        let access = try await authorize(session, .recordEvents, useCase)
        let visibility = try await visibility(access)
        let target = try await visibleDocument(reference, visibility, useCase: useCase)
        let awaited = try await awaitedEvents(of: target.document)
        let recorded = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                  details: ["reference": reference]) {
            let kind = try LifecycleEventKind.recordable(kind)
            var eventName = name
            if kind == .eventOccurred {
                let given = try Refusal.requireText(name, "name")
                try AwaitedEvent.check(given, reference: reference, awaited: awaited)
                eventName = given
            }
            let event = LifecycleEvent(kind: kind, on: day ?? clock.today, by: access.user.name, reason: reason, name: eventName, detail: detail)
            return try await store.appendEvent(event, to: reference, at: clock.now)
        }
        let after = try await attempt { try await store.document(reference) }
        return EventRecorded(reference: reference, event: EventEntry(recorded), nextDue: after?.retention.dueOn?.description,
                             waiting: after?.retention.waiting?.label)
    }

    /// The events the 888 periods of a document's rule and copy wait for.
    func awaitedEvents(of document: Document) async throws(Refusal) -> [String] {
        try await attempt { try await awaitedEvents(rules: [document.rule]).names(rule: document.rule, copy: document.copy) }
    }
}
