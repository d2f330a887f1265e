public import SablierCore

/// Every diagnostic's sentence in French and in English, by code.
///
/// A diagnostic is written where the problem is found, in English, for the command line; a page
/// writes it from its code and values instead, so that a French page does not show an English
/// sentence next to its line. The English template is the code's own (`DiagnosticCode.english`),
/// so the page and the command line say the same thing; a diagnostic without a code (libxml2's
/// parser and schema messages) is shown as it was written.
extension MessageCatalogue {
    /// The diagnostic's sentence in `language`, its values written in; its own `message` when it
    /// has no code, or a code this catalogue does not know.
    public static func message(_ diagnostic: Diagnostic, in language: Language) -> String {
        guard let raw = diagnostic.code, let (code, french) = diagnosticsByCode[raw] else { return diagnostic.message }
        var values = diagnostic.values ?? [:]
        // "N more warnings like line L's (…)": the kind is the beginning of the first one's sentence,
        // in the page's language when it has a code.
        if code == .moreWarnings, language == .fr, let like = values["like"], let (_, likeFrench) = diagnosticsByCode[like] {
            values["kind"] = String(likeFrench.prefix { $0 != "{" && $0 != "«" }).trimmingSpaces()
        }
        return text(code, french: french, values, in: language)
    }

    /// Each code and its French template, by the code's text: a diagnostic carries the text.
    private static let diagnosticsByCode: [String: (DiagnosticCode, String)] =
        Dictionary(uniqueKeysWithValues: diagnosticFrench.map { ($0.key.rawValue, ($0.key, $0.value)) })

    /// Both templates of every code: a test holds this to `DiagnosticCode.all`.
    public static var diagnosticEntries: [String: Entry] {
        Dictionary(uniqueKeysWithValues: diagnosticFrench.map { ($0.key.rawValue, Entry(fr: $0.value, en: $0.key.english)) })
    }

    static func text(_ code: DiagnosticCode, french: String, _ values: [String: String], in language: Language) -> String {
        guard language == .fr else { return code.english(values) }
        return DiagnosticCode.fill(french, with: values) { value, modifier in
            switch modifier {
            case "or": DiagnosticCode.list(value, quote: ("« ", " »"), or: "ou")
            case "list": DiagnosticCode.list(value, quote: ("« ", " »"))
            case "as": DiagnosticCode.pairs(value, quote: ("« ", " »"), as: "lu")
            // French writes 0 and 1 in the singular.
            case "s": value == "0" || value == "1" ? "" : "s"
            case "term": terms[value] ?? value
            default: value
            }
        }
    }

    /// The French of the words a `{name/term}` value holds, from the interface's vocabulary.
    static let terms: [String: String] = [
        "principal copy": "exemplaire principal",
        "secondary copy": "exemplaire secondaire",
        "supports (SUPPDOSS)": "supports (SUPPDOSS)",
        "active period (PERIOACTIF)": "période active (PERIOACTIF)",
        "semi-active period (PERIOSMACT)": "période semi-active (PERIOSMACT)",
        "disposition (ID_REF_DISPOSITION)": "disposition finale (ID_REF_DISPOSITION)",
        "ADMQ spreadsheet": "de tableur ADMQ",
        "GALA columns": "en colonnes GALA",
        "period": "délai",
        "disposition": "disposition finale",
        "remark reference": "renvoi à une remarque",
        "support list": "liste des supports",
        "a FIFO (named pipe)": "un tube nommé (FIFO)",
        "a character device": "un périphérique en mode caractère",
        "a block device": "un périphérique en mode bloc",
        "a socket": "un socket",
        "a symbolic link": "un lien symbolique",
        "a special file": "un fichier spécial",
    ]

