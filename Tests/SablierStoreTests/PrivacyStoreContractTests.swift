import Foundation
import SablierCore
import SablierImport
import SablierPrivacy
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// What every `PrivacyStore` backend must do: scans per content replaced whole, documents
/// pointing at their content, reviews bound to the content reviewed, rule confirmations (the
/// latest counts), public identifiers unique; refusals are the domain's typed ones.
@Suite("PrivacyStore contract")
struct PrivacyStoreContractTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    static let contentA = String(repeating: "a", count: 64)
    static let contentB = String(repeating: "b", count: 64)

    func withExampleRegister<T>(_ backend: Backend, _ body: (any PrivacyStore) async throws -> T) async throws -> T {
        try await ExampleRegister.with(backend, at: now) { store, _ in try await body(store) }
    }

    func scan(_ sha256: String, flagged: Bool, findings: Int) -> ContentScan {
        ContentScan(sha256: sha256, scanner: "v1-test", scannedAt: now, status: .read, format: "txt", textScalars: 100, flagged: flagged,
                    score: flagged ? 950 : 0, summary: flagged ? "sin ×\(findings) (95)" : "no personal information found",
                    findingCount: findings, findings: (0..<findings).map {
                        StoredFinding(type: "sin", confidence: 95, start: $0 * 10, end: $0 * 10 + 11, excerpt: "NAS : ••• ••• •••", reason: "test")
                    })
    }

    @Test("a content scanned again replaces its findings; documents point at the content of their file", arguments: Backend.allCases)
    func scans(backend: Backend) async throws {
        try await withExampleRegister(backend) { store in
            try await store.recordScan(scan(Self.contentA, flagged: true, findings: 3), document: "SG-CORR-2021", path: "/a", by: "aiprp", at: now)
            #expect(try await store.contentScan(sha256: Self.contentA)?.findings.count == 3)
            try await store.recordScan(scan(Self.contentA, flagged: true, findings: 1), document: nil, path: "/a", by: "aiprp", at: now)
            #expect(try await store.contentScan(sha256: Self.contentA)?.findings.count == 1)
            try await store.linkScan(sha256: Self.contentA, document: "SG-POL-2015", path: "/copy", by: "aiprp", at: now)
            #expect(try await store.scannedContents() == ["SG-CORR-2021": Self.contentA, "SG-POL-2015": Self.contentA])
            await #expect(throws: Refusal(.scanNotFound, ["sha256": Self.contentB])) {
                try await store.linkScan(sha256: Self.contentB, document: "SG-POL-2015", path: "/b", by: "aiprp", at: now)
            }
            let unreadable = ContentScan(sha256: Self.contentB, scanner: "v1-test", scannedAt: now, status: .unreadable, problem: "damaged",
                                         summary: "not read: damaged")
            try await store.recordScan(unreadable, document: "SG-POL-2015", path: "/b", by: "aiprp", at: now)
            let policy = try await store.documentPrivacy("SG-POL-2015")
            #expect(policy.flaggedByContent && policy.score == 500 && policy.scannedPath == "/b")
        }
    }

    @Test("a review holds for the content reviewed; the rule gives the measure; the latest rule confirmation counts", arguments: Backend.allCases)
    func reviews(backend: Backend) async throws {
        try await withExampleRegister(backend) { store in
            // SG-POL-2015's rule (1102) holds no personal information: nothing to review until its content flags it.
            await #expect(throws: Refusal(.nothingToReviewUnscanned, ["reference": "SG-POL-2015"])) {
                try await store.recordPrivacyReview("SG-POL-2015", decision: .dismiss, measure: nil, note: "n", by: "aiprp", at: now)
            }
            try await store.recordScan(scan(Self.contentA, flagged: true, findings: 1), document: "SG-POL-2015", path: "/a", by: "aiprp", at: now)
            await #expect(throws: Refusal(.noMeasure, ["rule": "1102"])) {
                try await store.recordPrivacyReview("SG-POL-2015", decision: .confirm, measure: nil, note: "no measure anywhere", by: "aiprp", at: now)
            }
            let review = try await store.recordPrivacyReview("SG-POL-2015", decision: .confirm, measure: .anonymiser, note: "NAS", by: "aiprp", at: now)
            #expect(review.sha256 == Self.contentA)
            #expect(try await store.documentPrivacy("SG-POL-2015").isConfidential)
            try await store.recordScan(scan(Self.contentB, flagged: true, findings: 2), document: "SG-POL-2015", path: "/a", by: "aiprp", at: now)
            let changed = try await store.documentPrivacy("SG-POL-2015")
            // Its new content waits for a review, and it stays confidential until then, as the
            // listings that hide it from others have it.
            #expect(changed.isPending && changed.isConfidential && changed.reviews.count == 1)
            #expect(try await store.confidentialReferences().contains("SG-POL-2015"))

            let confirmed = try await store.confirmRulePrivacy(rule: "1102", personalInformation: true, measure: .detruire, note: nil, by: "gd", at: now)
            #expect(confirmed.calendarVersion == 1)
            _ = try await store.confirmRulePrivacy(rule: "1102", personalInformation: false, measure: nil, note: "corrigé", by: "gd", at: now)
            let rule = try #require(try await store.rulePrivacy().first { $0.rule == "1102" })
            #expect(rule.source == .confirmed && !rule.flags && rule.confirmation?.note == "corrigé")
        }
    }

    @Test("public identifiers are unique by kind and value", arguments: Backend.allCases)
    func publicIdentifiers(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await store.addPublicIdentifier(PublicIdentifier(kind: .phone, value: "4505550100", addedAt: now, addedBy: "aiprp"))
            await #expect(throws: Refusal(.publicIdentifierExists, ["kind": "phone", "value": "4505550100"])) {
                try await store.addPublicIdentifier(PublicIdentifier(kind: .phone, value: "4505550100", addedAt: now, addedBy: "aiprp"))
            }
            #expect(try await store.publicIdentifiers().map(\.value) == ["4505550100"])
            try await store.removePublicIdentifier(kind: .phone, value: "4505550100", by: "aiprp", at: now)
            await #expect(throws: Refusal(.publicIdentifierNotFound, ["kind": "phone", "value": "4505550100"])) {
                try await store.removePublicIdentifier(kind: .phone, value: "4505550100", by: "aiprp", at: now)
            }
        }
    }

    /// A letterhead is declared as a whole: one value already there adds none of the others,
    /// and writes no audit entry for them (a future PostgreSQL store must pass this too).
    @Test("public identifiers are added all or none", arguments: Backend.allCases)
    func publicIdentifiersAllOrNone(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            func identifier(_ kind: PublicIdentifier.Kind, _ value: String) -> PublicIdentifier {
                PublicIdentifier(kind: kind, value: value, addedAt: now, addedBy: "aiprp")
            }
            try await store.addPublicIdentifier(identifier(.postalCode, "J1H2K3"))
            await #expect(throws: Refusal(.publicIdentifierExists, ["kind": "postal-code", "value": "J1H2K3"])) {
                try await store.addPublicIdentifiers([identifier(.phone, "8195550100"), identifier(.postalCode, "J1H2K3"),
                                                      identifier(.emailDomain, "css.example.qc.ca")])
            }
            #expect(try await store.publicIdentifiers().map(\.value) == ["J1H2K3"])
            let audited = try await store.auditEntries(since: nil, user: nil, target: nil)
                .filter { $0.action == "privacy.public.add" }.count
            #expect(audited == 1)
            try await store.addPublicIdentifiers([identifier(.phone, "8195550100"), identifier(.emailDomain, "css.example.qc.ca")])
            #expect(try await store.publicIdentifiers().map(\.value).sorted() == ["8195550100", "J1H2K3", "css.example.qc.ca"])
        }
    }
}

