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
    /// Reads GALA bytes; problems are diagnostics, never thrown. `mapped` sees each rule as
    /// soon as it is read, in file order, before the submission is complete: an import hands
    /// them to the store while the rest is read. Only the submission says whether they stand.
    public static func read(
        bytes: some ContiguousBytes, file: String, limits: XMLLimits = .default, mapped: ((SubmittedRule) -> Void)? = nil
    ) -> CalendarSubmission {
        // Most files need no mending and hold no error: read as they stream, without their
        // whole tree. Any other file is read through its tree, which says what is wrong.
        var handed = false
        let streamed = GALAStreamReader.read(bytes: bytes, file: file, limits: limits, mapped: mapped.map { mapped in
            { rule in
                handed = true
                mapped(rule)
            }
        })
        if let streamed { return streamed }
        // Rules the streaming reader handed over are not handed again: the caller already has
        // them, and only the submission says what the file holds.
        return readTree(bytes: bytes, file: file, limits: limits, mapped: handed ? nil : mapped)
    }

    /// Reads GALA bytes through their whole tree: parsed, mended, validated, then mapped.
    static func readTree(
        bytes: some ContiguousBytes, file: String, limits: XMLLimits = .default, mapped: ((SubmittedRule) -> Void)? = nil
    ) -> CalendarSubmission {
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
        var mapper = GALARowMapper(file: file, names: GALANames(documentOf: root))
        for row in root.elementChildSequence where mapper.names.isRow(row) && !validation.invalidUnits.contains(row) {
            if let rule = mapper.map(row) {
                submission.rules.append(rule)
                mapped?(rule)
            }
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
        var values = ["element": root.name]
        let code: DiagnosticCode
        if let namespace = root.namespaceURI {
            values["namespace"] = namespace
            code = root.name == NativeElements.root && namespace == CalendarXMLFlavor.nativeNamespace ? .galaGotNative : .galaWrongRoot
        } else {
            code = .galaWrongRootWithoutNamespace
        }
        return .error(at: SourceLocation(file: file, line: root.line), code, values, field: root.name)
    }
}

/// Turns valid `ROW`s into submitted rules.
struct GALARowMapper {
    let file: String
    let names: GALANames
    /// The first hundred problems, the others counted (`DiagnosticCollector`).
    var found = DiagnosticCollector()
    var diagnostics: [Diagnostic] { found.diagnostics }
    /// The first non-empty `ID_ORGANISME` and its line.
    var organisationID: (value: String, line: Int)?
    private var reportedEmptyOrganisation = false
    private var reportedDisagreement = false

    init(file: String, names: GALANames) {
        self.file = file
        self.names = names
    }

