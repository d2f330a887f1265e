import Foundation
public import SablierCore

// What registering documents and recounting them decides, the same for every backend: each
// store only reads and writes the rows, so a register copied from one backend to another
// holds the same events, counts and audit entries.

extension LifecycleEvent {
    /// The `hold-placed` a hold on a rule records on a document registered under that rule
    /// while the hold stands: a rule hold covers documents registered after it.
    public static func ruleHoldPlaced(_ hold: Int, rule: String, on day: CivilDate, by actor: String) -> LifecycleEvent {
        LifecycleEvent(kind: .holdPlaced, on: day, by: actor, reason: "gel n° \(hold) sur la règle \(rule)", detail: String(hold))
    }
}

extension Document {
    /// The events registering this document records on the registered documents it names:
    /// `digitized` on the original it was digitized from, `replaced` (999) on the one it
    /// replaces, on its opening date (today when it has none).
    public func eventsOnNamedDocuments(today: CivilDate, by actor: String) -> [(reference: String, event: LifecycleEvent)] {
        var events: [(reference: String, event: LifecycleEvent)] = []
        if let original = digitizedFrom {
            events.append((original, LifecycleEvent(kind: .digitized, on: today, by: actor, reason: "numérisé : \(reference)", detail: reference)))
        }
        if let replaced = replaces {
            events.append((replaced, LifecycleEvent(kind: .replaced, on: openedOn ?? today, by: actor, reason: "remplacé par \(reference)",
                                                    detail: reference)))
        }
        return events
    }
}

/// What the audit trail says of one registration: an entry per document when it registers at
/// most `itemised` of them, else one entry naming the count and the first and last references
/// (a file of a million rows is not a million entries).
public struct RegistrationAudit: Sendable {
    public static let itemised = 100
    private var noted: [(reference: String, details: [String: String])] = []
    /// The reference of the last document registered, set once per batch.
    public var lastReference = ""

    public init() {}

    /// Whether `note` still keeps what it is given: the first `itemised + 1` documents only.
    public var wantsMore: Bool { noted.count <= Self.itemised }

    /// Keeps what the entry of `document` would say, while `wantsMore`.
    public mutating func note(_ document: borrowing Document) {
        guard wantsMore else { return }
        noted.append((document.reference, ["rule": document.rule, "copy": document.copy.rawValue, "holder": document.holder]
            .merging(document.file.map { ["sha256": $0.sha256] } ?? [:]) { a, _ in a }))
    }

    /// The entries (`document.register`) for a registration of `count` documents.
    public func entries(count: Int) -> [(target: String, details: [String: String])] {
        if count <= Self.itemised {
            return noted.map { ("document \($0.reference)", $0.details) }
        }
        guard let first = noted.first else { return [] }
        return [("documents \(first.reference)…\(lastReference)", ["count": String(count), "first": first.reference, "last": lastReference])]
    }
}

extension DocumentRow {
    /// Counts the document again from its events under `context`: its phase and retention
    /// columns, as the store then writes them. The context must hold its rule.
    public mutating func recount(events: [LifecycleEvent], _ context: RetentionContext) throws {
        set(context.status(of: try document(), events: events, held: held))
        phase = Phase(events: events).rawValue
    }
}

extension RetentionCalendar {
    /// The rules whose documents must be counted again once this version is in force after
    /// `previous`: those that changed, appeared or disappeared, sorted; nil when every
    /// document must be (no previous version, or another year end).
    public func rulesChanged(since previous: RetentionCalendar?) -> [String]? {
        guard let previous, previous.yearEnd == yearEnd else { return nil }
        let before = Dictionary(previous.rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }
}

/// Register statements both backends run as written.
public enum RegisterQueries {
    /// A `digitized_from` or `replaces` reference that names no registered document, if any:
    /// checked at the end of a registration that names others, to say which.
    public static let orphanReference = """
        SELECT CASE WHEN d.digitized_from IS NOT NULL AND NOT EXISTS (SELECT 1 FROM document o WHERE o.reference = d.digitized_from)
                    THEN d.digitized_from ELSE d.replaces END FROM document d
        WHERE (d.digitized_from IS NOT NULL AND NOT EXISTS (SELECT 1 FROM document o WHERE o.reference = d.digitized_from))
           OR (d.replaces IS NOT NULL AND NOT EXISTS (SELECT 1 FROM document o WHERE o.reference = d.replaces))
        LIMIT 1
        """
}
