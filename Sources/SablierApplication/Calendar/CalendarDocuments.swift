public import Foundation
public import SablierCore
public import SablierStore

// The JSON shapes of the calendar use cases: the stable, documented output (see the README),
// decoupled from the domain types so the model can evolve without breaking scripts.

/// A stored version: each element of `calendar versions`.
public struct CalendarVersionEntry: Sendable, Hashable, Codable {
    public var version: Int
    public var importedAt: Date
    public var importedBy: String
    public var sourceFile: String
    /// `gala`, `native` or `spreadsheet`.
    public var sourceFormat: String
    public var sourceSHA256: String
    public var ruleCount: Int
    public var warningCount: Int
    public var organisation: String?
    public var versionLabel: String?

    public init(_ info: CalendarVersionInfo) {
        version = info.number
        importedAt = info.importedAt
        importedBy = info.importedBy
        sourceFile = info.sourceFile
        sourceFormat = info.sourceFormat.rawValue
        sourceSHA256 = info.sourceSHA256
        ruleCount = info.ruleCount
        warningCount = info.warningCount
        organisation = info.organisation
        versionLabel = info.versionLabel
    }
}

/// A period: `code` as GALA writes it, `kind` in words, `years` when fixed.
public struct CalendarPeriod: Sendable, Hashable, Codable {
    public var code: String
    /// `none`, `years`, `open` (888) or `untilReplaced` (999).
    public var kind: String
    public var years: Int?
    public var remark: String?
    public var event: String?

    public init(_ period: RetentionPeriod, remark: RemarkID?, event: String?) {
        code = period.galaCode
        switch period {
        case .none: kind = "none"
        case .years(let n): kind = "years"; years = n
        case .open: kind = "open"
        case .untilReplaced: kind = "untilReplaced"
        }
        self.remark = remark?.description
        self.event = event
    }
}

/// A copy of a rule (exemplaire principal or secondaire).
public struct CalendarCopy: Sendable, Hashable, Codable {
    public var copy: String
    public var supports: [String]
    public var supportsRemark: String?
    public var active: CalendarPeriod
    public var semiActive: CalendarPeriod
    public var disposition: String?
    public var dispositionRemark: String?

    public init(_ copy: CopyRule) {
        self.copy = copy.kind.rawValue
        supports = copy.supports.map(\.code)
        supportsRemark = copy.supportsRemark?.description
        active = CalendarPeriod(copy.active, remark: copy.activeRemark, event: copy.activeEvent)
        semiActive = CalendarPeriod(copy.semiActive, remark: copy.semiActiveRemark, event: copy.semiActiveEvent)
        disposition = copy.disposition?.rawValue
        dispositionRemark = copy.dispositionRemark?.description
    }

    /// `active / semi-active / disposition`, as the rule listing shows it.
    public var periods: String {
        "\(active.code) / \(semiActive.code) / \(disposition ?? "-")"
    }
}

/// A remark of a rule.
public struct CalendarRemark: Sendable, Hashable, Codable {
    public var id: String
    public var text: String
}

/// A whole rule: `calendar show`, and each rule of `calendar list`.
public struct CalendarRule: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
    public var description: String
    public var documentTypes: [String]
    public var processes: [String]
    public var classificationCodes: [String]
    public var holderUnit: String?
    public var legalReferences: [String]
    public var recueil: String?
    public var recueilRuleNumber: String?
    public var essentialDocuments: Bool?
    public var confidentialDocuments: Bool?
    public var personalInformation: Bool?
    public var personalInformationMeasure: String?
    public var countStart: String
    public var countStartEvent: String?
    public var principal: CalendarCopy
    public var secondaire: CalendarCopy?
    public var remarks: [CalendarRemark]
    public var generalRemark: String?

    public init(_ rule: Rule) {
        self.rule = rule.number
        title = rule.title
        description = rule.description
        documentTypes = rule.documentTypes
        processes = rule.processes
        classificationCodes = rule.classificationCodes
        holderUnit = rule.holderUnit
        legalReferences = rule.legalReferences
        recueil = rule.recueil
        recueilRuleNumber = rule.recueilRuleNumber
        essentialDocuments = rule.essentialDocuments
        confidentialDocuments = rule.confidentialDocuments
        personalInformation = rule.personalInformation?.present
        personalInformationMeasure = rule.personalInformation?.measure?.rawValue
        countStart = rule.countStart.code
        if case .event(let name) = rule.countStart { countStartEvent = name }
        principal = CalendarCopy(rule.principal)
        secondaire = rule.secondaire.map(CalendarCopy.init)
        remarks = rule.remarks.map { CalendarRemark(id: $0.id.description, text: $0.text) }
        generalRemark = rule.generalRemark
    }
}

/// `calendar list`: the version listed and its rules.
public struct CalendarRuleList: Sendable, Hashable, Codable {
    public var version: Int
    public var organisation: String?
    /// `MM-DD`.
    public var yearEnd: String
    public var rules: [CalendarRule]
}

/// `calendar show`: one rule of a version. Its JSON is `rule` alone; `fields` is the same rule
/// laid out field by field, as the table shows it and `calendar diff` compares it.
public struct ShownRule: Sendable, Hashable, Codable {
    public var version: Int
    public var rule: CalendarRule
    public var fields: [RuleField]
}

/// A rule named in a comparison.
public struct CalendarRuleRef: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
}

/// One field that differs between two versions.
public struct CalendarFieldChange: Sendable, Hashable, Codable {
    /// A stable key such as `principal.semiActive` or `remarks.R2`.
    public var field: String
    public var label: String
    public var old: String
    public var new: String

    init(_ change: CalendarDiff.FieldChange) {
        field = change.key
        label = change.label
        old = change.old
        new = change.new
    }
}

/// A rule changed between two versions, field by field.
public struct CalendarChangedRule: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
    public var changes: [CalendarFieldChange]
}

/// `calendar diff`.
public struct CalendarComparison: Sendable, Hashable, Codable {
    public var from: Int
    public var to: Int
    public var added: [CalendarRuleRef]
    public var changed: [CalendarChangedRule]
    public var retired: [CalendarRuleRef]
    public var settings: [CalendarFieldChange]

    init(from: Int, to: Int, diff: CalendarDiff) {
        self.from = from
        self.to = to
        added = diff.added.map { CalendarRuleRef(rule: $0.number, title: $0.title) }
        changed = diff.changed.map { CalendarChangedRule(rule: $0.number, title: $0.title, changes: $0.changes.map(CalendarFieldChange.init)) }
        retired = diff.retired.map { CalendarRuleRef(rule: $0.number, title: $0.title) }
        settings = diff.settings.map(CalendarFieldChange.init)
    }
}
