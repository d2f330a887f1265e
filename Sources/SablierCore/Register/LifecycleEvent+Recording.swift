/// Which events a person records directly, and which only the register writes.
extension LifecycleEventKind {
    /// The kinds a person records on a document (`document event`): the others are written by
    /// holds (hold-placed, hold-released), by the execution of an approved disposition list
    /// (destroyed, deposited, sorted), which record who decided and approved, and by the
    /// commands that make the change they record (corrected, reclassified, relinked, lent,
    /// returned), so that the event and the change are one.
    public static let recordedByPeople: [LifecycleEventKind] = [
        .created, .modified, .disseminated, .closed, .eventOccurred, .replaced, .transferred, .anonymized, .digitized,
    ]

    /// Refuses recording an event of this kind on a document in `phase`.
    public func checkRecordable(on reference: String, phase: Phase) throws(Refusal) {
        switch self {
        case .holdPlaced, .holdReleased: throw Refusal(.eventByHold, ["kind": rawValue])
        case .destroyed, .deposited, .sorted: throw Refusal(.eventByDisposition, ["kind": rawValue])
        case .corrected, .reclassified, .relinked, .lent, .returned: throw Refusal(.eventByCommand, ["kind": rawValue])
        default: break
        }
        guard phase != .inactifDetruit else { throw Refusal(.documentDestroyed, ["reference": reference]) }
    }
}
