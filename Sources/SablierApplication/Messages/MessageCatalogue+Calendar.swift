import SablierCore

extension MessageCatalogue {
    static let calendar: [Refusal.Code: Entry] = [
        .noCalendar: Entry(
            fr: "aucun calendrier de conservation n'a encore été importé ; le responsable de la gestion documentaire en importe un d'abord",
            en: "no calendar has been imported yet; the records manager imports one first"),
        .noSuchVersion: Entry(
            fr: "la version {version} du calendrier n'existe pas{available}",
            en: "calendar version {version} does not exist{available}"),
        .noSuchRule: Entry(
            fr: "la règle {rule} n'est pas dans la version {version} du calendrier",
            en: "rule {rule} is not in calendar version {version}"),
        .noSuchCopy: Entry(
            fr: "la règle {rule} n'a pas d'{copy}",
            en: "rule {rule} has no {copy}"),
        .periodNotOpen: Entry(
            fr: "la période {period} de la règle {rule} ({copy}) n'est pas 888",
            en: "the {period} period of rule {rule} ({copy}) is not 888"),
        .noProposedEvent: Entry(
            fr: "la remarque de la règle {rule} ne propose aucun événement : nommez-le",
            en: "the remark of rule {rule} proposes no event: name it"),
        .calendarRejected: Entry(
            fr: "{file} : {errors} erreur(s), rien n'a été importé",
            en: "{file}: {errors} error(s), nothing was imported"),
        .fileTooLarge: Entry(
            fr: "{file} : {size} octets, au-delà de la limite de {limit} octets",
            en: "{file}: {size} bytes, over the {limit}-byte limit"),
        .cannotWrite: Entry(
            fr: "impossible d'écrire {path} : {detail}",
            en: "cannot write {path}: {detail}"),
        .cannotExport: Entry(
            fr: "la version {version} du calendrier ne peut pas être écrite en XML {format} valide ; rien n'a été écrit",
            en: "version {version} cannot be written as valid {format} XML; nothing was written"),
        .negativeOffset: Entry(
            fr: "règle {rule} : le délai après l'événement doit être de 0 an ou plus, pas {offset}",
            en: "rule {rule}: the years after the event must be 0 or more, not {offset}"),
    ]
}
