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
        .auditKeyMissing: Entry(
            fr: "la clé du journal d'audit est introuvable : cherchée à {file} (--audit-key ou $SABLIER_AUDIT_KEY) ; rien n'est écrit au journal sans elle. Pour un dépôt qui n'a jamais eu de clé : sablier audit key create",
            en: "the audit trail's key was not found: looked for at {file} (--audit-key or $SABLIER_AUDIT_KEY); nothing is written to the trail without it. For a store that never had a key: sablier audit key create"),
        .auditKeyExposed: Entry(
            fr: "la clé du journal d'audit {file} est accessible à son groupe ou aux autres (mode {mode}) : elle est refusée ; faites chmod 600 {file}",
            en: "the audit trail's key {file} can be accessed by its group or by others (mode {mode}): it is refused; run chmod 600 {file}"),
        .auditKeyUnreadable: Entry(
            fr: "la clé du journal d'audit {file} est illisible : {detail}",
            en: "the audit trail's key {file} cannot be used: {detail}"),
        .auditKeyExists: Entry(
            fr: "une clé du journal d'audit existe déjà à {file} : elle n'est jamais remplacée",
            en: "an audit trail key already exists at {file}: it is never replaced"),
        .auditCheckpointUnreadable: Entry(
            fr: "le point de contrôle est illisible, ligne {line} : {problem}",
            en: "the checkpoint cannot be read, line {line}: {problem}"),
        .auditHeadMismatch: Entry(
            fr: "le journal d'audit ne correspond plus à sa tête {file} : {problem} ; rien n'est écrit au journal tant qu'il n'est pas examiné : lancez sablier audit verify",
            en: "the audit trail does not match its head file {file}: {problem}; nothing is written to the trail until it is examined: run sablier audit verify"),
        .auditHeadUnwritable: Entry(
            fr: "la tête du journal d'audit {file} ne peut pas être écrite ({detail}) : rien n'est écrit au journal tant que ses dernières entrées ne sont pas protégées ; vérifiez les droits du dossier de la clé",
            en: "the audit trail's head file {file} cannot be written ({detail}): nothing is written to the trail while its newest entries are unprotected; check the permissions of the key's folder"),
        .auditKeyAlreadyKeyed: Entry(
            fr: "ce dépôt a déjà une clé du journal d'audit : son journal contient des entrées scellées avec elle (jusqu'à l'entrée {sequence}) ; une nouvelle clé ({file}) le casserait pour de bon. Donnez le chemin de sa clé avec --audit-key (ou $SABLIER_AUDIT_KEY)",
            en: "this store already has an audit trail key: its trail holds entries keyed with it (up to entry {sequence}); a new key ({file}) would break it for good. Give its key's path with --audit-key (or $SABLIER_AUDIT_KEY)"),
        .auditKeyOtherTrail: Entry(
            fr: "le journal d'audit de ce dépôt est vide mais la tête {head} de la clé {file} nomme l'entrée {sequence} : cette clé garde le journal d'un autre dépôt (une clé ne garde qu'un dépôt : donnez à celui-ci la sienne avec --audit-key), ou toutes les entrées de ce journal ont été supprimées",
            en: "this store's audit trail is empty but the head file {head} of the key {file} names entry {sequence}: this key guards another store's trail (a key guards one store: give this one its own with --audit-key), or every entry of this trail was removed"),
        .auditHeadExists: Entry(
            fr: "cette machine a déjà une tête du journal d'audit, {file} : elle n'est jamais remplacée ; si elle ne correspond plus au journal, lancez sablier audit verify",
            en: "this machine already has an audit trail head file, {file}: it is never replaced; if it no longer matches the trail, run sablier audit verify"),
    ]
}