    /// The French template of each code; the English one is the code's.
    static let diagnosticFrench: [DiagnosticCode: String] = {
        var all: [DiagnosticCode: String] = [:]
        for family in [registerDiagnostics, calendarDiagnostics, galaDiagnostics, nativeDiagnostics, csvDiagnostics, spreadsheetDiagnostics,
                       openDocumentDiagnostics, limitsDiagnostics, eventsDiagnostics] {
            all.merge(family) { first, _ in first }
        }
        return all
    }()

    static let registerDiagnostics: [DiagnosticCode: String] = [
        .notADate: "« {value} » n'est pas une date AAAA-MM-JJ",
        .referenceEmpty: "la cote est vide",
        .titleEmpty: "le titre est vide",
        .holderEmpty: "l'unité détentrice est vide",
        .holderOutsideUnit: "{actor} inscrit les documents de sa propre unité ({unit}) seulement, pas ceux de {holder}",
        .ruleNotInForce: "la règle {rule} n'est pas dans le calendrier en vigueur (version {version})",
        .ruleEmpty: "la règle est vide",
        .notACopy: "« {value} » n'est pas un exemplaire : écrire principal (P) ou secondaire (S)",
        .copyEmpty: "l'exemplaire est vide : écrire principal (P) ou secondaire (S)",
        .noSecondaryCopy: "la règle {rule} n'a pas d'exemplaire secondaire",
        .unknownSupport: "le support {support} n'est prévu par aucune règle du calendrier en vigueur ({known})",
        .supportNotListed: "le support {support} n'est pas parmi ceux que la règle {rule} prévoit pour l'{copy/term} ({listed})",
        .supportEmpty: "le support est vide (PA papier, DM numérique, FI film, MI microfilm, …)",
        .closedBeforeOpened: "la date de fermeture {closed} précède la date d'ouverture {opened}",
        .pathThroughAPI: "le fichier d'un document numérique est inscrit par l'exploitant du serveur, en ligne de commande, là où se trouvent les fichiers de l'organisme",
        .boxNotRegistered: "la boîte {box} n'est pas inscrite ; inscrire d'abord la boîte",
        .eventWithoutDate: "l'événement « {event} » n'a pas de date (event_date)",
        .dateWithoutEvent: "une date d'événement (event_date) est donnée sans le nom de l'événement",
        .eventNotAwaited: "la règle {rule} attend {awaited/or}, pas « {event} »",
        .registeredEventAfterToday: "le {on} est après aujourd'hui ({today}) : un événement s'inscrit une fois survenu",
        .transferredBeforeOpened: "le transfert au semi-actif ({transferred}) précède la date d'ouverture {opened}",
        .notNameValue: "« {value} » n'est pas de la forme nom=valeur",
        .replacesItself: "un document ne peut pas se remplacer lui-même",
        .ownOriginal: "un document ne peut pas être son propre original",
        .repeatedInFile: "la cote {reference} figure déjà à la ligne {first}",
        .alreadyInRegister: "le document {reference} est déjà inscrit au registre",
        .referenceNowhere: "le document {reference} n'est ni inscrit au registre ni dans ce fichier",
        .notARegisterColumn: "la colonne « {column} » n'est pas une colonne du registre ; elle est ignorée",
        .registerUnreadable: "le fichier ne peut pas être lu : {reason}",
        .moreWarnings: "{count} autres avertissements comme celui de la ligne {line} ({kind}…)",
        .fileNotLocal:
            "{path} n'est pas un fichier local : seuls les fichiers que Sablier peut lire sont inscrits (il en calcule l'empreinte)",
        .fileMissing: "le fichier {path} n'existe pas",
        .fileIsDirectory: "{path} est un dossier, pas un fichier",
        .fileNotReadable: "le fichier {path} ne peut pas être lu (permission refusée ?)",
        .fileReadFailed: "le fichier {path} n'a pas pu être lu : {reason}",
        .fileNotRegular: "{path} est {kind/term}, pas un fichier ordinaire : il n'est pas lu",
        .fileOutsideRoots:
            "{path} est hors des dossiers que le registre peut lire ({roots/list}) ; le RSI ou la gestion documentaire en ajoute un avec « sablier roots add DOSSIER »",
        .fileOutsideStoreFolder:
            "{path} est hors du dossier du registre {folder}, le seul qu'il lit tant qu'aucun dossier n'est configuré ; en ajouter un avec « sablier roots add DOSSIER »",
        .fileNoFolderConfigured:
            "{path} n'est pas lu : aucun dossier n'est configuré, et le registre n'en lit aucun tant que le RSI ou la gestion documentaire n'en a pas ajouté un avec « sablier roots add DOSSIER »",
        .fileIsSablierOwn:
            "{path} est un des fichiers de Sablier lui-même (sa base de données, son journal, sa clé d'audit ou la tête de la clé) : le registre ne le lit jamais",
        .fileMovedWhileOpened:
            "{path} a changé pendant son ouverture (c'est {opened} qui a été ouvert, un dossier du chemin a été remplacé) : il n'est pas lu",
    ]

