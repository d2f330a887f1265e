/// A register row's problems (`sablier document import`, a page's import or form): each names
/// the column it is about in the diagnostic's `field`, apart from the sentence.
extension DiagnosticCode {
    /// `value`, in a date column.
    public static let notADate = Self("register.not-a-date", "'{value}' is not a date YYYY-MM-DD")
    public static let referenceEmpty = Self("register.reference-empty", "the reference is empty")
    public static let titleEmpty = Self("register.title-empty", "the title is empty")
    public static let holderEmpty = Self("register.holder-empty", "the holder unit is empty")
    /// `actor`, `unit` (theirs), `holder` (the row's).
    public static let holderOutsideUnit = Self("register.holder-outside-unit",
                                               "{actor} registers documents of their own unit ({unit}) only, not of {holder}")
    /// `rule`, `version`.
    public static let ruleNotInForce = Self("register.rule-not-in-force", "rule {rule} is not in the calendar in force (version {version})")
    public static let ruleEmpty = Self("register.rule-empty", "the rule is empty")
    /// `value`.
    public static let notACopy = Self("register.not-a-copy", "'{value}' is not a copy: write principal (P) or secondaire (S)")
    public static let copyEmpty = Self("register.copy-empty", "the copy is empty: write principal (P) or secondaire (S)")
    /// `rule`.
    public static let noSecondaryCopy = Self("register.no-secondary-copy", "rule {rule} has no secondary copy (exemplaire secondaire)")
    /// `support`, `known` (the codes the calendar's rules list).
    public static let unknownSupport = Self("register.unknown-support",
                                            "support {support} is not a support any rule of the calendar in force lists ({known})")
    /// `support`, `rule`, `copy` (a term: principal copy, secondary copy), `listed`.
    public static let supportNotListed = Self("register.support-not-listed",
                                              "support {support} is not among the supports rule {rule} lists for the {copy/term} ({listed})")
    public static let supportEmpty = Self("register.support-empty", "the support is empty (PA papier, DM numérique, FI film, MI microfilm, …)")
    /// `closed`, `opened`.
    public static let closedBeforeOpened = Self("register.closed-before-opened", "the closing date {closed} is before the opening date {opened}")
    /// A `path` sent from outside the server: the server would read, measure and one day delete it.
    public static let pathThroughAPI = Self("register.path-through-api",
                                            "a digital document's file is registered at the server's command line, where the organisation's files are, not through the API")
    /// `box`.
    public static let boxNotRegistered = Self("register.box-not-registered", "box {box} is not registered; register the box first")
    /// `event`.
    public static let eventWithoutDate = Self("register.event-without-date", "event '{event}' has no event_date")
    public static let dateWithoutEvent = Self("register.date-without-event", "event_date is given without the event's name")
    /// `rule`, `awaited` (a list), `event`.
    public static let eventNotAwaited = Self("register.event-not-awaited", "rule {rule} waits for {awaited/or}, not '{event}'")
    /// `on`, `today`: an event given at registration (`event_date`, `transferred`) after the
    /// day it is registered, which `document event` would refuse too.
    public static let registeredEventAfterToday = Self("register.event-after-today",
                                                       "{on} is after today ({today}): an event is recorded once it happened")
    /// `transferred`, `opened`.
    public static let transferredBeforeOpened = Self("register.transferred-before-opened",
                                                     "the transfer to semi-active storage ({transferred}) is before the opening date {opened}")
    /// `value`.
    public static let notNameValue = Self("register.not-name-value", "'{value}' is not name=value")
    public static let replacesItself = Self("register.replaces-itself", "a document cannot replace itself")
    public static let ownOriginal = Self("register.own-original", "a document cannot be its own original")
    /// `reference`, `first` (the line it first appears on).
    public static let repeatedInFile = Self("register.repeated-in-file", "{reference} already appears on line {first}")
    /// `reference`.
    public static let alreadyInRegister = Self("register.already-registered", "{reference} is already registered")
    /// `reference`, the document a row replaces or was digitised from.
    public static let referenceNowhere = Self("register.reference-nowhere", "document {reference} is neither registered nor in this file")
    /// `column`.
    public static let notARegisterColumn = Self("register.not-a-register-column", "column '{column}' is not a register column; it is ignored")
    /// `reason` (the system's).
    public static let registerUnreadable = Self("register.unreadable", "cannot be read: {reason}")
    /// `count`, `line` (the first warning of the kind), `kind` (the beginning of its English
    /// sentence) and `like` (its code, when it has one: the French writes the beginning of its own).
    public static let moreWarnings = Self("register.more-warnings", "{count} more warnings like line {line}'s ({kind}…)")
    /// `path`.
    public static let fileNotLocal = Self(
        "register.file-not-local", "{path} is not a local file: only files Sablier can read are registered (it measures them)")
    /// `path`.
    public static let fileMissing = Self("register.file-missing", "file {path} does not exist")
    /// `path`.
    public static let fileIsDirectory = Self("register.file-is-directory", "{path} is a directory, not a file")
    /// `path`.
    public static let fileNotReadable = Self("register.file-not-readable", "file {path} cannot be read (permission denied?)")
    /// `path`, `reason` (the system's).
    public static let fileReadFailed = Self("register.file-read-failed", "file {path} could not be read: {reason}")
    /// `path`, `kind` (in words: "a FIFO (named pipe)", "a character device", …): only regular
    /// files are opened, so that nothing the register reads can block or never end.
    public static let fileNotRegular = Self("register.file-not-regular", "{path} is {kind/term}, not a regular file: it is not read")
    /// `path`, `roots` (the folders, one a line): the path, symbolic links followed, is in none.
    public static let fileOutsideRoots = Self(
        "register.file-outside-roots",
        "{path} is outside the folders the register may read ({roots/list}); the RSI or the records manager adds one with `sablier roots add FOLDER`")
    /// `path`, `folder` (the store's): no folder is configured, and the path is not under the store's.
    public static let fileOutsideStoreFolder = Self(
        "register.file-outside-store-folder",
        "{path} is outside the store's folder {folder}, the only one the register reads while no folder is configured; add one with `sablier roots add FOLDER`")

