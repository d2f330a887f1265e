/// What the engine needs to know about one document (dossier) to count its retention:
/// the dates written on it, the events recorded on it, and whether it is held.
///
/// A value built by the caller from the register; the engine reads nothing else.
public struct RetentionFacts: Sendable, Hashable {
    /// Which copy the document is (exemplaire principal or secondaire).
    public var copy: CopyKind
    /// Date d'ouverture.
    public var openedOn: CivilDate?
    /// Date de fermeture; nil while the dossier is open.
    public var closedOn: CivilDate?
    /// Events recorded on the document, by name (départ de l'élève, fin d'emploi, …), with the
    /// date each occurred. Names are compared with `EventName.key`.
    public var events: [String: CivilDate]
    /// When a newer version replaced the document (the event a 999 period waits for).
    public var replacedOn: CivilDate?
    /// True while a hold (gel) applies: destruction and sorting wait.
    public var held: Bool

    public init(copy: CopyKind, openedOn: CivilDate? = nil, closedOn: CivilDate? = nil, events: [String: CivilDate] = [:], replacedOn: CivilDate? = nil, held: Bool = false) {
        self.copy = copy
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.events = events
        self.replacedOn = replacedOn
        self.held = held
    }

    /// The date of a recorded event, whatever the case and accents of its name.
    public func date(of event: String) -> CivilDate? {
        guard !events.isEmpty else { return nil }
        // The name as written is the usual case, and needs no folding of every name.
        if let date = events[event] { return date }
        let key = EventName.key(event)
        return events.first { EventName.key($0.key) == key }?.value
    }
}

/// Event names compared as people write them: case, accents, apostrophes and spacing do not count.
public enum EventName {
    /// `Fin d'emploi`, `fin d’emploi` and `FIN D EMPLOI` share one key.
    public static func key(_ name: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in name.lowercased().unicodeScalars {
            let base = fold(scalar)
            if base.properties.isAlphabetic || ("0"..."9").contains(base) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(base)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "à", "â", "ä", "á": return "a"
        case "é", "è", "ê", "ë": return "e"
        case "î", "ï", "í": return "i"
        case "ô", "ö", "ó": return "o"
        case "ù", "û", "ü", "ú": return "u"
        case "ç": return "c"
        case "œ": return "o"
        default: return scalar
        }
    }
}

/// The event an open (888) period of a rule's copy waits for, and the years added after it,
/// as the records manager confirmed it for the rule (the calendar's remark only describes it).
public struct OpenPeriodEvent: Sendable, Hashable, Codable {
    /// The event's name, as recorded on documents (`fin d'emploi`).
    public var event: String
    /// Whole years counted after the year end that follows the event (`+ 2 ans`).
    public var offsetYears: Int

    public init(event: String, offsetYears: Int = 0) {
        self.event = event
        self.offsetYears = offsetYears
    }
}
