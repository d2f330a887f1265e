import Foundation
import SablierTestSupport
import Testing

/// `sablier privacy public suggest` and `privacy public add` with several values, through the
/// real binary on letters from five units sharing one letterhead (`LetterheadRegister`).
@Suite("sablier privacy public suggest (end to end)", .serialized)
final class PrivacySuggestCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-suggest")
        try SablierProcess.prepareStore(at: db)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    @Test("suggest lists the letterhead with its counts and the command confirming each; add confirms several at once and the letters holding only the letterhead leave the queue")
    func suggestThenConfirm() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path, "--as", "gestion.doc").status == 0)
        let register = try LetterheadRegister(in: dir.url, perUnit: 6, repeatedFamilyLetters: 4)
        let imported = try sablier("document", "import", register.csv.path, "--as", "gestion.doc")
        #expect(imported.status == 0, "\(imported.stderr)")

        let table = try sablier("privacy", "public", "suggest", "--min-documents", "30", "--min-units", "5", "--as", "aiprp")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("kind"))
        let phoneLine = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("phone ") })
        #expect(phoneLine.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["phone", "8195550100", "30", "5"])
        #expect(phoneLine.hasSuffix("sablier privacy public add --phone 8195550100"))
        // Three of its letters named, for the officer to look at before confirming.
        let shown = Set(register.letters.map(\.reference)).filter { phoneLine.contains(" \($0) ") }
        #expect(shown.count == 3, "\(phoneLine)")
        #expect(table.stderr.contains("privacy public suggest: 30 documents read; 4 proposed (at least 30 documents of 5 units)"), "\(table.stderr)")

        let json = try sablier("privacy", "public", "suggest", "--format", "json", "--min-units", "5", "--as", "aiprp")
        #expect(json.status == 0)
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(lines.compactMap { $0["kind"] as? String }) == ["phone", "postal-code", "email-domain", "address"])
        #expect(lines.contains { $0["kind"] as? String == "email-domain" && $0["value"] as? String == "cscantons.example"
            && $0["command"] as? String == "sablier privacy public add --email-domain cscantons.example" })
        let address = try #require(lines.first { $0["kind"] as? String == "address" }?["value"] as? String)
        #expect(lines.first { $0["kind"] as? String == "address" }?["command"] as? String == "sablier privacy public add --address '\(address)'")

        #expect(try sablier("privacy", "scan", "--all", "--as", "aiprp").status == 0)
        let added = try sablier("privacy", "public", "add", "--phone", "819 555-0100", "--postal-code", "j1h 2k3",
                                "--email-domain", "cscantons.example", "--address", address, "--note", "en-tête", "--as", "aiprp")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("phone 8195550100 declared public: scans never report it"))
        #expect(added.stdout.contains("30 documents flagged only by telephone numbers, postal codes, e-mail or street addresses scanned again: 10 left the review queue"),
                "\(added.stdout)")
        let queue = try sablier("privacy", "queue", "--format", "json", "--as", "aiprp")
        let waiting = try #require(try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [[String: Any]])
        #expect(Set(waiting.compactMap { $0["reference"] as? String }) == Set(register.letters.filter { !$0.letterheadOnly }.map(\.reference)))

        let refused = try sablier("privacy", "public", "suggest", "--min-units", "1", "--lang", "en", "--as", "aiprp")
        #expect(refused.status != 0 && refused.stderr.contains("--min-units: the threshold must be a whole number of at least 2 ('1')"),
                "\(refused.stderr)")
        // A negative number is the option's value, refused by the same sentence, not a missing value.
        let negative = try sablier("privacy", "public", "suggest", "--min-documents", "-1", "--lang", "fr", "--as", "aiprp")
        #expect(negative.status != 0 && negative.stderr.contains("--min-documents : le seuil doit être un nombre entier d'au moins 3 (« -1 »)"),
                "\(negative.stderr)")
    }
}
