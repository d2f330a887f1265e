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

    /// The kind `text` names, when it is one people record (`recordedByPeople`); else refused
    /// naming those they do: the one check of a kind a person typed.
    public static func recordable(_ text: String) throws(Refusal) -> LifecycleEventKind {
        guard let kind = LifecycleEventKind(rawValue: text), recordedByPeople.contains(kind) else {
            throw Refusal.invalidValue("kind", text, allowed: recordedByPeople.map(\.rawValue))
        }
        return kind
    }

    /// Refuses recording an event of this kind on a document in `phase`: a kind the register
    /// writes itself, or a document the organisation no longer holds (destroyed, or deposited
    /// in the archives: its life in the organisation's storage is over).
    public func checkRecordable(on reference: String, phase: Phase) throws(Refusal) {
        switch self {
        case .holdPlaced, .holdReleased: throw Refusal(.eventByHold, ["kind": rawValue])
        case .destroyed, .deposited, .sorted: throw Refusal(.eventByDisposition, ["kind": rawValue])
        case .corrected, .reclassified, .relinked, .lent, .returned: throw Refusal(.eventByCommand, ["kind": rawValue])
        default: break
        }
        try phase.checkTakesEvents(reference)
    }
}

extension Phase {
    /// Refuses any event a person records on a document in this phase once the organisation no
    /// longer holds it: destroyed (`document.destroyed`) or deposited in the archives
    /// (`document.no-longer-held`), as a correction, a reclassification or a loan are refused.
    public func checkTakesEvents(_ reference: String) throws(Refusal) {
        guard self != .inactifDetruit else { throw Refusal(.documentDestroyed, ["reference": reference]) }
        guard self != .inactifVerse else { throw Refusal(.documentNoLongerHeld, ["reference": reference, "phase": rawValue]) }
    }
}

extension LifecycleEvent {
    /// Refuses appending this event to a document that already has `recorded`, on `today`.
    ///
    /// The one rule every path that records a person's event goes through (one event, an events
    /// file, a query's cohort, the API, and the store inside its transaction), because each
    /// refusal protects the count: the kind must be one a person records, on a document the
    /// organisation still holds (neither destroyed nor deposited); an event is never dated after
    /// today, nor a closing before the opening; an `event-occurred` the document already has is
    /// refused, naming the day recorded (recorded again, it would move every date that follows);
    /// and an event identical to one recorded (same kind, day, name and detail) is refused, so
    /// that a file applied twice records nothing twice.
    public func checkRecordable(on reference: String, phase: Phase, openedOn: CivilDate?, recorded: [LifecycleEvent],
                                today: CivilDate) throws(Refusal) {
        try kind.checkRecordable(on: reference, phase: phase)
        guard on <= today else {
            throw Refusal(.eventAfterToday, ["reference": reference, "kind": kind.rawValue, "on": on.description, "today": today.description])
        }
        if kind == .closed, let openedOn, on < openedOn {
            throw Refusal(.closedBeforeOpening, ["reference": reference, "on": on.description, "opened": openedOn.description])
        }
        if kind == .eventOccurred, let name {
            let key = EventName.key(name)
            if let earlier = recorded.first(where: { $0.kind == .eventOccurred && $0.name.map(EventName.key) == key }) {
                throw Refusal(.eventAlreadyOccurred, ["reference": reference, "name": earlier.name ?? name, "on": earlier.on.description])
            }
        }
        if recorded.contains(where: { $0.kind == kind && $0.on == on && $0.name == name && $0.detail == detail }) {
            throw Refusal(.eventAlreadyRecorded, ["reference": reference, "kind": kind.rawValue, "on": on.description])
        }
    }
}
