import SablierCore

extension MessageCatalogue {
    static let privacy: [Refusal.Code: Entry] = [
        .publicIdentifierExists: Entry(
            fr: "{kind} {value} est déjà déclaré public",
            en: "{kind} {value} is already declared public"),
        .publicIdentifierNotFound: Entry(
            fr: "{kind} {value} n'est pas déclaré public",
            en: "{kind} {value} is not declared public"),
        .scanNotFound: Entry(
            fr: "aucune analyse du contenu {sha256}",
            en: "no scan of content {sha256}"),
        .nothingToReview: Entry(
            fr: "le document {reference} n'a rien à examiner : {why}",
            en: "document {reference} has nothing to review: {why}"),
        .noMeasure: Entry(
            fr: "la règle {rule} ne prévoit aucune mesure à la fin de la conservation : précisez détruire ou anonymiser",
            en: "rule {rule} names no measure for the end of retention: give detruire or anonymiser"),
        .measureOnDismissal: Entry(
            fr: "un rejet ne prend pas de mesure : le document ne contient pas de renseignements personnels",
            en: "a dismissal takes no measure: the document holds no personal information"),
        .measureWithoutPersonalInformation: Entry(
            fr: "une mesure ne s'applique qu'à une règle dont les documents contiennent des renseignements personnels (règle {rule})",
            en: "a measure applies only to a rule whose documents hold personal information (rule {rule})"),
    ]
}
