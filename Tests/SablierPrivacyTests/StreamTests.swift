import SablierPrivacy
import Testing

@Suite("Scanning streams, offsets, excerpts and anonymized copies")
struct StreamTests {
    /// A long text with identifiers everywhere, including across every chunk size tried.
    static let long: String = {
        var lines: [String] = []
        for index in 0..<30_000 {
            switch index % 1000 {
            case 17: lines.append("Élève nº \(index) — Nom de l'élève : Léa Ouellet — NAS : 264 175 696 — Cellulaire : 450 555-0186")
            case 503: lines.append("Facture 2025-\(index) — No TPS : 855641437 RT0001 — Téléphone (bureau) : 819 555-0177")
            default: lines.append("Ligne \(index) : procès-verbal, résolution CE-2025-\(index % 97), budget 1-20-210-00-541, 18 420 élèves.")
            }
        }
        return lines.joined(separator: "\n")
    }()

    @Test("feeding a text in chunks of any size finds exactly what one scan finds, at the same scalar offsets")
    func chunksAgree() {
        let scanner = PrivacyScanner()
        let whole = scanner.scan(Self.long)
        #expect(whole.findings.filter { $0.type == .sin }.count == 30)
        #expect(whole.byteCount > 2 * 256 * 1024)   // several regions
        let bytes = Array(Self.long.utf8)
        for size in [1, 7, 4096, 65_537, 300_000] {
            var stream = scanner.stream()
            var start = 0
            while start < bytes.count {
                stream.append(Array(bytes[start..<min(bytes.count, start + size)]))
                start += size
            }
            let result = stream.finish()
            #expect(result.findings == whole.findings, "chunks of \(size) bytes")
            #expect(result.scalarCount == Self.long.unicodeScalars.count)
        }
    }

    @Test("offsets count Unicode scalars, not bytes nor grapheme clusters")
    func scalarOffsets() {
        // "é" precomposed (1 scalar, 2 bytes) and "e\u{301}" (2 scalars, 1 grapheme).
        let text = "Réf. e\u{301}lève 🎒 — NAS : 264 175 696"
        let finding = PrivacyScanner().scan(text).findings[0]
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])) == "264 175 696")
    }

    @Test("excerpts never hold an identifier in clear: digits and every finding in view are masked")
    func excerptsAreMasked() {
        let text = "Nom de l'élève : Léa Ouellet, code permanent PELN84511407, courriel lea.ouellet@gmail.com, NAS 264 175 696"
        let findings = PrivacyScanner().scan(text).findings
        #expect(Set(findings.map(\.type)) == [.personName, .permanentCode, .email, .sin])
        for finding in findings {
            for secret in ["Léa", "Ouellet", "PELN", "84511407", "lea.ouellet", "264", "175", "696"] {
                #expect(!finding.excerpt.contains(secret), "\(finding.type): \(finding.excerpt)")
                #expect(!finding.reason.contains(secret))
            }
        }
        let sin = findings.first { $0.type == .sin }!
        #expect(sin.excerpt.hasSuffix("NAS ••• ••• •••"))
    }

    @Test("the verdict flags on one finding of confidence 50 or more, and says which")
    func verdict() {
        let weak = PrivacyScanner().scan("Tél. 819 555-0177, Saint-Jérôme J7Z 5T3")
        #expect(!weak.verdict.flagged && weak.findings.count == 2)
        let strong = PrivacyScanner().scan("NAS : 264 175 696 et 130 692 544")
        #expect(strong.verdict.flagged && strong.verdict.summary == "sin ×2 (95)" && strong.verdict.score == 950)
    }

    @Test("more findings than the maximum: the first are kept, all are counted")
    func maximum() {
        let text = Array(repeating: "NAS : 264 175 696", count: 50).joined(separator: "\n")
        let result = PrivacyScanner(maximumFindings: 10).scan(text)
        #expect(result.findings.count == 10 && result.counts[.sin] == 50 && result.truncated)
    }

    @Test("an anonymized copy replaces identifiers by their type and number and keeps the rest")
    func anonymize() {
        let text = "Nom de l'élève : Léa Ouellet\nDate de naissance : 2013-04-17\nAllergie aux arachides."
        let copy = Anonymizer.anonymize(text, findings: PrivacyScanner().scan(text).findings)
        #expect(copy == "Nom de l'élève : [nom 1]\nDate de naissance : [date de naissance 1]\nAllergie aux arachides.")
    }
}
