import Foundation
public import SablierCore
import Synchronization

/// The audit key of one open store, and where it is looked for.
///
/// Held by each backend's store and read by its `audit(…)` inside each write transaction; installed
/// once `createAuditKey` makes one. The key itself never enters the database.
public final class AuditSeal: Sendable {
    /// Where the key is looked for: named in refusals when it is missing.
    public let keyFile: String
    /// The key, once read or created (`createAuditKey`).
    private let current: Mutex<AuditKey?>

    public init(keyFile: String, key: AuditKey?) {
        self.keyFile = keyFile
        current = Mutex(key)
    }

    public var key: AuditKey? { current.withLock { $0 } }

    public func install(_ key: AuditKey) { current.withLock { $0 = key } }

    /// Forgets the key: when the transaction that was to record its creation failed.
    public func uninstall() { current.withLock { $0 = nil } }

    /// Creates the key in `keyFile`, installs it, then runs `record`, the transaction that
    /// records its creation. Refuses when a key is already there. When `record` fails, nothing
    /// keyed was committed: the key is forgotten and its file removed, so that the command can
    /// simply be run again (a key left behind would make the store refuse every change, its plain
    /// trail having no head file).
    public func creatingKey<T>(_ record: (AuditKey) async throws -> T) async throws -> T {
        if key != nil { throw Refusal(.auditKeyExists, ["file": keyFile]) }
        let key = try AuditKey.create(keyFile)
        install(key)
        do {
            return try await record(key)
        } catch {
            uninstall()
            unlink(key.file)
            throw error
        }
    }

    /// The key, or the refusal that says where it was looked for: nothing is written to the
    /// trail without it (fail closed).
    public func requiredKey() throws(Refusal) -> AuditKey {
        guard let key else { throw Refusal(.auditKeyMissing, ["file": keyFile]) }
        return key
    }
}
