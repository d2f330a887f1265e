public import Foundation
public import SablierCore
internal import SablierSchemas

/// Reads BAnQ's GALA exchange XML (`ROWSET/ROW/DELAI/DELAI_ROW`) into a submission.
///
/// The file is parsed safely, its known deviations are mended on the tree (with warnings), the
/// tree is validated against `gala.xsd` (every error reported, with its line), and each valid
/// `ROW` becomes a `SubmittedRule` with its `TYPE_TRANS` and the line of every field read.
/// Meaning (remarks resolve, 888/999/T explained, secondary copy destroyed, duplicates) is not
/// checked here: `CalendarValidator` does it on the submission.
public enum GALACalendarReader {
    /// Reads GALA bytes; problems are diagnostics, never thrown.
    public static func read(bytes: some ContiguousBytes, file: String, limits: XMLLimits = .default) -> CalendarSubmission {
        var submission = CalendarSubmission(format: .gala, file: file, settings: RetentionCalendar(), isDelta: true, rules: [])
        let parsed = SafeXMLParser.parse(bytes, file: file, limits: limits)
        submission.diagnostics = parsed.diagnostics
        guard let document = parsed.document, let root = document.root else { return submission }
        guard root.name == GALAElements.root, root.namespaceURI == nil else {
            submission.diagnostics.append(wrongRoot(root, file: file))
            return submission
        }
        submission.diagnostics += GALANormaliser.normalise(root: root, file: file)
        let validation = SchemaValidator.validate(document, against: .gala, file: file, context: GALAElements.errorContext)
        submission.diagnostics += validation.diagnostics
        var mapper = GALARowMapper(file: file)
        for row in root.children(GALAElements.row) where !validation.invalidUnits.contains(row) {
            if let rule = mapper.map(row) { submission.rules.append(rule) }
        }
        submission.diagnostics += mapper.diagnostics
        submission.settings.banqOrganisationID = mapper.organisationID?.value
        return submission
    }

    /// Reads a GALA file from disk; `file` names it in diagnostics (its path by default).
    public static func read(contentsOf url: URL, file: String? = nil, limits: XMLLimits = .default) -> CalendarSubmission {
        let name = file ?? url.path
        switch XMLInput.load(url, file: name, limits: limits) {
        case .data(let data):
            return read(bytes: data, file: name, limits: limits)
        case .refused(let diagnostic):
            return CalendarSubmission(format: .gala, file: name, settings: RetentionCalendar(), isDelta: true, rules: [], diagnostics: [diagnostic])
        }
    }

    static func wrongRoot(_ root: XMLNode, file: String) -> Diagnostic {
        let found = root.namespaceURI.map { "<\(root.name)> in namespace \($0)" } ?? "<\(root.name)>"
        var message = "the root element is \(found); a GALA file starts with <ROWSET> (no namespace)"
        if root.name == NativeElements.root, root.namespaceURI == CalendarXMLFlavor.nativeNamespace {
            message += ": this is a Sablier native calendar"
        }
        return .error(at: SourceLocation(file: file, line: root.line), message, field: root.name)
    }
}

/// Turns valid `ROW`s into submitted rules.
struct GALARowMapper {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// The first non-empty `ID_ORGANISME` and its line.
    var organisationID: (value: String, line: Int)?
    private var reportedEmptyOrganisation = false
    private var reportedDisagreement = false

    init(file: String) {
        self.file = file
    }

