import SablierPrivacy
import Testing

/// `privacy public suggest` keeps each document's letterhead values in memory: a letterhead is a
/// handful, so a document listing thousands of numbers hands back no more than
/// `PrivacyStream.letterheadValuesPerKind` of each kind.
@Suite("Letterhead values per document, capped by kind")
struct LetterheadValueCapTests {
    @Test("a directory of 1,500 telephone numbers hands back the first 1,000, and still its postal code")
    func capped() {
        let directory = (0..<1_500).map { "Poste \($0) : téléphone 819 \(String(200 + $0 / 100)) \(String(1000 + $0 % 100 * 10))" }
        let text = directory.joined(separator: "\n") + "\nSherbrooke (Québec) J1H 2K3\n"
        let result = PrivacyScanner(collectsLetterheadValues: true).scan(text)
        let phones = result.letterheadValues.filter { $0.kind == .phone }
        #expect(phones.count == PrivacyStream.letterheadValuesPerKind && PrivacyStream.letterheadValuesPerKind == 1_000)
        #expect(result.letterheadValues.contains(LetterheadValue(kind: .postalCode, value: "J1H2K3")))
    }
}
