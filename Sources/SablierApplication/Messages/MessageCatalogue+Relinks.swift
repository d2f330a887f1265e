import SablierCore

extension MessageCatalogue {
    static let relinks: [Refusal.Code: Entry] = [
        .relinkShaMismatch: Entry(
            fr: "le fichier {path} n'est pas celui du document {reference} : son empreinte SHA-256 diffère de celle inscrite au registre ({expected}) ; le document n'est pas relié à ce fichier",
            en: "file {path} is not document {reference}'s: its SHA-256 differs from the register's ({expected}); the document is not relinked to it"),
        .relinkNoFile: Entry(
            fr: "aucun fichier n'est inscrit pour le document {reference} (document papier, ou numérique inscrit sans son fichier) : il n'y a rien à relier",
            en: "no file is registered for document {reference} (a paper document, or a digital one registered without its file): there is nothing to relink"),
        .relinkSamePath: Entry(
            fr: "le document {reference} est déjà inscrit à {path}",
            en: "document {reference} is already registered at {path}"),
        .relinkPathRefused: Entry(
            fr: "{path} ne peut pas être lu par le registre (voir le diagnostic) ; rien n'a été relié",
            en: "the register cannot read {path} (see the diagnostic); nothing was relinked"),
        .relinkChangedMeanwhile: Entry(
            fr: "le fichier du document {reference} a changé pendant la mesure du nouveau fichier (il était {path}, il est maintenant {found}) ; recommencer",
            en: "document {reference}'s file changed while the new file was measured (it was {path}, it is now {found}); try again"),
        .relinkDisposed: Entry(
            fr: "le document {reference} n'est plus détenu par l'organisme ({phase}) : son fichier n'est pas relié ; rien n'a été modifié",
            en: "document {reference} is no longer held by the organisation ({phase}): its file is not relinked; nothing was changed"),
        .cohortEmpty: Entry(
            fr: "la requête « {query} » ne retient aucun document que vous pouvez voir et qui peut recevoir l'événement {kind} ; rien n'a été inscrit",
            en: "query '{query}' selects no document you may see that can take event {kind}; nothing was recorded"),
    ]
}
