/// Checks what a calendar means, whatever format it came in, and mends the deviations real
/// calendars are known to have.
///
/// The readers check form (XSD, cells); this checks meaning: every remark reference resolves;
/// 888, 999 and T are explained by a remark; the secondary copy is destroyed (D); no rule
/// number is used twice. Real BAnQ-approved calendars break some of these in ways a person can
/// mend without guessing, and Sablier mends them the same way, always with a warning:
/// - an 888/999 period without its remark takes the remark the other copy gives the same period;
/// - a period or disposition that needs a remark and has none takes the rule's only remark that
///   no field refers to (Valcourt 709.02: T, with R3 referenced nowhere);
/// - a period or disposition that refers to a remark the rule does not define takes the rule's
///   only remark that explains no period or disposition (Valcourt 401.01: 888 refers to R2, and
///   the rule's one remark, R1, "Durée du bien.", is otherwise only the supports' note);
/// - a reference to an undefined remark from a field that needs none (supports, years, C, D) is dropped.
/// Anything else is an error, and an error rejects the whole file.
public enum CalendarValidator {
    /// Checks and mends a submission in place; returns the diagnostics it adds.
    @discardableResult
    public static func validate(_ submission: inout CalendarSubmission) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var firstSeen: [String: SourceLocation] = [:]
        firstSeen.reserveCapacity(submission.rules.count)
        for index in submission.rules.indices {
            let entry = submission.rules[index]
            let number = entry.rule.number
            if number.isEmpty {
                found.append(.error(at: entry.location, .ruleWithoutNumber, field: "number"))
                continue
            }
            if let first = firstSeen[number] {
                found.append(.error(at: entry.location, .ruleRepeated, ["rule": number, "first": String(first.line)],
                                    rule: number, field: "number"))
            } else {
                firstSeen[number] = entry.location
            }
            if entry.transaction == .retire { continue }
            found += checkRule(&submission.rules[index])
        }
        submission.diagnostics += found
        return found
    }

    /// Checks and mends one rule.
    static func checkRule(_ entry: inout SubmittedRule) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let number = entry.rule.number
        if entry.rule.title.trimmingSpaces().isEmpty {
            found.append(.error(at: entry.location(of: .title), .ruleWithoutTitle, ["rule": number], rule: number, field: "title"))
        }
        found += mendRemarkReferences(&entry)
        func check(_ copy: CopyRule) {
            found += checkDisposition(copy, of: entry)
            for field in [CopyField.active, .semiActive] {
                let period = field == .active ? copy.active : copy.semiActive
                if case .years(let n) = period, n < 0 {
                    found.append(.error(at: entry.location(of: RuleFieldPath(copy.kind, field)), .negativeYears,
                        ["rule": number, "copy": copy.kind.englishName, "field": field.englishName],
                        rule: number, field: field.galaElement))
                }
            }
        }
        // The copies present, principal first (`Rule.copies`, without building the array).
        check(entry.rule.principal)
        if let secondaire = entry.rule.secondaire { check(secondaire) }
        if case .event(let name) = entry.rule.countStart, name.trimmingSpaces().isEmpty {
            found.append(.error(at: entry.location, .unnamedCountEvent, ["rule": number], rule: number, field: "declencheur"))
        }
        if let info = entry.rule.personalInformation, !info.present, let measure = info.measure {
            found.append(.warning(at: entry.location, .measureWithoutPersonalInformation, ["rule": number, "measure": measure.rawValue],
                rule: number, field: "renseignementsPersonnels"))
        }
        return found
    }

    static func checkDisposition(_ copy: CopyRule, of entry: SubmittedRule) -> [Diagnostic] {
        let number = entry.rule.number
        var location: SourceLocation { entry.location(of: RuleFieldPath(copy.kind, .disposition)) }
        guard let disposition = copy.disposition else {
            return [.error(at: location, .noDisposition, ["rule": number, "copy": copy.kind.englishName],
                rule: number, field: CopyField.disposition.galaElement)]
        }
        if copy.kind == .secondaire, disposition != .destruction {
            return [.error(at: location, .secondaryNotDestroyed,
                ["rule": number, "disposition": disposition.rawValue, "label": disposition.label],
                rule: number, field: CopyField.disposition.galaElement)]
        }
        return []
    }

    /// Why a field needs a remark, or nil when it needs none.
    static func remarkNeed(_ copy: CopyRule, _ field: CopyField) -> String? {
        switch field {
        case .supports: return nil
        case .active: return copy.active.needsRemark ? copy.active.label : nil
        case .semiActive: return copy.semiActive.needsRemark ? copy.semiActive.label : nil
        case .disposition: return copy.disposition == .tri ? "T (tri)" : nil
        }
    }

    static func remarkID(_ copy: CopyRule, _ field: CopyField) -> RemarkID? {
        switch field {
        case .supports: return copy.supportsRemark
        case .active: return copy.activeRemark
        case .semiActive: return copy.semiActiveRemark
        case .disposition: return copy.dispositionRemark
        }
    }

    static func setRemarkID(_ copy: inout CopyRule, _ field: CopyField, _ id: RemarkID?) {
        switch field {
        case .supports: copy.supportsRemark = id
        case .active: copy.activeRemark = id
        case .semiActive: copy.semiActiveRemark = id
        case .disposition: copy.dispositionRemark = id
        }
    }

    /// True when no remark reference of the copy has anything to mend: none refers to a remark
    /// the rule does not define, and every field that needs a remark has one. Most copies are so,
    /// and `mendRemarkReferences` then changes nothing and says nothing.
    static func remarkReferencesAreSettled(_ copy: CopyRule, in rule: Rule) -> Bool {
        for field in CopyField.allCases {
            let id = remarkID(copy, field)
            if let id, !rule.remarks.contains(where: { $0.id == id }) { return false }
            if id == nil, remarkNeed(copy, field) != nil { return false }
        }
        return true
    }

    static func mendRemarkReferences(_ entry: inout SubmittedRule) -> [Diagnostic] {
        if remarkReferencesAreSettled(entry.rule.principal, in: entry.rule),
           entry.rule.secondaire.map({ remarkReferencesAreSettled($0, in: entry.rule) }) ?? true {
            return []
        }
        var found: [Diagnostic] = []
        let number = entry.rule.number
        let defined = Set(entry.rule.remarks.map(\.id))
        var rule = entry.rule
        let fields: [CopyField] = [.supports, .active, .semiActive, .disposition]

        // Remarks that explain a period or a disposition, and remarks any field refers to, as the file gives them.
        var explaining = Set<RemarkID>()
        var referenced = Set<RemarkID>()
        for copy in rule.copies {
            for field in fields {
                guard let id = remarkID(copy, field), defined.contains(id) else { continue }
                referenced.insert(id)
                if field != .supports { explaining.insert(id) }
            }
        }
        let unreferenced = rule.remarks.map(\.id).filter { !referenced.contains($0) }
        let unexplaining = rule.remarks.map(\.id).filter { !explaining.contains($0) }

        for kind in CopyKind.allCases {
            guard var copy = rule.copy(kind) else { continue }
            let other = rule.copy(kind == .principal ? .secondaire : .principal)
            for field in fields {
                let id = remarkID(copy, field)
                // Worked out only for a diagnostic: most fields need none.
                var location: SourceLocation { entry.location(of: RuleFieldPath(kind, remarkOf: field)) }
                // Where, and what the diagnostic's sentence names: the rule, the copy, the field.
                var values: [String: String] { ["rule": number, "copy": kind.englishName, "field": field.englishName] }
                func diagnostic(_ severity: Severity, _ code: DiagnosticCode, _ more: [String: String]) -> Diagnostic {
                    Diagnostic(severity, at: location, code, values.merging(more) { _, new in new }, rule: number, field: field.galaRemarkElement)
                }
                let dangling = id.map { !defined.contains($0) } ?? false
                guard let need = remarkNeed(copy, field) else {
                    if dangling, let id {
                        setRemarkID(&copy, field, nil)
                        found.append(diagnostic(.warning, .undefinedRemarkDropped, ["remark": id.description]))
                    }
                    continue
                }
                guard id == nil || dangling else { continue }
                // The same sentence in two forms: a remark missing, or a reference to one the rule does not define.
                var needed = ["need": need]
                if let id { needed["remark"] = id.description }
                // The other copy's remark for the same period.
                if let other, sameNeed(copy, other, field), let candidate = remarkID(other, field), defined.contains(candidate) {
                    setRemarkID(&copy, field, candidate)
                    found.append(diagnostic(.warning, id == nil ? .remarkFromOtherCopy : .undefinedRemarkFromOtherCopy,
                                            needed.merging(["other": other.kind.englishName, "candidate": candidate.description]) { _, new in new }))
                } else if unreferenced.count == 1, let candidate = unreferenced.first {
                    setRemarkID(&copy, field, candidate)
                    let text = rule.remark(candidate)?.text ?? ""
                    found.append(diagnostic(.warning, id == nil ? .remarkUnreferenced : .undefinedRemarkUnreferenced,
                                            needed.merging(["candidate": candidate.description, "text": abbreviate(text)]) { _, new in new }))
                } else if dangling, unexplaining.count == 1, let candidate = unexplaining.first {
                    setRemarkID(&copy, field, candidate)
                    let text = rule.remark(candidate)?.text ?? ""
                    found.append(diagnostic(.warning, .undefinedRemarkUnexplaining,
                                            needed.merging(["candidate": candidate.description, "text": abbreviate(text)]) { _, new in new }))
                } else {
                    found.append(diagnostic(.error, id == nil ? .remarkMissing : .remarkUndefined, needed))
                }
            }
            if kind == .principal { rule.principal = copy } else { rule.secondaire = copy }
        }
        entry.rule = rule
        return found
    }

    static func sameNeed(_ a: CopyRule, _ b: CopyRule, _ field: CopyField) -> Bool {
        switch field {
        case .supports: return false
        case .active: return a.active == b.active
        case .semiActive: return a.semiActive == b.semiActive
        case .disposition: return a.disposition == b.disposition
        }
    }

    static func abbreviate(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
