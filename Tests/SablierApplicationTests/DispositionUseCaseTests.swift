import Foundation
import SablierApplication
import SablierCore
import SablierImport
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

extension TestOffice {
    /// The AIPRP officer's review of each document: released for disposition.
    func review(_ references: [String], _ decision: PrivacyDecision) async throws {
        for reference in references {
            try await store.recordPrivacyReview(reference, decision: decision, measure: decision == .confirm ? .detruire : nil,
                                                note: "Examiné", by: "aiprp", at: sablier.clock.now)
        }
    }

    /// Three of the four documents due for destruction on the test day, all flagged by their
    /// rule, released; RF-PAIE-2018 still waits for its review.
    func releaseDestructions() async throws {
        try await review(["SG-CORR-2021"], .dismiss)
        try await review(["ELV-2010-0001", "ELV-2010-0001-NUM"], .confirm)
    }
}

@Suite("Disposition use cases")
struct DispositionUseCaseTests {
    @Test("a document flagged for personal information and not reviewed is left out of a proposal, and reported, until the AIPRP officer reviews it")
    func pendingReviewHoldsBackDestruction() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("archiviste")
        // Every destruction due on the day is flagged by its rule and not reviewed: nothing to propose.
        let before = try await office.lastSequence()
        let refused = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.proposeDisposition(manager, action: .destroy)
        }
        #expect(refused?.code == .nothingDue)
        #expect(refused?.values["leftOut"] == "ELV-2010-0001, ELV-2010-0001-NUM, RF-PAIE-2018, SG-CORR-2021")
        #expect(try await office.store.dispositionLists().isEmpty)
        #expect(try await office.refusals(after: before).count == 1)

        // Released by a review of their current content, dismissal or confirmation alike.
        try await office.review(["SG-CORR-2021"], .dismiss)
        try await office.review(["ELV-2010-0001", "ELV-2010-0001-NUM"], .confirm)
        let proposal = try await office.sablier.proposeDisposition(manager, action: .destroy)
        #expect(proposal.items.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "SG-CORR-2021"])
        #expect(proposal.leftOut.map(\.reference) == ["RF-PAIE-2018"])
        #expect(proposal.leftOut.first?.reason == "pending-review")
        #expect(proposal.list.asOf == "2026-11-29")
    }

    @Test("a proposal shows confidential titles masked, as the due list does; the list itself keeps them for show")
    func proposalFollowsDueListVisibility() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let proposal = try await office.sablier.proposeDisposition(manager, action: .destroy)
        let student = try #require(proposal.items.first { $0.reference == "ELV-2010-0001" })
        #expect(student.title == DueEntry.maskedTitle)
        #expect(student.confidential == true)
        #expect(proposal.items.first { $0.reference == "SG-CORR-2021" }?.title == "Correspondance générale 2021")
        #expect(proposal.withheld == 0)
        let detail = try await office.sablier.dispositionDetail(manager, list: proposal.list.number)
        #expect(detail.items.first { $0.reference == "ELV-2010-0001" }?.title == "Dossier de l'élève 2010-0001")
    }

    @Test("approval: never by the proposer, a détenteur only for their unit's documents (naming none of another unit), each refusal audited and changing nothing")
    func approvalRules() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let proposer = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(proposer, action: .destroy).list.number

        let before = try await office.lastSequence()
        let selfApproval = await thrownRefusal { () async throws(Refusal) in try await office.sablier.approveDisposition(proposer, list: list) }
        #expect(selfApproval?.code == .selfApproval)
        let outside = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.approveDisposition(try! await office.session("sg.chef"), list: list)
        }
        #expect(outside?.code == .listOutsideUnit)
        for language in Language.allCases {
            let message = MessageCatalogue.message(try #require(outside), in: language)
            #expect(!message.contains("ELV-2010-0001"))
        }
        let byAuditor = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.approveDisposition(try! await office.session("verif"), list: list)
        }
        #expect(byAuditor?.code == .missingPermission)
        let audited = try await office.refusals(after: before)
        #expect(audited.count == 3)
        #expect(audited.contains { $0.details.contains("disposition.outside-unit") && $0.details.contains("ELV-2010-0001") })
        #expect(try await office.store.dispositionList(list)?.state == .proposed)

        let approved = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        #expect(approved.state == "approved")
        #expect(approved.approvedBy == "gestion.doc")
        let again = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.approveDisposition(try! await office.session("gestion.doc"), list: list)
        }
        #expect(again?.code == .alreadyInState)
    }

    @Test("a list drawn for a later day is not approved before that day")
    func approvedTooEarly() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let proposer = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(proposer, asOf: CivilDate(iso: "2027-01-15")!, action: .destroy).list.number
        let approver = try await office.session("gestion.doc")
        let early = await thrownRefusal { () async throws(Refusal) in try await office.sablier.approveDisposition(approver, list: list) }
        #expect(early?.code == .approvedTooEarly)
        #expect(early?.values["asOf"] == "2027-01-15")
        #expect(early?.values["today"] == "2026-11-29")
        #expect(try await office.store.dispositionList(list)?.state == .proposed)
        let onTheDay = try await office.on("2027-01-15").approveDisposition(approver, list: list)
        #expect(onTheDay.state == "approved")
    }

    @Test("execution checks the review again: a document whose new content was scanned since is refused, and nothing is done")
    func executionRechecksPendingReview() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let proposer = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(proposer, action: .destroy).list.number
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        // A new content of SG-CORR-2021 was scanned and flagged: its review no longer applies.
        let scan = ContentScan(sha256: String(repeating: "ab", count: 32), scanner: "test", scannedAt: office.sablier.clock.now,
                               status: .read, flagged: true, score: 500, summary: "NAS")
        try await office.store.recordScan(scan, document: "SG-CORR-2021", path: office.exampleFile("correspondance-2021.txt").path,
                                          by: "gestion.doc", at: office.sablier.clock.now)
        let before = try await office.lastSequence()
        let refused = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.executeDisposition(proposer, list: list, method: "déchiquetage")
        }
        #expect(refused?.code == .pendingReview)
        #expect(refused?.values["references"] == "SG-CORR-2021")
        #expect(try await office.store.dispositionList(list)?.state == .approved)
        #expect(FileManager.default.fileExists(atPath: office.exampleFile("correspondance-2021.txt").path))
        #expect(try await office.refusals(after: before).count == 1)
    }

    @Test("execute: a method for paper, every problem named at once, files deleted, certificate read whole or by unit")
    func execution() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(manager, action: .destroy).list.number
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)

        let noMethod = await thrownRefusal { () async throws(Refusal) in try await office.sablier.executeDisposition(manager, list: list) }
        #expect(noMethod?.code == .noFileToDelete)
        #expect(noMethod?.values["references"] == "ELV-2010-0001")

        // A hold placed after approval: every problem is named, in the reader's language.
        let hold = try await office.store.placeHold(.document("SG-CORR-2021"), reason: "Litige", by: "aiprp", at: office.sablier.clock.now)
        let held = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.executeDisposition(manager, list: list, method: "déchiquetage")
        }
        #expect(held?.code == .cannotExecute)
        let english = MessageCatalogue.message(try #require(held), in: .en)
        #expect(english.contains("disposition list \(list) cannot be executed on 2026-11-29; nothing was done:\n  - SG-CORR-2021 is held (gel)"))
        #expect(MessageCatalogue.message(try #require(held), in: .fr).contains("  - SG-CORR-2021 est visé par un gel"))
        #expect(FileManager.default.fileExists(atPath: office.exampleFile("correspondance-2021.txt").path))
        _ = try await office.store.releaseHold(hold.id, reason: "Réglé", by: "aiprp", at: office.sablier.clock.now)

        let outcome = try await office.sablier.executeDisposition(manager, list: list, method: "déchiquetage", vendorCertificate: "SHRED-1")
        #expect(outcome.complete)
        #expect(outcome.done.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "SG-CORR-2021"])
        #expect(outcome.integrityProblems.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: office.exampleFile("correspondance-2021.txt").path))
        let again = await thrownRefusal { () async throws(Refusal) in try await office.sablier.executeDisposition(manager, list: list) }
        #expect(again?.code == .alreadyExecuted)
        let late = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.cancelDisposition(manager, list: list, reason: "Trop tard")
        }
        #expect(late?.code == .cannotCancel)

        let certificate = try await office.sablier.dispositionCertificate(try await office.session("verif"), list: list)
        #expect(certificate.complete)
        #expect(certificate.entries.count == 3)
        #expect(certificate.withheld == 0)
        #expect(certificate.method == "déchiquetage")
        #expect(certificate.vendorCertificate == "SHRED-1")
        #expect(!certificate.auditSequences.isEmpty)
        let unit = try await office.sablier.dispositionCertificate(try await office.session("rh.chef"), list: list)
        #expect(unit.entries.isEmpty)
        #expect(unit.withheld == 3)
        let sgShow = try await office.sablier.dispositionDetail(try await office.session("sg.chef"), list: list)
        #expect(sgShow.items.map(\.reference) == ["SG-CORR-2021"])
        #expect(sgShow.withheld == 2)
        let lists = try await office.sablier.dispositionLists(try await office.session("verif"))
        #expect(lists.map(\.done) == [3])
    }

    @Test("a sort is decided while proposed, with a reason; a cancelled list goes no further and frees its documents")
    func decisionsAndCancellation() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let first = try await office.sablier.proposeDisposition(manager, action: .destroy).list.number
        let notSort = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.decideSort(manager, list: first, reference: "SG-CORR-2021", decision: .keep, reason: "Utile")
        }
        #expect(notSort?.code == .notASort)
        let unknown = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.decideSort(manager, list: first, reference: "RH-EMP-0042", decision: .keep, reason: "Utile")
        }
        #expect(unknown?.code == .itemNotFound)
        let blocked = await thrownRefusal { () async throws(Refusal) in try await office.sablier.proposeDisposition(manager, action: .destroy) }
        #expect(blocked?.code == .nothingDue)

        let noReason = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.cancelDisposition(manager, list: first, reason: "  ")
        }
        #expect(noReason?.code == .emptyText)
        let cancelled = try await office.sablier.cancelDisposition(manager, list: first, reason: "Mauvaise date")
        #expect(cancelled.state == "cancelled")
        #expect(cancelled.cancelReason == "Mauvaise date")
        let twice = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.cancelDisposition(manager, list: first, reason: "Encore")
        }
        #expect(twice?.code == .alreadyInState)
        let approve = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.approveDisposition(try! await office.session("gestion.doc"), list: first)
        }
        #expect(approve?.code == .listCancelled)
        #expect(approve?.values["reason"] == "Mauvaise date")
        let execute = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.executeDisposition(manager, list: first, method: "déchiquetage")
        }
        #expect(execute?.code == .listCancelled)
        let second = try await office.sablier.proposeDisposition(manager, action: .destroy)
        #expect(second.list.number == first + 1)
        #expect(second.items.count == 3)
        let missing = await thrownRefusal { () async throws(Refusal) in try await office.sablier.dispositionDetail(manager, list: 99) }
        #expect(missing?.code == .listNotFound)
    }

    @Test("deposits keep their files and go on the transfer slip; a pending review does not hold back a deposit")
    func deposit() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("archiviste")
        // SG-POL-2015's rule now flags it, and nobody reviewed it: a deposit destroys nothing, it goes on.
        _ = try await office.store.confirmRulePrivacy(rule: "1102", personalInformation: true, measure: .detruire, note: "Noms",
                                                      by: "gestion.doc", at: office.sablier.clock.now)
        #expect(try await office.store.privacyQueue(includingDecided: false).map(\.reference).contains("SG-POL-2015"))
        let proposal = try await office.sablier.proposeDisposition(manager, action: .deposit)
        #expect(proposal.items.map(\.reference) == ["SG-PV-CA-2019", "SG-POL-2015"])
        #expect(proposal.leftOut.isEmpty)
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: proposal.list.number)
        let outcome = try await office.sablier.executeDisposition(manager, list: proposal.list.number)
        #expect(outcome.complete)
        #expect(outcome.done.map(\.outcome) == ["deposited", "deposited"])
        #expect(FileManager.default.fileExists(atPath: office.exampleFile("politique-securite-2015.txt").path))
        let certificate = try await office.sablier.dispositionCertificate(manager, list: proposal.list.number)
        #expect(certificate.entries.allSatisfy { $0.outcome == "deposited" && $0.state == "done" })
        #expect(try await office.store.document("SG-POL-2015")?.phase == .inactifVerse)
    }

    @Test("a deposit not yet due on the day of execution is refused, naming the day it falls due")
    func notYetDue() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("archiviste")
        let later = office.on("2031-01-01")
        let list = try await later.proposeDisposition(manager, action: .deposit).list.number
        _ = try await later.approveDisposition(try await office.session("gestion.doc"), list: list)
        let refused = await thrownRefusal { () async throws(Refusal) in try await office.sablier.executeDisposition(manager, list: list) }
        #expect(refused?.code == .cannotExecute)
        #expect(MessageCatalogue.message(try #require(refused), in: .en).contains("RF-EF-2023 is not yet due: its deposit falls due on 2030-06-30"))
        let certificate = await thrownRefusal { () async throws(Refusal) in try await office.sablier.dispositionCertificate(manager, list: list) }
        #expect(certificate?.code == .notExecuted)
    }
}

