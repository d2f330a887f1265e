/// What the application needs to correct registered documents and move them to another rule:
/// each change is one transaction that appends the document's event (old and new values),
/// recounts its retention and appends its audit entry.
public protocol CorrectionStore: RegisterStore {}
