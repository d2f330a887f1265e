internal import Foundation
public import SablierCore
internal import SablierSchemas

/// Writes a calendar as BAnQ's GALA exchange XML, one `ROW` per rule in calendar order.
///
/// What GALA cannot say (personal information, count start, the events of open periods) is
/// left out; a rule without a secondary copy gets an `S` row of `-` values, since GALA requires
/// two `DELAI_ROW`s, with a warning. The output is validated against `gala.xsd` unless asked
/// not to, and any error is returned with the bytes.
public enum GALACalendarWriter {
    /// The calendar as GALA XML.
    ///
    /// - Parameters:
    ///   - transaction: the `TYPE_TRANS` of each rule; `A` (ajout) for every rule by default.
    ///   - file: the name diagnostics give the output.
    ///   - validate: whether to check the output against `gala.xsd`.
    public static func write(
        _ calendar: RetentionCalendar,
        transaction: (Rule) -> RuleTransaction = { _ in .add },
        file: String = "gala.xml",
        validate: Bool = true
    ) throws(XMLWriteError) -> XMLOutput {
        let writer = try XMLTextWriter()
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(file: file, line: 0)
        var leftOut = (personalInformation: [String](), countStart: [String](), events: [String]())
        try writer.startDocument()
        try writer.start(GALAElements.root)
        for rule in calendar.rules {
            let dropped = writer.droppedCharacters
            try writeRow(rule, calendar: calendar, transaction: transaction(rule), to: writer)
            if rule.secondaire == nil {
                diagnostics.append(.warning(
                    at: location,
                    "rule \(rule.number) has no secondary copy; GALA requires two DELAI_ROW, so an S row of '-' values was written",
                    rule: rule.number, field: GALAElements.delaiRow))
            }
            if rule.personalInformation != nil { leftOut.personalInformation.append(rule.number) }
            if rule.countStart != .closingDate { leftOut.countStart.append(rule.number) }
            if rule.copies.contains(where: { $0.activeEvent != nil || $0.semiActiveEvent != nil }) { leftOut.events.append(rule.number) }
            if writer.droppedCharacters > dropped {
                diagnostics.append(.warning(
                    at: location,
                    "rule \(rule.number): \(writer.droppedCharacters - dropped) control character(s) XML cannot carry were left out",
                    rule: rule.number))
            }
        }
        try writer.end()
        for (rules, what) in [
            (leftOut.personalInformation, "personal information (renseignements personnels)"),
            (leftOut.countStart, "the date that starts the count (déclencheur)"),
            (leftOut.events, "the event an open (888) period waits for"),
        ] where !rules.isEmpty {
            diagnostics.append(.warning(
                at: location,
                "GALA has no place for \(what); it was left out for rule(s) \(rules.joined(separator: ", "))"))
        }
        let data = try writer.finish()
        if validate {
            diagnostics += OutputValidation.check(data, against: .gala, file: file)
        }
        return XMLOutput(data: data, diagnostics: diagnostics)
    }

    private static func writeRow(
        _ rule: Rule, calendar: RetentionCalendar, transaction: RuleTransaction, to writer: XMLTextWriter
    ) throws(XMLWriteError) {
        try writer.start(GALAElements.row)
        try writer.element("ID_ORGANISME", calendar.banqOrganisationID.nonBlank ?? "")
        if let request = rule.galaRequestNumber.nonBlank { try writer.element("NUMDEMANDE", request) }
        try writer.element("NUMREGLE", rule.number)
        try writer.element("TYPE_TRANS", transaction.rawValue)
        if let recueil = rule.recueil.nonBlank { try writer.element("RECUEIL", recueil) }
        try writer.element("TITRESER", rule.title)
        if !rule.legalReferences.isEmpty { try writer.element("REFLEGALE", rule.legalReferences.joined(separator: "\n")) }
        if let number = rule.recueilRuleNumber.nonBlank { try writer.element("NO_RECUEIL", number) }
        if !rule.processes.isEmpty { try writer.element("PROCACTIVI", ListCell.join(rule.processes)) }
        if !rule.classificationCodes.isEmpty { try writer.element("CODECLASS", ListCell.join(rule.classificationCodes)) }
        try writer.element("NOMUNITE", rule.holderUnit.nonBlank ?? "")
        try writer.element("DESCSERIE", rule.description)
        try writer.element("TYPESDOC", ListCell.join(rule.documentTypes))
        if let value = rule.essentialDocuments { try writer.element("DOCUMESSEN", YesNo.code(value)) }
        if let value = rule.confidentialDocuments { try writer.element("DOCUMCONFI", YesNo.code(value)) }
        if !rule.remarks.isEmpty { try writer.element("REMARQDELA", RemarkText.format(rule.remarks)) }
        if let general = rule.generalRemark.nonBlank { try writer.element("REMARQGEN", general) }
        if let value = rule.galaGrilleChan { try writer.element("GRILLECHAN", YesNo.code(value)) }
        try writer.start(GALAElements.delai)
        try writeCopy(rule.principal, kind: .principal, number: rule.number, to: writer)
        try writeCopy(rule.secondaire, kind: .secondaire, number: rule.number, to: writer)
        try writer.end()
        try writer.end()
    }

    private static func writeCopy(_ copy: CopyRule?, kind: CopyKind, number: String, to writer: XMLTextWriter) throws(XMLWriteError) {
        let copy = copy ?? CopyRule(kind: kind)
        try writer.start(GALAElements.delaiRow)
        try writer.element("NUMREGLE", number)
        try writer.element("TYPEDOSS", kind.galaCode)
        try writer.element("SUPPDOSS", copy.supports.isEmpty ? "-" : copy.supports.map(\.code).joined(separator: ", "))
        if let id = copy.supportsRemark { try writer.element("REM_SUPPDOSS", id.description) }
        try writer.element("PERIOACTIF", copy.active.galaCode)
        if let id = copy.activeRemark { try writer.element("REM_PERIOACTIF", id.description) }
        try writer.element("PERIOSMACT", copy.semiActive.galaCode)
        if let id = copy.semiActiveRemark { try writer.element("REM_PERIOSMACT", id.description) }
        try writer.element("ID_REF_DISPOSITION", copy.disposition?.rawValue ?? "-")
        if let id = copy.dispositionRemark { try writer.element("REM_DISPOINACT", id.description) }
        try writer.end()
    }
}

/// Checks a written document against its schema, so a writer never hands out an invalid file
/// without saying so.
enum OutputValidation {
    static func check(_ data: Data, against schema: SchemaFile, file: String) -> [Diagnostic] {
        let limits = XMLLimits(maximumBytes: Int(Int32.max), maximumDepth: XMLLimits.defaultMaximumDepth)
        let parsed = SafeXMLParser.parse(data, file: file, limits: limits)
        var found = parsed.diagnostics.errors
        if let document = parsed.document {
            let context = schema == .gala ? GALAElements.errorContext : NativeElements.errorContext
            found += SchemaValidator.validate(document, against: schema, file: file, context: context).diagnostics.errors
        }
        return found.map { diagnostic in
            var copy = diagnostic
            copy.message = "the written file does not satisfy \(schema.rawValue).xsd: \(diagnostic.message)"
            return copy
        }
    }
}