@Suite("Disposition rules (Core)")
struct DispositionRuleTests {
    let list = DispositionList(number: 4, action: .destroy, asOf: CivilDate(iso: "2026-11-29")!, state: .proposed,
                               proposedAt: Date(timeIntervalSince1970: 0), proposedBy: "Marie", itemCount: 1, doneCount: 0)

    @Test("the proposer is the same person whatever the case and surrounding spaces")
    func samePerson() {
        #expect(throws: Refusal(.selfApproval, ["list": "4", "proposer": "Marie"])) {
            try list.checkApproval(by: " marie ", on: CivilDate(iso: "2026-12-01")!, items: [])
        }
        #expect(throws: Refusal(.approvedTooEarly, ["list": "4", "asOf": "2026-11-29", "today": "2026-11-28"])) {
            try list.checkApproval(by: "Paul", on: CivilDate(iso: "2026-11-28")!, items: [])
        }
    }

    @Test("execution of a proposed list is refused; a resumed one keeps its method")
    func execution() throws {
        #expect(throws: Refusal(.notApproved, ["list": "4", "proposer": "Marie"])) {
            _ = try list.checkExecution(method: nil, vendorCertificate: nil)
        }
        var resumed = list
        resumed.state = .executing; resumed.approvedBy = "Paul"; resumed.method = "déchiquetage"
        #expect(throws: Refusal(.methodDiffers, ["list": "4", "method": "déchiquetage"])) {
            _ = try resumed.checkExecution(method: "incinération", vendorCertificate: nil)
        }
        #expect(try resumed.checkExecution(method: " ", vendorCertificate: nil).method == "déchiquetage")
    }
}
