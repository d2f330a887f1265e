public import Foundation
public import SablierCore
public import SablierStore
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SQLiteStore: FileRootStore {
    /// The folder of the database file, resolved: what the register reads while no folder is
    /// configured, since whoever placed the store there chose that folder for Sablier.
    public var storeFolder: String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The database and its companions (`-journal`, `-wal`, `-shm`), the audit key and its head file.
    public var ownFiles: [String] {
        [path, path + "-journal", path + "-wal", path + "-shm", auditKeyFile, auditKeyFile + ".head"]
    }

    public func fileRoots() async throws -> [FileRoot] {
        try await read("listing the folders the register may read") { db in
            try Self.fetch(FileRootRow.self, db, orderBy: ["path"]).map(\.root)
        }
    }

    public func addFileRoot(_ root: FileRoot) async throws {
        try await perform("adding a folder the register may read") { database in
            try await database.write { db in
                guard try Bool.fetchOne(db, sql: CredentialQueries.fileRootExists, arguments: [root.path]) != true else {
                    throw Refusal(.rootExists, ["path": root.path])
                }
                try SQLiteInserter<FileRootRow>(db).insert([FileRootRow(root)])
                try self.audit(db, user: root.addedBy, action: "roots.add", target: Self.auditTarget(root: root.path), details: [:], at: root.addedAt)
            }
        }
    }

    public func removeFileRoot(path: String, by actor: String, at instant: Date) async throws {
        try await perform("removing a folder the register may read") { database in
            try await database.write { db in
                try db.execute(sql: "DELETE FROM file_root WHERE path = ?", arguments: [path])
                guard db.changesCount > 0 else { throw Refusal(.rootNotFound, ["path": path]) }
                try self.audit(db, user: actor, action: "roots.remove", target: Self.auditTarget(root: path), details: [:], at: instant)
            }
        }
    }

    /// The audit target of a folder the register may read: `root PATH`.
    static func auditTarget(root path: String) -> String {
        FileRootRow.auditTarget(root: path)
    }
}