    static let calendarDiagnostics: [DiagnosticCode: String] = [
        .ruleWithoutNumber: "une règle n'a pas de numéro",
        .ruleRepeated: "la règle {rule} figure deux fois (d'abord à la ligne {first}) ; un numéro de règle est unique",
        .ruleWithoutTitle: "la règle {rule} n'a pas de titre",
        .negativeYears: "règle {rule}, {copy/term}, {field/term} : un nombre entier d'années ≥ 0, 888 ou 999 est attendu",
        .unnamedCountEvent: "règle {rule} : le délai court à partir d'un événement, mais l'événement n'a pas de nom",
        .measureWithoutPersonalInformation:
            "la règle {rule} est marquée sans renseignements personnels mais nomme la mesure « {measure} » ; la mesure est conservée",
        .noDisposition: "règle {rule}, {copy/term} : aucune disposition finale (C, D ou T) n'est donnée",
        .secondaryNotDestroyed:
            "règle {rule}, exemplaire secondaire : sa disposition finale doit être D (destruction), pas {disposition} ({label}) ; seul l'exemplaire principal peut être conservé ou trié",
        .undefinedRemarkDropped:
            "règle {rule}, {copy/term}, {field/term} : la remarque {remark} n'est pas définie parmi les remarques de la règle ; le renvoi est retiré",
        .remarkFromOtherCopy:
            "règle {rule}, {copy/term}, {field/term} : {need} n'a pas de remarque ; l'{other/term} explique le même délai par {candidate}, qui est retenue",
        .undefinedRemarkFromOtherCopy:
            "règle {rule}, {copy/term}, {field/term} : {need} renvoie à {remark}, que la règle ne définit pas ; l'{other/term} explique le même délai par {candidate}, qui est retenue",
        .remarkUnreferenced:
            "règle {rule}, {copy/term}, {field/term} : {need} n'a pas de remarque ; {candidate} (« {text} ») est la seule remarque à laquelle aucun champ ne renvoie, et elle est retenue",
        .undefinedRemarkUnreferenced:
            "règle {rule}, {copy/term}, {field/term} : {need} renvoie à {remark}, que la règle ne définit pas ; {candidate} (« {text} ») est la seule remarque à laquelle aucun champ ne renvoie, et elle est retenue",
        .undefinedRemarkUnexplaining:
            "règle {rule}, {copy/term}, {field/term} : {need} renvoie à {remark}, que la règle ne définit pas ; {candidate} (« {text} ») est la seule remarque qui n'explique aucun délai ni aucune disposition, et elle est retenue",
        .remarkMissing: "règle {rule}, {copy/term}, {field/term} : {need} doit être expliqué par une remarque, mais n'en a aucune",
        .remarkUndefined:
            "règle {rule}, {copy/term}, {field/term} : {need} doit être expliqué par une remarque, mais renvoie à {remark}, que la règle ne définit pas",
        .calendarWrongRoot:
            "l'élément racine est <{element}> dans l'espace de noms {namespace} ; un fichier de calendrier commence par <ROWSET> (GALA) ou par <calendrierConservation xmlns=\"{native}\">",
        .calendarWrongRootWithoutNamespace:
            "l'élément racine est <{element}> ; un fichier de calendrier commence par <ROWSET> (GALA) ou par <calendrierConservation xmlns=\"{native}\">",
        .notACalendarFile: "ce fichier n'est pas un calendrier de conservation",
    ]

