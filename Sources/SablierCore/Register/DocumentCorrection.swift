/// A new value for a field that may be empty: a value, or nothing (a date removed, a document
/// taken out of its box).
public enum CorrectedValue<Value: Sendable & Hashable>: Sendable, Hashable {
    case set(Value)
    case cleared

    var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}

/// One field a correction or a reclassification changed: its old and new values as people
/// read them (dates `YYYY-MM-DD`, a location `building / room / shelving`), nil when empty.
public struct FieldChange: Sendable, Hashable, Codable {
    /// `title`, `holder`, `opened`, `closed`, `support`, `location`, `box`; `rule`, `copy`.
    public var field: String
    public var from: String?
    public var to: String?

    public init(field: String, from: String?, to: String?) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// The changes as the event's detail keeps them: `{"field":{"from":…,"to":…},…}`, keys
    /// sorted, an empty value as `null`, so that the history reads the same on every backend.
    public static func detail(_ changes: [FieldChange]) -> String {
        ValueChange.json(Dictionary(changes.map { ($0.field, ValueChange(from: $0.from, to: $0.to)) }, uniquingKeysWith: { _, last in last }))
    }

    /// The changes as the audit entry's details: `field.from` and `field.to` for each (an empty
    /// value as the empty text).
    public static func auditDetails(_ changes: [FieldChange]) -> [String: String] {
        var details: [String: String] = [:]
        for change in changes {
            details[change.field + ".from"] = change.from ?? ""
            details[change.field + ".to"] = change.to ?? ""
        }
        return details
    }
}

/// What `document correct` changes in a registered document: the fields given, each to its
/// new value; a field left nil is kept.
///
/// Why a rule of its own: a correction rewrites what the register says a document is, so it
/// must say exactly what it changed (the history and the audit trail keep the old and new
/// values), and never touch a document the organisation no longer holds. Its file is not
/// corrected here: a moved file is relinked, against its recorded SHA-256.
public struct DocumentCorrection: Sendable, Hashable {
    public var title: String?
    public var holder: String?
    public var openedOn: CorrectedValue<CivilDate>?
    public var closedOn: CorrectedValue<CivilDate>?
    public var support: Support?
    public var location: CorrectedValue<PhysicalLocation>?
    public var box: CorrectedValue<String>?

    public init(title: String? = nil, holder: String? = nil, openedOn: CorrectedValue<CivilDate>? = nil,
                closedOn: CorrectedValue<CivilDate>? = nil, support: Support? = nil,
                location: CorrectedValue<PhysicalLocation>? = nil, box: CorrectedValue<String>? = nil) {
        self.title = title
        self.holder = holder
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.support = support
        self.location = location
        self.box = box
    }

    /// True when no field is given.
    public var isEmpty: Bool {
        title == nil && holder == nil && openedOn == nil && closedOn == nil && support == nil && location == nil && box == nil
    }

