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

    @Test("made only of a digital document confirmed with anonymiser, not destroyed, without a copy already")
    func anonymizable() throws {
        try document().checkAnonymizable(isDigital: true, existing: nil)
        #expect(throws: Refusal(.anonymizePaper, ["reference": "SG-LET-2021"])) {
            try document().checkAnonymizable(isDigital: false, existing: nil)
        }
        #expect(throws: Refusal(.anonymizeNotRequired, ["reference": "SG-LET-2021", "measure": "detruire"])) {
            try document(measure: .detruire).checkAnonymizable(isDigital: true, existing: nil)
        }
        #expect(throws: Refusal(.anonymizeNotRequired, ["reference": "SG-LET-2021", "measure": "-"])) {
            try document(measure: nil).checkAnonymizable(isDigital: true, existing: nil)
        }
        #expect(throws: Refusal(.documentDestroyed, ["reference": "SG-LET-2021"])) {
            try document(phase: .inactifDetruit).checkAnonymizable(isDigital: true, existing: nil)
        }
        #expect(throws: Refusal(.anonymizedCopyExists, ["reference": "SG-LET-2021", "copy": "SG-LET-2021-ANON"])) {
            try document().checkAnonymizable(isDigital: true, existing: copy)
        }
    }

    @Test("the copy's reference: REF-ANON, else the first free REF-ANON-N")
    func reference() {
        #expect(Anonymization.copyReference(of: "A") { _ in false } == "A-ANON")
        #expect(Anonymization.copyReference(of: "A") { ["A-ANON", "A-ANON-2"].contains($0) } == "A-ANON-3")
    }

    @Test("signed off once, only with the SHA-256 made; the original waits for the sign-off, then for the copy unchanged")
    func signOffAndWait() throws {
        #expect(copy.destructionWait(currentSHA256: Self.made) == .signOff)
        #expect(throws: Refusal(.anonymizedCopyChanged, ["reference": "SG-LET-2021", "copy": "SG-LET-2021-ANON", "path": "/f/lettre-anonymise.txt"])) {
            try copy.signedOff(by: "aiprp", at: instant, note: "lue", currentSHA256: nil)
        }
        #expect(throws: Refusal.self) { try copy.signedOff(by: "aiprp", at: instant, note: "  ", currentSHA256: Self.made) }
        let signed = try copy.signedOff(by: "aiprp", at: instant, note: " lue ", currentSHA256: Self.made)
        #expect(signed.signOff == AnonymizationSignOff(at: instant, by: "aiprp", sha256: Self.made, note: "lue"))
        #expect(signed.destructionWait(currentSHA256: Self.made) == nil)
        #expect(signed.destructionWait(currentSHA256: String(repeating: "b", count: 64)) == .copyChanged)
        #expect(signed.destructionWait(currentSHA256: nil) == .copyChanged)
        #expect(throws: Refusal(.anonymizedCopySigned, ["reference": "SG-LET-2021", "copy": "SG-LET-2021-ANON", "by": "aiprp"])) {
            try signed.signedOff(by: "aiprp", at: instant, note: "lue", currentSHA256: Self.made)
        }
    }
}