    static let galaDiagnostics: [DiagnosticCode: String] = [
        .galaRowWithoutNumber: "un ROW n'a pas de numéro de règle (NUMREGLE)",
        .galaBadTransaction: "règle {rule} : TYPE_TRANS « {value} » n'est ni A, ni M, ni S",
        .galaRemarksPreamble:
            "règle {rule} : REMARQDELA commence par du texte avant sa première remarque numérotée ; il a été déplacé dans la remarque générale",
        .galaRemarksRepeated: "règle {rule} : REMARQDELA définit {remarks} plus d'une fois ; les textes ont été réunis sous la première",
        .galaNoPrincipalCopy: "la règle {rule} n'a pas d'exemplaire principal : aucun DELAI_ROW n'a TYPEDOSS P",
        .galaBlankSecondaryCopy:
            "règle {rule} : le DELAI_ROW de l'exemplaire secondaire ne contient que des valeurs vides ou « - » ; lu comme sans exemplaire secondaire",
        .galaOrganisationEmpty: "ID_ORGANISME est vide (règle {rule}) : le fichier ne donne pas le numéro BAnQ de l'organisme",
        .galaOrganisationDiffers: "règle {rule} : ID_ORGANISME vaut {id}, mais {known} à la ligne {line} ; {known} est conservé",
        .galaBadCopyKind: "règle {rule} : TYPEDOSS « {value} » n'est ni P ni S",
        .galaCopyNumberDiffers: "règle {rule}, {copy/term} : le NUMREGLE du DELAI_ROW est « {value} » ; le numéro du ROW, {rule}, est retenu",
        .galaBadPeriod:
            "règle {rule}, {copy/term} : {element} « {value} » n'est pas un délai (un nombre d'années d'au plus 4 chiffres, 888, 999, « - » ou vide)",
        .galaBadRemarkReference: "règle {rule}, {copy/term} : {element} « {value} » n'est pas un renvoi à une remarque (R1, R2, …)",
        .galaBadDisposition: "règle {rule}, {copy/term} : ID_REF_DISPOSITION « {value} » n'est ni C, ni D, ni T, ni « - »",
        .galaSecondCopy:
            "règle {rule} : un second DELAI_ROW avec TYPEDOSS {kind} (le premier est à la ligne {first}) ; une règle a un exemplaire principal et au plus un exemplaire secondaire",
        .galaRemarksUnprefixed:
            "règle {rule} : REMARQDELA numérote ses remarques sans le R ({markers/as}) ; elles sont lues comme des remarques numérotées",
        .galaWrongRoot:
            "l'élément racine est <{element}> dans l'espace de noms {namespace} ; un fichier GALA commence par <ROWSET> (sans espace de noms)",
        .galaWrongRootWithoutNamespace: "l'élément racine est <{element}> ; un fichier GALA commence par <ROWSET> (sans espace de noms)",
        .galaGotNative:
            "l'élément racine est <{element}> dans l'espace de noms {namespace} ; un fichier GALA commence par <ROWSET> (sans espace de noms) : ce fichier est un calendrier au format natif de Sablier",
    ]