    /// The document corrected and what changed, in the order of the fields above.
    ///
    /// Refused on a destroyed or deposited document, when nothing changes, when the dossier
    /// would close before it opened, and for a support no rule of the calendar in force lists
    /// (`knownSupports`, empty when not known). A hold is not the document's record: a held
    /// document is corrected and stays held.
    public func apply(to document: Document, phase: Phase, knownSupports: Set<String> = []) throws(Refusal)
        -> (document: Document, changes: [FieldChange]) {
        guard !phase.isInactive else {
            throw Refusal(.correctionDisposed, ["reference": document.reference, "phase": phase.rawValue])
        }
        var corrected = document
        var changes: [FieldChange] = []
        func record(_ field: String, _ old: String?, _ new: String?) {
            if old != new { changes.append(FieldChange(field: field, from: old, to: new)) }
        }
        if let title {
            corrected.title = try Refusal.requireText(title, "title")
            record("title", document.title, corrected.title)
        }
        if let holder {
            corrected.holder = try Refusal.requireText(holder, "holder")
            record("holder", document.holder, corrected.holder)
        }
        if let openedOn {
            corrected.openedOn = openedOn.value
            record("opened", document.openedOn?.description, corrected.openedOn?.description)
        }
        if let closedOn {
            corrected.closedOn = closedOn.value
            record("closed", document.closedOn?.description, corrected.closedOn?.description)
        }
        if let support {
            guard !support.code.isEmpty else { throw Refusal.empty("support") }
            if !knownSupports.isEmpty, !knownSupports.contains(support.code), support != document.support {
                throw Refusal(.correctionUnknownSupport, ["support": support.code, "known": knownSupports.sorted().joined(separator: ", ")])
            }
            corrected.support = support
            record("support", document.support.code, support.code)
        }
        if let location {
            let new = location.value.flatMap { $0.isEmpty ? nil : $0 }
            corrected.location = new
            record("location", document.location.flatMap { $0.isEmpty ? nil : $0.description }, new?.description)
        }
        if let box {
            let new = try box.value.map { code throws(Refusal) in try Refusal.requireText(code, "box") }
            corrected.box = new
            record("box", document.box, new)
        }
        guard !changes.isEmpty else { throw Refusal(.correctionChangesNothing, ["reference": document.reference]) }
        if let opened = corrected.openedOn, let closed = corrected.closedOn, closed < opened {
            throw Refusal(.correctionClosedBeforeOpened,
                          ["reference": document.reference, "opened": opened.description, "closed": closed.description])
        }
        return (corrected, changes)
    }
}

/// Moving documents to another rule of the calendar in force (`document reclassify`), and
/// optionally to another copy (exemplaire principal or secondaire).
///
/// All or nothing: every document is checked first, and one that may not move refuses the
/// whole reclassification, naming each problem, so that a cohort is never left half under one
/// rule and half under another.
public struct Reclassification: Sendable, Hashable {
    /// The rule moved to, as the calendar in force has it.
    public var rule: Rule
    /// The copy moved to; nil keeps each document's own.
    public var copy: CopyKind?

    /// Refuses a copy the rule does not have.
    public init(rule: Rule, copy: CopyKind?) throws(Refusal) {
        if let copy, rule.copy(copy) == nil {
            throw Refusal(.reclassifyNoSuchCopy, ["rule": rule.number, "copy": copy.rawValue])
        }
        self.rule = rule
        self.copy = copy
    }

    /// One document moved: the document under its new rule and copy, and the changes (rule,
    /// copy), or nil when it is already under them.
    public func move(_ document: Document) -> (document: Document, changes: [FieldChange])? {
        var moved = document
        moved.rule = rule.number
        if let copy { moved.copy = copy }
        var changes: [FieldChange] = []
        if moved.rule != document.rule { changes.append(FieldChange(field: "rule", from: document.rule, to: moved.rule)) }
        if moved.copy != document.copy {
            changes.append(FieldChange(field: "copy", from: document.copy.rawValue, to: moved.copy.rawValue))
        }
        return changes.isEmpty ? nil : (moved, changes)
    }

    /// One document that moves: as it is, as it will be, and what changes.
    public typealias Move = (before: Document, after: Document, changes: [FieldChange])

    /// The documents that move, in the order given, or the refusal naming every one that may
    /// not: destroyed or deposited, or of a copy the rule lacks. Refused too when none moves.
    public func plan(_ documents: [(document: Document, phase: Phase)]) throws(Refusal) -> [Move] {
        var problems: [Refusal] = []
        var moves: [Move] = []
        for (document, phase) in documents {
            if phase.isInactive {
                problems.append(Refusal(.reclassifyDisposed, ["reference": document.reference, "phase": phase.rawValue]))
                continue
            }
            guard let (moved, changes) = move(document) else { continue }
            if rule.copy(moved.copy) == nil {
                problems.append(Refusal(.reclassifyCopyMissing, ["reference": document.reference, "rule": rule.number, "copy": moved.copy.rawValue]))
                continue
            }
            moves.append((document, moved, changes))
        }
        if !problems.isEmpty {
            throw Refusal(.reclassifyRefused, ["count": String(problems.count), "problems": Refusal.nesting(problems)])
        }
        guard !moves.isEmpty else {
            throw Refusal(.reclassifyNothingMoves, ["rule": rule.number, "copy": copy?.rawValue ?? "-"])
        }
        return moves
    }
}
