import Foundation
import SablierTestSupport
import Testing

/// `sablier notify` and `sablier user email` through the real binary, with stand-in sendmail
/// programs (shell scripts) that keep what they receive.
///
/// The register (rule 1201, exemplaire principal: 2 years active then destruction; year end
/// June 30): RH-A (Ressources humaines) closed 2024-12-03 → destruction 2027-06-30; RH-B closed
/// 2025-07-01 → 2028-06-30; RH-CONF (confidential) closed 2023-03-01 → 2025-06-30; SG-X
/// (Secrétariat général) closed 2022-01-10 → 2024-06-30; RF-X (Ressources financières, no
/// détenteur) closed 2022-02-01 → 2024-06-30. From 2026-12-04, 2027-06-30 is 208 days ahead.
@Suite("sablier notify, sablier user email (end to end)", .serialized)
final class NotifyCommandTests {
    let dir: TemporaryDirectory
    let mailbox: URL
    var db: String { dir.file("sablier.sqlite").path }
    static let sender = "sablier@css.example.qc.ca"

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-notify")
        mailbox = dir.file("boite")
        try FileManager.default.createDirectory(at: mailbox, withIntermediateDirectories: true)
        try SablierProcess.prepareStore(at: dir.file("sablier.sqlite").path)
    }

    deinit {
        dir.remove()
    }

    func sablier(_ arguments: String..., environment: [String: String] = [:]) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url, environment: environment)
    }

    /// The calendar, the register above, RH-CONF confirmed confidential, an address for
    /// `rh.chef`, and a détenteur of the Secrétariat général without one.
    func loadRegister() throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        let csv = try dir.write("registre.csv", """
            reference,title,rule,copy,support,holder,opened,closed
            RH-A,Correspondance RH 2024,1201,principal,DM,Ressources humaines,2024-01-10,2024-12-03
            RH-B,Correspondance RH 2025,1201,principal,DM,Ressources humaines,2025-01-10,2025-07-01
            RH-CONF,Plainte de Jeanne Tremblay,1201,principal,DM,Ressources humaines,2023-01-09,2023-03-01
            SG-X,Correspondance SG 2021,1201,principal,DM,Secrétariat général,2021-01-04,2022-01-10
            RF-X,Correspondance RF 2021,1201,principal,DM,Ressources financières,2021-01-04,2022-02-01

            """)
        let imported = try sablier("document", "import", csv.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let review = try sablier("privacy", "review", "RH-CONF", "--confirm", "--note", "plainte nominative", "--as", "aiprp")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(try sablier("user", "add", "sg.chef", "--unit", "Secrétariat général", "--role", "detenteur", "--as", "admin").status == 0)
        let email = try sablier("user", "email", "rh.chef", "chef.rh@css.example.qc.ca", "--as", "admin")
        #expect(email.status == 0 && email.stdout.contains("user rh.chef now receives notices at chef.rh@css.example.qc.ca"), "\(email.stderr)")
    }

    @Test("one message per détenteur through sendmail -i --: RFC 5322 headers, the French body, confidential title masked, who has no address on stderr")
    func sends() throws {
        try loadRegister()
        let program = try MailFixtures.sendmail(in: mailbox)
        let result = try sablier("notify", "--as-of", "2026-12-04", "--days", "208", "--sendmail", program.path, "--from", Self.sender,
                                 "--lang", "fr")
        #expect(result.status == 0, "\(result.stderr)")
        let received = try MailFixtures.received(in: mailbox)
        #expect(received.count == 1)
        let mail = try #require(received.first)
        #expect(mail.arguments == ["-i", "--", "chef.rh@css.example.qc.ca"])
        #expect(mail.header("From") == Self.sender && mail.header("To") == "chef.rh@css.example.qc.ca")
        #expect(mail.subject == "Sablier — Échéances de l'unité Ressources humaines au 2026-12-04")
        #expect(mail.header("Date")?.wholeMatch(of: /(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000/) != nil)
        #expect(mail.header("Message-ID")?.hasSuffix("@css.example.qc.ca>") == true)
        #expect(mail.header("MIME-Version") == "1.0" && mail.header("Content-Type") == "text/plain; charset=utf-8"
                && mail.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(mail.body.contains("Bonjour rh.chef,"))
        #expect(mail.body.contains("Destruction (2)\n  - 2025-06-30  RH-CONF  [confidentiel] — règle 1201, exemplaire principal\n"
            + "  - 2027-06-30  RH-A  Correspondance RH 2024 — règle 1201, exemplaire principal\n"))
        #expect(!mail.message.contains("Jeanne") && !mail.body.contains("RH-B"))
        #expect(mail.message.split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(result.stderr.contains("unité « Secrétariat général » : le détenteur sg.chef n'a pas d'adresse électronique"))
        #expect(result.stderr.contains("unité « Ressources financières » : aucun détenteur actif"))
        #expect(result.stderr.contains("avis du 2026-12-04 au 2027-06-30 (208 jours) : 1 message(s) — 1 envoyé(s), 0 en échec ; 2 sans adresse"))
        #expect(!result.stderr.contains("without address") && !result.stderr.contains("sent"))
        // One audit entry for the run, without the address.
        let audit = try sablier("audit", "log", "--format", "json", "--as", "verif")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]])
        let run = try #require(entries.last { $0["action"] as? String == "notices.send" })
        #expect((run["details"] as? String)?.contains("\"recipients\":\"rh.chef\"") == true)
        #expect((run["details"] as? String)?.contains("@") == false)
        let sent = try #require(entries.last { $0["action"] as? String == "notices.sent" })
        #expect((sent["details"] as? String)?.contains("\"sent\":\"1\"") == true)
        #expect(entries.map { $0["action"] as? String ?? "" }.filter { $0.hasPrefix("notices.") } == ["notices.send", "notices.sent"])
    }

    @Test("a sendmail that exits 75 is reported per message and the command exits 1; the others are still sent")
    func failing() throws {
        try loadRegister()
        #expect(try sablier("user", "email", "sg.chef", "chef.sg@css.example.qc.ca", "--as", "admin").status == 0)
        let program = try MailFixtures.sendmail(in: mailbox, failFor: "chef.rh")
        let result = try sablier("notify", "--as-of", "2026-12-04", "--sendmail", program.path, "--from", Self.sender, "--lang", "fr")
        #expect(result.status == 1)
        #expect(result.stderr.contains("non envoyé à rh.chef (Ressources humaines) : \(program.path) exited with status 75: sendmail: file d'attente pleine"))
        #expect(result.stderr.contains("2 message(s) — 1 envoyé(s), 1 en échec"))
        // In English when asked: every line of the command's own, not only the summary.
        _ = try sablier("user", "email", "sg.chef", "--clear", "--as", "admin")
        let english = try sablier("notify", "--as-of", "2026-12-04", "--sendmail", program.path, "--from", Self.sender, "--lang", "en")
        #expect(english.status == 1)
        #expect(english.stderr.contains("not sent to rh.chef (Ressources humaines): \(program.path) exited with status 75"))
        #expect(english.stderr.contains("unit 'Secrétariat général': détenteur sg.chef has no e-mail address"))
        #expect(english.stderr.contains("unit 'Ressources financières': no active détenteur"))
        #expect(english.stderr.contains("1 message(s) — 0 sent, 1 failed; 2 without address"))
        #expect(!english.stderr.contains("non envoyé") && !english.stderr.contains("unité"))
        #expect(try MailFixtures.received(in: mailbox).map(\.arguments) == [["-i", "--", "chef.sg@css.example.qc.ca"]])
        // A sendmail that is not there: reported, exit 1.
        let missing = try sablier("notify", "--as-of", "2026-12-04", "--sendmail", dir.file("absent").path, "--from", Self.sender)
        #expect(missing.status == 1 && missing.stderr.contains("absent is not an executable program"))
    }

    @Test("a sendmail that hangs is stopped after $SABLIER_SENDMAIL_TIMEOUT and the messages left are not handed to it, each reported")
    func hung() throws {
        try loadRegister()
        #expect(try sablier("user", "email", "sg.chef", "chef.sg@css.example.qc.ca", "--as", "admin").status == 0)
        let calls = mailbox.appendingPathComponent("calls")
        let program = mailbox.appendingPathComponent("sendmail-lent")
        try "#!/bin/sh\necho \"$*\" >> '\(calls.path)'\nsleep 300 &\nwait\n".write(to: program, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        let result = try sablier("notify", "--as-of", "2026-12-04", "--sendmail", program.path, "--from", Self.sender, "--lang", "fr",
                                 environment: ["SABLIER_SENDMAIL_TIMEOUT": "1"])
        #expect(result.status == 1)
        // Two détenteurs with an address: the first hangs and is stopped, the second is never tried.
        #expect(try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").count == 1)
        #expect(result.stderr.contains("was stopped after 1 s"))
        #expect(result.stderr.contains("it did not answer within 1 s for an earlier message"))
        #expect(result.stderr.contains("2 message(s) — 0 envoyé(s), 2 en échec"))
    }

    @Test("a dry run on a host whose name gives no sender address still shows the messages, and says what sending needs")
    func dryRunWithoutSender() throws {
        try loadRegister()
        // A sender the checks refuse stands for a host without a domain name.
        let result = try sablier("notify", "--as-of", "2026-12-04", "--days", "208", "--dry-run", "--lang", "fr",
                                 environment: ["SABLIER_MAIL_FROM": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("À : chef.rh@css.example.qc.ca\nObjet : Sablier — Échéances de l'unité Ressources humaines"))
        if !result.stderr.contains("sablier@localhost.localdomain") {
            // The host has a domain: the guess was a good sender, and nothing had to be said.
            #expect(!result.stderr.contains("--from"))
        }
        let sending = try sablier("notify", "--as-of", "2026-12-04", "--from", "sablier", "--sendmail", "/bin/true")
        #expect(sending.status != 0)
    }

    @Test("--dry-run prints the messages and sends nothing; $SABLIER_NOTICE_DAYS sets the horizon, its last day in, the next out")
    func dryRun() throws {
        try loadRegister()
        let program = try MailFixtures.sendmail(in: mailbox)
        let within = try sablier("notify", "--as-of", "2026-12-04", "--dry-run", "--sendmail", program.path, "--lang", "en",
                                 environment: ["SABLIER_NOTICE_DAYS": "208", "SABLIER_MAIL_FROM": Self.sender])
        #expect(within.status == 0, "\(within.stderr)")
        #expect(try MailFixtures.received(in: mailbox).isEmpty)
        // The preview is what a person reads: the subject and the body decoded, not the message's encodings.
        #expect(within.stdout.contains("To: chef.rh@css.example.qc.ca\nSubject: Sablier — Échéances de l'unité Ressources humaines au 2026-12-04\n\n"))
        #expect(within.stdout.contains("RH-A  Correspondance RH 2024") && !within.stdout.contains("=?UTF-8?") && !within.stdout.contains("=C3=A9"))
        #expect(within.stderr.contains("through 2027-06-30 (208 days): 1 message(s) — dry run, none sent"))
        let short = try sablier("notify", "--as-of", "2026-12-04", "--dry-run", "--format", "json",
                                environment: ["SABLIER_NOTICE_DAYS": "207", "SABLIER_MAIL_FROM": Self.sender])
        #expect(short.status == 0, "\(short.stderr)")
        let run = try #require(try JSONSerialization.jsonObject(with: Data(short.stdout.utf8)) as? [String: Any])
        #expect(run["through"] as? String == "2027-06-29" && run["dryRun"] as? Bool == true)
        let messages = try #require(run["messages"] as? [[String: Any]])
        #expect(messages.count == 1 && messages.first?["due"] as? Int == 1 && messages.first?["status"] as? String == "dry-run")
        #expect(MailFixtures.decodeQuotedPrintable(messages.first?["text"] as? String ?? "").contains("RH-A") == false)
        #expect((messages.first?["text"] as? String)?.contains("From: \(Self.sender)\nTo: chef.rh@css.example.qc.ca\n") == true)
        #expect((messages.first?["body"] as? String)?.contains("Bonjour rh.chef,") == true)
        let gaps = try #require(run["withoutAddress"] as? [[String: Any]])
        #expect(gaps.map { $0["unit"] as? String } == ["Ressources financières", "Secrétariat général"])
        // Bad horizons are refused before anything is read.
        #expect(try sablier("notify", "--dry-run", "--days=-1", "--from", Self.sender).status == 65)
        #expect(try sablier("notify", "--dry-run", environment: ["SABLIER_NOTICE_DAYS": "trente"]).stderr.contains("$SABLIER_NOTICE_DAYS must be a number"))
    }

    @Test("only the records manager sends notices")
    func permission() throws {
        try loadRegister()
        let refused = try sablier("notify", "--dry-run", "--from", Self.sender, "--as", "rh.chef")
        #expect(refused.status != 0 && refused.stderr.contains("notices.send"))
    }

    @Test("user email checks the address (a line break, a second address, no domain), user list shows it, --clear removes it")
    func userEmail() throws {
        for bad in ["chef.rh@css.example.qc.ca\nBcc: tous@css.example.qc.ca", "a@b.ca,c@d.ca", "chef.rh"] {
            let refused = try sablier("user", "email", "rh.chef", bad, "--as", "admin", "--lang", "fr")
            #expect(refused.status == 65, "\(bad)")
            #expect(refused.stderr.contains("n'est pas acceptée : une seule @, un point dans le domaine"))
        }
        #expect(try sablier("user", "add", "ecole.dir", "--unit", "École des Érables", "--role", "detenteur",
                            "--email", "dir@erables.example.ca", "--as", "admin").status == 0)
        #expect(try sablier("user", "add", "ecole.adj", "--unit", "École des Érables", "--role", "detenteur",
                            "--email", "adj erables", "--as", "admin").status == 65)
        let list = try sablier("user", "list", "--format", "json", "--as", "admin")
        let users = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(users.first { $0["name"] as? String == "ecole.dir" }?["email"] as? String == "dir@erables.example.ca")
        #expect(users.first { $0["name"] as? String == "rh.chef" }?["email"] == nil)
        #expect(users.contains { $0["name"] as? String == "ecole.adj" } == false)
        #expect(try sablier("user", "list", "--as", "admin").stdout.contains("dir@erables.example.ca"))
        let cleared = try sablier("user", "email", "ecole.dir", "--clear", "--as", "admin")
        #expect(cleared.status == 0 && cleared.stdout.contains("user ecole.dir has no e-mail address"))
        #expect(try sablier("user", "email", "ecole.dir", "--as", "admin").status != 0)
        #expect(try sablier("user", "email", "ecole.dir", "x@y.ca", "--as", "rh.chef").status != 0)
    }
}
