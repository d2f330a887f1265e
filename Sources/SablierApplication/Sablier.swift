public import SablierStore

/// Sablier's use cases, one method per use case, over a store and a clock.
///
/// Each use case takes the session of the person acting, and is the one place where its rules
/// are applied: it checks the permission of `docs/PERMISSIONS.md`, applies visibility (the
/// unit scope and confidential documents, saying how many rows it withheld), validates its
/// input, calls the store, has the change or the refusal audited, and returns a `Codable`
/// result or throws a `Refusal`. The command line and the server only parse, call and render.
public struct Sablier: Sendable {
    public let store: any SablierStorage
    public let clock: WallClock
    /// How passwords are hashed and how long sessions last.
    public let security: SecuritySettings

    public init(store: any SablierStorage, clock: WallClock = .system, security: SecuritySettings = SecuritySettings()) {
        self.store = store
        self.clock = clock
        self.security = security
    }
}
