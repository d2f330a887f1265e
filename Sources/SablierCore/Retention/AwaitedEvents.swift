/// The events the 888 periods of the rules in force wait for, by rule: what an
/// `event-occurred` recorded by a person is checked against (`AwaitedEvent.check`).
///
/// Why not a `RetentionContext`: the awaited events are the records manager's confirmations,
/// and the events the calendar's rules name where nobody confirmed another; they depend on
/// neither the year end nor the periods, so checking an event must not invent a year end (nor
/// read one) to build a context. The merge is the context's own, so both read the same.
public struct AwaitedEvents: Sendable, Hashable {
    /// The confirmations of the rules in force, with the events they name, by rule, then copy, then period.
    public var confirmations: [String: [CopyKind: [CopyField: OpenPeriodEvent]]]

    /// What `rules` (of the calendar in force) wait for; the confirmations of any other rule are
    /// left out: a rule the calendar in force lacks waits for nothing.
    public init(rules: some Sequence<Rule>, confirmations: some Sequence<OpenPeriodConfirmation>) {
        let inForce = Dictionary(rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        var merged = OpenPeriodConfirmation.byRule(confirmations.filter { inForce[$0.rule] != nil })
        for (number, rule) in inForce { RetentionContext.confirmNamedEvents(of: rule, as: number, in: &merged) }
        self.confirmations = merged
    }

    /// The events the 888 periods of `copy` of `rule` wait for; empty when any name is accepted.
    public func names(rule: String, copy: CopyKind) -> [String] {
        AwaitedEvent.names(for: copy, in: confirmations[rule])
    }
}
