/// What the application needs to point documents at their moved files (relink) and to record
/// the events of a whole cohort at once: one transaction each, audited as one entry.
public protocol RelinkStore: RegisterStore {}
