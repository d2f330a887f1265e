/// Everything the application layer asks of storage, as one protocol: each backend (SQLite
/// today, PostgreSQL later) conforms once, and the use cases never name a backend.
public protocol SablierStorage: RegisterStore, FileRootStore, DispositionStore, AccountabilityStore, PrivacyStore, CredentialStore,
    CorrectionStore, RelinkStore, LoanStore, ReportStore, NoticeStore, AnonymizationStore {}
