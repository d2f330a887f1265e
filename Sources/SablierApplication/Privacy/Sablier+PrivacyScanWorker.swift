public import Foundation
public import SablierCore
import SablierRegister
import SablierStore

extension Sablier {
    /// One worker of the register's shared scan (`privacy scan --all --worker`): any number of
    /// them, on any number of machines, share one run of every document with a file that is not
    /// destroyed, so a register of millions of files is scanned by as many processes as it takes.
    ///
    /// The worker joins the open run (or starts one), then claims documents `batch` at a time
    /// for `lease` seconds, scans each as `scanPrivacy` does and marks it done. Before each
    /// document it renews its claims: a document whose claim expired and was taken by another
    /// worker is left to that one, so none is scanned twice; a worker that dies leaves its claims
    /// to expire, and another takes them, so none is missed. When nothing is left to claim and
    /// others still hold claims, it waits for them to finish or expire; the last one finishes the
    /// run. A document the worker may not see is given back for a worker who may, and counted
    /// as withheld. In a forced run a document scanned since the run started is not read again.
    /// Returns what this worker scanned.
    public func scanPrivacyAsWorker(_ session: Session, worker: String, force: Bool = false, batch: Int = 20, lease: TimeInterval = 600,
                                    progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws(Refusal) -> PrivacyScanReport {
        let useCase = "privacy scan"
        let access = try await authorize(session, .scanPrivacy, useCase)
        let visibility = try await visibility(access)
        let run = try await attempt { try await store.startScanRun(forced: force, by: session.user.name, at: clock.now) }
        let scanning = PrivacyScanning(store: store)
        let scanner = try await attempt { try await scanning.scanner() }
        let fingerprint = PrivacyScanning.fingerprint(scanner)
        let readable = try await fileAccess()
        var entries: [PrivacyScanEntry] = []
        var withheld: Set<String> = []
        while true {
            let claimed = try await attempt {
                try await store.claimScanDocuments(run: run.id, worker: worker, limit: max(1, batch), until: clock.now.addingTimeInterval(lease),
                                                   excluding: withheld, at: clock.now)
            }
            let state = try await attempt { try await store.scanRunProgress(run: run.id, at: clock.now) }
            progress(state.done, state.total)
            if claimed.isEmpty {
                if state.done == state.total {
                    _ = try await attempt { try await store.finishScanRun(run: run.id, by: session.user.name, at: clock.now) }
                    break
                }
                // Only documents this worker may not see are left: a worker who may see them finishes the run.
                if state.claimed == 0 { break }
                // Others hold claims: they finish them, or their claims expire and are taken here.
                try? await Task.sleep(for: .seconds(max(0.05, min(lease / 10, 5))))
                continue
            }
            for reference in claimed {
                let held = try await attempt { try await store.renewScanClaims(run: run.id, worker: worker, until: clock.now.addingTimeInterval(lease)) }
                guard held.contains(reference), let document = try await attempt({ try await store.document(reference) }) else { continue }
                guard visibility.allows(reference, holder: document.document.holder) else {
                    withheld.insert(reference)
                    try await attempt { try await store.releaseScanClaim(run: run.id, reference: reference, worker: worker) }
                    continue
                }
                var forced = false
                if run.forced {
                    let scannedAt = try await attempt { try await store.documentPrivacy(reference).scannedAt }
                    forced = scannedAt.map { $0 < run.startedAt } ?? true
                }
                let outcome = try await attempt {
                    try await scanning.scanDocument(document, scanner: scanner, fingerprint: fingerprint, force: forced, access: readable,
                                                    by: session.user.name, at: clock.now)
                }
                _ = try await attempt { try await store.completeScanClaim(run: run.id, reference: reference, worker: worker, at: clock.now) }
                entries.append(PrivacyScanEntry(outcome))
            }
        }
        return PrivacyScanReport(entries: entries, withheld: withheld.count)
    }
}
