/// A rule laid out as named fields with printable values, in a fixed order.
///
/// One layout serves `calendar show` and `calendar diff`, so what a person reads and what a
/// diff compares are the same fields under the same names.
public struct RuleField: Sendable, Hashable, Codable {
    /// Stable key, used in JSON: `title`, `principal.active`, `remarks.R2`, …
    public var key: String
    /// French label for people.
    public var label: String
    /// The value as text; empty when not set.
    public var value: String
}

extension Rule {
    /// The rule's fields in display order.
    public var fields: [RuleField] {
        var result: [RuleField] = []
        func add(_ key: String, _ label: String, _ value: String) {
            result.append(RuleField(key: key, label: label, value: value))
        }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "oui" : "non" } ?? "" }
        add("number", "Numéro de règle", number)
        add("title", "Titre", title)
        add("description", "Description", description)
        add("documentTypes", "Types de documents", documentTypes.joined(separator: "; "))
        add("processes", "Processus", processes.joined(separator: "; "))
        add("classificationCodes", "Codes de classification", classificationCodes.joined(separator: "; "))
        add("holderUnit", "Unité détentrice", holderUnit ?? "")
        add("legalReferences", "Références légales", legalReferences.joined(separator: "\n"))
        add("recueil", "Recueil", recueil ?? "")
        add("recueilRuleNumber", "Numéro dans le recueil", recueilRuleNumber ?? "")
        add("essentialDocuments", "Documents essentiels", flag(essentialDocuments))
        add("confidentialDocuments", "Documents confidentiels", flag(confidentialDocuments))
        add("personalInformation", "Renseignements personnels", flag(personalInformation?.present))
        add("personalInformationMeasure", "Mesure (art. 73)", personalInformation?.measure?.rawValue ?? "")
        add("countStart", "Début du décompte", countStart.label)
        for kind in CopyKind.allCases {
            let prefix = kind.rawValue
            let name = kind == .principal ? "Exemplaire principal" : "Exemplaire secondaire"
            guard let copy = copy(kind) else {
                add(prefix, name, "absent")
                continue
            }
            func withRemark(_ text: String, _ id: RemarkID?) -> String {
                guard let id else { return text }
                return text.isEmpty ? "(\(id))" : "\(text) (\(id))"
            }
            add("\(prefix).supports", "\(name) — supports", withRemark(copy.supports.map(\.code).joined(separator: ", "), copy.supportsRemark))
            var active = withRemark(copy.active.label, copy.activeRemark)
            if let event = copy.activeEvent { active += " — événement : \(event)" }
            add("\(prefix).active", "\(name) — période active", active)
            var semi = withRemark(copy.semiActive.label, copy.semiActiveRemark)
            if let event = copy.semiActiveEvent { semi += " — événement : \(event)" }
            add("\(prefix).semiActive", "\(name) — période semi-active", semi)
            add("\(prefix).disposition", "\(name) — disposition",
                withRemark(copy.disposition.map { "\($0.rawValue) (\($0.label))" } ?? "-", copy.dispositionRemark))
        }
        for remark in remarks {
            add("remarks.\(remark.id)", "Remarque \(remark.id)", remark.text)
        }
        add("generalRemark", "Remarque générale", generalRemark ?? "")
        if let galaRequestNumber { add("galaRequestNumber", "Numéro de demande GALA", galaRequestNumber) }
        if let galaGrilleChan { add("galaGrilleChan", "GRILLECHAN (GALA)", flag(galaGrilleChan)) }
        return result
    }
}
