/// A conservation rule (règle de conservation): one series of documents, its copies and their
/// periods, as approved by BAnQ.
///
/// Fields follow the GALA exchange format and Regulation, r. 2, art. 2; the fields GALA
/// lacks (personal information, count start) are Sablier's additions from the native format.
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    /// Rule number (numéro de règle, GALA `NUMREGLE`): `01110`, `01740a`, `101.01`.
    public var number: String
    public var id: String { number }
    /// Series title (titre de la série, `TITRESER`).
    public var title: String
    /// Description of the series (`DESCSERIE`).
    public var description: String
    /// Document types (types de documents, `TYPESDOC`).
    public var documentTypes: [String]
    /// Processes or activities (`PROCACTIVI`).
    public var processes: [String]
    /// Classification-plan codes (`CODECLASS`): a rule may have several, and a code may serve several rules.
    public var classificationCodes: [String]
    /// Unit holding the principal copy (unité détentrice, `NOMUNITE`).
    public var holderUnit: String?
    /// Legal references, free text (`REFLEGALE`).
    public var legalReferences: [String]
    /// Common recueil the rule comes from (`RECUEIL`, e.g. `MUN-2014`) and its number there (`NO_RECUEIL`).
    public var recueil: String?
    public var recueilRuleNumber: String?
    /// Documents essentiels (`DOCUMESSEN`); nil when the calendar does not say.
    public var essentialDocuments: Bool?
    /// Documents confidentiels (`DOCUMCONFI`); nil when the calendar does not say.
    public var confidentialDocuments: Bool?
    /// Renseignements personnels: whether the series holds personal information, and what the
    /// Access Act (s. 73) requires at the end. Not in GALA; nil when the calendar does not say.
    public var personalInformation: PersonalInformation?
    /// The date that starts the count.
    public var countStart: CountStart
    /// The copies: the principal always, the secondary when the rule has one.
    public var principal: CopyRule
    public var secondaire: CopyRule?
    /// Numbered remarks (`REMARQDELA`).
    public var remarks: [Remark]
    /// General remark (`REMARQGEN`).
    public var generalRemark: String?
    /// GALA request number (`NUMDEMANDE`), when the file carries one.
    public var galaRequestNumber: String?
    /// GALA `GRILLECHAN` (meaning not published by BAnQ), kept as received.
    public var galaGrilleChan: Bool?

    public init(
        number: String,
        title: String,
        description: String = "",
        documentTypes: [String] = [],
        processes: [String] = [],
        classificationCodes: [String] = [],
        holderUnit: String? = nil,
        legalReferences: [String] = [],
        recueil: String? = nil,
        recueilRuleNumber: String? = nil,
        essentialDocuments: Bool? = nil,
        confidentialDocuments: Bool? = nil,
        personalInformation: PersonalInformation? = nil,
        countStart: CountStart = .closingDate,
        principal: CopyRule,
        secondaire: CopyRule? = nil,
        remarks: [Remark] = [],
        generalRemark: String? = nil,
        galaRequestNumber: String? = nil,
        galaGrilleChan: Bool? = nil
    ) {
        self.number = number
        self.title = title
        self.description = description
        self.documentTypes = documentTypes
        self.processes = processes
        self.classificationCodes = classificationCodes
        self.holderUnit = holderUnit
        self.legalReferences = legalReferences
        self.recueil = recueil
        self.recueilRuleNumber = recueilRuleNumber
        self.essentialDocuments = essentialDocuments
        self.confidentialDocuments = confidentialDocuments
        self.personalInformation = personalInformation
        self.countStart = countStart
        self.principal = principal
        self.secondaire = secondaire
        self.remarks = remarks
        self.generalRemark = generalRemark
        self.galaRequestNumber = galaRequestNumber
        self.galaGrilleChan = galaGrilleChan
    }

    /// The copies present, principal first.
    public var copies: [CopyRule] {
        [principal] + (secondaire.map { [$0] } ?? [])
    }

    /// The copy of the given kind, if the rule has it.
    public func copy(_ kind: CopyKind) -> CopyRule? {
        kind == .principal ? principal : secondaire
    }

    /// The text of a remark, if the rule defines it.
    public func remark(_ id: RemarkID) -> Remark? {
        remarks.first { $0.id == id }
    }
}

/// Whether a series holds personal information (renseignements personnels) and the measure the
/// Access Act, s. 73, requires once its purpose is served.
public struct PersonalInformation: Sendable, Hashable, Codable {
    public var present: Bool
    /// Nil when the calendar flags the series but does not choose the measure.
    public var measure: PersonalInformationMeasure?

    public init(present: Bool, measure: PersonalInformationMeasure? = nil) {
        self.present = present
        self.measure = measure
    }
}

/// What to do with personal information at the end of retention (Access Act, s. 73).
public enum PersonalInformationMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    case detruire
    case anonymiser
}

/// The date that starts the count of a rule's periods (déclencheur).
public enum CountStart: Sendable, Hashable, Codable {
    /// The dossier's closing date (date de fermeture), the usual start.
    case closingDate
    /// The dossier's opening date (date d'ouverture).
    case openingDate
    /// A named event recorded on the dossier (départ de l'élève, fin d'emploi, …).
    case event(String)

    /// The native format's code: `dateFermeture`, `dateOuverture` or `evenement`.
    public var code: String {
        switch self {
        case .closingDate: return "dateFermeture"
        case .openingDate: return "dateOuverture"
        case .event: return "evenement"
        }
    }

    public var label: String {
        switch self {
        case .closingDate: return "date de fermeture"
        case .openingDate: return "date d'ouverture"
        case .event(let name): return "événement : \(name)"
        }
    }
}