    private func location(_ node: XMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line)
    }

    mutating func map(_ row: XMLNode) -> SubmittedRule? {
        let fields = FirstChildren(row)
        var locations: [RuleFieldPath: SourceLocation] = [:]
        func value(_ name: String, _ path: RuleFieldPath?) -> String? {
            guard let node = fields[name] else { return nil }
            if let path { locations[path] = location(node) }
            return node.text
        }

        let number = value("NUMREGLE", .number)?.trimmingSpaces() ?? ""
        guard !number.isEmpty else {
            diagnostics.append(.error(at: location(row), "a ROW has no rule number (NUMREGLE)", field: "NUMREGLE"))
            return nil
        }
        let transactionText = value("TYPE_TRANS", RuleFieldPath("transaction")) ?? ""
        guard let transaction = RuleTransaction(code: transactionText) else {
            diagnostics.append(.error(
                at: fields["TYPE_TRANS"].map(location) ?? location(row),
                "rule \(number): TYPE_TRANS '\(transactionText)' is not A, M or S", rule: number, field: "TYPE_TRANS"))
            return nil
        }
        readOrganisation(fields["ID_ORGANISME"], rule: number)

        var generalRemarkParts: [String] = []
        var remarks: [Remark] = []
        if let text = value("REMARQDELA", .remarks), let node = fields["REMARQDELA"] {
            let parsed = RemarkText.parse(text)
            remarks = parsed.remarks
            for remark in remarks { locations[RuleFieldPath("remarks.\(remark.id)")] = location(node) }
            if let preamble = parsed.preamble {
                generalRemarkParts.append(preamble)
                diagnostics.append(.warning(
                    at: location(node),
                    "rule \(number): REMARQDELA starts with text before its first numbered remark; it was moved to the general remark",
                    rule: number, field: "REMARQDELA"))
            }
            if !parsed.unprefixedMarkers.isEmpty {
                let list = parsed.unprefixedMarkers.map { "'\($0.number):' as \($0)" }.joined(separator: ", ")
                diagnostics.append(.warning(
                    at: location(node),
                    "rule \(number): REMARQDELA numbers its remarks without the R (\(list)); read as numbered remarks",
                    rule: number, field: "REMARQDELA"))
            }
            if !parsed.duplicates.isEmpty {
                let list = parsed.duplicates.map(\.description).joined(separator: ", ")
                diagnostics.append(.warning(
                    at: location(node),
                    "rule \(number): REMARQDELA defines \(list) more than once; the texts were joined under the first",
                    rule: number, field: "REMARQDELA"))
            }
        }
        if let general = value("REMARQGEN", RuleFieldPath("generalRemark")).nonBlank {
            generalRemarkParts.append(general)
        }

        var copies = GALACopies(number: number)
        for delai in row.children(GALAElements.delai) {
            for delaiRow in delai.children(GALAElements.delaiRow) {
                if let copy = mapCopy(delaiRow, number: number, locations: &locations) {
                    copies.add(copy, at: delaiRow, mapper: &self)
                }
            }
        }
        guard let principal = copies.principal?.copy else {
            diagnostics.append(.error(
                at: fields["DELAI"].map(location) ?? location(row),
                "rule \(number) has no principal copy: no DELAI_ROW has TYPEDOSS P", rule: number, field: "TYPEDOSS"))
            return nil
        }
        var secondaire = copies.secondaire?.copy
        if let copy = secondaire, let node = copies.secondaire?.node, copy.isBlank {
            secondaire = nil
            diagnostics.append(.warning(
                at: location(node),
                "rule \(number): the secondary copy's DELAI_ROW holds only blank or '-' values; read as no secondary copy",
                rule: number, field: GALAElements.delaiRow))
        }

        let rule = Rule(
            number: number,
            title: value("TITRESER", .title)?.trimmingSpaces() ?? "",
            description: value("DESCSERIE", RuleFieldPath("description"))?.trimmingSpaces() ?? "",
            documentTypes: ListCell.split(value("TYPESDOC", RuleFieldPath("documentTypes"))),
            processes: ListCell.split(value("PROCACTIVI", RuleFieldPath("processes")), separators: [";"]),
            classificationCodes: ListCell.split(value("CODECLASS", RuleFieldPath("classificationCodes"))),
            holderUnit: value("NOMUNITE", RuleFieldPath("holderUnit")).nonBlank,
            legalReferences: ListCell.split(value("REFLEGALE", RuleFieldPath("legalReferences")), separators: ["\n", "\r"]),
            recueil: value("RECUEIL", RuleFieldPath("recueil")).nonBlank,
            recueilRuleNumber: value("NO_RECUEIL", RuleFieldPath("recueilRuleNumber")).nonBlank,
            essentialDocuments: YesNo.parse(value("DOCUMESSEN", RuleFieldPath("essentialDocuments"))),
            confidentialDocuments: YesNo.parse(value("DOCUMCONFI", RuleFieldPath("confidentialDocuments"))),
            principal: principal,
            secondaire: secondaire,
            remarks: remarks,
            generalRemark: generalRemarkParts.isEmpty ? nil : generalRemarkParts.joined(separator: "\n"),
            galaRequestNumber: value("NUMDEMANDE", RuleFieldPath("galaRequestNumber")).nonBlank,
            galaGrilleChan: YesNo.parse(value("GRILLECHAN", RuleFieldPath("galaGrilleChan")))
        )
        return SubmittedRule(rule: rule, transaction: transaction, location: location(row), fieldLocations: locations)
    }

    private mutating func readOrganisation(_ node: XMLNode?, rule: String) {
        guard let node else { return }
        let id = node.text.trimmingSpaces()
        if id.isEmpty {
            if !reportedEmptyOrganisation {
                reportedEmptyOrganisation = true
                diagnostics.append(.warning(
                    at: location(node),
                    "ID_ORGANISME is empty (rule \(rule)): the file does not give the organisation's BAnQ number",
                    rule: rule, field: "ID_ORGANISME"))
            }
        } else if let known = organisationID {
            if known.value != id, !reportedDisagreement {
                reportedDisagreement = true
                diagnostics.append(.warning(
                    at: location(node),
                    "rule \(rule): ID_ORGANISME is \(id), but \(known.value) at line \(known.line); \(known.value) is kept",
                    rule: rule, field: "ID_ORGANISME"))
            }
        } else {
            organisationID = (id, node.line)
        }
    }

    /// One `DELAI_ROW` as a copy; nil when its kind is unknown.
    private mutating func mapCopy(_ node: XMLNode, number: String, locations: inout [RuleFieldPath: SourceLocation]) -> CopyRule? {
        let fields = FirstChildren(node)
        let kindText = fields["TYPEDOSS"]?.text ?? ""
        guard let kind = CopyKind(code: kindText) else {
            diagnostics.append(.error(
                at: fields["TYPEDOSS"].map(location) ?? location(node),
                "rule \(number): TYPEDOSS '\(kindText)' is neither P nor S", rule: number, field: "TYPEDOSS"))
            return nil
        }
        let copyName = kind == .principal ? "principal copy" : "secondary copy"
        if let inner = fields["NUMREGLE"], inner.text.trimmingSpaces() != number {
            diagnostics.append(.warning(
                at: location(inner),
                "rule \(number), \(copyName): the DELAI_ROW's NUMREGLE is '\(inner.text.trimmingSpaces())'; the ROW's number \(number) is used",
                rule: number, field: "NUMREGLE"))
        }
        func text(_ field: CopyField) -> String? {
            guard let element = fields[field.galaElement] else { return nil }
            locations[RuleFieldPath(kind, field)] = location(element)
            return element.text
        }
        func period(_ field: CopyField) -> RetentionPeriod {
            guard let cell = text(field) else { return .none }
            guard let period = RetentionPeriod(cell: cell) else {
                diagnostics.append(.error(
                    at: locations[RuleFieldPath(kind, field)] ?? location(node),
                    "rule \(number), \(copyName): \(field.galaElement) '\(cell.trimmingSpaces())' is not a retention period (a number of years of at most 4 digits, 888, 999, '-' or blank)",
                    rule: number, field: field.galaElement))
                return .none
            }
            return period
        }
        func remark(_ field: CopyField) -> RemarkID? {
            guard let element = fields[field.galaRemarkElement] else { return nil }
            let path = RuleFieldPath(kind, remarkOf: field)
            locations[path] = location(element)
            let cell = element.text.trimmingSpaces()
            if cell.isEmpty { return nil }
            guard let id = RemarkID(text: cell) else {
                diagnostics.append(.error(
                    at: location(element),
                    "rule \(number), \(copyName): \(field.galaRemarkElement) '\(cell)' is not a remark reference (R1, R2, …)",
                    rule: number, field: field.galaRemarkElement))
                return nil
            }
            return id
        }
        func disposition() -> Disposition? {
            guard let cell = text(.disposition)?.trimmingSpaces(), !cell.isEmpty, cell != "-" else { return nil }
            guard let value = Disposition(code: cell) else {
                diagnostics.append(.error(
                    at: locations[RuleFieldPath(kind, .disposition)] ?? location(node),
                    "rule \(number), \(copyName): ID_REF_DISPOSITION '\(cell)' is not C, D, T or '-'",
                    rule: number, field: CopyField.disposition.galaElement))
                return nil
            }
            return value
        }
        locations[RuleFieldPath(kind.rawValue)] = location(node)
        return CopyRule(
            kind: kind,
            supports: Support.list(from: text(.supports) ?? ""),
            supportsRemark: remark(.supports),
            active: period(.active),
            activeRemark: remark(.active),
            semiActive: period(.semiActive),
            semiActiveRemark: remark(.semiActive),
            disposition: disposition(),
            dispositionRemark: remark(.disposition)
        )
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}

/// The copies of one rule as its `DELAI_ROW`s give them.
private struct GALACopies {
    let number: String
    var principal: (copy: CopyRule, node: XMLNode)?
    var secondaire: (copy: CopyRule, node: XMLNode)?

    init(number: String) {
        self.number = number
    }

    mutating func add(_ copy: CopyRule, at node: XMLNode, mapper: inout GALARowMapper) {
        let existing = copy.kind == .principal ? principal : secondaire
        if let existing {
            let code = copy.kind.galaCode
            mapper.report(.error(
                at: SourceLocation(file: mapper.file, line: node.line),
                "rule \(number): a second DELAI_ROW with TYPEDOSS \(code) (the first is at line \(existing.node.line)); a rule has one principal copy and at most one secondary copy",
                rule: number, field: "TYPEDOSS"))
            return
        }
        if copy.kind == .principal { principal = (copy, node) } else { secondaire = (copy, node) }
    }
}

/// The first child element of each name.
struct FirstChildren {
    private var nodes: [String: XMLNode] = [:]

    init(_ parent: XMLNode) {
        for child in parent.elementChildren where nodes[child.name] == nil {
            nodes[child.name] = child
        }
    }

    subscript(name: String) -> XMLNode? { nodes[name] }
}
