import Foundation
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierApplication

/// `sablier notify`'s use case on a real store: who is told what, on hand-chosen dates.
///
/// The register (rule 1201, exemplaire principal: 2 years active, 0 semi-active, destruction;
/// the year ends on June 30, and the count starts at the first year end on or after closing):
/// - RH-A (Ressources humaines), closed 2024-12-03 → 2025-06-30 + 2 → destruction 2027-06-30
/// - RH-B (Ressources humaines), closed 2025-07-01 → 2026-06-30 + 2 → destruction 2028-06-30
/// - RH-OLD (Ressources humaines), closed 2021-12-20 → 2022-06-30 + 2 → destruction 2024-06-30
/// - RH-CONF (Ressources humaines, confirmed confidential), closed 2023-03-01 → 2025-06-30
/// - SG-X (Secrétariat général, whose détenteur has no address), closed 2022-01-10 → 2024-06-30
/// - RF-X (Ressources financières, no détenteur at all), closed 2022-02-01 → 2024-06-30
/// - RH-P (Ressources humaines, paper, to be lent), closed 2025-07-01 → 2028-06-30
///
/// From 2026-12-04, 2027-06-30 is 208 days ahead (27 days of December, then 31 + 28 + 31 + 30 +
/// 31 + 30): with 208 days RH-A is in, with 207 it is not; RH-B is out with either.
@Suite("Notices to each unit: one message per détenteur, on hand-chosen dates")
struct NoticeUseCaseTests {
    static let register = """
        reference,title,rule,copy,support,holder,opened,closed,location
        RH-A,Correspondance RH 2024,1201,principal,DM,Ressources humaines,2024-01-10,2024-12-03,
        RH-B,Correspondance RH 2025,1201,principal,DM,Ressources humaines,2025-01-10,2025-07-01,
        RH-OLD,Correspondance RH 2021,1201,principal,DM,Ressources humaines,2021-01-04,2021-12-20,
        RH-CONF,Plainte de Jeanne Tremblay,1201,principal,DM,Ressources humaines,2023-01-09,2023-03-01,
        SG-X,Correspondance SG 2021,1201,principal,DM,Secrétariat général,2021-01-04,2022-01-10,
        RF-X,Correspondance RF 2021,1201,principal,DM,Ressources financières,2021-01-04,2022-02-01,
        RH-P,Correspondance RH 2025 (papier),1201,principal,PA,Ressources humaines,2025-01-10,2025-07-01,Centre administratif / Local 104 / Classeur RH-3

        """
    static let asOf = CivilDate(iso: "2026-12-04")!
    /// 2026-12-04 12:00:00 UTC: the Date header does not depend on the machine's zone.
    static let instant = Date(timeIntervalSince1970: 1_796_385_600)
    static let sender = "sablier@css.example.qc.ca"

    /// The register above, RH-CONF confirmed confidential, addresses for `rh` and `rh.chef` only.
    static func office() async throws -> (TestOffice, Sablier) {
        let office = try await TestOffice(.documents(calendar: Fixtures.exampleNative, csv: register))
        _ = try await office.store.recordPrivacyReview("RH-CONF", decision: .confirm, measure: nil, note: "plainte nominative",
                                                       by: "aiprp", at: TestOffice.now)
        _ = try await office.store.setEmail("rh@css.example.qc.ca", of: "rh", by: "admin", at: TestOffice.now)
        _ = try await office.store.setEmail("chef.rh@css.example.qc.ca", of: "rh.chef", by: "admin", at: TestOffice.now)
        return (office, Sablier(store: office.store, clock: .fixed(instant)))
    }

