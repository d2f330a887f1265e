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
    ]
}
