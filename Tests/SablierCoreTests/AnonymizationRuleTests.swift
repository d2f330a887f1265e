import Foundation
import SablierCore
import Testing

@Suite("Anonymised copies: when one may be made, signed off, and when the original may go")
struct AnonymizationRuleTests {
    let instant = Date(timeIntervalSince1970: 1_796_000_000)
    static let made = String(repeating: "a", count: 64)

    func document(measure: PersonalInformationMeasure? = .anonymiser, phase: Phase = .actif) -> DocumentPrivacy {
        let reviews = measure.map {
            [PrivacyReview(id: 1, reference: "SG-LET-2021", decision: .confirm, measure: $0, note: "lettre", sha256: nil,
                           reviewedAt: instant, reviewedBy: "aiprp")]
        } ?? []
        return DocumentPrivacy(reference: "SG-LET-2021", title: "Lettre", rule: "1201", holder: "Secrétariat général", phase: phase,
                               rulePrivacy: nil, scan: nil, scannedPath: nil, scannedAt: nil, reviews: reviews)
    }

    var copy: Anonymization {
        Anonymization(original: "SG-LET-2021", copyReference: "SG-LET-2021-ANON", path: "/f/lettre-anonymise.txt", sha256: Self.made,
                      replacements: [], madeAt: instant, madeBy: "aiprp", note: "copie")
    }

    let facts = AnonymizationPlacementFacts(ruleInForce: true, knownHolders: ["Secrétariat général"], takenReferences: ["ANON-1", "ANON-7"])

    func place(_ document: DocumentPrivacy? = nil, file: String? = "/f/lettre.txt", existing: Anonymization? = nil,
               reference: String? = nil, title: String? = nil,
               facts: AnonymizationPlacementFacts? = nil) throws(Refusal) -> AnonymizationPlacement<String> {
        try (document ?? self.document()).anonymizationPlacement(file: file, existing: existing, rule: "1102", holder: "secrétariat GÉNÉRAL",
                                                                 copyReference: reference, title: title, facts: facts ?? self.facts)
    }

    @Test("made only of a digital document confirmed with anonymiser, not destroyed, without a copy already")
    func anonymizable() throws {
        #expect(try place().file == "/f/lettre.txt")
        #expect(throws: Refusal(.anonymizePaper, ["reference": "SG-LET-2021"])) { try place(file: nil) }
        #expect(throws: Refusal(.anonymizeNotRequired, ["reference": "SG-LET-2021", "measure": "detruire"])) {
            try place(document(measure: .detruire))
        }
        #expect(throws: Refusal(.anonymizeNotRequired, ["reference": "SG-LET-2021", "measure": "-"])) { try place(document(measure: nil)) }
        #expect(throws: Refusal(.documentDestroyed, ["reference": "SG-LET-2021"])) { try place(document(phase: .inactifDetruit)) }
        #expect(throws: Refusal(.anonymizedCopyExists, ["reference": "SG-LET-2021", "copy": "SG-LET-2021-ANON"])) { try place(existing: copy) }
    }

    @Test("placed under a rule in force and a known holder spelled as the register spells it, under a neutral reference and title")
    func placement() throws {
        let placed = try place()
        #expect(placed.copyReference == "ANON-8" && placed.title == "Copie anonymisée (règle 1102)")
        #expect(placed.holder == "Secrétariat général" && placed.rule == "1102")
        let asked = try place(reference: "RECHERCHE-12", title: "Lettre type")
        #expect(asked.copyReference == "RECHERCHE-12" && asked.title == "Lettre type")
        #expect(throws: Refusal(.anonymizeRuleNotInForce, ["rule": "1102"])) {
            try place(facts: AnonymizationPlacementFacts(ruleInForce: false, knownHolders: ["Secrétariat général"], takenReferences: []))
        }
        #expect(throws: Refusal(.anonymizeUnknownHolder, ["holder": "secrétariat GÉNÉRAL"])) {
            try place(facts: AnonymizationPlacementFacts(ruleInForce: true, knownHolders: [], takenReferences: []))
        }
        #expect(throws: Refusal(.anonymizeReferenceTaken, ["reference": "SG-LET-2021", "copy": "ANON-7"])) { try place(reference: "ANON-7") }
        #expect(throws: Refusal(.anonymizeReferenceUnfit, ["reference": "SG-LET-2021", "copy": "../x"])) { try place(reference: "../x") }
        #expect(throws: Refusal(.anonymizeReferenceUnfit, ["reference": "SG-LET-2021", "copy": ".cache"])) { try place(reference: ".cache") }
    }

    @Test("the copy's default reference: ANON-N, one more than the highest ANON-N taken, never the original's")
    func reference() {
        #expect(Anonymization.nextCopyReference(after: []) == "ANON-1")
        #expect(Anonymization.nextCopyReference(after: ["ANON-1", "ANON-12", "ANON-3", "ANON-X", "SG-LET-2021"]) == "ANON-13")
    }

    @Test("signed off once, as the copy is now (corrected by hand or not); the original waits for the sign-off, then for the copy unchanged")
    func signOffAndWait() throws {
        #expect(copy.destructionWait(currentSHA256: Self.made) == .signOff)
        #expect(throws: Refusal(.anonymizedCopyMissing, ["reference": "SG-LET-2021", "copy": "SG-LET-2021-ANON", "path": "/f/lettre-anonymise.txt"])) {
            try copy.signedOff(by: "aiprp", at: instant, note: "lue", currentSHA256: nil)
        }
        // Corrected by hand after it was made: signed as it is, and said so; the destruction checks that.
        let corrected = String(repeating: "e", count: 64)
        let signedCorrected = try copy.signedOff(by: "aiprp", at: instant, note: "nom corrigé", currentSHA256: corrected)
        #expect(signedCorrected.signOff?.sha256 == corrected && signedCorrected.correctedByHand)
        #expect(signedCorrected.destructionWait(currentSHA256: corrected) == nil)
        #expect(signedCorrected.destructionWait(currentSHA256: Self.made) == .copyChanged)
        #expect(throws: Refusal.self) { try copy.signedOff(by: "aiprp", at: instant, note: "  ", currentSHA256: Self.made) }
        let signed = try copy.signedOff(by: "aiprp", at: instant, note: " lue ", currentSHA256: Self.made)
        #expect(signed.signOff == AnonymizationSignOff(at: instant, by: "aiprp", sha256: Self.made, note: "lue") && !signed.correctedByHand)
        #expect(signed.destructionWait(currentSHA256: Self.made) == nil)
        #expect(signed.destructionWait(currentSHA256: String(repeating: "b", count: 64)) == .copyChanged)
        #expect(signed.destructionWait(currentSHA256: nil) == .copyChanged)
        #expect(throws: Refusal(.anonymizedCopySigned, ["reference": "SG-LET-2021", "copy": "SG-LET-2021-ANON", "by": "aiprp"])) {
            try signed.signedOff(by: "aiprp", at: instant, note: "lue", currentSHA256: Self.made)
        }
    }
}
