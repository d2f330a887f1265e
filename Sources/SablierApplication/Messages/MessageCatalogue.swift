public import SablierCore

/// The languages Sablier speaks to people: French first, English available.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case fr, en

    /// The language an environment asks for: `LC_ALL`, then `LC_MESSAGES`, then `LANG`;
    /// English when the first one set starts with `en`, French otherwise.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .fr
        }
        return .fr
    }
}

/// Every message Sablier writes for a refusal, in French and in English, by code.
///
/// The one catalogue for the command line and the server: a refusal carries a code and its
/// values, and the edge writes the sentence from here. `{name}` in a message is the refusal's
/// value `name`. Each family keeps its entries in its own file (`MessageCatalogue+Disposition.swift`, …).
public enum MessageCatalogue {
    /// One message in both languages.
    public struct Entry: Sendable {
        public let fr: String
        public let en: String
        /// The words a value's code is written as, by value name then code (`kind`: `phone` →
        /// « téléphone »), so that a refusal carries codes and the sentence reads in its language.
        public let words: [String: [String: Entry]]

        public init(fr: String, en: String, words: [String: [String: Entry]] = [:]) {
            self.fr = fr
            self.en = en
            self.words = words
        }

        public func text(_ language: Language) -> String { language == .fr ? fr : en }
    }

    /// Every entry, by code.
    public static let entries: [Refusal.Code: Entry] = {
        var all: [Refusal.Code: Entry] = [:]
        for family in [access, input, store, calendar, register, roots, holds, disposition, privacy, accountability, authentication,
                       corrections, relinks, loans, reports, notices] {
            all.merge(family) { first, _ in first }
        }
        return all
    }()

    /// The sentence for a refusal, its values written in.
    public static func message(_ refusal: Refusal, in language: Language) -> String {
        guard let entry = entries[refusal.code] else { return refusal.description }
        // A value holding refusals (`Refusal.nesting`) is written one refusal a line.
        var values = refusal.values.mapValues { value in
            Refusal.nested(in: value).map { $0.map { "  - " + message($0, in: language) }.joined(separator: "\n") } ?? value
        }
        for (name, byCode) in entry.words {
            if let code = values[name], let word = byCode[code] { values[name] = word.text(language) }
        }
        return fill(entry.text(language), with: values)
    }

    /// The template with each `{name}` replaced by its value; a name without a value stays as it is.
    static func fill(_ template: String, with values: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if let value = values[name] { result += value } else { result += "{\(name)}" }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return result
    }
}

extension MessageCatalogue {
    static let access: [Refusal.Code: Entry] = [
        .unknownUser: Entry(
            fr: "l'utilisateur {user} n'est pas un utilisateur de Sablier ; le RSI ajoute les utilisateurs",
            en: "user {user} is not a Sablier user; the RSI adds users"),
        .disabledUser: Entry(
            fr: "l'utilisateur {user} est désactivé",
            en: "user {user} is disabled"),
        .noUsers: Entry(
            fr: "ce dépôt n'a encore aucun utilisateur : le premier, un RSI, est créé à l'initialisation du dépôt",
            en: "this store has no users yet: the first one, an RSI, is created when the store is initialised"),
        .missingPermission: Entry(
            fr: "refusé : l'utilisateur {user} n'a pas la permission {permission} (détenue par : {roles})",
            en: "refused: user {user} lacks the permission {permission} (held by: {roles})"),
    ]

    static let input: [Refusal.Code: Entry] = [
        .invalidValue: Entry(
            fr: "{field} : « {value} » n'est pas une valeur admise ({allowed})",
            en: "{field}: '{value}' is not an allowed value ({allowed})"),
        .emptyText: Entry(
            fr: "{field} : il faut le préciser",
            en: "{field}: it must say something"),
        .invalidQuery: Entry(
            fr: "requête « {query} » : {problem}",
            en: "query '{query}': {problem}"),
        .rejectedInput: Entry(
            fr: "{file} : {errors} erreur(s) ; rien n'a été inscrit",
            en: "{file}: {errors} error(s); nothing was registered"),
        .outOfRange: Entry(
            fr: "{field} : {value} est hors limites (au moins {minimum})",
            en: "{field}: {value} is out of range (at least {minimum})"),
    ]

    static let store: [Refusal.Code: Entry] = [
        .storeFailure: Entry(
            fr: "le dépôt a échoué, rien n'a été modifié : {detail}",
            en: "the store failed and nothing was changed: {detail}"),
        .storeDamaged: Entry(
            fr: "le dépôt contient des données que Sablier ne peut pas lire : {detail}",
            en: "the store holds data Sablier cannot read: {detail}"),
        .noStore: Entry(
            fr: "aucun dépôt Sablier à {path} : seul « sablier init » en crée un",
            en: "no Sablier store at {path}: only `sablier init` creates one"),
        .auditKeyFileRequired: Entry(
            fr: "le dépôt PostgreSQL {location} n'a pas de dossier où chercher la clé d'audit : il faut nommer le fichier de la clé",
            en: "the PostgreSQL store {location} has no folder to look for the audit key in: the key's file must be named"),
        .storeNotEmpty: Entry(
            fr: "le dépôt {location} n'est pas vide ({table} : {rows} ligne(s)) : une copie ne va que dans un dépôt vide ; rien n'a été copié",
            en: "the store {location} is not empty ({table}: {rows} row(s)): a copy goes into an empty store only; nothing was copied"),
        .copyMismatch: Entry(
            fr: "la copie ne correspond pas à l'original ({detail}) ; rien n'a été copié",
            en: "the copy does not match the original ({detail}); nothing was copied"),
        .malformedStoreURL: Entry(
            fr: "« {location} » n'est pas une URL PostgreSQL (schéma inconnu ou URL mal formée) : le dépôt est un fichier SQLite, ou une base PostgreSQL, postgres://utilisateur@hôte:port/base (ou postgresql://…)",
            en: "'{location}' is not a PostgreSQL URL (unknown scheme or malformed URL): the store is an SQLite file, or a PostgreSQL database, postgres://user@host:port/database (or postgresql://…)"),
        .storeIsFolder: Entry(
            fr: "{path} est un dossier, pas un dépôt Sablier : nommez le fichier SQLite (créé par « sablier init ») ou une base PostgreSQL, postgres://utilisateur@hôte:port/base",
            en: "{path} is a folder, not a Sablier store: name the SQLite file (made by `sablier init`) or a PostgreSQL database, postgres://user@host:port/database"),
        .copyTargetNotPostgreSQL: Entry(
            fr: "--to {location} : une copie va dans une base PostgreSQL vide, postgres://utilisateur@hôte:port/base",
            en: "--to {location}: a copy goes into an empty PostgreSQL database, postgres://user@host:port/database"),
    ]
}
