public import SablierCore

/// Every diagnostic's sentence in French and in English, by code.
///
/// A diagnostic is written where the problem is found, in English, for the command line; a page
/// writes it from its code and values instead, so that a French page does not show an English
/// sentence next to its line. The English template is the code's own (`DiagnosticCode.english`),
/// so the page and the command line say the same thing; a diagnostic without a code (libxml2's
/// parser and schema messages) is shown as it was written.
extension MessageCatalogue {
    /// The diagnostic's sentence in `language`, its values written in; its own `message` when it
    /// has no code, or a code this catalogue does not know.
    public static func message(_ diagnostic: Diagnostic, in language: Language) -> String {
        guard let raw = diagnostic.code, let (code, french) = diagnosticsByCode[raw] else { return diagnostic.message }
        return text(code, french: french, diagnostic.values ?? [:], in: language)
    }

    /// Each code and its French template, by the code's text: a diagnostic carries the text.
    private static let diagnosticsByCode: [String: (DiagnosticCode, String)] =
        Dictionary(uniqueKeysWithValues: diagnosticFrench.map { ($0.key.rawValue, ($0.key, $0.value)) })

    /// Both templates of every code: a test holds this to `DiagnosticCode.all`.
    public static var diagnosticEntries: [String: Entry] {
        Dictionary(uniqueKeysWithValues: diagnosticFrench.map { ($0.key.rawValue, Entry(fr: $0.value, en: $0.key.english)) })
    }

    static func text(_ code: DiagnosticCode, french: String, _ values: [String: String], in language: Language) -> String {
        guard language == .fr else { return code.english(values) }
        return DiagnosticCode.fill(french, with: values) { value, modifier in
            switch modifier {
            case "or": DiagnosticCode.list(value, quote: ("« ", " »"), or: "ou")
            case "term": terms[value] ?? value
            default: value
            }
        }
    }

    /// The French of the words a `{name/term}` value holds, from the interface's vocabulary.
    static let terms: [String: String] = [
        "principal copy": "exemplaire principal",
        "secondary copy": "exemplaire secondaire",
        "supports (SUPPDOSS)": "supports (SUPPDOSS)",
        "active period (PERIOACTIF)": "période active (PERIOACTIF)",
        "semi-active period (PERIOSMACT)": "période semi-active (PERIOSMACT)",
        "disposition (ID_REF_DISPOSITION)": "disposition finale (ID_REF_DISPOSITION)",
    ]

    /// The French template of each code; the English one is the code's.
    static let diagnosticFrench: [DiagnosticCode: String] = {
        var all: [DiagnosticCode: String] = [:]
        for family in [registerDiagnostics, calendarDiagnostics, galaDiagnostics] {
            all.merge(family) { first, _ in first }
        }
        return all
    }()

    static let registerDiagnostics: [DiagnosticCode: String] = [
        .notADate: "« {value} » n'est pas une date AAAA-MM-JJ",
        .referenceEmpty: "la cote est vide",
        .titleEmpty: "le titre est vide",
        .holderEmpty: "l'unité détentrice est vide",
        .holderOutsideUnit: "{actor} inscrit les documents de sa propre unité ({unit}) seulement, pas ceux de {holder}",
        .ruleNotInForce: "la règle {rule} n'est pas dans le calendrier en vigueur (version {version})",
        .ruleEmpty: "la règle est vide",
        .notACopy: "« {value} » n'est pas un exemplaire : écrire principal (P) ou secondaire (S)",
        .copyEmpty: "l'exemplaire est vide : écrire principal (P) ou secondaire (S)",
        .noSecondaryCopy: "la règle {rule} n'a pas d'exemplaire secondaire",
        .unknownSupport: "le support {support} n'est prévu par aucune règle du calendrier en vigueur ({known})",
        .supportNotListed: "le support {support} n'est pas parmi ceux que la règle {rule} prévoit pour l'{copy/term} ({listed})",
        .supportEmpty: "le support est vide (PA papier, DM numérique, FI film, MI microfilm, …)",
        .closedBeforeOpened: "la date de fermeture {closed} précède la date d'ouverture {opened}",
        .pathThroughAPI: "le fichier d'un document numérique est inscrit par l'exploitant du serveur, en ligne de commande, là où se trouvent les fichiers de l'organisme",
        .boxNotRegistered: "la boîte {box} n'est pas inscrite ; inscrire d'abord la boîte",
        .eventWithoutDate: "l'événement « {event} » n'a pas de date (event_date)",
        .dateWithoutEvent: "une date d'événement (event_date) est donnée sans le nom de l'événement",
        .eventNotAwaited: "la règle {rule} attend {awaited/or}, pas « {event} »",
        .transferredBeforeOpened: "le transfert au semi-actif ({transferred}) précède la date d'ouverture {opened}",
        .notNameValue: "« {value} » n'est pas de la forme nom=valeur",
        .replacesItself: "un document ne peut pas se remplacer lui-même",
        .ownOriginal: "un document ne peut pas être son propre original",
        .repeatedInFile: "la cote {reference} figure déjà à la ligne {first}",
        .alreadyInRegister: "le document {reference} est déjà inscrit au registre",
    ]

