import Foundation
public import SablierCore
public import SablierStore

/// A document's retention counted again, step by step, for a person to check: the engine's
/// explanation under the calendar in force, the holds, and what is due on a given day.
public struct RetentionExplanation: Sendable {
    public var document: RegisteredDocument
    public var events: [RecordedEvent]
    public var calendarVersion: Int
    public var schedule: RetentionSchedule?
    public var asOf: CivilDate
    /// The action due on `asOf`, if any.
    public var due: (action: DueAction, on: CivilDate)?
    /// The holds that cover the document now.
    public var holds: [Hold]
    /// Every line, in order.
    public var lines: [String]

    /// Counts `reference` again from the store; nil when it is not registered.
    public static func explain(_ reference: String, asOf: CivilDate, store: any RegisterStore) async throws -> RetentionExplanation? {
        guard let document = try await store.document(reference) else { return nil }
        let events = try await store.events(of: reference)
        let latest = try await store.latestCalendarVersion()
        let rule = try await latest.asyncMap { try await store.rule(document.document.rule, version: $0.number) } ?? nil
        let yearEnd = try await latest.asyncMap { try await store.calendar(version: $0.number)?.yearEnd } ?? nil
        var confirmations: [CopyField: OpenPeriodEvent] = [:]
        for confirmation in try await store.openPeriodConfirmations()
        where confirmation.rule == document.document.rule && confirmation.copy == document.document.copy {
            confirmations[confirmation.period] = confirmation.event
        }
        let holds = try await store.holds(includingReleased: false).filter { hold in
            switch hold.scope {
            case .document(let r): return r == reference
            case .rule(let n): return n == document.document.rule
            case .query: return events.contains { $0.event.kind == .holdPlaced && $0.event.detail == String(hold.id) }
            }
        }
        var lines: [String] = []
        var schedule: RetentionSchedule?
        let version = latest?.number ?? 0
        if let rule, let yearEnd {
            lines.append("Calendrier en vigueur : version \(version), fin d'année \(yearEnd).")
            var facts = RetentionFacts(document: document.document, events: events.map(\.event))
            facts.held = document.held
            let counted = RetentionEngine.schedule(rule: rule, facts: facts, yearEnd: yearEnd, openPeriodEvents: confirmations)
            schedule = counted
            lines += counted.explanation
        } else {
            lines.append("La règle \(document.document.rule) n'est pas dans le calendrier en vigueur (version \(version)) : aucun délai ne peut être compté.")
        }
        for hold in holds {
            lines.append("Gel n° \(hold.id) (\(hold.scope.code) \(hold.scope.target)) depuis le \(hold.placedAt.formatted(.iso8601.year().month().day())) : « \(hold.reason) ».")
        }
        let phase = document.phase
        lines.append("Phase : \(phase.rawValue).")
        let due = document.retention.action(dueOn: asOf, phase: phase).map { (action: $0.action, on: $0.due) }
        if let due {
            let heldNote = document.held && (due.action == .destroy || due.action == .sort) ? " — gelé : n'est pas détruit tant que le gel dure" : ""
            lines.append("Au \(asOf) : \(RetentionExplanation.label(due.action)) \(RetentionExplanation.due(due.action)) depuis le \(due.on)\(heldNote).")
        } else if phase.isInactive {
            lines.append("Au \(asOf) : plus rien n'est dû, le cycle de vie est terminé.")
        } else if let wait = document.retention.waiting {
            lines.append("Au \(asOf) : rien n'est dû ; en attente de : \(wait.label).")
        } else if let next = document.retention.dueOn {
            lines.append("Au \(asOf) : rien n'est dû ; prochaine échéance le \(next).")
        } else {
            lines.append("Au \(asOf) : rien n'est dû.")
        }
        return RetentionExplanation(document: document, events: events, calendarVersion: version, schedule: schedule,
                                    asOf: asOf, due: due, holds: holds, lines: lines)
    }

    /// « dû » or « due », agreeing with the action's noun: le transfert, le versement, le tri
    /// sont dus; la destruction est due.
    public static func due(_ action: DueAction) -> String {
        switch action {
        case .destroy: return "due"
        case .transfer, .deposit, .sort: return "dû"
        }
    }

    public static func label(_ action: DueAction) -> String {
        switch action {
        case .transfer: return "transfert au semi-actif"
        case .destroy: return "destruction"
        case .deposit: return "versement aux archives"
        case .sort: return "tri"
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