    @Test("a dry run composes one message per détenteur of a unit with something to say, sends nothing, and reports who has no address")
    func dryRun() async throws {
        let (office, sablier) = try await Self.office()
        let before = try await office.lastSequence()
        let run = try await sablier.sendNotices(try await office.session("gestion.doc"), asOf: Self.asOf, days: 208, from: Self.sender, transport: nil)
        #expect(run.asOf == "2026-12-04" && run.through == "2027-06-30" && run.days == 208 && run.dryRun && run.sent == 0)
        #expect(run.messages.map(\.recipient) == ["rh", "rh.chef"])
        #expect(run.messages.allSatisfy { $0.unit == "Ressources humaines" && $0.due == 3 && $0.lists == 0 && $0.status == "dry-run" })
        #expect(run.messages.map(\.address) == ["rh@css.example.qc.ca", "chef.rh@css.example.qc.ca"])
        #expect(run.withoutAddress == [
            NoticeGap(unit: "Ressources financières", detenteur: nil, due: 1, lists: 0, overdueLoans: 0),
            NoticeGap(unit: "Secrétariat général", detenteur: "sg.chef", due: 1, lists: 0, overdueLoans: 0),
        ])
        let mail = MailFixtures.Received(arguments: [], message: try #require(run.messages.last?.text))
        #expect(mail.header("To") == "chef.rh@css.example.qc.ca" && mail.header("From") == Self.sender)
        #expect(mail.subject == "Sablier — Échéances de l'unité Ressources humaines au 2026-12-04")
        #expect(mail.header("Date") == "Fri, 04 Dec 2026 12:00:00 +0000")
        let body = mail.body
        #expect(body.hasPrefix("Bonjour rh.chef,\n\nVoici ce qui concerne l'unité Ressources humaines au 2026-12-04, pour les 208 prochains jours (jusqu'au 2027-06-30 inclusivement).\n"))
        #expect(body.contains("\nÉCHÉANCES (3)\n\nDestruction (3)\n"
            + "  - 2024-06-30  RH-OLD  Correspondance RH 2021 — règle 1201, exemplaire principal\n"
            + "  - 2025-06-30  RH-CONF  [confidentiel] — règle 1201, exemplaire principal\n"
            + "  - 2027-06-30  RH-A  Correspondance RH 2024 — règle 1201, exemplaire principal\n"))
        #expect(body.contains("Dont 2 déjà échu(s) avant le 2026-12-04."))
        #expect(!body.contains("Jeanne Tremblay") && !mail.message.contains("Jeanne"))
        #expect(!body.contains("RH-B") && !body.contains("SG-X") && !body.contains("RF-X"))
        // One audit entry for the run: names and counts, no address, no title.
        let audit = try await office.audit(after: before)
        #expect(audit.map(\.action) == ["notices.send"])
        let details = try #require(audit.first?.details)
        #expect(details.contains("\"recipients\":\"rh,rh.chef\"") && details.contains("\"dryRun\":\"true\"") && details.contains("\"messages\":\"2\""))
        #expect(details.contains("\"withoutAddress\":\"(Ressources financières),sg.chef (Secrétariat général)\""))
        #expect(!details.contains("@") && !details.contains("Correspondance"))
    }

    @Test("the horizon's last day is in, the day after it out: RH-A (2027-06-30) with 208 days, not with 207")
    func horizon() async throws {
        let (office, sablier) = try await Self.office()
        let manager = try await office.session("gestion.doc")
        let within = try await sablier.sendNotices(manager, asOf: Self.asOf, days: 208, from: Self.sender, transport: nil)
        let short = try await sablier.sendNotices(manager, asOf: Self.asOf, days: 207, from: Self.sender, transport: nil)
        #expect(within.messages.first?.due == 3 && within.messages.first?.text?.contains("RH-A") == true)
        #expect(short.through == "2027-06-29" && short.messages.first?.due == 2)
        #expect(short.messages.first.map { MailFixtures.Received(arguments: [], message: $0.text ?? "").body.contains("RH-A") } == false)
        // Nothing due in a unit, nothing proposed, nothing lent: no message at all.
        let early = try await sablier.sendNotices(manager, asOf: CivilDate(iso: "2024-01-01")!, days: 30, from: Self.sender, transport: nil)
        #expect(early.messages.isEmpty && early.withoutAddress.isEmpty)
    }

    @Test("each message goes to the transport alone; one refused is reported, the others still sent")
    func delivery() async throws {
        let (office, sablier) = try await Self.office()
        let store = office.store
        let transport = RecordingTransport(refusing: "chef.rh@css.example.qc.ca") {
            try await store.auditEntries(since: nil, user: nil, target: nil).map(\.action).filter { $0.hasPrefix("notices.") }
        }
        let run = try await sablier.sendNotices(try await office.session("gestion.doc"), asOf: Self.asOf, days: 208, from: Self.sender,
                                                transport: transport)
        // The run is in the trail before the first message leaves; its outcome after the last.
        #expect(transport.observed == [["notices.send"], ["notices.send"]])
        #expect(!run.dryRun && run.sent == 1)
        #expect(run.messages.map(\.status) == ["sent", "failed"] && run.messages.allSatisfy { $0.text == nil })
        #expect(run.failures == [NoticeFailure(recipient: "rh.chef", unit: "Ressources humaines", reason: "file d'attente pleine")])
        let delivered = transport.delivered
        #expect(delivered.map(\.recipients) == [["rh@css.example.qc.ca"], ["chef.rh@css.example.qc.ca"]])
        #expect(delivered.first.map { MailFixtures.Received(arguments: [], message: $0.message).header("To") } == "rh@css.example.qc.ca")
        let entries = try await office.audit().filter { $0.action.hasPrefix("notices.") }
        #expect(entries.map(\.action) == ["notices.send", "notices.sent"])
        #expect(entries.first?.details.contains("\"recipients\":\"rh,rh.chef\"") == true)
        let outcome = entries.last
        #expect(outcome?.details.contains("\"failedRecipients\":\"rh.chef\"") == true && outcome?.details.contains("\"sent\":\"1\"") == true)
    }

    @Test("a proposed list of the unit's documents is named to its détenteur; one that also holds another unit's is not, since only the records manager may approve it")
    func pendingList() async throws {
        let (office, sablier) = try await Self.office()
        let manager = try await office.session("gestion.doc")
        // Rule 1201's documents hold personal information: only those the AIPRP officer
        // reviewed may be proposed (RH-CONF, confirmed; RH-OLD, dismissed here; SG-X waits).
        _ = try await office.store.recordPrivacyReview("RH-OLD", decision: .dismiss, measure: nil, note: "aucun renseignement",
                                                       by: "aiprp", at: TestOffice.now)
        let own = try await sablier.proposeDisposition(manager, asOf: Self.asOf)
        #expect(own.items.map(\.reference).sorted() == ["RH-CONF", "RH-OLD"])
        var run = try await sablier.sendNotices(manager, asOf: Self.asOf, days: 0, from: Self.sender, transport: nil)
        let message = try #require(run.messages.first(where: { $0.recipient == "rh.chef" }))
        #expect(message.lists == 1 && message.due == 2)
        let body = MailFixtures.Received(arguments: [], message: message.text ?? "").body
        #expect(body.contains("LISTES DE DISPOSITION EN ATTENTE DE VOTRE APPROBATION (1)\n"
            + "  - Liste n° \(own.list.number), proposée le 2026-12-04 par gestion.doc : 2 document(s) de votre unité\n"
            + "    « sablier disposition show \(own.list.number) », puis « sablier disposition approve \(own.list.number) »"))
        // Withdrawn, then proposed again with SG-X reviewed too: a list of two units.
        _ = try await sablier.cancelDisposition(manager, list: own.list.number, reason: "Refaite avec SG-X")
        _ = try await office.store.recordPrivacyReview("SG-X", decision: .dismiss, measure: nil, note: "aucun renseignement",
                                                       by: "aiprp", at: TestOffice.now)
        let mixed = try await sablier.proposeDisposition(manager, asOf: Self.asOf)
        #expect(mixed.items.map(\.reference).sorted() == ["RH-CONF", "RH-OLD", "SG-X"])
        run = try await sablier.sendNotices(manager, asOf: Self.asOf, days: 0, from: Self.sender, transport: nil)
        #expect(!run.messages.isEmpty && run.messages.allSatisfy { $0.lists == 0 })
        #expect(run.messages.allSatisfy { !($0.text ?? "").contains("APPROBATION") })
    }

    @Test("a loan of the unit's paper file reaches its détenteur once overdue, with its days late; on its due day it is not overdue")
    func overdueLoan() async throws {
        let (office, sablier) = try await Self.office()
        let manager = try await office.session("gestion.doc")
        _ = try await sablier.lend(manager, .document("RH-P"), to: "Julie Côté/École des Érables", due: CivilDate(iso: "2026-11-20")!,
                                   on: CivilDate(iso: "2026-11-01")!)
        let late = try await sablier.sendNotices(manager, asOf: Self.asOf, days: 0, from: Self.sender, transport: nil)
        let message = try #require(late.messages.first(where: { $0.recipient == "rh.chef" }))
        #expect(message.overdueLoans == 1)
        #expect(MailFixtures.Received(arguments: [], message: message.text ?? "").body.contains("PRÊTS EN RETARD (1)\n"
            + "  - Prêt n° 1 : dossier RH-P, prêté le 2026-11-01 à Julie Côté (École des Érables), à rendre le 2026-11-20 (14 jour(s) de retard)\n"))
        #expect(late.withoutAddress.first { $0.detenteur == "sg.chef" }?.overdueLoans == 0)
        let onTime = try await sablier.sendNotices(manager, asOf: CivilDate(iso: "2026-11-20")!, days: 0, from: Self.sender, transport: nil)
        #expect(onTime.messages.first(where: { $0.recipient == "rh.chef" })?.overdueLoans == 0)
    }

    @Test("twenty lines an action, then how many more and the due command that lists them; each action under its own heading")
    func capped() {
        let due = (1...25).map { n in
            DueDocument(reference: "RH-\(n < 10 ? "0" : "")\(n)", title: "Dossier \(n)", rule: "1201", copy: .principal, support: "DM",
                        holder: "Ressources humaines", action: .destroy, due: CivilDate(iso: "2026-12-10")!, held: n == 1)
        } + [DueDocument(reference: "RH-T", title: "Dossier T", rule: "3101", copy: .secondaire, support: "PA", holder: "Ressources humaines",
                         action: .transfer, due: CivilDate(iso: "2026-12-20")!, held: false)]
        let notice = UnitNotice(unit: "Ressources humaines", asOf: Self.asOf, days: 30, through: CivilDate(iso: "2027-01-03")!, due: due,
                                confidential: [], lists: [], overdueLoans: [])
        let body = notice.body(to: "rh.chef")
        #expect(body.contains("ÉCHÉANCES (26)\n\nTransfert au semi-actif (1)\n  - 2026-12-20  RH-T  Dossier T — règle 3101, exemplaire secondaire\n\nDestruction (25)\n"))
        #expect(body.contains("  - 2026-12-10  RH-01  Dossier 1 — règle 1201, exemplaire principal — sous gel : rien n'est fait avant sa levée\n"))
        #expect(body.contains("RH-20  Dossier 20") && !body.contains("RH-21"))
        #expect(body.contains("  … et 5 autre(s) : « sablier due --as-of 2027-01-03 --action destroy »\n"))
        #expect(!body.contains("déjà échu"))
    }

    @Test("an overdue loan of the unit's files is named with its borrower and its days late; a box counts the unit's own files only")
    func overdueLoanText() {
        let loan = Loan(id: 7, subject: .box("B-RH-01"), borrower: "Julie Côté", borrowerUnit: "École des Érables",
                        lentOn: CivilDate(iso: "2026-10-01")!, dueOn: CivilDate(iso: "2026-11-30")!, lentAt: Self.instant, lentBy: "gestion.doc",
                        reason: nil, documents: ["RF-X", "RH-A", "RH-B"],
                        documentHolders: ["Ressources financières", "Ressources humaines", "ressources humaines "],
                        holderUnits: ["Ressources financières", "Ressources humaines"])
        #expect(loan.isOverdue(on: Self.asOf))
        let notice = UnitNotice(unit: "Ressources humaines", asOf: Self.asOf, days: 30, through: CivilDate(iso: "2027-01-03")!, due: [],
                                confidential: [], lists: [], overdueLoans: [loan])
        #expect(!notice.isEmpty)
        #expect(notice.body(to: "rh.chef").contains("PRÊTS EN RETARD (1)\n"
            + "  - Prêt n° 7 : boîte B-RH-01 (2 dossier(s) de l'unité), prêté le 2026-10-01 à Julie Côté (École des Érables), à rendre le 2026-11-30 (4 jour(s) de retard)\n"))
    }

    @Test("days are counted across months, leap years and year ends", arguments: [
        ("2026-12-04", 208, "2027-06-30"), ("2028-02-28", 1, "2028-02-29"), ("2027-02-28", 1, "2027-03-01"),
        ("2026-12-31", 1, "2027-01-01"), ("2026-12-04", 0, "2026-12-04"), ("2024-03-01", 3660, "2034-03-09"),
    ])
    func dayArithmetic(_ start: String, _ days: Int, _ end: String) {
        let first = CivilDate(iso: start)!, last = CivilDate(iso: end)!
        #expect(first.adding(days: days) == last)
        #expect(last.days(since: first) == days)
    }

    @Test("a horizon out of range and a sender that is no address are refused and audited; only the records manager may send")
    func refusals() async throws {
        let (office, sablier) = try await Self.office()
        let manager = try await office.session("gestion.doc")
        for days in [-1, 3661] {
            let refusal = await thrownRefusal { try await sablier.sendNotices(manager, asOf: Self.asOf, days: days, from: Self.sender, transport: nil) }
            #expect(refusal == Refusal(.noticeDaysOutOfRange, ["value": String(days), "maximum": "3660"]))
        }
        let bad = await thrownRefusal {
            try await sablier.sendNotices(manager, asOf: Self.asOf, days: 30, from: "sablier@css\nBcc: x@y.ca", transport: nil)
        }
        #expect(bad?.code == .invalidEmail)
        // Asking to send with no transport to send by (the API holds none) is the use case's
        // refusal, audited like the others, after the permission check.
        let noTransport = await thrownRefusal {
            try await sablier.sendNotices(manager, asOf: Self.asOf, days: 30, from: Self.sender, transport: nil, dryRun: false)
        }
        #expect(noTransport == Refusal(.noticesDryRunOnly, [:]))
        #expect(try await office.refusals().suffix(4).allSatisfy { $0.user == "gestion.doc" && $0.target == "use case notify" })
        let detenteur = await thrownRefusal {
            try await sablier.sendNotices(try await office.session("rh.chef"), asOf: Self.asOf, days: 30, from: Self.sender, transport: nil)
        }
        #expect(detenteur?.code == .missingPermission)
        let detenteurSending = await thrownRefusal {
            try await sablier.sendNotices(try await office.session("rh.chef"), asOf: Self.asOf, days: 30, from: Self.sender, transport: nil,
                                          dryRun: false)
        }
        #expect(detenteurSending?.code == .missingPermission)
        #expect(try await office.audit().filter { $0.action == "notices.send" }.isEmpty)
    }
}

