import Foundation
public import SablierCore
public import SablierPrivacy
public import SablierRegister
import SablierStore

/// Which registered documents `privacy scan` reads.
public enum PrivacyScanTarget: Sendable, Hashable {
    /// One document, by reference.
    case document(String)
    /// Every document with a file that is not destroyed.
    case all
}

extension Sablier {
    /// Scans the files of registered documents for personal information and stores what was
    /// found, masked, per content. Incremental: a content already scanned by the same detectors
    /// and public identifiers is not read again unless `force`.
    ///
    /// A file that cannot be read is reported and flagged, never taken as free of personal
    /// information. Documents the reader may not see (confidential ones, for the records
    /// manager) are left out of `all` and counted as withheld; named, they answer as not
    /// registered. `progress` is told how many documents are done out of how many.
    public func scanPrivacy(_ session: Session, _ target: PrivacyScanTarget, force: Bool = false,
                            progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws(Refusal) -> PrivacyScanReport {
        let useCase = "privacy scan"
        let access = try await authorize(session, .scanPrivacy, useCase)
        let visibility = try await visibility(access)
        var documents: [RegisteredDocument]
        var withheld = 0
        switch target {
        case .document(let reference):
            documents = [try await visibleDocument(reference, visibility, useCase: useCase)]
        case .all:
            let candidates = try await attempt { try await store.documents(matching: nil, limit: nil) }
                .filter { $0.document.file != nil && $0.phase != .inactifDetruit }
            documents = candidates.filter { visibility.allows($0.document.reference, holder: $0.document.holder) }
            withheld = candidates.count - documents.count
        }
        let scanning = PrivacyScanning(store: store)
        let scanner = try await attempt { try await scanning.scanner() }
        let fingerprint = PrivacyScanning.fingerprint(scanner)
        let readable = try await fileAccess()
        var entries: [PrivacyScanEntry] = []
        for (index, document) in documents.enumerated() {
            let outcome = try await attempt {
                try await scanning.scanDocument(document, scanner: scanner, fingerprint: fingerprint, force: force, access: readable,
                                                by: session.user.name, at: clock.now)
            }
            entries.append(PrivacyScanEntry(outcome))
            progress(index + 1, documents.count)
        }
        return PrivacyScanReport(entries: entries, withheld: withheld)
    }

    /// Scans files named by the caller, one line each, in order (`privacy scan PATH…`).
    ///
    /// A file that is a registered document's (and that the reader may see) is scanned as that
    /// document: its scan is stored. Any other file is handed to `read`, which belongs to the
    /// edge that named it — the application never opens a path it was merely given — and
    /// nothing is stored of it, once the path is allowed: inside the folders the register may
    /// read and a regular file (`FileAccess`); `read` is given the resolved path. `paths` are
    /// absolute. The scanner given to `read` carries the organisation's public identifiers.
    public func scanPrivacyFiles(_ session: Session, paths: [String], force: Bool = false,
                                 read: (_ path: String, _ scanner: PrivacyScanner) -> PrivacyScanning.FileScan,
                                 _ each: (_ index: Int, _ line: PrivacyFileLine) -> Void) async throws(Refusal) -> PrivacyFileSummary {
        let useCase = "privacy scan"
        let access = try await authorize(session, .scanPrivacy, useCase)
        let visibility = try await visibility(access)
        let scanning = PrivacyScanning(store: store)
        let scanner = try await attempt { try await scanning.scanner() }
        let fingerprint = PrivacyScanning.fingerprint(scanner)
        let readable = try await fileAccess()
        // Documents' paths are stored resolved: a path given through a link finds its document.
        let resolved = paths.map { (try? FileAccess.realPath($0)) ?? $0 }
        let registered = try await attempt { try await store.documents(atPaths: Array(Set(paths + resolved))) }
        var summary = PrivacyFileSummary()
        for (index, path) in paths.enumerated() {
            var line: PrivacyFileLine?
            if let reference = registered[resolved[index]] ?? registered[path],
               let document = try await attempt({ try await store.document(reference) }) {
                if visibility.allows(reference, holder: document.document.holder) {
                    let outcome = try await attempt {
                        try await scanning.scanDocument(document, scanner: scanner, fingerprint: fingerprint, force: force, access: readable,
                                                        by: session.user.name, at: clock.now)
                    }
                    line = PrivacyFileLine(path, document: reference, outcome: outcome)
                } else {
                    summary.withheld += 1
                }
            }
            let written: PrivacyFileLine
            if let line {
                written = line
            } else {
                do throws(FileAccess.Failure) {
                    written = PrivacyFileLine(path, read(try readable.check(path), scanner))
                } catch {
                    written = PrivacyFileLine(path, refused: error)
                }
            }
            summary.files += 1
            if written.flagged == nil { summary.unreadable += 1 }
            each(index, written)
        }
        return summary
    }
}
