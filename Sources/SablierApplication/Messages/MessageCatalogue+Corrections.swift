import SablierCore

extension MessageCatalogue {
    static let corrections: [Refusal.Code: Entry] = [
        .correctionDisposed: Entry(
            fr: "le document {reference} ne peut plus être corrigé : il n'est plus détenu par l'organisme ({phase})",
            en: "document {reference} can no longer be corrected: it is no longer held by the organisation ({phase})"),
        .correctionChangesNothing: Entry(
            fr: "la correction ne change rien au document {reference} : donner au moins un champ dont la valeur diffère",
            en: "the correction changes nothing in document {reference}: give at least one field whose value differs"),
        .correctionClosedBeforeOpened: Entry(
            fr: "le document {reference} serait fermé le {closed}, avant son ouverture le {opened}",
            en: "document {reference} would be closed on {closed}, before it was opened on {opened}"),
        .correctionHolderOutsideUnit: Entry(
            fr: "le document {reference} ne peut pas passer à l'unité détentrice {holder} : un détenteur corrige les documents de son unité ({unit}) ; la gestion documentaire change l'unité détentrice",
            en: "document {reference} cannot move to holder unit {holder}: a détenteur corrects their own unit's documents ({unit}); records management changes the holder unit"),
        .correctionUnknownSupport: Entry(
            fr: "le support {support} n'est prévu par aucune règle du calendrier en vigueur (supports connus : {known})",
            en: "support {support} is listed by no rule of the calendar in force (known supports: {known})"),
        .correctionFileByRelink: Entry(
            fr: "le fichier du document {reference} ne se corrige pas : un fichier déplacé se relie à son nouveau chemin, vérifié par son SHA-256 (« sablier document relink {reference} --path NOUVEAU »)",
            en: "the file of document {reference} is not corrected: a moved file is relinked to its new path, checked against its SHA-256 (`sablier document relink {reference} --path NEW`)"),
        .reclassifyRuleNotInForce: Entry(
            fr: "la règle {rule} n'est pas dans le calendrier en vigueur (version {version})",
            en: "rule {rule} is not in the calendar in force (version {version})"),
        .reclassifyNoSuchCopy: Entry(
            fr: "la règle {rule} n'a pas d'exemplaire {copy}",
            en: "rule {rule} has no {copy} copy"),
        .reclassifyCopyMissing: Entry(
            fr: "le document {reference} est un exemplaire {copy}, que la règle {rule} n'a pas (--copy choisit l'exemplaire)",
            en: "document {reference} is a {copy} copy, which rule {rule} does not have (--copy chooses the copy)"),
        .reclassifyDisposed: Entry(
            fr: "le document {reference} n'est plus détenu par l'organisme ({phase})",
            en: "document {reference} is no longer held by the organisation ({phase})"),
        .reclassifyRefused: Entry(
            fr: "le reclassement est refusé pour {count} document(s) ; rien n'a été modifié :\n{problems}",
            en: "the reclassification is refused for {count} document(s); nothing was changed:\n{problems}"),
        .reclassifySelectsNothing: Entry(
            fr: "{selection} ne sélectionne aucun document à reclasser",
            en: "{selection} selects no document to reclassify"),
        .reclassifyNothingMoves: Entry(
            fr: "tous les documents sélectionnés relèvent déjà de la règle {rule} ({copy}) : rien à reclasser",
            en: "every document selected is already under rule {rule} ({copy}): nothing to reclassify"),
        .reclassifyOneSelection: Entry(
            fr: "nommer les documents à reclasser d'une seule façon : des références, une requête ou une règle",
            en: "name the documents to reclassify one way only: references, a query or a rule"),
    ]
}
