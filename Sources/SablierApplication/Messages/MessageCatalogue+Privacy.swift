import SablierCore

extension MessageCatalogue {
    static let privacy: [Refusal.Code: Entry] = [
        .publicIdentifierExists: Entry(
            fr: "{kind} {value} est déjà déclaré public",
            en: "{kind} {value} is already declared public"),
        .publicIdentifierNotFound: Entry(
            fr: "{kind} {value} n'est pas déclaré public",
            en: "{kind} {value} is not declared public"),
        .invalidPublicIdentifier: Entry(
            fr: "« {value} » n'est pas un identifiant public valide de type {kind} (phone, email-domain, email, postal-code ou address : une adresse civique ou une case postale)",
            en: "'{value}' is not a valid public identifier of kind {kind} (phone, email-domain, email, postal-code or address: a street address or post office box)"),
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
            fr: "{field} : le seuil doit être un nombre entier d'au moins 1 (« {value} »)",
            en: "{field}: the threshold must be a whole number of at least 1 ('{value}')"),
        .anonymizeNotRequired: Entry(
            fr: "le document {reference} n'est pas confirmé avec la mesure anonymiser (mesure : {measure}) : aucune copie anonymisée n'en tient lieu",
            en: "document {reference} is not confirmed with the measure anonymiser (measure: {measure}): no anonymised copy stands for it"),
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
        .anonymizeFailed: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite : {detail}",
            en: "no anonymised copy of document {reference} was made: {detail}"),
        .noAnonymizedCopy: Entry(
            fr: "aucune copie anonymisée du document {reference} n'a été faite",
            en: "no anonymised copy of document {reference} was made"),
        .anonymizedCopyChanged: Entry(
            fr: "la copie anonymisée {copy} du document {reference} n'est plus celle qui a été faite : le fichier {path} a disparu ou son SHA-256 a changé",
            en: "anonymised copy {copy} of document {reference} is no longer the one made: file {path} is gone or its SHA-256 changed"),
        .anonymizedCopySigned: Entry(
            fr: "la copie anonymisée {copy} du document {reference} est déjà approuvée par {by}",
            en: "anonymised copy {copy} of document {reference} is already signed off by {by}"),
    ]
}
