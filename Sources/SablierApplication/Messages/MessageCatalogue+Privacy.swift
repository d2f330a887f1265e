import SablierCore

extension MessageCatalogue {
    static let privacy: [Refusal.Code: Entry] = [
        .publicIdentifierExists: Entry(
            fr: "« {value} » ({kind}) figure déjà parmi les identifiants publics",
            en: "'{value}' ({kind}) is already declared public",
            words: ["kind": publicKindNames]),
        .publicIdentifierNotFound: Entry(
            fr: "« {value} » ({kind}) ne figure pas parmi les identifiants publics",
            en: "'{value}' ({kind}) is not declared public",
            words: ["kind": publicKindNames]),
        .invalidPublicIdentifier: Entry(
            fr: "« {value} » n'est pas un identifiant public valide : {kind}",
            en: "'{value}' is not a valid public identifier: {kind}",
            words: ["kind": [
                "phone": Entry(fr: "un téléphone a dix chiffres, indicatif régional compris (819 555-0100)",
                               en: "a telephone number has ten digits, area code included (819 555-0100)"),
                "email-domain": Entry(fr: "un domaine de courriel s'écrit sans @ ni espace (css.example.qc.ca)",
                                      en: "an e-mail domain has no @ and no space (css.example.qc.ca)"),
                "email": Entry(fr: "un courriel s'écrit nom@domaine, sans espace (accueil@css.example.qc.ca)",
                               en: "an e-mail address is name@domain, without spaces (accueil@css.example.qc.ca)"),
                "postal-code": Entry(fr: "un code postal s'écrit A9A 9A9 (J1H 2K3)", en: "a postal code is A9A 9A9 (J1H 2K3)"),
                "address": Entry(fr: "une adresse est une adresse civique (1200, boulevard Industriel) ou une case postale (C.P. 123)",
                                 en: "an address is a street address (1200, boulevard Industriel) or a post office box (P.O. Box 123)"),
            ]]),
        .scanNotFound: Entry(
            fr: "aucune analyse du contenu {sha256}",
            en: "no scan of content {sha256}"),
        .nothingToReview: Entry(
            fr: "le document {reference} n'a rien à examiner : ni sa règle ni son contenu ne le signalent",
            en: "document {reference} has nothing to review: neither its rule nor its content flags it"),
        .nothingToReviewUnscanned: Entry(
            fr: "le document {reference} n'a rien à examiner : sa règle ne le signale pas et son fichier n'a jamais été analysé : analysez-le d'abord",
            en: "document {reference} has nothing to review: its rule does not flag it and it was never scanned: scan it first"),
        .noMeasure: Entry(
            fr: "la règle {rule} ne prévoit aucune mesure à la fin de la conservation : précisez détruire ou anonymiser",
            en: "rule {rule} names no measure for the end of retention: give detruire or anonymiser"),
        .measureOnDismissal: Entry(
            fr: "un rejet ne prend pas de mesure : le document ne contient pas de renseignements personnels",
            en: "a dismissal takes no measure: the document holds no personal information"),
        .measureWithoutPersonalInformation: Entry(
            fr: "une mesure ne s'applique qu'à une règle dont les documents contiennent des renseignements personnels (règle {rule})",
            en: "a measure applies only to a rule whose documents hold personal information (rule {rule})"),
        .suggestionThreshold: Entry(
            fr: "--{option} : le seuil doit être un nombre entier d'au moins {minimum} (« {value} ») : plus bas, les renseignements d'une personne sont proposés comme ceux de l'en-tête",
            en: "--{option}: the threshold must be a whole number of at least {minimum} ('{value}'): any lower and a person's information is proposed as the letterhead's"),
        .publicRescanFileMissing: Entry(
            fr: "le document {reference} n'a pas été analysé de nouveau : son fichier {path} est introuvable",
            en: "document {reference} was not scanned again: its file {path} is missing"),
        .publicRescanFailed: Entry(
            fr: "le document {reference} n'a pas été analysé de nouveau : {detail}",
            en: "document {reference} was not scanned again: {detail}"),
        .anonymizeNotRequired: Entry(
            fr: "le document {reference} n'est pas confirmé avec la mesure anonymiser (mesure : {measure}) : aucune copie anonymisée n'en tient lieu",
            en: "document {reference} is not confirmed with the measure anonymiser (measure: {measure}): no anonymised copy stands for it",
            // `-`: the AIPRP officer has not confirmed the document at all, so it has no measure yet.
            words: ["measure": [
                "-": Entry(fr: "aucune, l'AIPRP ne l'a pas confirmé", en: "none, the AIPRP officer has not confirmed it"),
                "detruire": Entry(fr: "détruire", en: "destroy"),
            ]]),
        .anonymizePaper: Entry(
            fr: "le document {reference} est sur papier : Sablier ne peut pas lire son texte pour en faire une copie anonymisée",
            en: "document {reference} is on paper: Sablier cannot read its text to make an anonymised copy"),
        .anonymizedCopyExists: Entry(
            fr: "le document {reference} a déjà une copie anonymisée : {copy}",
            en: "document {reference} already has an anonymised copy: {copy}"),
        .anonymizeRuleNotInForce: Entry(
            fr: "la règle {rule} n'est pas une règle du calendrier de conservation en vigueur : la copie anonymisée doit relever d'une règle en vigueur",
            en: "rule {rule} is not a rule of the retention calendar in force: the anonymised copy must fall under a rule in force"),
        .anonymizeUnknownHolder: Entry(
            fr: "l'unité {holder} n'est le détenteur d'aucun document ni l'unité d'aucun utilisateur : indiquez une unité connue",
            en: "unit {holder} holds no document and is no user's unit: give a known unit"),
        .anonymizeReferenceTaken: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : la cote {copy} est déjà celle d'un document ; indiquez-en une autre (--reference) ou laissez Sablier choisir ANON-N",
            en: "no anonymised copy of document {reference} was made: reference {copy} is already a document's; give another (--reference) or let Sablier choose ANON-N"),
        .anonymizeReferenceUnfit: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : la cote « {copy} » ne peut pas nommer le fichier de la copie (barre oblique ou point initial) ; indiquez-en une autre",
            en: "no anonymised copy of document {reference} was made: reference '{copy}' cannot name the copy's file (a slash or a leading dot); give another"),
        .anonymizeSourceMissing: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : son fichier enregistré a disparu",
            en: "no anonymised copy of document {reference} was made: its registered file is gone"),
        .anonymizeSourceChanged: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : son fichier n'est plus celui qui a été enregistré (SHA-256 différent)",
            en: "no anonymised copy of document {reference} was made: its file is no longer the one registered (SHA-256 differs)"),
        .anonymizeSourceUnreadable: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : son fichier ou son texte ne peut pas être lu",
            en: "no anonymised copy of document {reference} was made: its file or its text cannot be read"),
        .anonymizeTargetExists: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : le fichier {path} existe déjà, n'est celui d'aucun document enregistré et n'est pas cette copie ; Sablier ne le remplace jamais : déplacez-le ou indiquez une autre cote (--reference)",
            en: "no anonymised copy of document {reference} was made: file {path} already exists, is no registered document's and is not this copy; Sablier never replaces it: move it or give another reference (--reference)"),
        .anonymizeTargetOutsideRoots: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : {path} serait hors des dossiers que le registre peut lire",
            en: "no anonymised copy of document {reference} was made: {path} would be outside the folders the register may read"),
        .anonymizeTargetUnwritable: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : le fichier {path} ne peut pas être écrit (dossier absent, espace ou permission manquant)",
            en: "no anonymised copy of document {reference} was made: file {path} cannot be written (folder gone, no room or no permission)"),
        .noAnonymizedCopy: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite",
            en: "no anonymised copy of document {reference} was made"),
        .anonymizedCopyMissing: Entry(
            fr: "la copie anonymisée {copy} du document {reference} ne peut pas être approuvée : son fichier {path} a disparu ou ne peut pas être lu",
            en: "anonymised copy {copy} of document {reference} cannot be signed off: its file {path} is gone or cannot be read"),
        .anonymizedCopySigned: Entry(
            fr: "la copie anonymisée {copy} du document {reference} est déjà approuvée par {by}",
            en: "anonymised copy {copy} of document {reference} is already signed off by {by}"),
    ]

    /// The kinds of public identifier in the reader's words, for the refusals that name one
    /// (`kind` carries the code: phone, email-domain, email, postal-code, address).
    static let publicKindNames: [String: Entry] = [
        "phone": Entry(fr: "téléphone", en: "telephone number"),
        "email-domain": Entry(fr: "domaine de courriel", en: "e-mail domain"),
        "email": Entry(fr: "courriel", en: "e-mail address"),
        "postal-code": Entry(fr: "code postal", en: "postal code"),
        "address": Entry(fr: "adresse", en: "address"),
    ]
}
