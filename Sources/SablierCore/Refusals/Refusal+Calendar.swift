/// Calendars: versions, rules, open (888) periods, imports and exports.
extension Refusal.Code {
    public static let noCalendar = Self("calendar.none", .notFound)
    /// `version`, `available` (a range, or empty when no calendar was imported).
    public static let noSuchVersion = Self("calendar.no-such-version", .notFound)
    /// `rule`, `version`.
    public static let noSuchRule = Self("calendar.no-such-rule", .notFound)
    /// `rule`, `copy`.
    public static let noSuchCopy = Self("calendar.no-such-copy", .notFound)
    /// `rule`, `copy`, `period`: the period is not 888.
    public static let periodNotOpen = Self("calendar.period-not-open", .conflict)
    /// `rule`: its remark proposes no event, and none was given.
    public static let noProposedEvent = Self("calendar.no-proposed-event", .invalidInput)
    /// `file`, `errors`: the diagnostics were reported.
    public static let calendarRejected = Self("calendar.rejected", .invalidInput)
    /// `file`, `size`, `limit`.
    public static let fileTooLarge = Self("calendar.file-too-large", .invalidInput)
    /// `path`, `detail`.
    public static let cannotWrite = Self("calendar.cannot-write", .failure)
    /// `version`, `format`, with the diagnostics: the version cannot be written as XML its XSD accepts.
    public static let cannotExport = Self("calendar.cannot-export", .conflict)
    /// `rule`, `copy`, `period`, `offset`: years after the event are 0 or more.
    public static let negativeOffset = Self("calendar.negative-offset", .invalidInput)

    static let calendar: [Self] = [
        noCalendar, noSuchVersion, noSuchRule, noSuchCopy, periodNotOpen, noProposedEvent, calendarRejected,
        fileTooLarge, cannotWrite, cannotExport, negativeOffset,
    ]
}
