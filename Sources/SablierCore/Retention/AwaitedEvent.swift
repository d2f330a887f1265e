/// The events a rule's open (888) periods wait for, and the refusal of any other.
///
/// A document whose rule waits for « fin de l'emploi » and which records « départ à la
/// retraite » would wait forever without a word: the register refuses the name and says
/// which event the rule waits for.
public enum AwaitedEvent {
    /// The events that end the 888 periods of `copy` of a rule: confirmed by the records
    /// manager, or named by the calendar. Empty when the rule has no such period or nobody
    /// has said yet which event ends it (any name is then accepted).
    public static func names(for copy: CopyKind, in confirmations: [CopyKind: [CopyField: OpenPeriodEvent]]?) -> [String] {
        guard let byField = confirmations?[copy] else { return [] }
        var names: [String] = []
        for field in [CopyField.active, .semiActive] {
            if let event = byField[field]?.event, !names.contains(where: { EventName.key($0) == EventName.key(event) }) {
                names.append(event)
            }
        }
        return names
    }

    /// Refuses `name` when the rule waits for other events (`document.unexpected-event`).
    public static func check(_ name: String, reference: String, awaited: [String]) throws(Refusal) {
        guard !awaited.isEmpty else { return }
        let key = EventName.key(name)
        guard awaited.contains(where: { EventName.key($0) == key }) else {
            throw Refusal(.unexpectedEvent, [
                "reference": reference, "event": name, "expected": awaited.map { "« \($0) »" }.joined(separator: " / "),
            ])
        }
    }
}

extension RetentionContext {
    /// The events the 888 periods of `copy` of `rule` wait for (see `AwaitedEvent`).
    public func awaitedEvents(rule: String, copy: CopyKind) -> [String] {
        AwaitedEvent.names(for: copy, in: confirmations[rule])
    }
}
