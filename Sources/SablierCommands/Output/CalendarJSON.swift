import Foundation
import SablierCore
import SablierStore

/// The JSON shapes of the calendar commands. They are the stable, documented output (see the
/// README), decoupled from the domain types so the model can evolve without breaking scripts.
enum CalendarJSON {
    /// A stored version (`calendar versions`).
    struct Version: Encodable {
        var version: Int
        var importedAt: Date
        var importedBy: String
        var sourceFile: String
        var sourceFormat: String
        var sourceSHA256: String
        var ruleCount: Int
        var warningCount: Int
        var organisation: String?
        var versionLabel: String?

        init(_ info: CalendarVersionInfo) {
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
    struct Period: Encodable {
        var code: String
        var kind: String
        var years: Int?
        var remark: String?
        var event: String?

        init(_ period: RetentionPeriod, remark: RemarkID?, event: String?) {
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

    struct Copy: Encodable {
        var copy: String
        var supports: [String]
        var supportsRemark: String?
        var active: Period
        var semiActive: Period
        var disposition: String?
        var dispositionRemark: String?

        init(_ copy: CopyRule) {
            self.copy = copy.kind.rawValue
            supports = copy.supports.map(\.code)
            supportsRemark = copy.supportsRemark?.description
            active = Period(copy.active, remark: copy.activeRemark, event: copy.activeEvent)
            semiActive = Period(copy.semiActive, remark: copy.semiActiveRemark, event: copy.semiActiveEvent)
            disposition = copy.disposition?.rawValue
            dispositionRemark = copy.dispositionRemark?.description
        }
    }

    struct RemarkEntry: Encodable {
        var id: String
        var text: String
    }

    /// A whole rule (`calendar show`, and each row of `calendar list`).
    struct RuleDocument: Encodable {
        var rule: String
        var title: String
        var description: String
        var documentTypes: [String]
        var processes: [String]
        var classificationCodes: [String]
        var holderUnit: String?
        var legalReferences: [String]
        var recueil: String?
        var recueilRuleNumber: String?
        var essentialDocuments: Bool?
        var confidentialDocuments: Bool?
        var personalInformation: Bool?
        var personalInformationMeasure: String?
        var countStart: String
        var countStartEvent: String?
        var principal: Copy
        var secondaire: Copy?
        var remarks: [RemarkEntry]
        var generalRemark: String?

        init(_ rule: Rule) {
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
            principal = Copy(rule.principal)
            secondaire = rule.secondaire.map(Copy.init)
            remarks = rule.remarks.map { RemarkEntry(id: $0.id.description, text: $0.text) }
            generalRemark = rule.generalRemark
        }
    }

    /// `calendar list`: the version listed and its rules.
    struct RuleList: Encodable {
        var version: Int
        var organisation: String?
        var yearEnd: String
        var rules: [RuleDocument]
    }

    struct RuleRef: Encodable {
        var rule: String
        var title: String
    }

    struct Change: Encodable {
        var field: String
        var label: String
        var old: String
        var new: String

        init(_ change: CalendarDiff.FieldChange) {
            field = change.key
            label = change.label
            old = change.old
            new = change.new
        }
    }

    struct ChangedRule: Encodable {
        var rule: String
        var title: String
        var changes: [Change]
    }

    /// `calendar diff`.
    struct Diff: Encodable {
        var from: Int
        var to: Int
        var added: [RuleRef]
        var changed: [ChangedRule]
        var retired: [RuleRef]
        var settings: [Change]

        init(from: Int, to: Int, diff: CalendarDiff) {
            self.from = from
            self.to = to
            added = diff.added.map { RuleRef(rule: $0.number, title: $0.title) }
            changed = diff.changed.map { ChangedRule(rule: $0.number, title: $0.title, changes: $0.changes.map(Change.init)) }
            retired = diff.retired.map { RuleRef(rule: $0.number, title: $0.title) }
            settings = diff.settings.map(Change.init)
        }
    }
}