    private func location(_ node: XMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line)
    }

    /// Separators of the multi-valued cells, built once rather than at every call.
    private static let listSeparators: Set<Character> = [";", ",", "\n", "\r"]
    private static let processSeparators: Set<Character> = [";"]
    private static let lineSeparators: Set<Character> = ["\n", "\r"]

    /// The paths of the rule-level fields, built once.
    private enum Path {
        static let transaction = RuleFieldPath("transaction")
        static let generalRemark = RuleFieldPath("generalRemark")
        static let description = RuleFieldPath("description")
        static let documentTypes = RuleFieldPath("documentTypes")
        static let processes = RuleFieldPath("processes")
        static let classificationCodes = RuleFieldPath("classificationCodes")
        static let holderUnit = RuleFieldPath("holderUnit")
        static let legalReferences = RuleFieldPath("legalReferences")
        static let recueil = RuleFieldPath("recueil")
        static let recueilRuleNumber = RuleFieldPath("recueilRuleNumber")
        static let essentialDocuments = RuleFieldPath("essentialDocuments")
        static let confidentialDocuments = RuleFieldPath("confidentialDocuments")
        static let galaRequestNumber = RuleFieldPath("galaRequestNumber")
        static let galaGrilleChan = RuleFieldPath("galaGrilleChan")
        static let copies = CopyKind.allCases.map { RuleFieldPath($0.rawValue) }
        /// `remarks.R1` … `remarks.R99`, the ids `RemarkText` can read.
        static let remarks = (0...99).map { RuleFieldPath("remarks.\(RemarkID(number: $0))") }

        static func copy(_ kind: CopyKind) -> RuleFieldPath { copies[kind == .principal ? 0 : 1] }

        static func remark(_ id: RemarkID) -> RuleFieldPath {
            remarks.indices.contains(id.number) ? remarks[id.number] : RuleFieldPath("remarks.\(id)")
        }
    }

    /// The first child element of each `ROW` field, by its index in `GALAElements.rowOrder`.
    private enum Row {
        static let organisation = index("ID_ORGANISME"), requestNumber = index("NUMDEMANDE"), number = index("NUMREGLE")
        static let transaction = index("TYPE_TRANS"), recueil = index("RECUEIL"), title = index("TITRESER")
        static let legalReferences = index("REFLEGALE"), recueilNumber = index("NO_RECUEIL"), processes = index("PROCACTIVI")
        static let classificationCodes = index("CODECLASS"), holderUnit = index("NOMUNITE"), description = index("DESCSERIE")
        static let documentTypes = index("TYPESDOC"), essential = index("DOCUMESSEN"), confidential = index("DOCUMCONFI")
        static let remarks = index("REMARQDELA"), generalRemark = index("REMARQGEN"), grilleChan = index("GRILLECHAN")
        static let delai = index(GALAElements.delai)

        private static func index(_ name: String) -> Int { GALAElements.rowOrder.firstIndex(of: name)! }
    }

    /// The first child element of each `DELAI_ROW` field, by its index in `GALAElements.delaiRowOrder`.
    private enum DelaiRow {
        static let number = index("NUMREGLE"), kind = index("TYPEDOSS")
        static let supports = index(CopyField.supports.galaElement), active = index(CopyField.active.galaElement)
        static let semiActive = index(CopyField.semiActive.galaElement), disposition = index(CopyField.disposition.galaElement)
        static let supportsRemark = index(CopyField.supports.galaRemarkElement)
        static let activeRemark = index(CopyField.active.galaRemarkElement)
        static let semiActiveRemark = index(CopyField.semiActive.galaRemarkElement)
        static let dispositionRemark = index(CopyField.disposition.galaRemarkElement)

        static func index(of field: CopyField) -> Int {
            switch field {
            case .supports: return supports
            case .active: return active
            case .semiActive: return semiActive
            case .disposition: return disposition
            }
        }

        static func remarkIndex(of field: CopyField) -> Int {
            switch field {
            case .supports: return supportsRemark
            case .active: return activeRemark
            case .semiActive: return semiActiveRemark
            case .disposition: return dispositionRemark
            }
        }

        private static func index(_ name: String) -> Int { GALAElements.delaiRowOrder.firstIndex(of: name)! }
    }

    /// The first child of each listed name, found in one walk over the children.
    private static func firstChildren(of parent: XMLNode, _ table: XMLNameTable, count: Int) -> [XMLNode?] {
        var fields = [XMLNode?](repeating: nil, count: count)
        for child in parent.elementChildSequence {
            if let index = table.index(of: child), fields[index] == nil { fields[index] = child }
        }
        return fields
    }

    mutating func map(_ row: XMLNode) -> SubmittedRule? {
        var fields = [XMLNode?](repeating: nil, count: GALAElements.rowOrder.count)
        var delaiCount = 0
        for child in row.elementChildSequence {
            guard let index = names.row.index(of: child) else { continue }
            if fields[index] == nil { fields[index] = child }
            if index == Row.delai { delaiCount += 1 }
        }
        var locations: [RuleFieldPath: SourceLocation] = [:]
        locations.reserveCapacity(48)
        func value(_ index: Int, _ path: RuleFieldPath?) -> String? {
            guard let node = fields[index] else { return nil }
            if let path { locations[path] = location(node) }
            return node.text
        }

        let number = value(Row.number, .number)?.trimmingSpaces() ?? ""
        guard !number.isEmpty else {
            found.append(.error(at: location(row), .galaRowWithoutNumber, field: "NUMREGLE"))
            return nil
        }
        let transactionText = value(Row.transaction, Path.transaction) ?? ""
        guard let transaction = RuleTransaction(code: transactionText) else {
            found.append(.error(
                at: fields[Row.transaction].map(location) ?? location(row),
                .galaBadTransaction, ["rule": number, "value": transactionText], rule: number, field: "TYPE_TRANS"))
            return nil
        }
        readOrganisation(fields[Row.organisation], rule: number)

        var generalRemarkParts: [String] = []
        var remarks: [Remark] = []
        if let text = value(Row.remarks, .remarks), let node = fields[Row.remarks] {
            let parsed = RemarkText.parse(text)
            remarks = parsed.remarks
            for remark in remarks { locations[Path.remark(remark.id)] = location(node) }
            if let preamble = parsed.preamble {
                generalRemarkParts.append(preamble)
                found.append(.warning(
                    at: location(node),
                    .galaRemarksPreamble, ["rule": number],
                    rule: number, field: "REMARQDELA"))
            }
            if !parsed.unprefixedMarkers.isEmpty {
                let markers = parsed.unprefixedMarkers.map { "\($0.number):\t\($0)" }.joined(separator: "\n")
                found.append(.warning(
                    at: location(node),
                    .galaRemarksUnprefixed, ["rule": number, "markers": markers],
                    rule: number, field: "REMARQDELA"))
            }
            if !parsed.duplicates.isEmpty {
                let list = parsed.duplicates.map(\.description).joined(separator: ", ")
                found.append(.warning(
                    at: location(node),
                    .galaRemarksRepeated, ["rule": number, "remarks": list],
                    rule: number, field: "REMARQDELA"))
            }
        }
        if let general = value(Row.generalRemark, Path.generalRemark).nonBlank {
            generalRemarkParts.append(general)
        }

        var copies = GALACopies(number: number)
        func readCopies(of delai: XMLNode) {
            for delaiRow in delai.elementChildSequence where names.isDelaiRow(delaiRow) {
                if let copy = mapCopy(delaiRow, number: number, locations: &locations) {
                    copies.add(copy, at: delaiRow, mapper: &self)
                }
            }
        }
        if delaiCount == 1, let delai = fields[Row.delai] {
            readCopies(of: delai)
        } else {
            for delai in row.elementChildSequence where names.row.index(of: delai) == Row.delai { readCopies(of: delai) }
        }
        guard let principal = copies.principal?.copy else {
            found.append(.error(
                at: fields[Row.delai].map(location) ?? location(row),
                .galaNoPrincipalCopy, ["rule": number], rule: number, field: "TYPEDOSS"))
            return nil
        }
        var secondaire = copies.secondaire?.copy
        if let copy = secondaire, let node = copies.secondaire?.node, copy.isBlank {
            secondaire = nil
            found.append(.warning(
                at: location(node),
                .galaBlankSecondaryCopy, ["rule": number],
                rule: number, field: GALAElements.delaiRow))
        }

        let rule = Rule(
            number: number,
            title: value(Row.title, .title)?.trimmingSpaces() ?? "",
            description: value(Row.description, Path.description)?.trimmingSpaces() ?? "",
            documentTypes: ListCell.split(value(Row.documentTypes, Path.documentTypes), separators: Self.listSeparators),
            processes: ListCell.split(value(Row.processes, Path.processes), separators: Self.processSeparators),
            classificationCodes: ListCell.split(value(Row.classificationCodes, Path.classificationCodes), separators: Self.listSeparators),
            holderUnit: value(Row.holderUnit, Path.holderUnit).nonBlank,
            legalReferences: ListCell.split(value(Row.legalReferences, Path.legalReferences), separators: Self.lineSeparators),
            recueil: value(Row.recueil, Path.recueil).nonBlank,
            recueilRuleNumber: value(Row.recueilNumber, Path.recueilRuleNumber).nonBlank,
            essentialDocuments: YesNo.parse(value(Row.essential, Path.essentialDocuments)),
            confidentialDocuments: YesNo.parse(value(Row.confidential, Path.confidentialDocuments)),
            principal: principal,
            secondaire: secondaire,
            remarks: remarks,
            generalRemark: generalRemarkParts.isEmpty ? nil : generalRemarkParts.joined(separator: "\n"),
            galaRequestNumber: value(Row.requestNumber, Path.galaRequestNumber).nonBlank,
            galaGrilleChan: YesNo.parse(value(Row.grilleChan, Path.galaGrilleChan))
        )
        return SubmittedRule(rule: rule, transaction: transaction, location: location(row), fieldLocations: locations)
    }

    private mutating func readOrganisation(_ node: XMLNode?, rule: String) {
        guard let node else { return }
        let id = node.text.trimmingSpaces()
        if id.isEmpty {
            if !reportedEmptyOrganisation {
                reportedEmptyOrganisation = true
                found.append(.warning(
                    at: location(node),
                    .galaOrganisationEmpty, ["rule": rule],
                    rule: rule, field: "ID_ORGANISME"))
            }
        } else if let known = organisationID {
            if known.value != id, !reportedDisagreement {
                reportedDisagreement = true
                found.append(.warning(
                    at: location(node),
                    .galaOrganisationDiffers, ["rule": rule, "id": id, "known": known.value, "line": String(known.line)],
                    rule: rule, field: "ID_ORGANISME"))
            }
        } else {
            organisationID = (id, node.line)
        }
    }

    /// One `DELAI_ROW` as a copy; nil when its kind is unknown.
    private mutating func mapCopy(_ node: XMLNode, number: String, locations: inout [RuleFieldPath: SourceLocation]) -> CopyRule? {
        let fields = Self.firstChildren(of: node, names.delaiRow, count: GALAElements.delaiRowOrder.count)
        let kindText = fields[DelaiRow.kind]?.text ?? ""
        guard let kind = CopyKind(code: kindText) else {
            found.append(.error(
                at: fields[DelaiRow.kind].map(location) ?? location(node),
                .galaBadCopyKind, ["rule": number, "value": kindText], rule: number, field: "TYPEDOSS"))
            return nil
        }
        let copyName = kind == .principal ? "principal copy" : "secondary copy"
        if let inner = fields[DelaiRow.number], inner.text.trimmingSpaces() != number {
            found.append(.warning(
                at: location(inner),
                .galaCopyNumberDiffers, ["rule": number, "copy": copyName, "value": inner.text.trimmingSpaces()],
                rule: number, field: "NUMREGLE"))
        }
        func text(_ field: CopyField) -> String? {
            guard let element = fields[DelaiRow.index(of: field)] else { return nil }
            locations[RuleFieldPath(kind, field)] = location(element)
            return element.text
        }
        func period(_ field: CopyField) -> RetentionPeriod {
            guard let cell = text(field) else { return .none }
            guard let period = RetentionPeriod(cell: cell) else {
                found.append(.error(
                    at: locations[RuleFieldPath(kind, field)] ?? location(node),
                    .galaBadPeriod, ["rule": number, "copy": copyName, "element": field.galaElement, "value": cell.trimmingSpaces()],
                    rule: number, field: field.galaElement))
                return .none
            }
            return period
        }
        func remark(_ field: CopyField) -> RemarkID? {
            guard let element = fields[DelaiRow.remarkIndex(of: field)] else { return nil }
            let path = RuleFieldPath(kind, remarkOf: field)
            locations[path] = location(element)
            let cell = element.text.trimmingSpaces()
            if cell.isEmpty { return nil }
            guard let id = RemarkID(text: cell) else {
                found.append(.error(
                    at: location(element),
                    .galaBadRemarkReference, ["rule": number, "copy": copyName, "element": field.galaRemarkElement, "value": cell],
                    rule: number, field: field.galaRemarkElement))
                return nil
            }
            return id
        }
        func disposition() -> Disposition? {
            guard let cell = text(.disposition)?.trimmingSpaces(), !cell.isEmpty, cell != "-" else { return nil }
            guard let value = Disposition(code: cell) else {
                found.append(.error(
                    at: locations[RuleFieldPath(kind, .disposition)] ?? location(node),
                    .galaBadDisposition, ["rule": number, "copy": copyName, "value": cell],
                    rule: number, field: CopyField.disposition.galaElement))
                return nil
            }
            return value
        }
        locations[Path.copy(kind)] = location(node)
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
        found.append(diagnostic)
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
                .galaSecondCopy, ["rule": number, "kind": code, "first": String(existing.node.line)],
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
