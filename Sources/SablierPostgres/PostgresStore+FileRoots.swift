public import Foundation
public import SablierCore
public import SablierStore

extension PostgresStore: FileRootStore {
    /// None: the database is on a server, not in a folder of this machine, so the register reads
    /// only the folders configured (`sablier roots add`).
    public var storeFolder: String? { nil }

    /// The audit key and its head file: the only files of the store on this machine.
    public var ownFiles: [String] {
        [auditKeyFile, auditKeyFile + ".head"]
    }

    public func fileRoots() async throws -> [FileRoot] {
        try await read("listing the folders the register may read") { tx in
            try await tx.fetch(FileRootRow.self, orderBy: ["path"]).map(\.root)
        }
    }

    public func addFileRoot(_ root: FileRoot) async throws {
        try await write("adding a folder the register may read") { tx in
            guard try await tx.scalar(Bool.self, CredentialQueries.fileRootExists, [.text(root.path)]) != true else {
                throw Refusal(.rootExists, ["path": root.path])
            }
            try await tx.insert([FileRootRow(root)])
            try await self.audit(tx, user: root.addedBy, action: "roots.add", target: FileRootRow.auditTarget(root: root.path), details: [:],
                                 at: root.addedAt)
        }
    }

    public func removeFileRoot(path: String, by actor: String, at instant: Date) async throws {
        try await write("removing a folder the register may read") { tx in
            guard try await !tx.rows("DELETE FROM file_root WHERE path = ? RETURNING path", [.text(path)]).isEmpty else {
                throw Refusal(.rootNotFound, ["path": path])
            }
            try await self.audit(tx, user: actor, action: "roots.remove", target: FileRootRow.auditTarget(root: path), details: [:], at: instant)
        }
    }
}
