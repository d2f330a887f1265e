public import Foundation
public import SablierCore
internal import SablierSchemas

/// Reads Sablier's native calendar XML (`calendrier.xsd`) into a submission.
///
/// The file is parsed safely and validated against `calendrier.xsd` (every error reported, with
/// its line); each valid `regle` becomes a `SubmittedRule` with the line of every field read.
/// The file is a whole calendar unless some `regle` carries `typeTransaction`. Meaning is not
/// checked here: `CalendarValidator` does it on the submission.
public enum NativeCalendarReader {
    /// Reads native bytes; problems are diagnostics, never thrown.
    public static func read(bytes: some ContiguousBytes, file: String, limits: XMLLimits = .default) -> CalendarSubmission {
        var submission = CalendarSubmission(format: .native, file: file, settings: RetentionCalendar(), isDelta: false, rules: [])
        let parsed = SafeXMLParser.parse(bytes, file: file, limits: limits)
        submission.diagnostics = parsed.diagnostics
        guard let document = parsed.document, let root = document.root else { return submission }
        guard root.name == NativeElements.root, root.namespaceURI == CalendarXMLFlavor.nativeNamespace else {
            submission.diagnostics.append(wrongRoot(root, file: file))
            return submission
        }
        let validation = SchemaValidator.validate(document, against: .calendrier, file: file, context: NativeElements.errorContext)
        submission.diagnostics += validation.diagnostics
        var mapper = NativeRuleMapper(file: file)
        if !validation.invalidUnits.contains(root) {
            submission.settings = mapper.settings(root)
        }
        let rules = root.children(NativeElements.rule)
        let withTransaction = rules.filter { $0.attribute("typeTransaction") != nil }
        submission.isDelta = !withTransaction.isEmpty
        if submission.isDelta, withTransaction.count < rules.count,
           let first = rules.first(where: { $0.attribute("typeTransaction") == nil }) {
            let number = first.attribute("numero").nonBlank
            let count = String(withTransaction.count)
            submission.diagnostics.append(.error(
                at: SourceLocation(file: file, line: first.line),
                number == nil ? .nativeMixedTransactionsUnnumbered : .nativeMixedTransactions,
                ["rule": number ?? "", "line": String(first.line), "count": count],
                rule: number, field: "typeTransaction"))
        }
        for rule in rules where !validation.invalidUnits.contains(rule) {
            if let submitted = mapper.map(rule) { submission.rules.append(submitted) }
        }
        submission.diagnostics += mapper.diagnostics
        return submission
    }

    /// Reads a native file from disk; `file` names it in diagnostics (its path by default).
    public static func read(contentsOf url: URL, file: String? = nil, limits: XMLLimits = .default) -> CalendarSubmission {
        let name = file ?? url.path
        switch XMLInput.load(url, file: name, limits: limits) {
        case .data(let data):
            return read(bytes: data, file: name, limits: limits)
        case .refused(let diagnostic):
            return CalendarSubmission(format: .native, file: name, settings: RetentionCalendar(), isDelta: false, rules: [], diagnostics: [diagnostic])
        }
    }

    static func wrongRoot(_ root: XMLNode, file: String) -> Diagnostic {
        var values = ["element": root.name, "native": CalendarXMLFlavor.nativeNamespace]
        let code: DiagnosticCode
        if let namespace = root.namespaceURI {
            values["namespace"] = namespace
            code = .nativeWrongRoot
        } else {
            code = root.name == GALAElements.root ? .nativeGotGALA : .nativeWrongRootWithoutNamespace
        }
        return .error(at: SourceLocation(file: file, line: root.line), code, values, field: root.name)
    }
}

/// Turns valid `regle` elements into submitted rules.
struct NativeRuleMapper {
    let file: String
    /// The first hundred problems, the others counted (`DiagnosticCollector`).
    var found = DiagnosticCollector()
    var diagnostics: [Diagnostic] { found.diagnostics }

    init(file: String) {
        self.file = file
    }