    /// `path`: no folder is configured and the store has none of its own (a PostgreSQL database
    /// lives on its server, not in a folder beside the files), so the register reads no file
    /// until a folder is listed; naming a folder that does not exist would send the reader
    /// looking for it.
    public static let fileNoFolderConfigured = Self(
        "register.file-no-folder-configured",
        "{path} is not read: no folder is configured, and the register reads none until the RSI or the records manager adds one with `sablier roots add FOLDER`")

    /// `path`: the database, its journal, WAL or shared memory, the audit key or its head file
    /// (or another name for one of them). The register never reads them, so no document can
    /// name them, no disposition delete them and no scan read them.
    public static let fileIsSablierOwn = Self(
        "register.file-is-sablier-own",
        "{path} is one of Sablier's own files (its database, journal, audit key or key head): the register never reads it")
    /// `path`, `opened`: what the descriptor opened is not the path resolved (a folder on the way
    /// was swapped for a link between the check and the open).
    public static let fileMovedWhileOpened = Self(
        "register.file-moved-while-opened",
        "{path} changed while it was opened (it opened {opened}, a folder on the way was replaced): it is not read")

    static let register: [Self] = [
        notADate, referenceEmpty, titleEmpty, holderEmpty, holderOutsideUnit, ruleNotInForce, ruleEmpty, notACopy, copyEmpty,
        noSecondaryCopy, unknownSupport, supportNotListed, supportEmpty, closedBeforeOpened, pathThroughAPI, boxNotRegistered,
        eventWithoutDate, dateWithoutEvent, eventNotAwaited, registeredEventAfterToday, transferredBeforeOpened, notNameValue, replacesItself, ownOriginal,
        repeatedInFile, alreadyInRegister, referenceNowhere, notARegisterColumn, registerUnreadable, moreWarnings, fileNotLocal,
        fileMissing, fileIsDirectory, fileNotReadable, fileReadFailed, fileNotRegular, fileOutsideRoots, fileOutsideStoreFolder,
        fileNoFolderConfigured, fileIsSablierOwn, fileMovedWhileOpened,
    ]
}
