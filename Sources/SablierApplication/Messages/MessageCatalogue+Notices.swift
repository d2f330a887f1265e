import SablierCore

extension MessageCatalogue {
    static let notices: [Refusal.Code: Entry] = [
        .invalidEmail: Entry(
            fr: "l'adresse électronique « {address} » n'est pas acceptée : une seule @, un point dans le domaine, ni espace, ni caractère de contrôle, ni aucun de < > , ; \" ( ) [ ] \\ :",
            en: "the e-mail address “{address}” is not accepted: one @, a dot in the domain, no space, no control character, none of < > , ; \" ( ) [ ] \\ :"),
        .noticeDaysOutOfRange: Entry(
            fr: "l'horizon des avis doit être de 0 à {maximum} jours (reçu : {value})",
            en: "the notices' horizon must be 0 to {maximum} days (given: {value})"),
        .noticesDryRunOnly: Entry(
            fr: "le serveur compose les avis sans les envoyer : demandez « dryRun »: true, ou envoyez-les avec « sablier notify »",
            en: "the server composes notices without sending them: ask for \"dryRun\": true, or send them with `sablier notify`"),
    ]
}