    static let calendarDiagnostics: [DiagnosticCode: String] = [
        .ruleWithoutNumber: "une règle n'a pas de numéro",
        .ruleRepeated: "la règle {rule} figure deux fois (d'abord à la ligne {first}) ; un numéro de règle est unique",
        .ruleWithoutTitle: "la règle {rule} n'a pas de titre",
        .negativeYears: "règle {rule}, {copy/term}, {field/term} : un nombre entier d'années ≥ 0, 888 ou 999 est attendu",
        .unnamedCountEvent: "règle {rule} : le délai court à partir d'un événement, mais l'événement n'a pas de nom",
        .measureWithoutPersonalInformation:
            "la règle {rule} est marquée sans renseignements personnels mais nomme la mesure « {measure} » ; la mesure est conservée",
        .noDisposition: "règle {rule}, {copy/term} : aucune disposition finale (C, D ou T) n'est donnée",
        .secondaryNotDestroyed:
            "règle {rule}, exemplaire secondaire : sa disposition finale doit être D (destruction), pas {disposition} ({label}) ; seul l'exemplaire principal peut être conservé ou trié",
        .undefinedRemarkDropped:
            "règle {rule}, {copy/term}, {field/term} : la remarque {remark} n'est pas définie parmi les remarques de la règle ; le renvoi est retiré",
        .remarkFromOtherCopy:
            "règle {rule}, {copy/term}, {field/term} : {need} n'a pas de remarque ; l'{other/term} explique le même délai par {candidate}, qui est retenue",
        .undefinedRemarkFromOtherCopy:
            "règle {rule}, {copy/term}, {field/term} : {need} renvoie à {remark}, que la règle ne définit pas ; l'{other/term} explique le même délai par {candidate}, qui est retenue",
        .remarkUnreferenced:
            "règle {rule}, {copy/term}, {field/term} : {need} n'a pas de remarque ; {candidate} (« {text} ») est la seule remarque à laquelle aucun champ ne renvoie, et elle est retenue",
        .undefinedRemarkUnreferenced:
            "règle {rule}, {copy/term}, {field/term} : {need} renvoie à {remark}, que la règle ne définit pas ; {candidate} (« {text} ») est la seule remarque à laquelle aucun champ ne renvoie, et elle est retenue",
        .undefinedRemarkUnexplaining:
            "règle {rule}, {copy/term}, {field/term} : {need} renvoie à {remark}, que la règle ne définit pas ; {candidate} (« {text} ») est la seule remarque qui n'explique aucun délai ni aucune disposition, et elle est retenue",
        .remarkMissing: "règle {rule}, {copy/term}, {field/term} : {need} doit être expliqué par une remarque, mais n'en a aucune",
        .remarkUndefined:
            "règle {rule}, {copy/term}, {field/term} : {need} doit être expliqué par une remarque, mais renvoie à {remark}, que la règle ne définit pas",
    ]

    static let galaDiagnostics: [DiagnosticCode: String] = [
        .galaRowWithoutNumber: "un ROW n'a pas de numéro de règle (NUMREGLE)",
        .galaBadTransaction: "règle {rule} : TYPE_TRANS « {value} » n'est ni A, ni M, ni S",
        .galaRemarksPreamble:
            "règle {rule} : REMARQDELA commence par du texte avant sa première remarque numérotée ; il a été déplacé dans la remarque générale",
        .galaRemarksRepeated: "règle {rule} : REMARQDELA définit {remarks} plus d'une fois ; les textes ont été réunis sous la première",
        .galaNoPrincipalCopy: "la règle {rule} n'a pas d'exemplaire principal : aucun DELAI_ROW n'a TYPEDOSS P",
        .galaBlankSecondaryCopy:
            "règle {rule} : le DELAI_ROW de l'exemplaire secondaire ne contient que des valeurs vides ou « - » ; lu comme sans exemplaire secondaire",
        .galaOrganisationEmpty: "ID_ORGANISME est vide (règle {rule}) : le fichier ne donne pas le numéro BAnQ de l'organisme",
        .galaOrganisationDiffers: "règle {rule} : ID_ORGANISME vaut {id}, mais {known} à la ligne {line} ; {known} est conservé",
        .galaBadCopyKind: "règle {rule} : TYPEDOSS « {value} » n'est ni P ni S",
        .galaCopyNumberDiffers: "règle {rule}, {copy/term} : le NUMREGLE du DELAI_ROW est « {value} » ; le numéro du ROW, {rule}, est retenu",
        .galaBadPeriod:
            "règle {rule}, {copy/term} : {element} « {value} » n'est pas un délai (un nombre d'années d'au plus 4 chiffres, 888, 999, « - » ou vide)",
        .galaBadRemarkReference: "règle {rule}, {copy/term} : {element} « {value} » n'est pas un renvoi à une remarque (R1, R2, …)",
        .galaBadDisposition: "règle {rule}, {copy/term} : ID_REF_DISPOSITION « {value} » n'est ni C, ni D, ni T, ni « - »",
        .galaSecondCopy:
            "règle {rule} : un second DELAI_ROW avec TYPEDOSS {kind} (le premier est à la ligne {first}) ; une règle a un exemplaire principal et au plus un exemplaire secondaire",
    ]
}