    static let nativeDiagnostics: [DiagnosticCode: String] = [
        .nativeWrongRoot:
            "l'élément racine est <{element}> dans l'espace de noms {namespace} ; un calendrier natif commence par <calendrierConservation xmlns=\"{native}\">",
        .nativeWrongRootWithoutNamespace:
            "l'élément racine est <{element}>, sans espace de noms ; un calendrier natif commence par <calendrierConservation xmlns=\"{native}\">",
        .nativeGotGALA:
            "l'élément racine est <{element}>, sans espace de noms ; un calendrier natif commence par <calendrierConservation xmlns=\"{native}\"> : ce fichier est un fichier GALA",
        .nativeMixedTransactions:
            "la règle {rule} n'a pas de typeTransaction alors que {count} autre(s) règle(s) en ont un : un fichier est soit un calendrier entier, soit une liste de modifications",
        .nativeMixedTransactionsUnnumbered:
            "l'élément regle de la ligne {line} n'a pas de typeTransaction alors que {count} autre(s) règle(s) en ont un : un fichier est soit un calendrier entier, soit une liste de modifications",
        .nativeBadDate: "{attribute} « {value} » n'est pas une date (AAAA-MM-JJ)",
        .nativeBadYearEnd: "finAnnee « {value} » n'est pas un jour de l'année (MM-JJ)",
        .nativeRuleWithoutNumber: "un élément regle n'a pas d'attribut numero (le numéro de la règle)",
        .nativeBadTransaction: "règle {rule} : typeTransaction « {value} » n'est ni A, ni M, ni S",
        .nativeNoPrincipalCopy: "la règle {rule} n'a pas d'exemplaire principal (exemplairePrincipal)",
    ]

    static let csvDiagnostics: [DiagnosticCode: String] = [
        .csvUnterminatedQuote:
            "le champ {field} ouvert par un guillemet à la ligne {line} n'est jamais refermé (la fin du fichier arrive à la ligne {end})",
        .csvQuoteInUnquotedField:
            "un guillemet (\") dans le champ {field}, qui n'est pas entre guillemets ; mettre tout le champ entre guillemets et doubler le guillemet (\"\")",
        .csvTextAfterClosingQuote:
            "du texte suit le guillemet fermant du champ {field} ; un guillemet dans un champ entre guillemets doit être doublé (\"\")",
        .csvInvalidUTF8:
            "UTF-8 invalide (octet 0x{byte}) dans le champ {field} ; le fichier est sans doute en Windows-1252 ou en Latin-1 : l'enregistrer en CSV UTF-8",
        .csvEmpty: "le fichier est vide : une ligne d'en-tête est attendue",
        .csvMissingColumns: "il manque à l'en-tête {count} colonne{count/s} requise{count/s} : {columns/list}",
        .csvFieldCount: "la ligne compte {count} champ{count/s}, mais l'en-tête en compte {expected}",
        .csvExtraEmptyFields: "la ligne compte {count} champ{count/s}, mais l'en-tête en compte {expected} ; les champs vides en trop sont ignorés",
        .csvMissingFields: "la ligne compte {count} champ{count/s}, mais l'en-tête en compte {expected} ; les champs manquants sont lus comme vides",
    ]

