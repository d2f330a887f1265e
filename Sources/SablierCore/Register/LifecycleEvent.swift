/// One step in a document's life cycle (création, traitement, diffusion, conservation,
/// destruction). Events are appended, never edited; the phase is derived from them.
public struct LifecycleEvent: Sendable, Hashable, Codable {
    public var kind: LifecycleEventKind
    /// The day it happened.
    public var on: CivilDate
    /// Who recorded it.
    public var by: String
    /// Why, in the words of the person who recorded it.
    public var reason: String?
    /// For `eventOccurred`: the event's name (départ de l'élève, fin d'emploi, …).
    public var name: String?
    /// For `replaced`: the newer document; for `digitized`: the digitized copy; for `sorted`: `keep` or `destroy`.
    public var detail: String?

    public init(kind: LifecycleEventKind, on: CivilDate, by: String, reason: String? = nil, name: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.on = on
        self.by = by
        self.reason = reason
        self.name = name
        self.detail = detail
    }
}

/// The kinds of life-cycle events.
public enum LifecycleEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case created
    /// Traitement.
    case modified
    /// Diffusion.
    case disseminated
    case closed
    /// The event an 888 period waits for occurred.
    case eventOccurred = "event-occurred"
    /// A newer version replaced the document (999).
    case replaced
    /// Transfert au semi-actif.
    case transferred
    /// Versement aux archives (C).
    case deposited
    /// Tri (T): kept or destroyed, with a reason.
    case sorted
    case destroyed
    case anonymized
    case digitized
    case holdPlaced = "hold-placed"
    case holdReleased = "hold-released"
    /// A registered field corrected (`document correct`): the detail keeps the old and new values.
    case corrected
    /// Moved to another rule (`document reclassify`): the detail keeps the old and new rule and copy.
    case reclassified
    /// Pointed at its moved file, whose SHA-256 is unchanged (`document relink`): the detail keeps both paths.
    case relinked
    /// Lent (prêt de dossiers), alone or in its box: the detail names the loan.
    case lent
    /// Back from a loan: the detail names the loan.
    case returned
}

/// Where a document is in its life cycle.
public enum Phase: String, Sendable, Hashable, Codable, CaseIterable {
    case actif
    case semiActif = "semi-actif"
    /// Inactive, transferred to the archives.
    case inactifVerse = "inactif-verse"
    /// Inactive, destroyed.
    case inactifDetruit = "inactif-detruit"

    /// The phase the events lead to, in order: the last disposition wins.
    public init(events: [LifecycleEvent]) {
        var phase = Phase.actif
        for event in events {
            switch event.kind {
            case .transferred where phase == .actif: phase = .semiActif
            case .deposited: phase = .inactifVerse
            case .destroyed: phase = .inactifDetruit
            case .sorted: phase = event.detail == "destroy" ? .inactifDetruit : .inactifVerse
            default: break
            }
        }
        self = phase
    }

    /// True once the document has left the organisation's active and semi-active storage.
    public var isInactive: Bool { self == .inactifVerse || self == .inactifDetruit }
}

extension RetentionFacts {
    /// The facts the engine needs, from a document and its events.
    public init(document: Document, events: [LifecycleEvent]) {
        var occurred: [String: CivilDate] = [:]
        var replacedOn: CivilDate?
        var holds = 0
        var closedOn = document.closedOn
        for event in events {
            switch event.kind {
            case .eventOccurred: if let name = event.name { occurred[name] = event.on }
            case .replaced: replacedOn = replacedOn ?? event.on
            case .holdPlaced: holds += 1
            case .holdReleased: holds = max(0, holds - 1)
            case .closed: closedOn = closedOn ?? event.on
            default: break
            }
        }
        // A replaced document is closed by its replacement when nothing closed it earlier: a
        // policy in force (999) is never "closed" otherwise.
        if closedOn == nil { closedOn = replacedOn }
        self.init(copy: document.copy, openedOn: document.openedOn, closedOn: closedOn, events: occurred, replacedOn: replacedOn, held: holds > 0)
    }
}
