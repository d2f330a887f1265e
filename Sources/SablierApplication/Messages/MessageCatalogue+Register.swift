import SablierCore

extension MessageCatalogue {
    static let register: [Refusal.Code: Entry] = [
        .documentNotFound: Entry(
            fr: "le document {reference} n'est pas inscrit au registre",
            en: "document {reference} is not registered"),
        .alreadyRegistered: Entry(
            fr: "le document {reference} est déjà inscrit au registre",
            en: "document {reference} is already registered"),
        .repeatedReference: Entry(
            fr: "la référence {reference} figure plus d'une fois parmi les documents à inscrire",
            en: "reference {reference} appears more than once in the documents to register"),
        .boxOfDocumentNotFound: Entry(
            fr: "le document {reference} nomme la boîte {box}, qui n'est pas inscrite",
            en: "document {reference} names box {box}, which is not registered"),
        .replacedNotFound: Entry(
            fr: "le document {reference}, qu'un nouveau document remplace ou numérise, n'est pas inscrit au registre",
            en: "document {reference}, which a new document replaces or digitizes, is not registered"),
        .documentDestroyed: Entry(
            fr: "le document {reference} a été détruit : son cycle de vie est terminé",
            en: "document {reference} was destroyed; its life cycle is over"),
        .eventByHold: Entry(
            fr: "{kind} : les gels sont placés et levés par la gestion des gels, qui inscrit leurs événements",
            en: "{kind}: holds are placed and released as holds, which record their events"),
        .eventByDisposition: Entry(
            fr: "{kind} : s'inscrit par l'exécution d'une liste de disposition approuvée, jamais directement",
            en: "{kind} is recorded by executing an approved disposition list, never directly"),
        .documentNoLongerHeld: Entry(
            fr: "le document {reference} n'est plus détenu par l'organisme ({phase}) : il ne reçoit plus d'événement",
            en: "document {reference} is no longer held by the organisation ({phase}); it takes no more events"),
        .eventAfterToday: Entry(
            fr: "l'événement {kind} daté du {on} n'a pas encore eu lieu (nous sommes le {today}) : il n'est pas inscrit au document {reference}",
            en: "the {kind} event dated {on} has not happened yet (today is {today}); it is not recorded on document {reference}"),
        .closedBeforeOpening: Entry(
            fr: "le document {reference} ne peut être fermé le {on}, avant son ouverture le {opened}",
            en: "document {reference} cannot be closed on {on}, before it was opened on {opened}"),
        .eventAlreadyOccurred: Entry(
            fr: "le document {reference} a déjà l'événement « {name} », inscrit au {on} : il n'est pas inscrit une seconde fois",
            en: "document {reference} already has the event '{name}', recorded on {on}; it is not recorded twice"),
        .eventAlreadyRecorded: Entry(
            fr: "le document {reference} a déjà un événement {kind} identique au {on}",
            en: "document {reference} already has the same {kind} event on {on}"),
        .eventsFileNotFound: Entry(
            fr: "le fichier d'événements {file} n'existe pas",
            en: "events file {file} does not exist"),
        .eventByCommand: Entry(
            fr: "{kind} : s'inscrit par la commande qui fait le changement (document correct, document reclassify, document relink, loan), jamais directement",
            en: "{kind} is recorded by the command that makes the change (document correct, document reclassify, document relink, loan), never directly"),
        .unexpectedEvent: Entry(
            fr: "le document {reference} attend l'événement {expected}, pas « {event} »",
            en: "document {reference} waits for {expected}, not '{event}'"),
        .documentRefusedByStore: Entry(
            fr: "le document {reference} a été refusé par la base de données : {detail}",
            en: "document {reference} was refused by the database: {detail}"),
        .boxAlreadyRegistered: Entry(
            fr: "la boîte {box} est déjà inscrite",
            en: "box {box} is already registered"),
    ]

    static let roots: [Refusal.Code: Entry] = [
        .rootMissing: Entry(
            fr: "le dossier {path} n'existe pas",
            en: "folder {path} does not exist"),
        .rootNotADirectory: Entry(
            fr: "{path} n'est pas un dossier : le registre lit les fichiers des dossiers qu'on lui donne",
            en: "{path} is not a folder: the register reads the files of the folders it is given"),
        .rootExists: Entry(
            fr: "le dossier {path} est déjà un de ceux que le registre peut lire",
            en: "folder {path} is already one the register may read"),
        .rootNotFound: Entry(
            fr: "le dossier {path} n'est pas un de ceux que le registre peut lire (voir « sablier roots list »)",
            en: "folder {path} is not one the register may read (see `sablier roots list`)"),
        .rootWholeDisk: Entry(
            fr: "{path} est le disque entier : le registre pourrait y lire tous les fichiers, y compris ceux de Sablier ; donner le dossier des documents",
            en: "{path} is the whole disk: the register could read every file there, Sablier's own included; give the documents' folder"),
        .rootHoldsStore: Entry(
            fr: "le dossier {path} contient {file}, un fichier de Sablier lui-même (base de données ou clé d'audit) ; donner un dossier qui ne le contient pas",
            en: "folder {path} holds {file}, one of Sablier's own files (its database or audit key); give a folder that does not hold it"),
    ]

    static let holds: [Refusal.Code: Entry] = [
        .holdNotFound: Entry(
            fr: "le gel {hold} n'existe pas",
            en: "hold {hold} does not exist"),
        .holdReleased: Entry(
            fr: "le gel {hold} a déjà été levé",
            en: "hold {hold} was already released"),
        .holdCoversNothing: Entry(
            fr: "la requête {target} ne sélectionne aucun document encore conservé",
            en: "the query {target} matches no document still kept"),
        .holdOnDisposed: Entry(
            fr: "le document {reference} n'est plus détenu par l'organisme ({phase})",
            en: "document {reference} is no longer held by the organisation ({phase})"),
    ]
}
