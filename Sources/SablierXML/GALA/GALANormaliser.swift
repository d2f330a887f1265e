internal import SablierCore

/// GALA's element names, in the order `gala.xsd` requires them.
enum GALAElements {
    static let root = "ROWSET"
    static let row = "ROW"
    static let delai = "DELAI"
    static let delaiRow = "DELAI_ROW"

    static let rowOrder = [
        "ID_ORGANISME", "NUMDEMANDE", "NUMREGLE", "TYPE_TRANS", "RECUEIL", "TITRESER", "REFLEGALE", "NO_RECUEIL",
        "PROCACTIVI", "CODECLASS", "NOMUNITE", "DESCSERIE", "TYPESDOC", "DOCUMESSEN", "DOCUMCONFI", "REMARQDELA",
        "REMARQGEN", "GRILLECHAN", "DELAI",
    ]

    static let delaiRowOrder = [
        "NUMDELAI", "NUMREGLE", "TYPEDOSS", "SUPPDOSS", "REM_SUPPDOSS", "PERIOACTIF", "REM_PERIOACTIF", "PERIOSMACT",
        "REM_PERIOSMACT", "ID_REF_DISPOSITION", "REM_DISPOINACT",
    ]

    /// What each field expects, for messages about invalid values.
    static let hints: [String: String] = [
        "ID_ORGANISME": "the organisation's BAnQ number (digits) or nothing",
        "NUMREGLE": "a rule number",
        "TYPE_TRANS": "A (ajout), M (modification) or S (suppression)",
        "TYPEDOSS": "P (principal) or S (secondaire)",
        "PERIOACTIF": "a number of years, 888, 999, '-' or nothing",
        "PERIOSMACT": "a number of years, 888, 999, '-' or nothing",
        "ID_REF_DISPOSITION": "C (conservation), D (destruction), T (tri) or '-'",
        "DOCUMESSEN": "O (oui) or N (non)",
        "DOCUMCONFI": "O (oui) or N (non)",
        "GRILLECHAN": "O (oui) or N (non)",
        "REM_SUPPDOSS": "a remark reference R1 to R20, or nothing",
        "REM_PERIOACTIF": "a remark reference R1 to R20, or nothing",
        "REM_PERIOSMACT": "a remark reference R1 to R20, or nothing",
        "REM_DISPOINACT": "a remark reference R1 to R20, or nothing",
    ]

    /// How schema errors name their rule: the `ROW` they are in, and its `NUMREGLE`.
    static var errorContext: SchemaErrorContext {
        SchemaErrorContext(
            unit: { node in
                var current: XMLNode? = node
                while let candidate = current {
                    if candidate.name == row, candidate.parentElement?.name == root { return candidate }
                    current = candidate.parentElement
                }
                return nil
            },
            ruleNumber: ruleNumber(of:),
            hints: hints,
            constraints: [:]
        )
    }

