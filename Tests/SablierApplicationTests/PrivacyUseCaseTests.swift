import Foundation
import SablierApplication
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

extension TestOffice {
    /// Details of an audit entry, decoded.
    func details(_ entry: AuditEntry) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(entry.details.utf8))) ?? [:]
    }

    /// Writes a social insurance number into an example file, so that a scan flags it.
    func addSIN(to file: String) throws {
        try Data("Numéro d'assurance sociale : 264 175 696\n".utf8).write(to: exampleFile(file))
    }
}

/// Expects `body` to be refused with `code`, and returns the refusal.
@discardableResult
private func expectRefusal<T>(_ code: Refusal.Code, sourceLocation: Testing.SourceLocation = #_sourceLocation,
                              _ body: () async throws -> T) async -> Refusal? {
    let refusal = await thrownRefusal(sourceLocation: sourceLocation, body)
    if let refusal { #expect(refusal.code == code, "\(refusal)", sourceLocation: sourceLocation) }
    return refusal
}

@Suite("Privacy use cases: scans, the review queue, reviews, rules and public identifiers")
struct PrivacyUseCaseTests {
    @Test("a review is written with its audit entry: who, when, the decision, the measure, the note and the content seen")
    func reviewAudited() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let before = try await fixture.lastSequence()
        let review = try await fixture.sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .confirm, note: "  lettre nominative ")
        #expect(review.measure == .detruire && review.reviewedBy == "aiprp" && review.note == "lettre nominative")
        let entries = try await fixture.audit(after: before)
        #expect(entries.map(\.action) == ["privacy.review"])
        let entry = try #require(entries.first)
        #expect(entry.user == "aiprp" && entry.target == "document SG-CORR-2021" && entry.at == TestOffice.now)
        let details = fixture.details(entry)
        #expect(details["decision"] == "confirm" && details["measure"] == "detruire" && details["note"] == "lettre nominative")
        let shown = try await fixture.sablier.privacyShow(aiprp, "SG-CORR-2021")
        #expect(shown.status == "confirmed" && shown.confidential && shown.reviews.count == 1)
    }

    @Test("the review rules refuse, change nothing, and the refusal is audited")
    func reviewRefusals() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        // Not scanned and not flagged by its rule.
        await expectRefusal(.nothingToReviewUnscanned) { try await sablier.reviewPrivacy(aiprp, "SG-POL-2015", decision: .dismiss, note: "n") }
        // Scanned, nothing found.
        _ = try await sablier.scanPrivacy(aiprp, .document("SG-POL-2024"))
        await expectRefusal(.nothingToReview) { try await sablier.reviewPrivacy(aiprp, "SG-POL-2024", decision: .dismiss, note: "n") }
        // Flagged by its content, under a rule that names no measure.
        try fixture.addSIN(to: "politique-securite-2015.txt")
        let scanned = try await sablier.scanPrivacy(aiprp, .document("SG-POL-2015"))
        #expect(scanned.entries.first?.flagged == true)
        await expectRefusal(.noMeasure) { try await sablier.reviewPrivacy(aiprp, "SG-POL-2015", decision: .confirm, note: "NAS") }
        await expectRefusal(.emptyText) { try await sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .confirm, note: "   ") }
        await expectRefusal(.measureOnDismissal) {
            try await sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .dismiss, measure: .detruire, note: "aucun")
        }
        await expectRefusal(.documentNotFound) { try await sablier.reviewPrivacy(aiprp, "NOPE", decision: .confirm, note: "x") }
        let before = try await fixture.lastSequence()
        await expectRefusal(.missingPermission) {
            try await sablier.reviewPrivacy(try await fixture.session("gestion.doc"), "SG-CORR-2021", decision: .confirm, note: "x")
        }
        await expectRefusal(.measureOnDismissal) {
            try await sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .dismiss, measure: .anonymiser, note: "aucun")
        }
        let entries = try await fixture.audit(after: before)
        #expect(entries.map(\.action) == ["refused", "refused"])
        #expect(entries.map { fixture.details($0)["code"] } == ["access.missing-permission", "privacy.measure-on-dismissal"])
        #expect(entries.allSatisfy { $0.target == "use case privacy review" })
        #expect(try await fixture.store.reviewedReferences().isEmpty)
    }

    @Test("defect 8: a destroyed document never reviewed says so, leaves the queue and can no longer be reviewed")
    func destroyedUnreviewed() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        // The 2018 payroll (rule 2201: personal information in the calendar) was destroyed
        // before anybody reviewed it.
        #expect(try await sablier.privacyShow(aiprp, "RF-PAIE-2018").status == "pending")
        try SQLiteStore.executeUnchecked("UPDATE document SET phase = 'inactif-detruit' WHERE reference = 'RF-PAIE-2018'",
                                         inDatabaseAt: fixture.databasePath)
        let shown = try await sablier.privacyShow(aiprp, "RF-PAIE-2018")
        #expect(shown.status == "destroyed-unreviewed" && shown.statusLabel == "not reviewed (destroyed)")
        #expect(shown.phase == "inactif-detruit" && shown.reviews.isEmpty)
        let queue = try await sablier.privacyQueue(aiprp, includingDecided: true)
        #expect(!queue.entries.contains { $0.reference == "RF-PAIE-2018" })
        #expect(queue.entries.allSatisfy { $0.status != "destroyed-unreviewed" })
        await expectRefusal(.documentDestroyed) { try await sablier.reviewPrivacy(aiprp, "RF-PAIE-2018", decision: .confirm, note: "trop tard") }
        // A document reviewed before its destruction keeps its decision.
        _ = try await sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .confirm, note: "lettre")
        try SQLiteStore.executeUnchecked("UPDATE document SET phase = 'inactif-detruit' WHERE reference = 'SG-CORR-2021'",
                                         inDatabaseAt: fixture.databasePath)
        #expect(try await sablier.privacyShow(aiprp, "SG-CORR-2021").status == "confirmed")
    }

    @Test("the queue: most sensitive first, pending counted; show and the queue are the AIPRP officer's")
    func queue() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        try fixture.addSIN(to: "politique-securite-2015.txt")
        _ = try await sablier.scanPrivacy(aiprp, .document("SG-POL-2015"))
        let queue = try await sablier.privacyQueue(aiprp)
        #expect(queue.entries.first?.reference == "SG-POL-2015" && queue.entries.first?.score == 950)
        #expect(queue.pending == queue.entries.count && queue.withheld == 0)
        #expect(queue.entries.allSatisfy { $0.status == "pending" })
        #expect(queue.entries.contains { $0.reference == "SG-CORR-2021" && $0.ruleSource == "calendar" && $0.measure == "detruire" })
        for name in ["gestion.doc", "rh", "verif"] {
            await expectRefusal(.missingPermission) { try await sablier.privacyQueue(try await fixture.session(name)) }
            await expectRefusal(.missingPermission) { try await sablier.privacyShow(try await fixture.session(name), "SG-POL-2015") }
        }
        await expectRefusal(.documentNotFound) { try await sablier.privacyShow(aiprp, "NOPE") }
    }

    @Test("a rule confirmation is audited; a rule not in force and a measure without personal information are refused and audited")
    func confirmRule() async throws {
        let fixture = try await TestOffice(.register)
        let manager = try await fixture.session("gestion.doc")
        let sablier = fixture.sablier
        let before = try await fixture.lastSequence()
        let confirmation = try await sablier.confirmRulePrivacy(manager, rule: "1102", personalInformation: true, measure: .anonymiser,
                                                                note: "noms des signataires")
        #expect(confirmation.calendarVersion == 1 && confirmation.confirmedBy == "gestion.doc")
        await expectRefusal(.noSuchRule) { try await sablier.confirmRulePrivacy(manager, rule: "99999", personalInformation: true) }
        await expectRefusal(.measureWithoutPersonalInformation) {
            try await sablier.confirmRulePrivacy(manager, rule: "1102", personalInformation: false, measure: .detruire)
        }
        await expectRefusal(.missingPermission) {
            try await sablier.confirmRulePrivacy(try await fixture.session("aiprp"), rule: "1102", personalInformation: false)
        }
        let entries = try await fixture.audit(after: before)
        #expect(entries.map(\.action) == ["privacy.confirm-rule", "refused", "refused", "refused"])
        #expect(entries[0].target == "rule 1102" && fixture.details(entries[0])["measure"] == "anonymiser"
            && fixture.details(entries[0])["personalInformation"] == "yes")
        #expect(entries.dropFirst().map { fixture.details($0)["code"] }
            == ["calendar.no-such-rule", "privacy.measure-without-personal-information", "access.missing-permission"])
        let rules = try await sablier.privacyRules(try await fixture.session("verif"), flaggedOnly: true)
        #expect(rules.contains { $0.rule == "1102" && $0.source == "confirmed" && $0.measure == "anonymiser" })
        #expect(!rules.contains { $0.rule == "1101" })
    }

    @Test("public identifiers: normalised, added and removed with their audit entries; invalid, repeated or unknown ones refused")
    func publicIdentifiers() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        let before = try await fixture.lastSequence()
        let phone = try await sablier.addPublicIdentifier(aiprp, kind: .phone, value: "1-450-555-0100", note: "standard")
        #expect(phone.value == "4505550100" && phone.addedBy == "aiprp")
        _ = try await sablier.addPublicIdentifier(aiprp, kind: .postalCode, value: "j7z 5t3")
        await expectRefusal(.publicIdentifierExists) { try await sablier.addPublicIdentifier(aiprp, kind: .phone, value: "450 555-0100") }
        await expectRefusal(.invalidPublicIdentifier) { try await sablier.addPublicIdentifier(aiprp, kind: .emailDomain, value: "pas un domaine") }
        #expect(try await sablier.publicIdentifiers(aiprp).map(\.value) == ["4505550100", "J7Z5T3"])
        #expect(try await sablier.removePublicIdentifier(aiprp, kind: .phone, value: "(450) 555-0100") == "4505550100")
        await expectRefusal(.publicIdentifierNotFound) { try await sablier.removePublicIdentifier(aiprp, kind: .phone, value: "450 555-0100") }
        await expectRefusal(.missingPermission) {
            try await sablier.addPublicIdentifier(try await fixture.session("gestion.doc"), kind: .phone, value: "450 555-0101")
        }
        let entries = try await fixture.audit(after: before)
        #expect(entries.map(\.action) == ["privacy.public.add", "privacy.public.add", "refused", "refused", "privacy.public.remove", "refused", "refused"])
        #expect(entries[0].target == "public phone 4505550100" && entries[4].target == "public phone 4505550100")
        #expect(try await sablier.publicIdentifiers(aiprp).map(\.value) == ["J7Z5T3"])
    }

    @Test("scan: stored and audited per document; incremental; a confidential document is withheld from the records manager")
    func scanDocuments() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let manager = try await fixture.session("gestion.doc")
        let sablier = fixture.sablier
        try fixture.addSIN(to: "correspondance-2021.txt")
        let before = try await fixture.lastSequence()
        let first = try await sablier.scanPrivacy(manager, .all)
        #expect(first.withheld == 0 && first.problems == 0)
        #expect(first.count(.scanned) == first.entries.count && first.entries.count >= 5)
        #expect(first.entries.first { $0.reference == "SG-CORR-2021" }?.flagged == true)
        let audited = try await fixture.audit(after: before)
        #expect(audited.count == first.entries.count && audited.allSatisfy { $0.action == "privacy.scan" && $0.user == "gestion.doc" })
        let again = try await sablier.scanPrivacy(manager, .all)
        #expect(again.count(.unchanged) == again.entries.count)
        _ = try await sablier.reviewPrivacy(aiprp, "SG-CORR-2021", decision: .confirm, note: "NAS")
        let withheld = try await sablier.scanPrivacy(manager, .all, force: true)
        #expect(withheld.withheld == 1 && !withheld.entries.contains { $0.reference == "SG-CORR-2021" })
        await expectRefusal(.documentNotFound) { try await sablier.scanPrivacy(manager, .document("SG-CORR-2021")) }
        #expect(try await sablier.scanPrivacy(aiprp, .document("SG-CORR-2021")).entries.first?.status == "unchanged")
        await expectRefusal(.missingPermission) { try await sablier.scanPrivacy(try await fixture.session("rh"), .all) }
    }

    @Test("incremental: a changed content is read again and waits for a new review; new public identifiers rescan every file")
    func incremental() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        try fixture.addSIN(to: "politique-securite-2015.txt")
        #expect(try await sablier.scanPrivacy(aiprp, .document("SG-POL-2015")).entries.first?.status == "scanned")
        _ = try await sablier.reviewPrivacy(aiprp, "SG-POL-2015", decision: .confirm, measure: .anonymiser, note: "NAS")
        #expect(try await sablier.scanPrivacy(aiprp, .document("SG-POL-2015")).entries.first?.status == "unchanged")
        #expect(try await sablier.privacyShow(aiprp, "SG-POL-2015").status == "confirmed")
        try Data("NAS : 130 692 544 et 264 175 696\n".utf8)
            .write(to: fixture.exampleFile("politique-securite-2015.txt"))
        #expect(try await sablier.scanPrivacy(aiprp, .document("SG-POL-2015")).entries.first?.status == "scanned")
        let changed = try await sablier.privacyShow(aiprp, "SG-POL-2015")
        #expect(changed.status == "pending" && changed.confidential && changed.reviews.count == 1)
        _ = try await sablier.scanPrivacy(aiprp, .all)
        #expect(try await sablier.scanPrivacy(aiprp, .all).count(.scanned) == 0)
        _ = try await sablier.addPublicIdentifier(aiprp, kind: .phone, value: "450 555-0100")
        let rescanned = try await sablier.scanPrivacy(aiprp, .all)
        #expect(rescanned.count(.unchanged) == 0 && rescanned.count(.scanned) == rescanned.entries.count)
        #expect(try await sablier.scanPrivacy(aiprp, .document("SG-POL-2024"), force: true).entries.first?.status == "scanned")
    }

    @Test("a GALA calendar's documents confidentiels flag a rule until the records manager confirms or corrects it")
    func galaConfidential() async throws {
        let fixture = try await TestOffice(.documents(calendar: Fixtures.udemGALA, csv: """
            reference,title,rule,copy,support,holder,opened,closed
            DISC-2025-01,Dossier disciplinaire,01740a,principal,PA,Secrétariat général,2025-02-01,

            """))
        let aiprp = try await fixture.session("aiprp")
        let manager = try await fixture.session("gestion.doc")
        let sablier = fixture.sablier
        let queued = try await sablier.privacyQueue(aiprp).entries
        #expect(queued.map(\.reference) == ["DISC-2025-01"] && queued.first?.score == 200 && queued.first?.ruleSource == "confidential-unconfirmed")
        _ = try await sablier.confirmRulePrivacy(manager, rule: "01740a", personalInformation: false)
        #expect(try await sablier.privacyQueue(aiprp).entries.isEmpty)
        #expect(try await sablier.privacyShow(aiprp, "DISC-2025-01").status == "not flagged")
        let yes = try await sablier.confirmRulePrivacy(manager, rule: "01740a", personalInformation: true, measure: .anonymiser)
        #expect(yes.calendarVersion == 1 && yes.measure == .anonymiser)
        let entry = try #require(try await sablier.privacyQueue(aiprp).entries.first)
        #expect(entry.score == 300 && entry.status == "pending" && entry.measure == "anonymiser"
            && entry.reasons == ["rule 01740a: personal information, confirmed by gestion.doc"])
        let rules = try await sablier.privacyRules(manager, flaggedOnly: true)
        let rule = try #require(rules.first { $0.rule == "01740a" })
        #expect(rule.source == "confirmed" && rule.confirmedBy == "gestion.doc" && rule.flags)
    }

    @Test("scan of files: a registered document's file is stored as that document; other files are read by the caller; unreadable counted")
    func scanFiles() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        try fixture.addSIN(to: "correspondance-2021.txt")
        let registered = fixture.exampleFile("correspondance-2021.txt").path
        let outside = try fixture.directory.write("lettre.txt", "Téléphone : 819 555-0199, NAS 264 175 696\n").path
        let missing = fixture.directory.file("absent.txt").path
        var readByCaller: [String] = []
        var lines: [PrivacyFileLine] = []
        let summary = try await fixture.sablier.scanPrivacyFiles(aiprp, paths: [outside, registered, missing], read: { path, scanner in
            readByCaller.append(path)
            return PrivacyScanning.scanFile(path, scanner: scanner)
        }, { _, line in lines.append(line) })
        // A missing file is refused by the rule of the files the register may read: never handed over.
        #expect(readByCaller == [outside])
        #expect(summary.files == 3 && summary.unreadable == 1 && summary.withheld == 0)
        #expect(lines.map(\.document) == [nil, "SG-CORR-2021", nil])
        #expect(lines.map(\.flagged) == [true, true, nil] && lines[2].error?.kind == "unreadable")
        #expect(try await fixture.store.scannedContents().keys.sorted() == ["SG-CORR-2021"])
    }
}
