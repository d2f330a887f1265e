import Foundation
import SablierTestSupport
import Testing

/// `sablier privacy anonymize` and `privacy sign-off` through the real binary: the copy written
/// and registered, shown by `privacy show`, a second copy refused with the catalogue's sentence
/// and the conflict's exit status, and no identifier on the terminal.
@Suite("sablier privacy anonymize and sign-off (end to end)", .serialized)
final class AnonymizeCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-anonymize")
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    @Test("a letter confirmed with anonymiser: its copy made, registered, shown, refused a second time, then signed off")
    func anonymizeThenSignOff() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path, "--as", "gestion.doc").status == 0)
        let letter = try dir.write("lettre.txt", "Nom de l'élève : Léa Tremblay\nNAS du parent : 264 175 696\n")
        let csv = try dir.write("registre.csv", """
            reference,title,rule,copy,support,holder,opened,closed,path
            SG-LET-2021,Lettre à une famille,1201,principal,DM,Secrétariat général,2021-01-04,2021-12-20,\(letter.path)

            """)
        #expect(try sablier("document", "import", csv.path, "--as", "gestion.doc").status == 0)
        #expect(try sablier("privacy", "scan", "--document", "SG-LET-2021", "--as", "aiprp").status == 0)
        let review = try sablier("privacy", "review", "SG-LET-2021", "--confirm", "--measure", "anonymiser", "--note", "lettre", "--as", "aiprp")
        #expect(review.status == 0, "\(review.stderr)")

        let made = try sablier("privacy", "anonymize", "SG-LET-2021", "--rule", "1102", "--holder", "Secrétariat général",
                               "--note", "copie pour la recherche", "--as", "aiprp")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("SG-LET-2021: anonymised copy ANON-1 at "))
        #expect(made.stdout.contains("replaced: sin 1, person-name 1") && made.stdout.contains("waits for the AIPRP officer's sign-off"))
        let copy = dir.file("ANON-1.txt")
        let text = try String(contentsOf: copy, encoding: .utf8)
        #expect(text.hasSuffix("Nom de l'élève : [nom 1]\nNAS du parent : [NAS 1]\n") && !text.contains("Tremblay"))
        let registered = try sablier("document", "show", "ANON-1", "--format", "json", "--as", "aiprp")
        #expect(registered.status == 0 && registered.stdout.contains("Copie anonymisée (règle 1102)") && !registered.stdout.contains("Lettre"), "\(registered.stderr)")

        let again = try sablier("privacy", "anonymize", "SG-LET-2021", "--rule", "1102", "--holder", "Secrétariat général",
                                "--note", "encore", "--as", "aiprp")
        #expect(again.status == 75)
        #expect(again.stderr.contains("ANON-1"), "\(again.stderr)")

        let signed = try sablier("privacy", "sign-off", "SG-LET-2021", "--note", "lue", "--as", "aiprp")
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stdout.contains("signed off by aiprp"))
        let shown = try sablier("privacy", "show", "SG-LET-2021", "--as", "aiprp")
        #expect(shown.stdout.contains("Anonymised copy: SG-LET-2021: anonymised copy ANON-1"), "\(shown.stdout)")
        let json = try sablier("privacy", "show", "SG-LET-2021", "--format", "json", "--as", "aiprp")
        #expect(json.stdout.contains("\"signed-off\""))
        for output in [made.stdout, made.stderr, again.stderr, signed.stdout, shown.stdout, json.stdout] {
            #expect(!output.contains("Tremblay") && !output.contains("264 175 696"))
        }
    }
}