    static let spreadsheetDiagnostics: [DiagnosticCode: String] = [
        .sheetUnrecognisedHeader:
            "en-tête de tableur non reconnu : on attend les colonnes d'un tableur ADMQ ({admq}) ou les noms des éléments GALA en colonnes ({rule}, puis pour chaque exemplaire {copy})",
        .sheetMissingColumns: "il manque à l'en-tête du modèle {layout/term} {count} colonne{count/s} requise{count/s} : {columns/list}",
        .sheetUnknownColumn: "la colonne « {column} » ne fait pas partie du modèle {layout/term} ; elle est ignorée",
        .sheetUnnamedColumn: "la colonne no {position} (sans nom) ne fait pas partie du modèle {layout/term} ; elle est ignorée",
        .sheetRepeatedColumn: "la colonne « {column} » figure {count} fois ; seule la première est lue",
        .sheetBlankRow: "une ligne vide est ignorée",
        .sheetBlankRows: "{count} lignes vides (la première à la ligne {first}) sont ignorées",
        .sheetSettingDiffers: "« {value} » diffère de « {kept} », donné par une ligne précédente ; « {kept} » est conservé",
        .sheetNoSecondaryColumns:
            "l'en-tête n'a aucune colonne de l'exemplaire secondaire (sec_actif, sec_sa, sec_df, sec_support, …) ; chaque règle est lue sans exemplaire secondaire",
        .sheetRowWithoutNumber: "la ligne n'a pas de numéro de règle ; elle est ignorée",
        .sheetGroupColumnOneGroup:
            "la colonne « {column} » figure {count} fois, mais il y a 1 groupe d'exemplaire (colonnes « TYPEDOSS ») ; elle n'est pas lue",
        .sheetGroupColumn:
            "la colonne « {column} » figure {count} fois, mais il y a {groups} groupes d'exemplaire (colonnes « TYPEDOSS ») ; elle n'est pas lue",
        .sheetNumberColumns:
            "la colonne « NUMREGLE » figure {count} fois ; on l'attend une fois pour la règle et une fois par groupe d'exemplaire ({expected})",
        .sheetClassificationMerged: "la colonne « CODECLASS » figure {count} fois ; les codes de toutes sont réunis",
        .sheetTransactionBlank: "la transaction est vide : on attend A (ajout), M (modification) ou S (suppression)",
        .sheetNotATransaction: "« {value} » n'est pas une transaction : on attend A (ajout), M (modification) ou S (suppression)",
        .sheetCopyTypeBlank: "le type d'exemplaire est vide, mais le groupe a des valeurs : on attend P ou S",
        .sheetNotACopyType: "« {value} » n'est pas un type d'exemplaire : on attend P ou S",
        .sheetSecondCopy: "un second exemplaire de type {kind} ; seul le premier est lu",
        .sheetCopyOfOtherRule: "l'exemplaire {kind} nomme la règle « {named} », pas la règle {rule}",
        .sheetNoPrincipalCopy: "la règle {rule} n'a pas d'exemplaire principal (aucun groupe n'a TYPEDOSS « P »)",
        .sheetClassificationTruncated: "le code de classification « {code} » semble tronqué ; il est conservé tel qu'il est écrit",
        .sheetNotYesNo: "« {value} » n'est pas un indicateur oui/non : on attend O ou N",
        .sheetRemarksPreamble:
            "le texte qui précède la première remarque numérotée (« {text} ») n'appartient à aucune remarque ; il est conservé comme remarque générale",
        .sheetRemarkUnprefixed: "le repère de remarque « {number}: » n'a pas de R ; il est lu comme {remark}",
        .sheetRemarkRepeated: "la remarque {remark} est définie plus d'une fois ; ses textes sont réunis",
        .sheetArtefact: "« {value} » est un artefact de tableur ; le champ ({what/term}) est lu comme vide",
        .sheetApostrophe: "apostrophe initiale (marque de texte d'un tableur) retirée de « {value} » ; lu comme {read}",
        .sheetArtefactNotAValue:
            "« {value} » est un artefact de tableur et non une valeur valide ({what/term}) ; le champ ({what/term}) est lu comme vide",
        .sheetNotAPeriod:
            "« {value} » n'est pas un délai : on attend un nombre entier d'années, 888, 999, « - » ou une cellule vide",
        .sheetNotADisposition: "« {value} » n'est pas une disposition finale : on attend C, D, T, « - » ou une cellule vide",
        .sheetNotARemarkReference:
            "« {value} » n'est pas un renvoi à une remarque : on attend un seul renvoi comme R1, « - » ou une cellule vide",
        .sheetNotASupportList: "« {value} » n'est pas une liste de supports : on attend des codes de support comme PA, DM",
        .sheetNoSecondaryCopy: "la règle {rule} n'a pas d'exemplaire secondaire (toutes ses cellules sont vides ou « - »)",
    ]

