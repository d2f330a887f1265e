public import Foundation
public import SablierCore

/// Where the register may read files: the folders configured (`file_root`), and the store's
/// own folder, the only one read while none is configured.
///
/// The rule itself (a path resolved inside a root, a regular file opened without blocking) is
/// `FileAccess`'s, in SablierRegister; the store only keeps the list. Each change is one
/// transaction holding its audit entry.
public protocol FileRootStore: Sendable {
    /// The folder holding the store's own data (SQLite: the database file's folder), resolved;
    /// nil when the store has none on this machine.
    var storeFolder: String? { get }
    /// The store's own files (database, journal, WAL, shared memory, audit key, its head file):
    /// never read as a document's, though the store's folder is the default root.
    var ownFiles: [String] { get }
    /// The folders configured, by path.
    func fileRoots() async throws -> [FileRoot]
    /// Adds one (its path already resolved), audited as its `addedBy` at its `addedAt`;
    /// `roots.exists` when it is already there.
    func addFileRoot(_ root: FileRoot) async throws
    /// Removes one, audited; `roots.not-found` when there was none.
    func removeFileRoot(path: String, by actor: String, at instant: Date) async throws
}
