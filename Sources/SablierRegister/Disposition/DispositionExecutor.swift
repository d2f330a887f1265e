public import Foundation
public import SablierStore
public import SablierCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Carries out an approved disposition list: the store's steps, and the deletion of digital
/// files, which is I/O and so happens here, at the edge, never in the store.
///
/// Safe to interrupt: for each item, the store first commits it as `started` (the certificate's
/// entry, with the SHA-256 recorded at proposal), then the file is deleted, then one transaction
/// records the document's event and tombstone and marks the item `done`. Killed at any point and
/// run again, it completes: a `started` item whose file is missing was deleted by the previous
/// run, and is completed. No document is ever gone without its certificate entry, nor marked
/// destroyed while its file still exists. A `pending` item whose file is missing or no longer
/// matches its SHA-256 is an integrity problem: it is reported, left undone, and the list stays
/// incomplete (`executing`) until someone looks.
///
/// A digital document the AIPRP officer confirmed as holding personal information with the
/// measure `anonymiser` (Access Act, s. 73) is destroyed only once its anonymised copy is made
/// (`privacy anonymize`: registered under the rule and holder the officer chose) and signed off
/// by the officer, and the copy's file still has the SHA-256 signed. Until then it is a problem
/// of the same kind, saying what it waits for: its file is left in place and the list stays
/// incomplete. The executor makes no copy itself: the copy needs the officer's choices.
public struct DispositionExecutor: Sendable {
    /// Deletes one file for real. Injectable so that a test can stop the execution between the
    /// steps, as a crash would.
    public typealias FileRemover = @Sendable (String) throws -> Void

    /// The store's disposition steps and its anonymised copies: a store that could not say
    /// whether a copy was made and signed off could not execute a list at all, rather than
    /// destroy a document confirmed with `anonymiser` with no copy standing for it.
    public let store: any DispositionStore & AnonymizationStore
    let removeFile: FileRemover

    public init(store: any DispositionStore & AnonymizationStore, removeFile: @escaping FileRemover = DispositionExecutor.deleteFile) {
        self.store = store
        self.removeFile = removeFile
    }

    /// The default remover: `unlink(2)` and nothing else. Never `FileManager.removeItem`, which
    /// deletes a directory and all it holds: a path that became a folder is refused by the system
    /// (`EISDIR`/`EPERM`), and that is the item's problem. A file already gone is what was wanted.
    public static let deleteFile: FileRemover = { path in
        guard unlink(path) != 0 else { return }
        let error = errno
        guard error != ENOENT else { return }
        throw RemovalFailure(reason: String(cString: strerror(error)))
    }

    /// Why `unlink` did not remove a file, in the system's words.
    public struct RemovalFailure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// A digital file that does not match what the list recorded: the item is not carried out.
    public struct IntegrityProblem: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable, Codable {
            /// The file is gone although nothing was started: someone else deleted or moved it.
            case missing
            /// The file's SHA-256 is not the one registered: it changed since.
            case changed(found: String)
            /// It cannot be read.
            case unreadable(String)
            /// Its measure is `anonymiser` and its anonymised copy is not ready: not made, not
            /// signed off, or changed since it was signed off.
            case notAnonymized(AnonymizationWait)
            /// The recorded path is now a symbolic link, or resolves to `resolved`, another path
            /// than the one certified: deleting it would remove a link standing in for the file
            /// and certify a destruction that did not happen.
            case resolvesElsewhere(resolved: String)
            /// The register may not read it (outside the roots, not a regular file), for `reason`.
            case refused(String)
        }

        public var reference: String
        public var path: String
        public var expectedSHA256: String
        public var kind: Kind

