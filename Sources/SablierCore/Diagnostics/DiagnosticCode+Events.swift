/// The lines of an events file (`sablier document event --csv`, `POST /api/v1/events`): each
/// names the column it is about in the diagnostic's `field`, so that a bad line is fixed by
/// file, line and field. A bad date and an event the rule does not wait for are the register's
/// own diagnostics (`register.not-a-date`, `register.event-not-awaited`).
extension DiagnosticCode {
    /// Nothing but a header: the file records no event.
    public static let eventsNoLines = Self("events.no-lines", "the file holds no event, only its header")
    public static let eventsReferenceEmpty = Self("events.reference-empty", "the reference is empty")
    /// `reference`. Also the answer for a document the reader may not see: the same sentence, so
    /// that a file cannot be used to learn which references exist.
    public static let eventsNotRegistered = Self("events.not-registered", "document {reference} is not registered")
    public static let eventsKindEmpty = Self("events.kind-empty", "the kind of event is empty")
    /// `kind`, `allowed` (a list): a kind unknown, or one only the register writes.
    public static let eventsKindNotRecordable = Self("events.kind-not-recordable",
                                                     "'{kind}' is not a kind of event a person records: write {allowed/or}")
    /// `reference`.
    public static let eventsDocumentDestroyed = Self("events.document-destroyed", "document {reference} was destroyed; it takes no more events")
    public static let eventsNameMissing = Self("events.name-missing", "an event-occurred names the event its rule waits for (column name)")
    /// `column`.
    public static let eventsUnknownColumn = Self("events.unknown-column",
                                                 "column '{column}' is not a column of an events file (reference, kind, on, name, reason); it is ignored")

    /// `reference`, `phase`: deposited in the archives (`reference`).
    public static let eventsDocumentNotHeld = Self("events.document-not-held",
                                                   "document {reference} is no longer held by the organisation ({phase}); it takes no more events")
    /// `on`, `today` (`on`).
    public static let eventsAfterToday = Self("events.after-today", "{on} is after today ({today}): an event is recorded once it happened")
    /// `on`, `opened` (`on`): a `closed` event before the document's opening date.
    public static let eventsClosedBeforeOpening = Self("events.closed-before-opening",
                                                       "a closing on {on} is before the document's opening on {opened}")
    /// `reference`, `name`, `on` (`name`): the document already has that event; a file already
    /// applied is refused whole.
    public static let eventsAlreadyOccurred = Self("events.already-occurred",
                                                   "document {reference} already has the event '{name}', recorded on {on}")
    /// `reference`, `kind`, `on` (`kind`): the same event is already recorded.
    public static let eventsAlreadyRecorded = Self("events.already-recorded", "document {reference} already has the same {kind} event on {on}")
    /// `first` (`reference`): the same event twice in one file.
    public static let eventsRepeatedLine = Self("events.repeated-line", "the same event already appears on line {first}")

    static let events: [Self] = [
        eventsNoLines, eventsReferenceEmpty, eventsNotRegistered, eventsKindEmpty, eventsKindNotRecordable, eventsDocumentDestroyed,
        eventsNameMissing, eventsUnknownColumn, eventsDocumentNotHeld, eventsAfterToday, eventsClosedBeforeOpening, eventsAlreadyOccurred,
        eventsAlreadyRecorded, eventsRepeatedLine,
    ]
}
