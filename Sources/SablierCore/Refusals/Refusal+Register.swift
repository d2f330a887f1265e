/// The register: documents, their events and boxes.
extension Refusal.Code {
    /// `reference`. Also the answer for a document of another unit, or a confidential one the
    /// reader may not see: nobody learns that a reference they may not see exists.
    public static let documentNotFound = Self("document.not-found", .notFound)
    /// `reference`.
    public static let alreadyRegistered = Self("document.already-registered", .conflict)
    /// `reference`: given twice in what is registered at once.
    public static let repeatedReference = Self("document.repeated", .invalidInput)
    /// `reference`, `box`.
    public static let boxOfDocumentNotFound = Self("document.box-not-found", .notFound)
    /// `reference`: the document a new one replaces or digitizes is not registered.
    public static let replacedNotFound = Self("document.replaced-not-found", .notFound)
    /// `reference`: destroyed, its life cycle is over.
    public static let documentDestroyed = Self("document.destroyed", .conflict)
    /// `kind`: holds write their own events.
    public static let eventByHold = Self("document.event-by-hold", .invalidInput)
    /// `kind`: destruction, deposit and sorting are written by an approved list's execution.
    public static let eventByDisposition = Self("document.event-by-disposition", .invalidInput)
    /// `kind`: corrections, reclassifications, relinks and loans are recorded by the command that
    /// makes the change.
    public static let eventByCommand = Self("document.event-by-command", .invalidInput)
    /// `reference`, `event`, `expected`: an 888 event the rule does not wait for.
    public static let unexpectedEvent = Self("document.unexpected-event", .invalidInput)
    /// `reference`, `detail`: refused by the database's own checks.
    public static let documentRefusedByStore = Self("document.refused-by-store", .invalidInput)
    /// `box`.
    public static let boxAlreadyRegistered = Self("box.already-registered", .conflict)
    /// `reference`, `phase`: deposited in the archives, the document takes no more events.
    public static let documentNoLongerHeld = Self("document.no-longer-held", .conflict)
    /// `reference`, `kind`, `on`, `today`: an event has not happened yet.
    public static let eventAfterToday = Self("document.event-after-today", .invalidInput)
    /// `reference`, `on`, `opened`: a closing before the document was opened.
    public static let closedBeforeOpening = Self("document.closed-before-opening", .invalidInput)
    /// `reference`, `name`, `on` (the day recorded): the event occurred once; recorded again it
    /// would move the dates.
    public static let eventAlreadyOccurred = Self("document.event-already-occurred", .conflict)
    /// `reference`, `kind`, `on`: the same event is already recorded.
    public static let eventAlreadyRecorded = Self("document.event-already-recorded", .conflict)
    /// `file`: the events file given does not exist.
    public static let eventsFileNotFound = Self("events.file-not-found", .notFound)

    static let register: [Self] = [
        documentNotFound, alreadyRegistered, repeatedReference, boxOfDocumentNotFound, replacedNotFound,
        documentDestroyed, eventByHold, eventByDisposition, eventByCommand, unexpectedEvent, documentRefusedByStore,
        boxAlreadyRegistered, documentNoLongerHeld, eventAfterToday, closedBeforeOpening, eventAlreadyOccurred, eventAlreadyRecorded,
        eventsFileNotFound,
    ]
}

/// The folders the register may read files from (`sablier roots`).
extension Refusal.Code {
    /// `path`: no such folder.
    public static let rootMissing = Self("roots.missing", .notFound)
    /// `path`: a file, not a folder.
    public static let rootNotADirectory = Self("roots.not-a-directory", .invalidInput)
    /// `path` (resolved).
    public static let rootExists = Self("roots.exists", .conflict)
    /// `path`: not in the list.
    public static let rootNotFound = Self("roots.not-found", .notFound)

    /// `path` (`/`): the whole disk, which would let the register read every file, Sablier's own included.
    public static let rootWholeDisk = Self("roots.whole-disk", .invalidInput)
    /// `path`, `file`: the folder holds the store's database or its audit key, which a document
    /// naming them could then read, or a disposition delete.
    public static let rootHoldsStore = Self("roots.holds-store", .invalidInput)

    static let roots: [Self] = [rootMissing, rootNotADirectory, rootExists, rootNotFound, rootWholeDisk, rootHoldsStore]
}

/// Holds (gels).
extension Refusal.Code {
    /// `hold`.
    public static let holdNotFound = Self("hold.not-found", .notFound)
    /// `hold`.
    public static let holdReleased = Self("hold.already-released", .conflict)
    /// `target`: a query that selects no document still kept.
    public static let holdCoversNothing = Self("hold.covers-nothing", .conflict)
    /// `reference`, `phase`: the document is no longer held by the organisation.
    public static let holdOnDisposed = Self("hold.document-disposed", .conflict)

    static let holds: [Self] = [holdNotFound, holdReleased, holdCoversNothing, holdOnDisposed]
}
