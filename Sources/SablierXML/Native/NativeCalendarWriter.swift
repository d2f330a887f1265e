internal import Foundation
public import SablierCore
internal import SablierSchemas

/// Writes a calendar in Sablier's native format (`calendrier.xsd`), rules in calendar order.
///
/// The output is validated against `calendrier.xsd` unless asked not to, and any error (a
/// secondary copy that is not destroyed, a year count of 888…) is returned with the bytes.
public enum NativeCalendarWriter {
    /// The calendar as native XML.
    ///
    /// - Parameters:
    ///   - transaction: the `typeTransaction` of each rule; nil (a whole calendar) by default.
    ///   - file: the name diagnostics give the output.
    ///   - validate: whether to check the output against `calendrier.xsd`.
    public static func write(
        _ calendar: RetentionCalendar,
        transaction: (Rule) -> RuleTransaction? = { _ in nil },
        file: String = "calendrier.xml",
        validate: Bool = true
    ) throws(XMLWriteError) -> XMLOutput {
        let writer = try XMLTextWriter()
        var diagnostics: [Diagnostic] = []
        let location = SourceLocation(file: file, line: 0)
        try writer.startDocument()
        try writer.start(NativeElements.root)
        try writer.attribute("xmlns", CalendarXMLFlavor.nativeNamespace)
        try writer.attribute("organisme", calendar.organisation.nonBlank)
        try writer.attribute("idOrganismeBAnQ", calendar.banqOrganisationID.nonBlank)
        try writer.attribute("version", calendar.versionLabel.nonBlank)
        try writer.attribute("dateAdoption", calendar.adoptedOn?.description)
        try writer.attribute("dateApprobationBAnQ", calendar.approvedOn?.description)
        try writer.attribute("finAnnee", calendar.yearEnd.description)
        for rule in calendar.rules {
            let dropped = writer.droppedCharacters
            try writeRule(rule, transaction: transaction(rule), to: writer)
            for copy in rule.copies {
                for (field, period, event) in [
                    (CopyField.active, copy.active, copy.activeEvent), (.semiActive, copy.semiActive, copy.semiActiveEvent),
                ] where event != nil && period != .open {
                    diagnostics.append(.warning(
                        at: location,
                        "rule \(rule.number), \(copy.kind.rawValue) copy: the event '\(event ?? "")' of the \(field.label) is kept only with an open (888) period; it was left out",
                        rule: rule.number, field: NativeElements.fieldElement(field)))
                }
            }
            if writer.droppedCharacters > dropped {
                diagnostics.append(.warning(
                    at: location,
                    "rule \(rule.number): \(writer.droppedCharacters - dropped) control character(s) XML cannot carry were left out",
                    rule: rule.number))
            }
        }
        try writer.end()
        let data = try writer.finish()
        if validate {
            diagnostics += OutputValidation.check(data, against: .calendrier, file: file)
        }
        return XMLOutput(data: data, diagnostics: diagnostics)
    }

    private static func writeRule(_ rule: Rule, transaction: RuleTransaction?, to writer: XMLTextWriter) throws(XMLWriteError) {
        try writer.start(NativeElements.rule)
        try writer.attribute("numero", rule.number)
        try writer.attribute("recueil", rule.recueil.nonBlank)
        try writer.attribute("numeroRecueil", rule.recueilRuleNumber.nonBlank)
        try writer.attribute("typeTransaction", transaction?.rawValue)
        try writer.element("titre", rule.title)
        try writer.element("description", rule.description)
        let types = nonBlank(rule.documentTypes)
        if !types.isEmpty {
            try writer.start("typesDocuments")
            for type in types { try writer.element("type", type) }
            try writer.end()
        }
        for process in nonBlank(rule.processes) { try writer.element("processus", process) }
        for code in nonBlank(rule.classificationCodes) { try writer.element("codeClassification", code) }
        if let unit = rule.holderUnit.nonBlank { try writer.element("uniteDetentrice", unit) }
        for reference in nonBlank(rule.legalReferences) { try writer.element("referenceLegale", reference) }
        if let value = rule.essentialDocuments { try writer.element("documentsEssentiels", boolean(value)) }
        if let value = rule.confidentialDocuments { try writer.element("documentsConfidentiels", boolean(value)) }
        if let info = rule.personalInformation {
            try writer.start("renseignementsPersonnels")
            try writer.attribute("mesure", info.measure?.rawValue)
            try writer.text(boolean(info.present))
            try writer.end()
        }
        switch rule.countStart {
        case .closingDate:
            break
        case .openingDate:
            try writer.start("declencheur")
            try writer.attribute("type", rule.countStart.code)
            try writer.end()
        case .event(let name):
            try writer.start("declencheur")
            try writer.attribute("type", rule.countStart.code)
            try writer.attribute("evenement", name.trimmingSpaces().isEmpty ? nil : name)
            try writer.end()
        }
        try writeCopy(rule.principal, as: NativeElements.principal, to: writer)
        if let copy = rule.secondaire { try writeCopy(copy, as: NativeElements.secondaire, to: writer) }
        for remark in rule.remarks {
            try writer.start("remarque")
            try writer.attribute("id", remark.id.description)
            try writer.text(remark.text)
            try writer.end()
        }
        if let general = rule.generalRemark.nonBlank { try writer.element("remarqueGenerale", general) }
        if let request = rule.galaRequestNumber.nonBlank { try writer.element("numeroDemandeGALA", request) }
        if let value = rule.galaGrilleChan { try writer.element("grilleChangementGALA", boolean(value)) }
        try writer.end()
    }

    private static func writeCopy(_ copy: CopyRule, as name: String, to writer: XMLTextWriter) throws(XMLWriteError) {
        try writer.start(name)
        if !copy.supports.isEmpty || copy.supportsRemark != nil {
            try writer.start("supports")
            try writer.attribute("remarque", copy.supportsRemark?.description)
            for support in copy.supports {
                try writer.start("support")
                try writer.attribute("code", support.code)
                try writer.end()
            }
            try writer.end()
        }
        try writePeriod("actif", copy.active, remark: copy.activeRemark, event: copy.activeEvent, to: writer)
        try writePeriod("semiActif", copy.semiActive, remark: copy.semiActiveRemark, event: copy.semiActiveEvent, to: writer)
        if let disposition = copy.disposition {
            try writer.start("disposition")
            try writer.attribute("code", disposition.rawValue)
            try writer.attribute("remarque", copy.dispositionRemark?.description)
            try writer.end()
        }
        try writer.end()
    }

    private static func writePeriod(
        _ name: String, _ period: RetentionPeriod, remark: RemarkID?, event: String?, to writer: XMLTextWriter
    ) throws(XMLWriteError) {
        try writer.start(name)
        try writer.attribute("remarque", remark?.description)
        switch period {
        case .none:
            try writer.emptyElement("aucun")
        case .years(let years):
            try writer.element("annees", String(years))
        case .open:
            try writer.start("ouvert")
            try writer.attribute("evenement", event.nonBlank)
            try writer.end()
        case .untilReplaced:
            try writer.emptyElement("jusquaRemplacement")
        }
        try writer.end()
    }

    private static func boolean(_ value: Bool) -> String { value ? "true" : "false" }

    private static func nonBlank(_ items: [String]) -> [String] {
        items.filter { !$0.trimmingSpaces().isEmpty }
    }
}
