import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// What every `AnonymizationStore` backend must do: the copy registered, the original's event,
/// the copy kept and audited in one transaction, refused whole by the Core's rules; one copy per
/// original; a sign-off only of the SHA-256 the copy was made with, and only once.
@Suite("AnonymizationStore contract")
struct AnonymizationStoreContractTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    let day = CivilDate(iso: "2026-11-29")!
    static let made = String(repeating: "c", count: 64)

    /// The example register, SG-CORR-2021 confirmed with the measure anonymiser.
    func withConfirmedCorrespondence<T>(_ backend: Backend, _ body: (any SablierStorage, TemporaryDirectory) async throws -> T) async throws -> T {
        try await ExampleRegister.with(backend, at: now) { store, directory in
            try await store.recordPrivacyReview("SG-CORR-2021", decision: .confirm, measure: .anonymiser, note: "lettre nominative",
                                                by: "aiprp", at: now)
            return try await body(store, directory)
        }
    }

    func made(_ original: String = "SG-CORR-2021") -> Anonymization {
        Anonymization(original: original, copyReference: "", path: "/copies/ANON-1.txt", sha256: Self.made,
                      replacements: [AnonymizationReplacement(type: "person-name", count: 7, distinct: 3),
                                     AnonymizationReplacement(type: "address", count: 1, distinct: 1)],
                      madeAt: now, madeBy: "aiprp", note: "copie pour la recherche")
    }

    func copy(_ reference: String = "ANON-1", rule: String = "1102", holder: String = "Secrétariat général") -> Document {
        Document(reference: reference, title: "Copie anonymisée (règle \(rule))", rule: rule, copy: .secondaire, holder: holder,
                 support: .numerique, openedOn: day, closedOn: day,
                 file: DigitalFile(path: "/copies/\(reference).txt", sha256: Self.made, size: 120, format: "txt"))
    }

    @Test("the copy is registered under the reference decided before it was written, refused if taken since; the original's event names it, and both are audited", arguments: Backend.allCases)
    func recorded(backend: Backend) async throws {
        try await withConfirmedCorrespondence(backend) { store, _ in
            // What the application decides from: ANON-1 is free, then taken by another document.
            var facts = try await store.anonymizationPlacementFacts(rule: "1102", holder: " secrétariat GÉNÉRAL", copyReference: nil)
            #expect(facts == AnonymizationPlacementFacts(ruleInForce: true, knownHolders: ["Secrétariat général"], takenReferences: []))
            try await store.registerDocuments([NewDocument(document: Document(
                reference: "ANON-1", title: "Autre", rule: "1102", copy: .principal, holder: "Secrétariat général", support: .papier))],
                by: "gestion.doc", at: now)
            facts = try await store.anonymizationPlacementFacts(rule: "9999", holder: "Nulle part", copyReference: "SG-CORR-2021")
            #expect(facts == AnonymizationPlacementFacts(ruleInForce: false, knownHolders: [], takenReferences: ["ANON-1", "SG-CORR-2021"]))
            await #expect(throws: Refusal(.anonymizeReferenceTaken, ["reference": "SG-CORR-2021", "copy": "ANON-1"])) {
                try await store.recordAnonymization(made(), copy: copy(), by: "aiprp", at: now)
            }
            let before = try await store.auditEntries(since: nil, user: nil, target: nil).count
            let kept = try await store.recordAnonymization(made(), copy: copy("ANON-2"), by: "aiprp", at: now)
            #expect(kept.copyReference == "ANON-2" && kept.signOff == nil && kept.replaced == 8)
            let registered = try #require(try await store.document("ANON-2"))
            #expect(registered.document.rule == "1102" && registered.document.copy == .secondaire && registered.document.file?.sha256 == Self.made)
            #expect(registered.document.closedOn == day)
            let event = try #require(try await store.events(of: "SG-CORR-2021").last?.event)
            #expect(event.kind == .anonymized && event.detail == "ANON-2" && event.by == "aiprp")
            let audit = try await store.auditEntries(since: nil, user: nil, target: nil).dropFirst(before)
            #expect(audit.map(\.action) == ["document.register", "privacy.anonymize"])
            #expect(audit.last?.target == "document SG-CORR-2021")
            let read = try #require(try await store.anonymization(of: "SG-CORR-2021"))
            #expect(read.copyReference == "ANON-2" && read.replacements == made().replacements && read.note == "copie pour la recherche")
            #expect(try await store.anonymizations(of: ["SG-CORR-2021", "RF-PAIE-2018"]).keys.sorted() == ["SG-CORR-2021"])
            #expect(try await store.anonymization(of: "RF-PAIE-2018") == nil)
        }
    }

    @Test("refused inside the transaction, nothing written: rule not in force, unknown holder, not anonymiser, one copy already", arguments: Backend.allCases)
    func refusedWhole(backend: Backend) async throws {
        try await withConfirmedCorrespondence(backend) { store, _ in
            let documents = try await store.documents(matching: nil, limit: nil).count
            await #expect(throws: Refusal(.anonymizeRuleNotInForce, ["rule": "9999"])) {
                try await store.recordAnonymization(made(), copy: copy(rule: "9999"), by: "aiprp", at: now)
            }
            await #expect(throws: Refusal(.anonymizeUnknownHolder, ["holder": "Nulle part"])) {
                try await store.recordAnonymization(made(), copy: copy(holder: "Nulle part"), by: "aiprp", at: now)
            }
            await #expect(throws: Refusal(.anonymizeNotRequired, ["reference": "RF-PAIE-2018", "measure": "-"])) {
                try await store.recordAnonymization(made("RF-PAIE-2018"), copy: copy(), by: "aiprp", at: now)
            }
            #expect(try await store.documents(matching: nil, limit: nil).count == documents)
            #expect(try await store.events(of: "SG-CORR-2021").isEmpty)
            #expect(try await store.anonymization(of: "SG-CORR-2021") == nil)
            // The holder compared as units are: case and spaces aside; kept as the register spells it.
            try await store.recordAnonymization(made(), copy: copy(holder: " SECRÉTARIAT général"), by: "aiprp", at: now)
            #expect(try await store.document("ANON-1")?.document.holder == "Secrétariat général")
            await #expect(throws: Refusal(.anonymizedCopyExists, ["reference": "SG-CORR-2021", "copy": "ANON-1"])) {
                try await store.recordAnonymization(made(), copy: copy(), by: "aiprp", at: now)
            }
            #expect(try await store.documents(matching: nil, limit: nil).count == documents + 1)
        }
    }

    @Test("a sign-off needs a copy whose file is there, signs it as it is now, reviews the copy's content, and happens once", arguments: Backend.allCases)
    func signOff(backend: Backend) async throws {
        try await withConfirmedCorrespondence(backend) { store, _ in
            await #expect(throws: Refusal(.noAnonymizedCopy, ["reference": "SG-CORR-2021"])) {
                try await store.signOffAnonymization(of: "SG-CORR-2021", currentSHA256: Self.made, flaggingFindings: 0, note: "lue", by: "aiprp", at: now)
            }
            try await store.recordAnonymization(made(), copy: copy(), by: "aiprp", at: now)
            await #expect(throws: Refusal(.anonymizedCopyMissing, ["reference": "SG-CORR-2021", "copy": "ANON-1", "path": "/copies/ANON-1.txt"])) {
                try await store.signOffAnonymization(of: "SG-CORR-2021", currentSHA256: nil, flaggingFindings: 0, note: "lue", by: "aiprp", at: now)
            }
            #expect(try await store.anonymization(of: "SG-CORR-2021")?.signOff == nil)
            let corrected = String(repeating: "d", count: 64)
            let signed = try await store.signOffAnonymization(of: "SG-CORR-2021", currentSHA256: corrected, flaggingFindings: 2, note: " lue ",
                                                              by: "aiprp", at: now)
            #expect(signed.signOff == AnonymizationSignOff(at: now, by: "aiprp", sha256: corrected, note: "lue") && signed.correctedByHand)
            #expect(try await store.anonymization(of: "SG-CORR-2021")?.signOff == signed.signOff)
            await #expect(throws: Refusal(.anonymizedCopySigned, ["reference": "SG-CORR-2021", "copy": "ANON-1", "by": "aiprp"])) {
                try await store.signOffAnonymization(of: "SG-CORR-2021", currentSHA256: corrected, flaggingFindings: 0, note: "lue", by: "aiprp", at: now)
            }
            let audit = try await store.auditEntries(since: nil, user: nil, target: nil)
            let signOffs = audit.filter { $0.action == "privacy.anonymize-sign-off" }
            #expect(signOffs.count == 1)
            #expect(signOffs.first?.details.contains("corrected_by_hand") == true)
            // The copy falls under a rule holding personal information: its content reviewed with the sign-off, out of the queue.
            let copyStatus = try await store.documentPrivacy("ANON-1")
            #expect(!copyStatus.isPending)
            #expect(copyStatus.currentReview.map { "\($0.decision) \($0.note)" } == (copyStatus.isFlagged ? "dismiss copie anonymisée vérifiée" : nil))
        }
    }
}