/// Users' e-mail addresses: set, cleared, refused, audited.
@Suite("User e-mail addresses")
struct UserEmailUseCaseTests {
    @Test("the RSI sets and clears an address; each change is audited with the address; the list shows it")
    func setAndClear() async throws {
        let office = try await TestOffice(.users)
        let rsi = try await office.session("admin")
        let before = try await office.lastSequence()
        #expect(try await office.sablier.setUserEmail(rsi, "rh.chef", email: "chef.rh@css.example.qc.ca").email == "chef.rh@css.example.qc.ca")
        #expect(try await office.sablier.users(rsi).first { $0.name == "rh.chef" }?.email == "chef.rh@css.example.qc.ca")
        #expect(try await office.store.user("rh.chef")?.email == "chef.rh@css.example.qc.ca")
        #expect(try await office.sablier.setUserEmail(rsi, "rh.chef", email: nil).email == nil)
        #expect(try await office.store.user("rh.chef")?.email == nil)
        let audit = try await office.audit(after: before)
        #expect(audit.map(\.action) == ["user.email", "user.email"] && audit.allSatisfy { $0.target == "user rh.chef" && $0.user == "admin" })
        #expect(audit.first?.details.contains("chef.rh@css.example.qc.ca") == true && audit.last?.details.contains("\"cleared\":\"true\"") == true)
        let added = try await office.sablier.addUser(rsi, name: "ecole.dir", unit: "École des Érables", roles: [.detenteur], email: "dir@erables.example.ca")
        #expect(added.email == "dir@erables.example.ca")
        let stored = try await office.store.user("ecole.dir")
        #expect(stored?.email == "dir@erables.example.ca")
    }

