import Foundation
public import SablierCore
import SablierRegister
import SablierStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Sablier {
    /// The folders the register may read files from, by path. None listed: only the store's
    /// own folder is read (`FileAccess`).
    public func fileRoots(_ session: Session) async throws(Refusal) -> [FileRoot] {
        _ = try await authorize(session, .manageFileRoots, "roots list")
        return try await attempt { try await store.fileRoots() }
    }

    /// Lets the register read the files of a folder: documents may then name files in it,
    /// symbolic links followed, and scans, fixity checks and dispositions read them. The folder
    /// is stored resolved (`realpath`); it must exist and be a folder. Audited.
    public func addFileRoot(_ session: Session, path: String) async throws(Refusal) -> FileRoot {
        let useCase = "roots add"
        _ = try await authorize(session, .manageFileRoots, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["path": path]) {
            let resolved = try Self.resolvedFolder(path)
            try Self.refuseHoldingOwnFiles(resolved, ownFiles: store.ownFiles)
            let root = FileRoot(path: resolved, addedAt: clock.now, addedBy: session.user.name)
            try await store.addFileRoot(root)
            return root
        }
    }

    /// Stops the register reading a folder's files; returns the folder as it was stored. A
    /// folder since deleted is named as it was listed. Audited.
    @discardableResult
    public func removeFileRoot(_ session: Session, path: String) async throws(Refusal) -> String {
        let useCase = "roots remove"
        _ = try await authorize(session, .manageFileRoots, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["path": path]) {
            let given = Self.trimmedFolder((try? FileAccess.absolute(path)) ?? path)
            let listed = try await store.fileRoots().map(\.path)
            // As typed when it is listed so (a folder gone since), else resolved.
            let stored = listed.contains(given) ? given : ((try? FileAccess.realPath(given)) ?? given)
            try await store.removeFileRoot(path: stored, by: session.user.name, at: clock.now)
            return stored
        }
    }

    /// The rule every reader of files applies, as the store holds it now.
    func fileAccess() async throws(Refusal) -> FileAccess {
        try await attempt { try await FileAccess.of(store) }
    }

    /// `path` resolved (links and `..` followed), which must be an existing folder.
    static func resolvedFolder(_ path: String) throws(Refusal) -> String {
        let absolute: String
        do {
            absolute = try FileAccess.absolute(path.trimmingSpaces())
        } catch {
            throw Refusal(.rootMissing, ["path": path])
        }
        let resolved: String
        do {
            resolved = try FileAccess.realPath(absolute)
        } catch {
            throw Refusal(.rootMissing, ["path": absolute])
        }
        var status = stat()
        guard stat(resolved, &status) == 0 else { throw Refusal(.rootMissing, ["path": absolute]) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw Refusal(.rootNotADirectory, ["path": resolved]) }
        return resolved
    }

    /// Refuses a root that would let the register reach Sablier's own files: `/`, or a folder
    /// holding the database or the audit key (resolved, at any depth).
    static func refuseHoldingOwnFiles(_ folder: String, ownFiles: [String]) throws(Refusal) {
        guard folder != "/" else { throw Refusal(.rootWholeDisk, ["path": folder]) }
        for own in ownFiles {
            let resolved = (try? FileAccess.realPath(own))
                ?? ((try? FileAccess.realPath(URL(fileURLWithPath: own).deletingLastPathComponent().path)).map {
                    $0 + "/" + URL(fileURLWithPath: own).lastPathComponent
                })
            if let resolved, resolved.hasPrefix(folder + "/") {
                throw Refusal(.rootHoldsStore, ["path": folder, "file": resolved])
            }
        }
    }

    /// A folder's path without its trailing slashes (but `/`).
    static func trimmedFolder(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
