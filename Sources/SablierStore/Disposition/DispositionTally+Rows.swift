public import SablierCore

extension DispositionTally {
    /// The action and outcome of a tally line read from the store: a destruction destroyed, a
    /// deposit deposited, a sort kept or destroyed as decided. Anything else is corrupt data.
    public static func outcome(action code: String, decision: String?, list: Int) throws -> (DueAction, DispositionOutcome) {
        guard let action = DueAction(rawValue: code) else { throw CorruptValue("column action holds '\(code)'") }
        switch (action, decision) {
        case (.destroy, _): return (action, .destroyed)
        case (.deposit, _): return (action, .deposited)
        case (.sort, "keep"?): return (action, .kept)
        case (.sort, "destroy"?): return (action, .destroyed)
        default: throw CorruptValue("a done sort item of list \(list) holds the decision '\(decision ?? "")'")
        }
    }
}
