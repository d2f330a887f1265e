public import Foundation

/// A document as the register holds it: the record, who registered it and when, where it is
/// in its life cycle, whether a hold covers it, and its retention as last counted.
public struct RegisteredDocument: Sendable, Hashable {
    /// The store's key for the document; references are what people use.
    public var id: Int
    public var document: Document
    public var registeredAt: Date
    public var registeredBy: String
    public var phase: Phase
    /// True while at least one hold (gel) covers it.
    public var held: Bool
    public var retention: RetentionStatus

    public init(id: Int, document: Document, registeredAt: Date, registeredBy: String, phase: Phase, held: Bool, retention: RetentionStatus) {
        self.id = id
        self.document = document
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.phase = phase
        self.held = held
        self.retention = retention
    }
}

/// A life-cycle event as stored: the event, its place in the register's sequence, and when it
/// was written (the event's own date, `event.on`, may be earlier).
public struct RecordedEvent: Sendable, Hashable {
    /// Increases with every event of the register, never reused.
    public var sequence: Int
    public var event: LifecycleEvent
    public var recordedAt: Date

    public init(sequence: Int, event: LifecycleEvent, recordedAt: Date) {
        self.sequence = sequence
        self.event = event
        self.recordedAt = recordedAt
    }
}

/// A document to register, with the events known at registration (an 888 event that already
/// occurred, a closing), written in the same transaction.
public struct NewDocument: Sendable, Hashable {
    public var document: Document
    public var events: [LifecycleEvent]

    public init(document: Document, events: [LifecycleEvent] = []) {
        self.document = document
        self.events = events
    }
}

/// One line of a due list (`sablier due`).
public struct DueDocument: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var rule: String
    public var copy: CopyKind
    public var support: String
    public var holder: String
    public var action: DueAction
    /// The date the action fell due.
    public var due: CivilDate
    /// A hold covers it: listed, never destroyed or sorted until released.
    public var held: Bool

    public init(reference: String, title: String, rule: String, copy: CopyKind, support: String, holder: String,
                action: DueAction, due: CivilDate, held: Bool) {
        self.reference = reference
        self.title = title
        self.rule = rule
        self.copy = copy
        self.support = support
        self.holder = holder
        self.action = action
        self.due = due
        self.held = held
    }
}

/// A document whose count cannot give a date yet, and what it waits for.
public struct WaitingDocument: Sendable, Hashable {
    public var reference: String
    public var title: String
    public var rule: String
    public var copy: CopyKind
    public var holder: String
    public var waiting: RetentionWait

    public init(reference: String, title: String, rule: String, copy: CopyKind, holder: String, waiting: RetentionWait) {
        self.reference = reference
        self.title = title
        self.rule = rule
        self.copy = copy
        self.holder = holder
        self.waiting = waiting
    }
}

/// The event the records manager confirmed for one open (888) period of a rule's copy.
public struct OpenPeriodConfirmation: Sendable, Hashable {
    public var rule: String
    public var copy: CopyKind
    /// `.active` or `.semiActive`.
    public var period: CopyField
    public var event: OpenPeriodEvent
    /// The calendar's remark the confirmation answers, as it read then.
    public var remark: String?
    public var calendarVersion: Int
    public var confirmedAt: Date
    public var confirmedBy: String

    public init(rule: String, copy: CopyKind, period: CopyField, event: OpenPeriodEvent, remark: String?,
                calendarVersion: Int, confirmedAt: Date, confirmedBy: String) {
        self.rule = rule
        self.copy = copy
        self.period = period
        self.event = event
        self.remark = remark
        self.calendarVersion = calendarVersion
        self.confirmedAt = confirmedAt
        self.confirmedBy = confirmedBy
    }
}

/// A hold (gel, legal hold): it stops destruction and sorting of the documents it covers.
public struct Hold: Sendable, Hashable {
    /// What a hold covers: one document, every document of a rule (including those registered
    /// later), or the documents a query matched when the hold was placed.
    public enum Scope: Sendable, Hashable {
        case document(String)
        case rule(String)
        case query(DocumentQuery)

        public var code: String {
            switch self {
            case .document: return "document"
            case .rule: return "rule"
            case .query: return "query"
            }
        }

        public var target: String {
            switch self {
            case .document(let reference): return reference
            case .rule(let number): return number
            case .query(let query): return query.description
            }
        }
    }

    public var id: Int
    public var reason: String
    public var scope: Scope
    public var placedAt: Date
    public var placedBy: String
    public var releasedAt: Date?
    public var releasedBy: String?
    public var releaseReason: String?
    /// How many documents it covers.
    public var documentCount: Int
    /// The holder units (détenteurs) of the documents it covers, sorted: a unit-scoped reader
    /// sees only the holds that reach its unit.
    public var holderUnits: [String]

    public init(id: Int, reason: String, scope: Scope, placedAt: Date, placedBy: String, releasedAt: Date? = nil,
                releasedBy: String? = nil, releaseReason: String? = nil, documentCount: Int, holderUnits: [String] = []) {
        self.id = id
        self.reason = reason
        self.scope = scope
        self.placedAt = placedAt
        self.placedBy = placedBy
        self.releasedAt = releasedAt
        self.releasedBy = releasedBy
        self.releaseReason = releaseReason
        self.documentCount = documentCount
        self.holderUnits = holderUnits
    }

    public var isActive: Bool { releasedAt == nil }
}

extension Hold {
    /// Refuses releasing a hold that was already released.
    public func checkRelease() throws(Refusal) {
        guard isActive else { throw Refusal(.holdReleased, ["hold": String(id)]) }
    }
}

extension Hold {
    /// Refuses a hold on a document the organisation no longer holds (deposited or destroyed).
    public static func checkPlaceable(on reference: String, phase: Phase) throws(Refusal) {
        guard !phase.isInactive else { throw Refusal(.holdOnDisposed, ["reference": reference, "phase": phase.rawValue]) }
    }

    /// Refuses a hold that would cover no document still kept.
    public static func checkCovers(_ documents: Int, scope: Scope) throws(Refusal) {
        guard documents > 0 else { throw Refusal(.holdCoversNothing, ["target": scope.target]) }
    }
}

extension OpenPeriodConfirmation {
    /// Confirmations as `RetentionContext` takes them: by rule number, then copy, then period.
    public static func byRule(_ confirmations: some Sequence<OpenPeriodConfirmation>) -> [String: [CopyKind: [CopyField: OpenPeriodEvent]]] {
        var byRule: [String: [CopyKind: [CopyField: OpenPeriodEvent]]] = [:]
        for confirmation in confirmations {
            byRule[confirmation.rule, default: [:]][confirmation.copy, default: [:]][confirmation.period] = confirmation.event
        }
        return byRule
    }
}
