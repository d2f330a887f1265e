import SablierCore

extension MessageCatalogue {
    static let authentication: [Refusal.Code: Entry] = [
        .badCredentials: Entry(
            fr: "nom d'utilisateur ou mot de passe incorrect",
            en: "wrong user name or password"),
        .slowDown: Entry(
            fr: "trop d'essais manqués : réessayez dans {seconds} s",
            en: "too many failed attempts: try again in {seconds} s"),
        .accountLocked: Entry(
            fr: "trop d'essais manqués : le compte est verrouillé jusqu'à {until}",
            en: "too many failed attempts: the account is locked until {until}"),
        .sessionEnded: Entry(
            fr: "la session est terminée : reconnectez-vous",
            en: "the session has ended: sign in again"),
        .tokenInvalid: Entry(
            fr: "jeton d'accès absent, expiré ou révoqué",
            en: "the API token is missing, expired or revoked"),
        .csrf: Entry(
            fr: "la requête ne porte pas le jeton de protection de la session (CSRF)",
            en: "the request lacks its session's CSRF token"),
        .passwordChangeRequired: Entry(
            fr: "le mot de passe de {user} a été réinitialisé : changez-le avant de continuer",
            en: "the password of {user} was reset: change it before anything else"),
        .passwordTooShort: Entry(
            fr: "le mot de passe doit compter au moins {minimum} caractères",
            en: "the password must have at least {minimum} characters"),
        .passwordTooLong: Entry(
            fr: "le mot de passe ne peut dépasser {maximum} octets",
            en: "the password cannot exceed {maximum} bytes"),
        .passwordCommon: Entry(
            fr: "ce mot de passe est trop courant ou trop proche du nom d'utilisateur : choisissez une phrase de passe",
            en: "this password is too common or too close to the user name: choose a passphrase"),
        .wrongPassword: Entry(
            fr: "le mot de passe actuel est incorrect",
            en: "the current password is wrong"),
        .passwordUnchanged: Entry(
            fr: "le nouveau mot de passe doit différer de l'actuel",
            en: "the new password must differ from the current one"),
        .tokenNotFound: Entry(
            fr: "le jeton d'accès {token} n'existe pas",
            en: "API token {token} does not exist"),
        .tokenRevoked: Entry(
            fr: "le jeton d'accès {token} est déjà révoqué",
            en: "API token {token} is already revoked"),
        .tokenExpiryPast: Entry(
            fr: "la date d'expiration {expires} est déjà passée",
            en: "the expiry date {expires} is already past"),
    ]
}