    static let openDocumentDiagnostics: [DiagnosticCode: String] = [
        .odsDoctype:
            "« content.xml » contient une déclaration DOCTYPE, ce qu'un fichier OpenDocument n'a jamais (ses entités pourraient être développées) : le fichier est refusé",
        .odsContentTooLarge: "« content.xml » fait {size} octets, plus que ce que libxml2 lit",
        .odsContentEmpty: "« content.xml » est vide",
        .odsNoReader: "libxml2 n'a pas pu ouvrir de lecteur pour « content.xml »",
        .odsNotXML: "« content.xml » n'a pas pu être lu comme du XML",
        .odsNoSheet: "le classeur n'a aucune feuille : « content.xml » ne contient aucun table:table dans office:spreadsheet",
        .odsSheets: "le classeur a {count} feuilles ; seule la première est lue",
        .odsSheetsNamed: "le classeur a {count} feuilles ; seule la première, « {name} », est lue",
        .odsCellTooLong: "une cellule contient plus de {limit} octets de texte ; la feuille est refusée",
        .odsBadRepeat: "table:{attribute}=\"{value}\" n'est pas un nombre entier positif ; lu comme 1",
        .odsSheetEmpty: "la première feuille est vide : une ligne d'en-tête est attendue",
        .odsNamedSheetEmpty: "la première feuille (« {name} ») est vide : une ligne d'en-tête est attendue",
        .odsTooManyColumns: "la ligne {row} a une valeur dans la colonne {column}, au-delà de la limite de {limit} colonnes ; la feuille est refusée",
        .odsTooManyCells:
            "la zone utilisée de la feuille atteint la ligne {row} et la colonne {column}, au-delà de la limite de {limit} cellules ; la feuille est refusée",
        .odsTooMuchText:
            "les cellules de la feuille contiennent plus de {limit} octets de texte une fois les cellules et lignes répétées développées ; la feuille est refusée",
    ]

    static let limitsDiagnostics: [DiagnosticCode: String] = [
        .moreDiagnostics:
            "et {count} autre{count/s} problème{count/s} non listé{count/s} ({errors} erreur{errors/s}, {warnings} avertissement{warnings/s}) : seuls les {limit} premiers d'un fichier le sont",
        .tooManyAttributes:
            "l'élément <{element}> a plus de {limit} attributs ; aucun fichier que Sablier lit n'en a autant, et le fichier est refusé avant d'être analysé",
    ]

    static let eventsDiagnostics: [DiagnosticCode: String] = [
        .eventsNoLines: "le fichier ne contient aucun événement, seulement son en-tête",
        .eventsReferenceEmpty: "la cote est vide",
        .eventsNotRegistered: "le document {reference} n'est pas inscrit au registre",
        .eventsKindEmpty: "le type d'événement est vide",
        .eventsKindNotRecordable: "« {kind} » n'est pas un type d'événement qu'une personne inscrit : écrire {allowed/or}",
        .eventsDocumentDestroyed: "le document {reference} a été détruit ; il ne reçoit plus d'événement",
        .eventsNameMissing: "un événement event-occurred nomme l'événement qu'attend sa règle (colonne name)",
        .eventsUnknownColumn:
            "la colonne « {column} » n'est pas une colonne d'un fichier d'événements (reference, kind, on, name, reason) ; elle est ignorée",
        .eventsDocumentNotHeld: "le document {reference} n'est plus détenu par l'organisme ({phase}) ; il ne reçoit plus d'événement",
        .eventsAfterToday: "le {on} est après aujourd'hui ({today}) : un événement s'inscrit une fois survenu",
        .eventsClosedBeforeOpening: "une fermeture le {on} précède l'ouverture du document le {opened}",
        .eventsAlreadyOccurred: "le document {reference} a déjà l'événement « {name} », inscrit au {on}",
        .eventsAlreadyRecorded: "le document {reference} a déjà un événement {kind} identique au {on}",
        .eventsRepeatedLine: "le même événement figure déjà à la ligne {first}",
    ]
}
