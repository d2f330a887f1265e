public import Foundation
public import SablierStore
public import SablierCore
import SablierPrivacy
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
/// A document the AIPRP officer confirmed as holding personal information with the measure
/// `anonymiser` (Access Act, s. 73) is anonymized before its file is destroyed: an anonymized
/// copy of its text is written next to it (`DocumentAnonymizer`) and an `anonymized` event
/// naming the copy and its SHA-256 is committed, before the item is started. A copy that cannot
/// be made (the text cannot be read) is a problem of the same kind: the file is left in place.
public struct DispositionExecutor: Sendable {
    /// Deletes one file for real. Injectable so that a test can stop the execution between the
    /// steps, as a crash would.
    public typealias FileRemover = @Sendable (String) throws -> Void

    public let store: any DispositionStore
    let removeFile: FileRemover

    public init(store: any DispositionStore, removeFile: @escaping FileRemover = DispositionExecutor.deleteFile) {
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
            /// Its measure is `anonymiser` and its anonymized copy cannot be made.
            case notAnonymized(String)
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
            case .notAnonymized(let reason):
                return "\(reference): its measure is anonymiser but \(reason); file \(path) was left in place"
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
        /// The items left undone because their file is missing or changed.
        public var integrityProblems: [IntegrityProblem]
        /// The anonymized copies made before destruction, in list order.
        public var anonymized: [AnonymizedCopy] = []

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
        var anonymized: [AnonymizedCopy] = []
        let privacy = store as? any PrivacyStore
        // Read once for the whole list: which documents are confidential (one query), and the
        // public identifiers the anonymizer leaves in clear (read when first needed).
        let confidential = try await privacy?.confidentialReferences() ?? []
        var publicCharacter: PublicCharacter?
        // The folders the register may read, once for the list: a file outside them is never deleted.
        let access = try await FileAccess.of(store)
        for item in try await store.dispositionItems(of: number) where item.state != .done {
            switch item.state {
            case .pending:
                if item.checksFile, let problem = Self.check(item, missingIsProblem: true, access: access) {
                    problems.append(problem)
                    continue
                }
                if item.destroys, let privacy, confidential.contains(item.reference) {
                    let anonymization = try await anonymizeIfRequired(item, privacy, publicCharacter: &publicCharacter, access: access,
                                                                      by: actor, at: instant)
                    if let problem = anonymization.problem {
                        problems.append(problem)
                        continue
                    }
                    if let copy = anonymization.copy { anonymized.append(copy) }
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
        return Outcome(list: list, done: done, integrityProblems: problems, anonymized: anonymized)
    }

    /// For a digital document confirmed with the measure `anonymiser`: its anonymized copy, made
    /// and recorded (`anonymized` event) unless a previous run already did. Nil when no copy is
    /// required. `publicCharacter` is read from the store the first time a copy is made.
    func anonymizeIfRequired(_ item: DispositionItem, _ privacy: any PrivacyStore, publicCharacter: inout PublicCharacter?,
                             access: FileAccess, by actor: String, at instant: Date) async throws -> (copy: AnonymizedCopy?, problem: IntegrityProblem?) {
        guard let path = item.filePath, let expected = item.fileSHA256 else { return (nil, nil) }
        let status = try await privacy.documentPrivacy(item.reference)
        guard status.isConfidential, status.measure == .anonymiser else { return (nil, nil) }
        let target = DocumentAnonymizer.copyPath(of: path)
        let events = try await store.events(of: item.reference)
        if events.contains(where: { $0.event.kind == .anonymized && $0.event.detail == target }), FileManager.default.fileExists(atPath: target) {
            return (nil, nil)
        }
        let known: PublicCharacter
        if let publicCharacter {
            known = publicCharacter
        } else {
            known = PrivacyScanning.scanner(publicIdentifiers: try await privacy.publicIdentifiers()).publicCharacter
            publicCharacter = known
        }
        let copy: AnonymizedCopy
        do {
            copy = try DocumentAnonymizer.anonymize(reference: item.reference, path: path, publicCharacter: known, access: access)
        } catch {
            return (nil, IntegrityProblem(reference: item.reference, path: path, expectedSHA256: expected, kind: .notAnonymized(error.description)))
        }
        let today = CivilDate(dayOf: instant)
        try await store.appendEvent(LifecycleEvent(kind: .anonymized, on: today, by: actor,
                                                   reason: "copie anonymisée avant destruction (\(copy.replaced) renseignements remplacés, SHA-256 \(copy.sha256))",
                                                   detail: copy.path), to: item.reference, at: instant)
        return (copy, nil)
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
