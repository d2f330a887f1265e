/// Moved files found again (relink) and events recorded for a whole cohort.
extension Refusal.Code {
    /// `reference`, `path` (the new one), `expected` (the SHA-256 recorded): the file at the new
    /// path is not the one registered, so the record is not moved. The SHA-256 found is not
    /// given back (it would reveal the hash of any file under the roots); the audit entry keeps it.
    public static let relinkShaMismatch = Self("relink.sha-mismatch", .integrity)
    /// `reference`: no file is recorded for it (a paper document, or a digital one registered
    /// without its file), so there is nothing to point elsewhere.
    public static let relinkNoFile = Self("relink.no-file", .invalidInput)
    /// `reference`, `path`: the new path is the one already recorded.
    public static let relinkSamePath = Self("relink.same-path", .invalidInput)
    /// `path`; the diagnostic says why (outside the roots, missing, not a regular file, …):
    /// the register may not read the file or folder named.
    public static let relinkPathRefused = Self("relink.path-refused", .invalidInput)
    /// `reference`, `path` (the one recorded), `found` (the one recorded now): the document's
    /// file was relinked or changed by someone else while its new file was measured.
    public static let relinkChangedMeanwhile = Self("relink.changed-meanwhile", .conflict)
    /// `reference`, `phase`: the document is destroyed or deposited; its file left the
    /// organisation's custody, so its record is not pointed at a file.
    public static let relinkDisposed = Self("relink.disposed", .conflict)
    /// `query`, `kind`: the events for a cohort would go to no document.
    public static let cohortEmpty = Self("events.cohort-empty", .notFound)

    static let relinks: [Self] = [relinkShaMismatch, relinkNoFile, relinkSamePath, relinkPathRefused, relinkChangedMeanwhile, relinkDisposed,
                                  cohortEmpty]
}