@Suite("Disposition of a document confirmed with the measure anonymiser")
struct AnonymizedDispositionTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!

    @Test("its file is destroyed only once its anonymised copy is made, registered and signed off", arguments: Backend.allCases)
    func anonymizedBeforeDestruction(backend: Backend) async throws {
        // The 2021 correspondence holds a letter about a student, before it is registered (measured).
        try await ExampleRegister.with(backend, at: now, beforeRegistering: { examples in
            try Data("Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\nAllergie aux arachides.\n".utf8)
                .write(to: examples.appendingPathComponent("fichiers/correspondance-2021.txt"))
        }) { store, directory in
            let examples = directory.file("examples")
            let letter = examples.appendingPathComponent("fichiers/correspondance-2021.txt")
            let scanning = PrivacyScanning(store: store)
            let scanner = try await scanning.scanner()
            let document = try #require(try await store.document("SG-CORR-2021"))
            let scanned = try await scanning.scanDocument(document, scanner: scanner, fingerprint: PrivacyScanning.fingerprint(scanner),
                                                          by: "aiprp", at: now)
            #expect(scanned.scan?.flagged == true)
            try await store.recordPrivacyReview("SG-CORR-2021", decision: .confirm, measure: .anonymiser, note: "lettre nominative",
                                                by: "aiprp", at: now)

            let proposal = try await store.proposeDisposition(asOf: CivilDate(iso: "2026-11-29")!, action: .destroy, by: "gestion.doc", at: now)
            #expect(proposal.items.contains { $0.reference == "SG-CORR-2021" })
            try await store.approveDisposition(proposal.list.number, by: "secretaire.general", at: now)
            func execute() async throws -> DispositionExecutor.Outcome {
                try await DispositionExecutor(store: store).execute(proposal.list.number, method: "déchiquetage", vendorCertificate: nil,
                                                                    by: "gestion.doc", at: now)
            }
            // No copy yet: the executor makes none itself, and leaves the file.
            var outcome = try await execute()
            #expect(outcome.integrityProblems.map(\.kind) == [.notAnonymized(.copy)] && !outcome.isComplete)
            #expect(FileManager.default.fileExists(atPath: letter.path))
            let copyPath = examples.appendingPathComponent("fichiers/ANON-1.txt").path
            #expect(!FileManager.default.fileExists(atPath: copyPath))

            let registered = try #require(document.document.file?.sha256)
            let access = try await FileAccess.of(store)
            let written = try DocumentAnonymizer.anonymize(path: letter.path, expectedSHA256: registered, to: copyPath,
                                                           publicCharacter: scanner.publicCharacter, access: access)
            let made = written.file
            #expect(made.path == copyPath)
            #expect(try String(contentsOfFile: made.path, encoding: .utf8)
                .hasSuffix("====\n\nNom de l'élève : [nom 1]\nNAS du parent : [NAS 1]\nAllergie aux arachides.\n"))
            let day = CivilDate(iso: "2026-11-29")!
            try await store.recordAnonymization(
                Anonymization(original: "SG-CORR-2021", copyReference: "ANON-1", path: made.path, sha256: made.sha256,
                              replacements: [AnonymizationReplacement(type: "sin", count: 1, distinct: 1)], madeAt: now, madeBy: "aiprp", note: "copie"),
                copy: Document(reference: "ANON-1", title: "Copie anonymisée (règle 1102)", rule: "1102", copy: .principal,
                               holder: "Secrétariat général", support: .numerique, openedOn: day, closedOn: day, file: made),
                by: "aiprp", at: now)
            outcome = try await execute()
            #expect(outcome.integrityProblems.map(\.kind) == [.notAnonymized(.signOff)] && !outcome.isComplete)
            #expect(outcome.integrityProblems.first?.description.contains("sign-off") == true)

            try await store.signOffAnonymization(of: "SG-CORR-2021", currentSHA256: made.sha256, flaggingFindings: 0, note: "lue", by: "aiprp", at: now)
            outcome = try await execute()
            #expect(outcome.integrityProblems.isEmpty && outcome.isComplete)
            #expect(!FileManager.default.fileExists(atPath: letter.path) && FileManager.default.fileExists(atPath: made.path))
            let events = try await store.events(of: "SG-CORR-2021")
            #expect(events.map(\.event.kind) == [.anonymized, .destroyed])
            #expect(events.first?.event.detail == "ANON-1")
            // Documents destroyed without that measure get no copy.
            #expect(!FileManager.default.fileExists(atPath: examples.appendingPathComponent("fichiers/paie-2018-anonymise.txt").path))
        }
    }
}
