import SablierCore

extension MessageCatalogue {
    static let reports: [Refusal.Code: Entry] = [
        .reportBadYear: Entry(
            fr: "l'année « {year} » n'est pas une année de rapport : écrivez ses deux années civiles, par exemple 2025-2026",
            en: "'{year}' is not a report year: give its two calendar years, for example 2025-2026"),
        .reportOtherUnit: Entry(
            fr: "vous êtes détenteur de l'unité {own} : vos rapports portent sur votre unité seulement, pas sur {unit}",
            en: "you are the détenteur of unit {own}: your reports cover your unit only, not {unit}"),
        .reportBadInactiveDays: Entry(
            fr: "le nombre de jours d'inactivité doit être un nombre entier, zéro ou plus, pas {days}",
            en: "the number of idle days must be a whole number, zero or more, not {days}"),
    ]
}
