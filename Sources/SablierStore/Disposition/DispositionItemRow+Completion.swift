public import SablierCore

extension DispositionItemRow {
    /// Whether the item of list `number` may be completed now, decided once for both stores:
    /// an item already done is returned as it is (completing it again changes nothing), a
    /// started one gives nil (carry it out), one not started is refused, and a state the
    /// store does not know is a corrupt value.
    public func completedAlready(list number: Int) throws -> DispositionItem? {
        switch DispositionItemState(rawValue: state) {
        case .done?: return try item()
        case .pending?: throw Refusal(.itemNotStarted, ["list": String(number), "reference": reference])
        case .started?: return nil
        case nil: throw CorruptValue("disposition item \(reference) has the unknown state '\(state)'")
        }
    }
}
