import SablierCore

extension MessageCatalogue {
    static let disposition: [Refusal.Code: Entry] = [
        .listNotFound: Entry(
            fr: "la liste de disposition {list} n'existe pas",
            en: "disposition list {list} does not exist"),
        .itemNotFound: Entry(
            fr: "le document {reference} n'est pas dans la liste de disposition {list}",
            en: "document {reference} is not in disposition list {list}"),
        .decisionAfterProposal: Entry(
            fr: "la liste de disposition {list} est {state} : les décisions de tri se prennent pendant que la liste est proposée, avant son approbation",
            en: "disposition list {list} is {state}: sort decisions are taken while a list is proposed, before its approval"),
        .notASort: Entry(
            fr: "{reference} figure pour {action} dans la liste de disposition {list} : seul un tri (T) reçoit une décision de conserver ou détruire",
            en: "{reference} is listed for {action} in disposition list {list}: only a sort (T) takes a keep-or-destroy decision"),
        .listCancelled: Entry(
            fr: "la liste de disposition {list} a été annulée par {by} : {reason}",
            en: "disposition list {list} was cancelled by {by}: {reason}"),
        .cannotCancel: Entry(
            fr: "la liste de disposition {list} est {state} : son exécution a commencé, elle ne peut plus être annulée",
            en: "disposition list {list} is {state}: its execution began, so it cannot be cancelled"),
        .alreadyInState: Entry(
            fr: "la liste de disposition {list} est déjà {state} ({by})",
            en: "disposition list {list} is already {state} ({by})"),
        .selfApproval: Entry(
            fr: "la liste de disposition {list} a été proposée par {proposer} : une autre personne doit l'approuver",
            en: "disposition list {list} was proposed by {proposer}: a person other than its proposer must approve it"),
        .undecidedSort: Entry(
            fr: "la liste de disposition {list} ne peut pas être approuvée : tri (T) sans décision pour {references}",
            en: "disposition list {list} cannot be approved: sort (T) without a keep-or-destroy decision for {references}"),
        .approvedTooEarly: Entry(
            fr: "la liste de disposition {list} est dressée pour le {asOf} : elle s'approuve ce jour-là ou après, pas le {today}",
            en: "disposition list {list} is drawn for {asOf}: it is approved on that day or later, not on {today}"),
        .listOutsideUnit: Entry(
            fr: "la liste de disposition {list} contient des documents d'une autre unité : un détenteur approuve les listes de son unité seulement",
            en: "disposition list {list} holds documents of another unit: a détenteur approves the lists of their own unit only"),
        .notApproved: Entry(
            fr: "la liste de disposition {list} n'est pas approuvée : une personne autre que celle qui l'a proposée ({proposer}) doit l'approuver d'abord",
            en: "disposition list {list} is not approved: a person other than its proposer ({proposer}) must approve it first"),
        .alreadyExecuted: Entry(
            fr: "la liste de disposition {list} a déjà été exécutée ({on})",
            en: "disposition list {list} was already executed ({on})"),
        .approvedByProposer: Entry(
            fr: "la liste de disposition {list} a été approuvée par la personne qui l'a proposée ({proposer}) : elle ne peut pas être exécutée",
            en: "disposition list {list} was approved by its own proposer ({proposer}): it cannot be executed"),
        .methodDiffers: Entry(
            fr: "l'exécution de la liste de disposition {list} a commencé avec la méthode « {method} » : reprenez-la avec la même méthode, ou sans",
            en: "the execution of disposition list {list} began with the method « {method} »: resume it with the same method, or without"),
        .vendorCertificateDiffers: Entry(
            fr: "l'exécution de la liste de disposition {list} a commencé avec le certificat du fournisseur « {certificate} » : reprenez-la avec le même, ou sans",
            en: "the execution of disposition list {list} began with the vendor certificate « {certificate} »: resume it with the same, or without"),
        .cannotExecute: Entry(
            fr: "la liste de disposition {list} ne peut pas être exécutée le {date} ; rien n'a été fait :\n{problems}",
            en: "disposition list {list} cannot be executed on {date}; nothing was done:\n{problems}"),
        .noFileToDelete: Entry(
            fr: "la liste de disposition {list} détruit des documents numériques sans fichier que Sablier puisse supprimer ({references}) : indiquez la méthode de destruction",
            en: "disposition list {list} destroys documents without a file Sablier can delete ({references}): give the destruction method"),
        .executionBegan: Entry(
            fr: "la liste de disposition {list} est {state} : ses documents sont traités par son exécution",
            en: "disposition list {list} is {state}: its items are carried out by its execution"),
        .itemNotStarted: Entry(
            fr: "{reference} dans la liste de disposition {list} n'a pas été commencé : rien ne lui a été fait",
            en: "{reference} in disposition list {list} was not started: nothing was done to it"),
        .notExecuted: Entry(
            fr: "la liste de disposition {list} est {state} : son certificat s'écrit à mesure qu'elle est exécutée",
            en: "disposition list {list} is {state}: its certificate is written as it is executed"),
        .noCertificate: Entry(
            fr: "la liste de disposition {list} ne détruit aucun document : elle n'a pas de certificat de destruction",
            en: "disposition list {list} destroys no document: it has no destruction certificate"),
        .noSlip: Entry(
            fr: "la liste de disposition {list} ne verse, ne conserve ni ne transfère aucun document : elle n'a pas de bordereau de versement et de transfert",
            en: "disposition list {list} deposits, keeps and transfers no document: it has no transfer slip"),
        .pendingReview: Entry(
            fr: "la liste de disposition {list} contient des documents signalés pour renseignements personnels et pas encore examinés par le responsable de l'AIPRP : {references}",
            en: "disposition list {list} holds documents flagged for personal information and not yet reviewed by the AIPRP officer: {references}"),
        .nothingDue: Entry(
            fr: "rien n'est dû le {asOf} ({action}) qu'une liste de disposition puisse prendre : aucune liste proposée ; laissés de côté : {leftOut}",
            en: "nothing is due on {asOf} ({action}) that a disposition list could take: no list was proposed; left out: {leftOut}"),
        .itemNotRegistered: Entry(
            fr: "{reference} n'est plus inscrit au registre",
            en: "{reference} is no longer registered"),
        .itemDisposed: Entry(
            fr: "{reference} a déjà été disposé (phase {phase})",
            en: "{reference} was already disposed of (phase {phase})"),
        .itemHeld: Entry(
            fr: "{reference} est visé par un gel : il n'est ni détruit, ni trié, ni versé, ni transféré avant la levée du gel",
            en: "{reference} is held (gel): it is not destroyed, sorted, deposited or transferred until the hold is released"),
        .itemKeptPermanently: Entry(
            fr: "{reference} est conservé en permanence (C) selon la règle {rule} (exemplaire {copy}) : il n'est jamais détruit",
            en: "{reference} is kept permanently (C) under rule {rule} ({copy} copy): it is never destroyed"),
        .itemUndecided: Entry(
            fr: "{reference} est à trier (T) et n'a pas de décision de conserver ou détruire",
            en: "{reference} is to be sorted (T) and has no keep-or-destroy decision"),
        .itemNotYetDue: Entry(
            fr: "{reference} n'est pas encore échu : son action {action} vient à échéance le {due}",
            en: "{reference} is not yet due: its {action} falls due on {due}"),
        .itemNotDue: Entry(
            fr: "{reference} n'est pas échu le {date} selon la version {version} du calendrier",
            en: "{reference} is not yet due on {date} under calendar version {version}"),
        .itemDueOtherwise: Entry(
            fr: "{reference} est maintenant échu pour {due}, non pour {action}, selon la version {version} du calendrier",
            en: "{reference} is now due for {due}, not {action}, under calendar version {version}"),
        .fileNotDeleted: Entry(
            fr: "le fichier {path} ({reference}, liste de disposition {list}) n'a pas pu être supprimé : {detail} ; le document reste commencé : relancez l'exécution une fois le fichier supprimable",
            en: "cannot delete {path} ({reference}, disposition list {list}): {detail}; it stays started: run the execution again once the file can be deleted"),
    ]
}
