@testable import SablierPrivacy
import Testing

/// What the dense-text work of issue 17 changed in the engine, held to its behaviour: a scan
/// that leaves findings undescribed finds exactly the same things, excerpts are written byte
/// for byte as before, and the verdict's tallies by type agree with its findings.
@Suite("Scanning dense text: undescribed findings, excerpts, the verdict's tallies")
struct DenseScanTests {
    /// A form, a class list line and a payroll line: most detectors, several findings a line.
    static let form = """
        Nom de l'élève : Léa Ouellet
        Code permanent : PELN84511407
        Date de naissance : 2013-04-17
        Cellulaire du parent : 450 555-0186
        Courriel : lea.ouellet@videotron.ca
        Adresse : 1234, rue des Érables, app. 5, Sherbrooke (Québec) J1H 2K3
        TREMBLAY, Guy\tTREG71531204
        Matricule 118234 | NAS 264 175 696 | Dépôt direct 12345-815-1234567
        Allergie aux arachides.
        """

    @Test("undescribed findings are the described ones without excerpt nor reason: same types, offsets, confidences, counts")
    func undescribedFindingsAreTheSame() {
        var scanner = PrivacyScanner()
        let described = scanner.scan(Self.form)
        scanner.describesFindings = false
        let undescribed = scanner.scan(Self.form)
        #expect(described.findings.count >= 10)
        #expect(undescribed.findings.map { [$0.type.rawValue, "\($0.start)", "\($0.end)", "\($0.confidence)"] }
            == described.findings.map { [$0.type.rawValue, "\($0.start)", "\($0.end)", "\($0.confidence)"] })
        #expect(undescribed.counts == described.counts && undescribed.verdict.summary == described.verdict.summary)
        #expect(undescribed.findings.allSatisfy { $0.excerpt.isEmpty && $0.reason.isEmpty })
        #expect(described.findings.allSatisfy { !$0.excerpt.isEmpty && !$0.reason.isEmpty })
    }

    @Test("a stream keeps leaving findings undescribed after finish, for the next text")
    func streamKeepsTheSetting() {
        var scanner = PrivacyScanner()
        scanner.describesFindings = false
        var stream = scanner.stream()
        stream.append(Array(Self.form.utf8))
        #expect(stream.finish().findings.allSatisfy { $0.excerpt.isEmpty })
        stream.append(Array(Self.form.utf8))
        let second = stream.finish()
        #expect(!second.findings.isEmpty && second.findings.allSatisfy { $0.excerpt.isEmpty && $0.reason.isEmpty })
    }

    @Test("an excerpt in full: line breaks and tabs one space, digits and the finding's letters masked, the rest kept")
    func excerptWhole() {
        let findings = PrivacyScanner().scan("Nom : Léa Ouellet\nNAS : 264 175 696").findings
        #expect(findings.map(\.type) == [.personName, .sin])
        // The whole text is within 40 bytes of both findings: no ellipsis; `é` is one mask.
        #expect(findings.allSatisfy { $0.excerpt == "Nom : ••• ••••••• NAS : ••• ••• •••" })
    }

    @Test("an excerpt cut on both sides: 40 bytes each way, an ellipsis at each cut, CR LF one space")
    func excerptCut() {
        let text = String(repeating: "x", count: 50) + "\tNAS : 264 175 696\r\n" + String(repeating: "y", count: 50)
        let sin = PrivacyScanner().scan(text).findings.first { $0.type == .sin }
        #expect(sin?.excerpt == "…" + String(repeating: "x", count: 33) + " NAS : ••• ••• ••• " + String(repeating: "y", count: 38) + "…")
    }

    @Test("the verdict counts each type and keeps its best confidence")
    func verdictTallies() {
        let result = PrivacyScanner().scan("NAS : 264 175 696\nTél. 819 555-0177\nTél. 819 555-0178")
        #expect(result.verdict.counts == [.sin: 1, .phone: 2])
        #expect(result.verdict.flagged && result.verdict.score == 950 && result.verdict.summary == "sin ×1 (95)")
        let tallied = PrivacyVerdict(findings: result.findings)
        #expect(tallied.counts == [.sin: 1, .phone: 2] && tallied.summary == "sin ×1 (95)")
    }

    @Test("a type's place, which the verdict tallies by, is its place in allCases")
    func placesFollowAllCases() {
        for (index, type) in FindingType.allCases.enumerated() {
            #expect(type.place == index, "\(type)")
        }
    }
}
