import SablierCore

extension MessageCatalogue {
    static let accountability: [Refusal.Code: Entry] = [
        .alreadyInitialised: Entry(
            fr: "le dépôt a déjà des utilisateurs (premier : {first}) ; le RSI ajoute les autres",
            en: "the store already has users (first: {first}); the RSI adds the others"),
        .userExists: Entry(
            fr: "l'utilisateur {user} existe déjà",
            en: "user {user} already exists"),
        .userNotFound: Entry(
            fr: "l'utilisateur {user} n'existe pas",
            en: "user {user} does not exist"),
        .userUnchanged: Entry(
            fr: "rien à changer : l'utilisateur {user} est déjà dans cet état ({state})",
            en: "user {user} is already {state}"),
        .lastRSI: Entry(
            fr: "l'utilisateur {user} est le dernier RSI actif : attribuez d'abord le rôle à quelqu'un d'autre",
            en: "user {user} is the last active RSI: grant the role to someone else first"),
        .roleHeld: Entry(
            fr: "l'utilisateur {user} a déjà le rôle {role}",
            en: "user {user} already has the role {role}"),
        .roleNotHeld: Entry(
            fr: "l'utilisateur {user} n'a pas le rôle {role}",
            en: "user {user} does not have the role {role}"),
        .noRole: Entry(
            fr: "l'utilisateur {user} doit avoir au moins un rôle",
            en: "user {user} needs at least one role"),
        .incidentNotFound: Entry(
            fr: "l'incident {incident} n'existe pas",
            en: "incident {incident} does not exist"),
        .incidentClosed: Entry(
            fr: "l'incident {incident} est fermé",
            en: "incident {incident} is closed"),
    ]
}