    @Test("an address with a line break, a second address or no domain is refused, audited, and nothing is stored", arguments: [
        "chef.rh@css.example.qc.ca\nBcc: tous@css.example.qc.ca", "chef.rh@css.example.qc.ca, autre@example.ca", "chef.rh", "chef rh@example.ca",
    ])
    func refused(_ address: String) async throws {
        let office = try await TestOffice(.users)
        let rsi = try await office.session("admin")
        let refusal = await thrownRefusal { try await office.sablier.setUserEmail(rsi, "rh.chef", email: address) }
        #expect(refusal == Refusal(.invalidEmail, ["address": address]))
        #expect(try await office.store.user("rh.chef")?.email == nil)
        #expect(try await office.refusals().last?.target == "use case user email")
        let add = await thrownRefusal { try await office.sablier.addUser(rsi, name: "x.y", unit: "SG", roles: [.detenteur], email: address) }
        #expect(add?.code == .invalidEmail)
        let absent = try await office.store.user("x.y")
        #expect(absent == nil)
    }

    @Test("the store refuses a bad address on its own too, and an unknown user")
    func storeChecks() async throws {
        let office = try await TestOffice(.users)
        await #expect(throws: Refusal(.invalidEmail, ["address": "a@b"])) { try await office.store.setEmail("a@b", of: "rh", by: "admin", at: TestOffice.now) }
        await #expect(throws: Refusal(.userNotFound, ["user": "personne"])) {
            try await office.store.setEmail("a@b.ca", of: "personne", by: "admin", at: TestOffice.now)
        }
    }
}

/// A transport that keeps what it is handed, and refuses one address as sendmail would.
final class RecordingTransport: MailTransport, @unchecked Sendable { // its list is guarded by `lock`
    struct Delivery { var message: String; var recipients: [String] }
    struct Refused: Error, CustomStringConvertible { var description: String }

    private let lock = NSLock()
    private var kept: [Delivery] = []
    private var seen: [[String]] = []
    let refusing: String?
    /// Read at each delivery (e.g. the audit trail's actions), to show what was written before
    /// the message was handed over.
    let observe: (@Sendable () async throws -> [String])?

    init(refusing: String? = nil, observe: (@Sendable () async throws -> [String])? = nil) {
        self.refusing = refusing
        self.observe = observe
    }

    var delivered: [Delivery] { lock.withLock { kept } }
    /// What `observe` read at each delivery, in order.
    var observed: [[String]] { lock.withLock { seen } }

    func deliver(_ message: String, to recipients: [String]) async throws {
        if let observe {
            let value = try await observe()
            lock.withLock { seen.append(value) }
        }
        lock.withLock { kept.append(Delivery(message: message, recipients: recipients)) }
        if let refusing, recipients.contains(refusing) { throw Refused(description: "file d'attente pleine") }
    }
}