    private func location(_ node: XMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line)
    }

    /// The calendar's settings, from the root's attributes.
    mutating func settings(_ root: XMLNode) -> RetentionCalendar {
        var settings = RetentionCalendar(
            organisation: root.attribute("organisme").nonBlank,
            banqOrganisationID: root.attribute("idOrganismeBAnQ").nonBlank,
            versionLabel: root.attribute("version").nonBlank
        )
        func date(_ name: String) -> CivilDate? {
            guard let text = root.attribute(name).nonBlank else { return nil }
            guard let date = CivilDate(iso: text) else {
                found.append(.error(at: location(root), .nativeBadDate, ["attribute": name, "value": text], field: name))
                return nil
            }
            return date
        }
        settings.adoptedOn = date("dateAdoption")
        settings.approvedOn = date("dateApprobationBAnQ")
        if let text = root.attribute("finAnnee").nonBlank {
            if let day = MonthDay(text: text) {
                settings.yearEnd = day
            } else {
                found.append(.error(at: location(root), .nativeBadYearEnd, ["value": text], field: "finAnnee"))
            }
        }
        return settings
    }

    mutating func map(_ element: XMLNode) -> SubmittedRule? {
        let here = location(element)
        guard let number = element.attribute("numero").nonBlank else {
            found.append(.error(at: here, .nativeRuleWithoutNumber, field: "numero"))
            return nil
        }
        var locations: [RuleFieldPath: SourceLocation] = [.number: here]
        let fields = FirstChildren(element)
        func text(_ name: String, _ path: RuleFieldPath) -> String? {
            guard let node = fields[name] else { return nil }
            locations[path] = location(node)
            return node.text
        }
        func texts(_ name: String, in parent: XMLNode?, _ path: RuleFieldPath) -> [String] {
            guard let parent else { return [] }
            let nodes = parent.children(name)
            if let first = nodes.first { locations[path] = location(first) }
            return nodes.map { $0.text.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        func flag(_ name: String, _ path: RuleFieldPath) -> Bool? {
            text(name, path).flatMap(NativeRuleMapper.boolean)
        }

        var transaction: RuleTransaction?
        if let code = element.attribute("typeTransaction") {
            locations[RuleFieldPath("transaction")] = here
            transaction = RuleTransaction(code: code)
            if transaction == nil {
                found.append(.error(at: here, .nativeBadTransaction, ["rule": number, "value": code], rule: number, field: "typeTransaction"))
            }
        }
        if element.attribute("recueil") != nil { locations[RuleFieldPath("recueil")] = here }
        if element.attribute("numeroRecueil") != nil { locations[RuleFieldPath("recueilRuleNumber")] = here }

        var personalInformation: PersonalInformation?
        if let node = fields["renseignementsPersonnels"] {
            locations[RuleFieldPath("personalInformation")] = location(node)
            personalInformation = PersonalInformation(
                present: NativeRuleMapper.boolean(node.text) ?? false,
                measure: node.attribute("mesure").flatMap { PersonalInformationMeasure(rawValue: $0.trimmingSpaces()) }
            )
        }
        var countStart = CountStart.closingDate
        if let node = fields["declencheur"] {
            locations[RuleFieldPath("countStart")] = location(node)
            switch node.attribute("type")?.trimmingSpaces() {
            case "dateOuverture": countStart = .openingDate
            case "evenement": countStart = .event(node.attribute("evenement")?.trimmingSpaces() ?? "")
            default: countStart = .closingDate
            }
        }
        guard let principalNode = fields[NativeElements.principal] else {
            found.append(.error(at: here, .nativeNoPrincipalCopy, ["rule": number], rule: number, field: NativeElements.principal))
            return nil
        }
        let principal = copy(.principal, principalNode, locations: &locations)
        let secondaire = fields[NativeElements.secondaire].map { copy(.secondaire, $0, locations: &locations) }

        var remarks: [Remark] = []
        for node in element.children("remarque") {
            guard let id = node.attribute("id").flatMap({ RemarkID(text: $0) }) else { continue }
            if remarks.isEmpty { locations[.remarks] = location(node) }
            locations[RuleFieldPath("remarks.\(id)")] = location(node)
            remarks.append(Remark(id: id, text: node.text.trimmingSpaces()))
        }

        let rule = Rule(
            number: number,
            title: text("titre", .title)?.trimmingSpaces() ?? "",
            description: text("description", RuleFieldPath("description"))?.trimmingSpaces() ?? "",
            documentTypes: texts("type", in: fields["typesDocuments"], RuleFieldPath("documentTypes")),
            processes: texts("processus", in: element, RuleFieldPath("processes")),
            classificationCodes: texts("codeClassification", in: element, RuleFieldPath("classificationCodes")),
            holderUnit: text("uniteDetentrice", RuleFieldPath("holderUnit")).nonBlank,
            legalReferences: texts("referenceLegale", in: element, RuleFieldPath("legalReferences")),
            recueil: element.attribute("recueil").nonBlank,
            recueilRuleNumber: element.attribute("numeroRecueil").nonBlank,
            essentialDocuments: flag("documentsEssentiels", RuleFieldPath("essentialDocuments")),
            confidentialDocuments: flag("documentsConfidentiels", RuleFieldPath("confidentialDocuments")),
            personalInformation: personalInformation,
            countStart: countStart,
            principal: principal,
            secondaire: secondaire,
            remarks: remarks,
            generalRemark: text("remarqueGenerale", RuleFieldPath("generalRemark")).nonBlank,
            galaRequestNumber: text("numeroDemandeGALA", RuleFieldPath("galaRequestNumber")).nonBlank,
            galaGrilleChan: flag("grilleChangementGALA", RuleFieldPath("galaGrilleChan"))
        )
        return SubmittedRule(rule: rule, transaction: transaction, location: here, fieldLocations: locations)
    }

    private mutating func copy(_ kind: CopyKind, _ node: XMLNode, locations: inout [RuleFieldPath: SourceLocation]) -> CopyRule {
        locations[RuleFieldPath(kind.rawValue)] = location(node)
        let fields = FirstChildren(node)
        var copy = CopyRule(kind: kind)
        if let supports = fields["supports"] {
            locations[RuleFieldPath(kind, .supports)] = location(supports)
            var list: [Support] = []
            for support in supports.children("support") {
                guard let code = support.attribute("code").nonBlank else { continue }
                let value = Support(code: code)
                if !list.contains(value) { list.append(value) }
            }
            copy.supports = list
            copy.supportsRemark = remark(supports, kind, .supports, locations: &locations)
        }
        if let active = fields["actif"] {
            locations[RuleFieldPath(kind, .active)] = location(active)
            (copy.active, copy.activeEvent) = period(active)
            copy.activeRemark = remark(active, kind, .active, locations: &locations)
        }
        if let semiActive = fields["semiActif"] {
            locations[RuleFieldPath(kind, .semiActive)] = location(semiActive)
            (copy.semiActive, copy.semiActiveEvent) = period(semiActive)
            copy.semiActiveRemark = remark(semiActive, kind, .semiActive, locations: &locations)
        }
        if let disposition = fields["disposition"] {
            locations[RuleFieldPath(kind, .disposition)] = location(disposition)
            copy.disposition = disposition.attribute("code").flatMap { Disposition(code: $0) }
            copy.dispositionRemark = remark(disposition, kind, .disposition, locations: &locations)
        }
        return copy
    }

    private func remark(
        _ node: XMLNode, _ kind: CopyKind, _ field: CopyField, locations: inout [RuleFieldPath: SourceLocation]
    ) -> RemarkID? {
        guard let text = node.attribute("remarque") else { return nil }
        locations[RuleFieldPath(kind, remarkOf: field)] = location(node)
        return RemarkID(text: text)
    }

    /// A period element's value and, for an open period, the event it names.
    private func period(_ node: XMLNode) -> (RetentionPeriod, String?) {
        guard let choice = node.elementChildren.first else { return (.none, nil) }
        switch choice.name {
        case "annees":
            return (Int(choice.text.trimmingSpaces()).map { RetentionPeriod.years($0) } ?? .none, nil)
        case "ouvert":
            return (.open, choice.attribute("evenement").nonBlank)
        case "jusquaRemplacement":
            return (.untilReplaced, nil)
        default:
            return (.none, nil)
        }
    }

    /// An `xs:boolean`: true, false, 1 or 0.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmingSpaces() {
        case "true", "1": return true
        case "false", "0": return false
        default: return nil
        }
    }
}
