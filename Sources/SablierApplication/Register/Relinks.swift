public import SablierCore
public import SablierRegister
import SablierStore

/// A document pointed at its moved file: `document relink REF --path NEW --format json`.
public struct RelinkEntry: Sendable, Hashable, Codable {
    public var reference: String
    /// The path recorded until now.
    public var from: String
    /// The new path, resolved.
    public var to: String
    /// The integrity incidents that had found the file missing, closed by the relink.
    public var closedIncidents: [Int]

    init(_ relinked: Relinked) {
        reference = relinked.reference; from = relinked.from; to = relinked.to; closedIncidents = relinked.closedIncidents
    }

    init(_ move: FileMove) {
        reference = move.reference; from = move.from; to = move.to; closedIncidents = []
    }
}

/// A folder relinked: `document relink --from-dir OLD --to-dir NEW --format json`.
public struct TreeRelink: Sendable, Hashable, Codable {
    /// Both folders resolved (the old one as far as it still exists), as the audit entry names them.
    public var fromDir: String
    public var toDir: String
    /// True when nothing was written (`--dry-run`): `relinked` is what would be.
    public var dryRun: Bool
    public var relinked: [RelinkEntry]
    /// Every file under the old folder that no file under the new one matched, and why.
    public var unmatched: [Relinking.Unmatched]
    /// How many files under the new folder were hashed to find them.
    public var filesHashed: Int
    /// How many files were still at their recorded path under the old folder: never moved,
    /// neither relinked nor unmatched.
    public var inPlace: Int
}

extension Sablier {
    /// Points a document at its moved file: accepted only when the file at `path` has the
    /// SHA-256 recorded, so that a record is never pointed at another document. The file is
    /// measured before the store's transaction opens; the relink, its `relinked` event, the
    /// closing of the integrity incidents that found the file missing and the audit entry are
    /// one transaction. Refused on a destroyed or deposited document (its file left the
    /// organisation's custody) and on one without a recorded file. A file of another SHA-256
    /// is refused naming the path and the SHA-256 recorded; the one found is kept in the audit
    /// entry of the refusal only.
    public func relinkDocument(_ session: Session, _ reference: String, path: String, reason: String? = nil) async throws(Refusal) -> RelinkEntry {
        let useCase = "document relink"
        let access = try await authorize(session, .correctDocuments, useCase)
        let target = try await visibleDocument(reference, try await visibility(access), useCase: useCase)
        let (wanted, file) = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                        details: ["reference": reference, "path": path]) {
            let wanted = try Self.relinkable(target)
            return (wanted, try Relinking.measure(try Refusal.requireText(path, "path"), for: wanted, access: try await FileAccess.of(store)))
        }
        let relinked = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                  details: ["reference": reference, "path": path, "found": file.sha256]) {
            let move = try Relinking.move(to: file, for: wanted)
            let audit = BatchAudit(action: "document.relink", target: "document \(reference)",
                                   details: ["from": move.from, "to": move.to, "sha256": move.sha256, "reason": reason.nonBlank ?? ""])
            return try await store.relink([move], reason: reason.nonBlank, audit: audit, by: access.user.name, at: clock.now)
        }
        guard let first = relinked.first else { throw Refusal(.storeFailure, ["detail": "the relink of \(reference) returned nothing"]) }
        return RelinkEntry(first)
    }

    /// Relinks every digital document still held (neither destroyed nor deposited) that the
    /// reader may see whose file was under `oldFolder` to the same file under `newFolder`: at its
    /// own place below the new folder, or anywhere
    /// under it with the same size and SHA-256. All the matches in one transaction with ONE
    /// audit entry (`document.relink-tree`: how many, and the SHA-256 of their references);
    /// every file it could not match is reported with why. `dryRun` writes nothing.
    public func relinkTree(_ session: Session, from oldFolder: String, to newFolder: String, dryRun: Bool = false,
                           reason: String? = nil) async throws(Refusal) -> TreeRelink {
        let useCase = "document relink-tree"
        let access = try await authorize(session, .correctDocuments, useCase)
        let visibility = try await visibility(access)
        return try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                          details: ["from-dir": oldFolder, "to-dir": newFolder]) {
            let fileAccess = try await FileAccess.of(store)
            let newResolved = try Relinking.folder(try Refusal.requireText(newFolder, "to-dir"), access: fileAccess)
            let oldForms = try Relinking.oldFolder(try Refusal.requireText(oldFolder, "from-dir"))
            let wanted = try await store.documents(matching: nil, limit: nil).compactMap { registered -> Relinking.Wanted? in
                guard !registered.phase.isInactive, let file = registered.document.file,
                      visibility.allows(registered.document.reference, holder: registered.document.holder),
                      Relinking.relativePath(file.path, under: oldForms) != nil else { return nil }
                return Relinking.Wanted(reference: registered.document.reference, path: file.path, sha256: file.sha256, size: file.size)
            }
            let match = Relinking.matchTree(wanted, oldFolders: oldForms, newFolder: newResolved, access: fileAccess)
            let oldResolved = oldForms.last ?? oldFolder
            var result = TreeRelink(fromDir: oldResolved, toDir: newResolved, dryRun: dryRun, relinked: match.moves.map(RelinkEntry.init),
                                    unmatched: match.unmatched, filesHashed: match.filesHashed, inPlace: match.inPlace)
            guard !dryRun, !match.moves.isEmpty else { return result }
            let references = match.moves.map(\.reference)
            let audit = BatchAudit(action: "document.relink-tree", target: "documents", details: [
                "count": String(references.count), SourceDigest.referencesKey: SourceDigest.references(references), "from-dir": oldResolved,
                "to-dir": newResolved, "unmatched": String(match.unmatched.count), "reason": reason.nonBlank ?? "",
            ])
            result.relinked = try await store.relink(match.moves, reason: reason.nonBlank, audit: audit, by: access.user.name, at: clock.now)
                .map(RelinkEntry.init)
            return result
        }
    }

    /// The file a relink looks for: refused on a destroyed or deposited document (the file left
    /// the organisation's custody: pointing its record at a file would say it is still held) and
    /// on one without a file.
    static func relinkable(_ target: RegisteredDocument) throws(Refusal) -> Relinking.Wanted {
        let reference = target.document.reference
        guard !target.phase.isInactive else { throw Refusal(.relinkDisposed, ["reference": reference, "phase": target.phase.rawValue]) }
        guard let file = target.document.file else { throw Refusal(.relinkNoFile, ["reference": reference]) }
        return Relinking.Wanted(reference: reference, path: file.path, sha256: file.sha256, size: file.size)
    }
}