        public var description: String {
            switch kind {
            case .missing:
                return "\(reference): file \(path) is missing although the list did not delete it; it was not recorded as disposed of"
            case .changed(let found):
                return "\(reference): file \(path) changed since it was registered (SHA-256 \(found), expected \(expectedSHA256)); it was left in place"
            case .unreadable(let reason):
                return "\(reference): file \(path) cannot be checked (\(reason)); it was left in place"
            case .notAnonymized(let wait):
                // Said to people by the command line's renderer (DispositionWords), from the wait's code.
                return "\(reference): not-anonymized (\(wait.rawValue)); file \(path) was left in place"
            case .resolvesElsewhere(let resolved):
                return "\(reference): file \(path) now resolves to \(resolved) (a symbolic link stands in for it, or it was registered through one); nothing was deleted"
            case .refused(let reason):
                return "\(reference): file \(path) is not one the register may read (\(reason)); it was left in place"
            }
        }
    }

    /// What one run did.
    public struct Outcome: Sendable {
        /// The list after the run.
        public var list: DispositionList
        /// The items this run completed, in list order.
        public var done: [DispositionItem]
        /// The items left undone because their file is missing or changed, or waits for its
        /// anonymised copy.
        public var integrityProblems: [IntegrityProblem]

        /// True once every item of the list is done.
        public var isComplete: Bool { list.state == .executed }
    }

    /// Executes list `number` on the day of `instant`, or resumes an execution that stopped.
    ///
    /// Throws the store's refusal when the list cannot be executed (not approved, approved by
    /// its proposer, an item held, waiting for a privacy review — `pendingReview`, not yet due,
    /// C…), before anything is done; and stops at the first item whose file cannot be deleted
    /// (`disposition.file-not-deleted`), leaving it `started` for the next run.
    public func execute(_ number: Int, method: String?, vendorCertificate: String?, pendingReview: Set<String> = [],
                        by actor: String, at instant: Date) async throws -> Outcome {
        try await store.beginExecution(number, method: method, vendorCertificate: vendorCertificate, pendingReview: pendingReview,
                                       by: actor, at: instant)
        var done: [DispositionItem] = []
        var problems: [IntegrityProblem] = []
        // Read once for the whole list: which documents are confidential (one query), and the
        // copies made of those the list destroys.
        let confidential = try await store.confidentialReferences()
        // The folders the register may read, once for the list: a file outside them is never deleted.
        let access = try await FileAccess.of(store)
        let items = try await store.dispositionItems(of: number)
        let copies = try await store.anonymizations(of: items.filter { $0.destroys && confidential.contains($0.reference) }.map(\.reference))
        for item in items where item.state != .done {
            switch item.state {
            case .pending:
                if item.checksFile, let problem = Self.check(item, missingIsProblem: true, access: access) {
                    problems.append(problem)
                    continue
                }
                if item.destroys, confidential.contains(item.reference),
                   let problem = try await awaitedAnonymization(item, copy: copies[item.reference], access: access) {
                    problems.append(problem)
                    continue
                }
            case .started:
                // A missing file means the previous run deleted it. One still there is checked
                // again before it is deleted.
                if item.destroys, let problem = Self.check(item, missingIsProblem: false, access: access) {
                    problems.append(problem)
                    continue
                }
            case .done:
                continue
            }
            let started = try await store.startDispositionItem(list: number, position: item.position, pendingReview: pendingReview,
                                                               by: actor, at: instant)
            if started.destroys, let path = started.filePath {
                try delete(path, of: started, access: access)
            }
            done.append(try await store.completeDispositionItem(list: number, position: item.position, by: actor, at: instant))
        }
        guard let list = try await store.dispositionList(number) else { throw Refusal(.listNotFound, ["list": String(number)]) }
        return Outcome(list: list, done: done, integrityProblems: problems)
    }

    /// For a digital document confirmed with the measure `anonymiser`: what its destruction
    /// still waits for (its copy, the officer's sign-off, or a copy unchanged since it was signed),
    /// as a problem; nil when it may be destroyed, or needs no copy (another measure, paper).
    func awaitedAnonymization(_ item: DispositionItem, copy: Anonymization?,
                              access: FileAccess) async throws -> IntegrityProblem? {
        guard let path = item.filePath, let expected = item.fileSHA256 else { return nil }
        let status = try await store.documentPrivacy(item.reference)
        guard status.isConfidential, status.measure == .anonymiser else { return nil }
        let wait: AnonymizationWait?
        if let copy {
            let signed = copy.signOff?.sha256 ?? copy.sha256
            let current: String? = switch FileFingerprint.verify(path: copy.path, expected: signed, access: access) {
            case .intact: signed
            case .changed(let found): found
            case .missing, .unreadable, .refused: nil
            }
            wait = copy.destructionWait(currentSHA256: current)
        } else {
            wait = .copy
        }
        return wait.map { IntegrityProblem(reference: item.reference, path: path, expectedSHA256: expected, kind: .notAnonymized($0)) }
    }

    /// Whether the item's file is still the one registered, at its recorded path itself (not
    /// a link), inside the folders the register may read; nil when it is (or, unless
    /// `missingIsProblem`, when it is gone).
    static func check(_ item: DispositionItem, missingIsProblem: Bool, access: FileAccess) -> IntegrityProblem? {
        guard let path = item.filePath, let expected = item.fileSHA256 else { return nil }
        func problem(_ kind: IntegrityProblem.Kind) -> IntegrityProblem {
            IntegrityProblem(reference: item.reference, path: path, expectedSHA256: expected, kind: kind)
        }
        // `lstat`: a link at the recorded path, even one leading nowhere, is not the file certified.
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
            return problem(.resolvesElsewhere(resolved: (try? FileAccess.realPath(path)) ?? "a symbolic link"))
        }
        // A folder on the way became a link, or a row registered before paths were stored resolved.
        if let resolved = try? FileAccess.realPath(path), resolved != path {
            return problem(.resolvesElsewhere(resolved: resolved))
        }
        switch FileFingerprint.verify(path: path, expected: expected, access: access) {
        case .intact: return nil
        case .missing: return missingIsProblem ? problem(.missing) : nil
        case .changed(let found): return problem(.changed(found: found))
        case .unreadable(let reason): return problem(.unreadable(reason))
        case .refused(let reason): return problem(.refused(reason))
        }
    }

    /// Deletes the file of a started item and makes sure it is gone, durably, before the item
    /// may be marked done.
    func delete(_ path: String, of item: DispositionItem, access: FileAccess) throws {
        func refused(_ detail: String) -> Refusal {
            Refusal(.fileNotDeleted, ["list": String(item.list), "reference": item.reference, "path": path, "detail": detail])
        }
        // Checked again at the last moment: a link put in the file's place, or a folder on the
        // way replaced by one, is never what is removed, nor anything outside the roots.
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFLNK { throw refused("it is now a symbolic link, not the file certified") }
            if status.st_mode & S_IFMT == S_IFDIR { throw refused("it is now a directory, not the file certified") }
            let resolved = try? FileAccess.realPath(path)
            guard resolved == path else { throw refused("it now resolves to \(resolved ?? "?"), not the file certified") }
            guard access.contains(path) else { throw refused("it is outside the folders the register may read") }
            do {
                try removeFile(path)
            } catch let error as RemovalFailure {
                throw refused(error.reason)
            }
        }
        guard lstat(path, &status) != 0 else { throw refused("still there") }
        Self.syncDirectory(of: path)
    }

    /// Flushes the directory that held a deleted file, so the deletion survives a power loss
    /// before the item is recorded done. Best effort: a file system that cannot say is trusted.
    static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}
