import Foundation
import SablierCore
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// The same example data gives the same register on every backend: what a school service
/// centre sees must not depend on where its data is kept, and a store copied from one to the
/// other must read and verify the same.
@Suite("The same example data on every backend")
struct SameOnEveryBackendTests {
    let now = ExampleRegister.now
    let asOf = CivilDate(iso: "2026-11-29")!

    /// What a backend made of the example register and of one destruction list carried out.
    struct Outcome: Equatable {
        var dueBefore: [DueDocument]
        var proposed: [String]
        var certificate: DispositionCertificate
        var dueAfter: [DueDocument]
        var audit: [AuditEntry]
        var verification: AuditChain.Verification
    }

    /// Runs only when a second backend is there to compare with (`SABLIER_TEST_POSTGRES`).
    @Test("the example register gives the same due list, destruction certificate and audit chain on every backend",
          .enabled(if: Backend.allCases.count > 1, "only one backend to compare"))
    func sameEverywhere() async throws {
        // One directory for every backend: the same file paths, the same key, the same entries.
        let outcomes = try await withTemporaryDirectory { directory in
            var outcomes: [Backend: Outcome] = [:]
            for backend in Backend.allCases {
                let store = try await backend.makeStore(in: directory)
                // Each backend registers a fresh copy of the files: the previous one's destruction deleted some.
                try await ExampleRegister.fill(store, in: directory, configuringRoot: true)
                let dueBefore = try await store.dueDocuments(asOf: asOf, action: nil)
                let proposal = try await store.proposeDisposition(asOf: asOf, action: .destroy, by: "archiviste", at: now)
                try await store.approveDisposition(proposal.list.number, by: "secretaire.general", at: now)
                _ = try await DispositionExecutor(store: store).execute(proposal.list.number, method: "déchiquetage", vendorCertificate: "V-1",
                                                                        by: "technicien", at: now)
                outcomes[backend] = Outcome(
                    dueBefore: dueBefore, proposed: proposal.items.map(\.reference),
                    certificate: try await store.dispositionCertificate(proposal.list.number),
                    dueAfter: try await store.dueDocuments(asOf: asOf, action: nil),
                    audit: try await store.auditEntries(since: nil, user: nil, target: nil),
                    verification: try await store.verifyAudit(checkpoint: nil))
            }
            return outcomes
        }
        let sqlite = try #require(outcomes[.sqlite])
        #expect(sqlite.proposed == ["ELV-2010-0001", "ELV-2010-0001-NUM", "RF-PAIE-2018", "SG-CORR-2021"])
        #expect(sqlite.certificate.isComplete && sqlite.certificate.entries.count == 4)
        for backend in Backend.allCases where backend != .sqlite {
            let other = try #require(outcomes[backend])
            #expect(other.dueBefore == sqlite.dueBefore, "\(backend): the due list")
            #expect(other.proposed == sqlite.proposed, "\(backend): the list proposed")
            #expect(other.certificate == sqlite.certificate, "\(backend): the certificate")
            #expect(other.dueAfter == sqlite.dueAfter, "\(backend): the due list after the destruction")
            #expect(other.audit == sqlite.audit, "\(backend): the audit trail, entry by entry and hash by hash")
            #expect(other.verification == sqlite.verification, "\(backend): the audit trail's verification")
        }
    }
}