    /// The rule number of a `ROW`, for messages; nil when it has none.
    static func ruleNumber(of row: XMLNode) -> String? {
        row.child("NUMREGLE").map { $0.text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Mends, on the parsed tree and before XSD validation, the deviations real GALA files are
/// known to have; each one mended is reported as a warning at its line.
///
/// - several `DELAI` in one `ROW` (the HB archivistes file writes one per copy): their
///   `DELAI_ROW`s are moved into the first;
/// - `CODECLASS` given more than once (same file, one of them out of place): the non-empty
///   values are merged into the one at its schema position, the others removed;
/// - children of `ROW` or `DELAI_ROW` out of schema order: put back in order, when they are
///   otherwise valid (known names, none repeated).
enum GALANormaliser {
    /// True when `normalise` would change this `ROW` (and warn): several `DELAI`, several
    /// `CODECLASS`, children out of order in the `ROW` or in a `DELAI_ROW`. The same survey
    /// `normalise` makes, so a reader that only takes rows needing nothing agrees with it.
    static func needsMending(_ row: XMLNode, names: GALANames) -> Bool {
        let survey = names.survey(row)
        if survey.delais > 1 || survey.classificationCodes > 1 || !survey.inOrder { return true }
        guard let delai = survey.delai else { return false }
        for delaiRow in delai.elementChildSequence where names.isDelaiRow(delaiRow) {
            if !names.delaiRow.isInOrder(delaiRow) { return true }
        }
        return false
    }

    static func normalise(root: XMLNode, file: String) -> [Diagnostic] {
        let names = GALANames(documentOf: root)
        var found: [Diagnostic] = []
        for row in root.elementChildSequence where names.isRow(row) {
            // Named only when a warning needs it: before any change, and NUMREGLE is never moved
            // (a ROW with two is not reordered) nor changed here.
            var label = RowLabel(row: row)
            // One walk tells whether anything needs mending; most rows need nothing.
            let survey = names.survey(row)
            var changed = false
            if survey.delais > 1 {
                found += mergeDelais(in: row, label: label.text, rule: label.rule, file: file)
                changed = true
            }
            if survey.classificationCodes > 1 {
                found += mergeClassificationCodes(in: row, label: label.text, rule: label.rule, file: file)
                changed = true
            }
            if changed || !survey.inOrder {
                found += reorder(row, order: GALAElements.rowOrder, label: label.text, rule: label.rule, file: file)
            }
            func reorderRows(of delai: XMLNode) {
                for delaiRow in delai.elementChildSequence where names.isDelaiRow(delaiRow) {
                    if !names.delaiRow.isInOrder(delaiRow) {
                        found += reorder(delaiRow, order: GALAElements.delaiRowOrder, label: label.text, rule: label.rule, file: file)
                    }
                }
            }
            if changed {
                for delai in row.children(GALAElements.delai) { reorderRows(of: delai) }
            } else if let delai = survey.delai {
                // Unchanged, so this is the ROW's only DELAI.
                reorderRows(of: delai)
            }
        }
        return found
    }

    /// How warnings name a ROW: `rule N`, or `ROW at line L` when it has no number; worked out
    /// once, when first needed.
    private struct RowLabel {
        let row: XMLNode
        private var computed: (text: String, rule: String?)?

        init(row: XMLNode) {
            self.row = row
        }

        private mutating func compute() -> (text: String, rule: String?) {
            if let computed { return computed }
            let rule = GALAElements.ruleNumber(of: row)
            let value = (text: rule.map { "rule \($0)" } ?? "ROW at line \(row.line)", rule: rule)
            computed = value
            return value
        }

        var text: String { mutating get { compute().text } }
        var rule: String? { mutating get { compute().rule } }
    }

    private static func mergeDelais(in row: XMLNode, label: String, rule: String?, file: String) -> [Diagnostic] {
        let delais = row.children(GALAElements.delai)
        guard delais.count > 1, let first = delais.first else { return [] }
        let lines = delais.map { String($0.line) }.joined(separator: ", ")
        let secondLine = delais[1].line  // read before the extra DELAIs are freed
        for extra in delais.dropFirst() {
            for child in extra.elementChildren {
                child.move(appendingTo: first)
            }
            extra.remove()
        }
        return [.warning(
            at: SourceLocation(file: file, line: secondLine),
            "\(label): \(delais.count) DELAI elements (lines \(lines)) where GALA has one; their DELAI_ROWs were merged into the first",
            rule: rule, field: GALAElements.delai
        )]
    }

    private static func mergeClassificationCodes(in row: XMLNode, label: String, rule: String?, file: String) -> [Diagnostic] {
        let name = "CODECLASS"
        let codes = row.children(name)
        guard codes.count > 1, let schemaIndex = GALAElements.rowOrder.firstIndex(of: name) else { return [] }
        // The one in place: every other element before it comes earlier in the schema, every one after it later.
        let keeper = codes.first { code in
            let siblings = row.elementChildren
            guard let position = siblings.firstIndex(of: code) else { return false }
            let before = siblings[..<position].filter { $0.name != name }
            let after = siblings[(position + 1)...].filter { $0.name != name }
            return before.allSatisfy { (GALAElements.rowOrder.firstIndex(of: $0.name) ?? Int.max) < schemaIndex }
                && after.allSatisfy { (GALAElements.rowOrder.firstIndex(of: $0.name) ?? -1) > schemaIndex }
        } ?? codes[0]
        var values: [String] = []
        for code in codes {
            let value = code.text.trimmingSpaces()
            if !value.isEmpty, !values.contains(value) { values.append(value) }
        }
        let removed = codes.filter { $0 != keeper }
        let removedLines = removed.map { String($0.line) }.joined(separator: ", ")
        let keeperLine = keeper.line
        let firstRemovedLine = removed.first?.line ?? keeperLine
        keeper.setText(values.joined(separator: "; "))
        for code in removed { code.remove() }
        let merged = values.isEmpty ? "all empty" : "values merged: \(values.joined(separator: "; "))"
        return [.warning(
            at: SourceLocation(file: file, line: firstRemovedLine),
            "\(label): CODECLASS is given \(codes.count) times where GALA allows one; kept the one at line \(keeperLine) and removed \(removed.count == 1 ? "line" : "lines") \(removedLines) (\(merged))",
            rule: rule, field: name
        )]
    }

    private static func reorder(_ parent: XMLNode, order: [String], label: String, rule: String?, file: String) -> [Diagnostic] {
        let children = parent.elementChildren
        var positions: [Int] = []
        for child in children {
            guard let index = order.firstIndex(of: child.name) else { return [] }
            positions.append(index)
        }
        guard Set(positions).count == positions.count else { return [] }
        guard let misplaced = positions.indices.first(where: { $0 > 0 && positions[$0] < positions[$0 - 1] }) else { return [] }
        let sorted = zip(positions, children).sorted { $0.0 < $1.0 }.map(\.1)
        for child in sorted { child.move(appendingTo: parent) }
        let node = children[misplaced]
        let previous = children[misplaced - 1]
        return [.warning(
            at: SourceLocation(file: file, line: node.line),
            "\(label): \(node.name) comes after \(previous.name) inside \(parent.name), against GALA's order; the elements were put back in order",
            rule: rule, field: node.name
        )]
    }
}

/// GALA's element names, matched on a parsed document by libxml2's interned names.
struct GALANames {
    /// `ROW`'s children, in schema order (`GALAElements.rowOrder`).
    let row: XMLNameTable
    /// `DELAI_ROW`'s children, in schema order (`GALAElements.delaiRowOrder`).
    let delaiRow: XMLNameTable
    /// `ROW` and `DELAI_ROW` themselves.
    private let units: XMLNameTable

    /// Indexes in `row` of the elements the reader and the normaliser look for.
    static let classificationCode = GALAElements.rowOrder.firstIndex(of: "CODECLASS")!
    static let delai = GALAElements.rowOrder.firstIndex(of: GALAElements.delai)!

    init(documentOf node: XMLNode) {
        row = XMLNameTable(GALAElements.rowOrder, documentOf: node)
        delaiRow = XMLNameTable(GALAElements.delaiRowOrder, documentOf: node)
        units = XMLNameTable([GALAElements.row, GALAElements.delaiRow], documentOf: node)
    }

    func isRow(_ node: XMLNode) -> Bool { units.index(of: node) == 0 }
    func isDelaiRow(_ node: XMLNode) -> Bool { units.index(of: node) == 1 }

    /// What one walk over a `ROW`'s children finds.
    struct RowSurvey {
        var delais = 0
        var classificationCodes = 0
        /// The first `DELAI`.
        var delai: XMLNode?
        /// Every child is a GALA field, each after the one before in schema order.
        var inOrder = true
    }

    func survey(_ row: XMLNode) -> RowSurvey {
        var survey = RowSurvey()
        var previous = -1
        for child in row.elementChildSequence {
            guard let index = self.row.index(of: child) else {
                survey.inOrder = false
                continue
            }
            if index <= previous { survey.inOrder = false }
            previous = index
            if index == Self.delai {
                survey.delais += 1
                if survey.delai == nil { survey.delai = child }
            } else if index == Self.classificationCode {
                survey.classificationCodes += 1
            }
        }
        return survey
    }
}
