import SablierCore

extension MessageCatalogue {
    static let loans: [Refusal.Code: Entry] = [
        .loanOfDigital: Entry(
            fr: "le document {reference} est numérique (support {support}) : seuls les dossiers papier et autres supports non numériques se prêtent",
            en: "document {reference} is digital (support {support}): only paper files and other non-digital media are lent"),
        .loanOfDisposed: Entry(
            fr: "le document {reference} n'est plus détenu (phase {phase}) : il ne peut être prêté",
            en: "document {reference} is no longer held (phase {phase}): it cannot be lent"),
        .alreadyOut: Entry(
            fr: "{reference} est déjà prêté : prêt n° {loan} à {borrower}, à retourner le {due}",
            en: "{reference} is already out: loan {loan} to {borrower}, due back on {due}"),
        .dueBeforeLent: Entry(
            fr: "la date de retour prévue {due} précède la date du prêt {on}",
            en: "the due date {due} comes before the day of the loan {on}"),
        .loanNotFound: Entry(
            fr: "le prêt n° {loan} n'existe pas",
            en: "loan {loan} does not exist"),
        .notOut: Entry(
            fr: "{what} n'est pas prêté : aucun prêt ouvert ne l'a sorti",
            en: "{what} is not out: no open loan took it"),
        .alreadyReturned: Entry(
            fr: "le prêt n° {loan} a déjà été retourné le {on}",
            en: "loan {loan} was already returned on {on}"),
        .returnBeforeLent: Entry(
            fr: "le prêt n° {loan} ne peut être retourné le {on}, avant la date du prêt {lent}",
            en: "loan {loan} cannot be returned on {on}, before the day it was lent, {lent}"),
        .boxNotFound: Entry(
            fr: "la boîte {box} n'est pas inscrite",
            en: "box {box} is not registered"),
        .boxLent: Entry(
            fr: "la boîte {box} est prêtée (prêt n° {loan} à {borrower}) : elle revient par son retour, pas par un déplacement",
            en: "box {box} is out on loan {loan} to {borrower}: it comes back by its return, not by a move"),
        .boxAlreadyThere: Entry(
            fr: "la boîte {box} est déjà à {location}",
            en: "box {box} is already at {location}"),
        .invalidBoxSize: Entry(
            fr: "« {size} » n'est pas un métrage linéaire : donner des mètres, plus de zéro et moins de dix, par exemple 0.12",
            en: "'{size}' is not a shelf length: give metres, above zero and below ten, e.g. 0.12"),
        .boxMoveInFuture: Entry(
            fr: "la boîte {box} ne peut pas être déplacée le {on}, après aujourd'hui ({today}) : un déplacement s'inscrit une fois fait",
            en: "box {box} cannot be moved on {on}, after today ({today}): a move is recorded once done"),
        .boxMoveBeforeLast: Entry(
            fr: "la boîte {box} ne peut pas être déplacée le {on} : son dernier déplacement date du {last}, et son historique suit l'ordre des dates",
            en: "box {box} cannot be moved on {on}: its last move was on {last}, and its history follows the order of dates"),
        .itemOnLoan: Entry(
            fr: "{reference} est prêté (prêt n° {loan} à {borrower}) : il n'est ni détruit, ni trié, ni versé, ni transféré avant son retour",
            en: "{reference} is out on loan {loan} to {borrower}: it is not destroyed, sorted, deposited or transferred until it is returned"),
        .loanOfApprovedItem: Entry(
            fr: "{reference} figure sur la liste de disposition n° {list}, approuvée : il ne peut être prêté avant que la liste soit exécutée ou annulée",
            en: "{reference} is on disposition list {list}, which was approved: it cannot be lent until the list is executed or cancelled"),
        .lentBeforeLastReturn: Entry(
            fr: "{reference} ne peut être prêté le {on} : le prêt n° {loan} ne l'a retourné que le {returned}",
            en: "{reference} cannot be lent on {on}: loan {loan} only brought it back on {returned}"),
        .returnInFuture: Entry(
            fr: "le prêt n° {loan} ne peut être retourné le {on}, une date à venir (nous sommes le {today}) : un retour s'inscrit le jour où il a lieu",
            en: "loan {loan} cannot be returned on {on}, a day still to come (today is {today}): a return is recorded on the day it happens"),
    ]
}
