import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// What every backend must do for the register's shared scan (`privacy scan --all --worker`):
/// workers claiming at once never get the same document, every document is claimed, a claim
/// that expired is taken by another worker, and a run finishes once every document is done.
@Suite("PrivacyStore contract: the shared scan")
struct PrivacyScanRunContractTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!

    @Test("workers claiming at once share the documents with a file, each once; an expired claim is taken again; the run finishes when all are done",
          arguments: Backend.allCases)
    func sharedScan(backend: Backend) async throws {
        try await ExampleRegister.with(backend, at: now) { store, _ in
            let withFile = Set(try await store.documents(matching: nil, limit: nil)
                .filter { $0.document.file != nil && $0.phase != .inactifDetruit }.map(\.document.reference))
            #expect(withFile.count > 4)
            let run = try await store.startScanRun(forced: false, by: "aiprp", at: now)
            // A worker starting while the run is open joins it.
            #expect(try await store.startScanRun(forced: true, by: "gestion.doc", at: now) == run)

            let lease = now.addingTimeInterval(600)
            // Eight workers claim one document at a time, at once, until none is left.
            let claims = try await withThrowingTaskGroup(of: [String: String].self) { group in
                for worker in 1...8 {
                    group.addTask {
                        var mine: [String: String] = [:]
                        while let reference = try await store.claimScanDocuments(run: run.id, worker: "w\(worker)", limit: 1, until: lease,
                                                                                 excluding: [], at: now).first {
                            mine[reference] = "w\(worker)"
                        }
                        return mine
                    }
                }
                var all: [(String, String)] = []
                for try await mine in group { all += mine.map { ($0.key, $0.value) } }
                return all
            }
            #expect(claims.count == withFile.count, "a document was claimed twice or missed")
            #expect(Set(claims.map(\.0)) == withFile)
            #expect(try await store.scanRunProgress(run: run.id, at: now) == PrivacyScanRunProgress(total: withFile.count, done: 0, claimed: withFile.count))

            // w1 dies holding its documents; after its claim expires w9 takes them.
            let holder = Dictionary(claims, uniquingKeysWith: { first, _ in first })
            let dead = holder.filter { $0.value == "w1" }.keys.sorted()
            let later = lease.addingTimeInterval(1)
            #expect(try await store.claimScanDocuments(run: run.id, worker: "w9", limit: 100, until: later.addingTimeInterval(600),
                                                       excluding: [], at: now).isEmpty)
            let retaken = try await store.claimScanDocuments(run: run.id, worker: "w9", limit: 100, until: later.addingTimeInterval(600),
                                                             excluding: [], at: later)
            #expect(retaken.sorted() == holder.filter { $0.value != "w9" }.keys.sorted(),
                    "every claim expired at \(later), so w9 takes every document not done")
            if let first = dead.first {
                // The dead worker's late completion is refused: the document is w9's now.
                #expect(try await store.completeScanClaim(run: run.id, reference: first, worker: "w1", at: later) == false)
                #expect(try await store.renewScanClaims(run: run.id, worker: "w1", until: later.addingTimeInterval(600)).isEmpty)
            }
            // A document given back is free again, and can be left out of a claim.
            let given = try #require(retaken.first)
            try await store.releaseScanClaim(run: run.id, reference: given, worker: "w9")
            #expect(try await store.claimScanDocuments(run: run.id, worker: "w2", limit: 5, until: later.addingTimeInterval(600),
                                                       excluding: [given], at: later).isEmpty)
            #expect(try await store.claimScanDocuments(run: run.id, worker: "w2", limit: 5, until: later.addingTimeInterval(600),
                                                       excluding: [], at: later) == [given])
            #expect(try await store.renewScanClaims(run: run.id, worker: "w9", until: later.addingTimeInterval(900)) == Set(retaken).subtracting([given]))

            #expect(try await store.finishScanRun(run: run.id, by: "aiprp", at: later) == false)
            for reference in retaken where reference != given {
                #expect(try await store.completeScanClaim(run: run.id, reference: reference, worker: "w9", at: later))
            }
            #expect(try await store.completeScanClaim(run: run.id, reference: given, worker: "w2", at: later))
            #expect(try await store.completeScanClaim(run: run.id, reference: given, worker: "w2", at: later) == false)
            #expect(try await store.scanRunProgress(run: run.id, at: later) == PrivacyScanRunProgress(total: withFile.count, done: withFile.count, claimed: 0))
            #expect(try await store.finishScanRun(run: run.id, by: "aiprp", at: later))
            #expect(try await store.finishScanRun(run: run.id, by: "aiprp", at: later) == false)

            let audit = try await store.auditEntries(since: nil, user: nil, target: "scan run \(run.id)")
            #expect(audit.map(\.action) == ["privacy.scan-run.start", "privacy.scan-run.finish"])
            // The next start opens a new run.
            #expect(try await store.startScanRun(forced: false, by: "aiprp", at: later).id == run.id + 1)
        }
    }
}
