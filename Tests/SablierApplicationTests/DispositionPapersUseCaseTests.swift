import Foundation
import SablierApplication
import SablierCore
import SablierTestSupport
import Testing

/// The steps a list's detail offers each reader, and the two documents people sign — the
/// destruction certificate and the transfer slip — each with only its own entries.
@Suite("Disposition steps and signed documents")
struct DispositionPapersUseCaseTests {
    /// A list of every action due on the test day, its sort decided `keep`, approved and
    /// executed: destructions, deposits, transfers and a kept sort on one list.
    static func executedListOfEveryAction(_ office: TestOffice) async throws -> Int {
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(manager).list.number
        _ = try await office.sablier.decideSort(manager, list: list, reference: "RF-BUD-2014", decision: .keep, reason: "Valeur historique")
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        let outcome = try await office.sablier.executeDisposition(manager, list: list, method: "déchiquetage")
        #expect(outcome.complete)
        return list
    }

    @Test("the destruction certificate holds only the documents destroyed; the slip only those deposited, kept by a sort or transferred")
    func eachPaperHoldsItsOwnEntries() async throws {
        let office = try await TestOffice(.register)
        let list = try await Self.executedListOfEveryAction(office)
        let auditor = try await office.session("verif")
        let whole = try await office.sablier.dispositionCertificate(auditor, list: list)
        #expect(Set(whole.entries.compactMap(\.outcome)) == ["destroyed", "deposited", "kept", "transferred"],
                "the list mixes every outcome")

        let certificate = try await office.sablier.dispositionCertificate(auditor, list: list, kind: .destructionCertificate)
        #expect(certificate.entries.map(\.reference) == ["ELV-2010-0001", "ELV-2010-0001-NUM", "SG-CORR-2021"])
        #expect(certificate.entries.allSatisfy { $0.outcome == "destroyed" })
        #expect(certificate.withheld == 0)
        #expect(certificate.method == "déchiquetage")

        let slip = try await office.sablier.dispositionCertificate(auditor, list: list, kind: .transferSlip)
        #expect(slip.entries.map(\.reference).sorted() == ["RF-BUD-2014", "RF-EF-2023", "RH-EMP-0042", "SG-POL-2015", "SG-PV-CA-2019"])
        #expect(slip.entries.first { $0.reference == "RF-BUD-2014" }?.outcome == "kept")
        #expect(slip.entries.first { $0.reference == "RH-EMP-0042" }?.outcome == "transferred")
        #expect(slip.entries.allSatisfy { $0.outcome != "destroyed" })
        #expect(certificate.entries.count + slip.entries.count == whole.entries.count, "every entry is on exactly one paper")

        // A détenteur reads the extract of their own unit; the rest of that paper is counted.
        let unit = try await office.sablier.dispositionCertificate(try await office.session("sg.chef"), list: list, kind: .transferSlip)
        #expect(unit.entries.map(\.reference).sorted() == ["SG-POL-2015", "SG-PV-CA-2019"])
        #expect(unit.withheld == 3)
        let unitCertificate = try await office.sablier.dispositionCertificate(try await office.session("sg.chef"), list: list,
                                                                             kind: .destructionCertificate)
        #expect(unitCertificate.entries.map(\.reference) == ["SG-CORR-2021"])
        #expect(unitCertificate.withheld == 2)

        let detail = try await office.sablier.dispositionDetail(auditor, list: list)
        #expect(detail.papers == [.destructionCertificate, .transferSlip])
    }

    @Test("a paper is refused, with a conflict, before execution began and for a list none of whose documents goes on it; each refusal audited")
    func aPaperTheListHasNotIsRefused() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(manager, action: .deposit).list.number
        #expect(try await office.sablier.dispositionDetail(manager, list: list).papers.isEmpty)
        let before = try await office.lastSequence()
        let early = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionCertificate(manager, list: list, kind: .transferSlip)
        }
        #expect(early?.code == .notExecuted)
        #expect(early?.kind == .conflict)

        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        _ = try await office.sablier.executeDisposition(manager, list: list)
        let slip = try await office.sablier.dispositionCertificate(manager, list: list, kind: .transferSlip)
        #expect(slip.entries.map(\.reference) == ["SG-PV-CA-2019", "SG-POL-2015"])
        let none = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionCertificate(manager, list: list, kind: .destructionCertificate)
        }
        #expect(none?.code == .noCertificate)
        #expect(none?.kind == .conflict)
        #expect(MessageCatalogue.message(try #require(none), in: .fr)
            == "la liste de disposition \(list) ne détruit aucun document : elle n'a pas de certificat de destruction")
        #expect(try await office.refusals(after: before).count == 2)
        #expect(try await office.sablier.dispositionDetail(manager, list: list).papers == [.transferSlip])

        let missing = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionCertificate(manager, list: 99, kind: .destructionCertificate)
        }
        #expect(missing?.code == .listNotFound)
        let agent = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionCertificate(try! await office.session("rh.agent"), list: list, kind: .transferSlip)
        }
        #expect(agent?.code == .missingPermission)
    }

    @Test("a list of destructions has a certificate and no slip")
    func destructionsHaveNoSlip() async throws {
        let office = try await TestOffice(.register)
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(manager, action: .destroy).list.number
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        _ = try await office.sablier.executeDisposition(manager, list: list, method: "déchiquetage")
        #expect(try await office.sablier.dispositionDetail(manager, list: list).papers == [.destructionCertificate])
        let slip = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionCertificate(manager, list: list, kind: .transferSlip)
        }
        #expect(slip?.code == .noSlip)
        #expect(MessageCatalogue.message(try #require(slip), in: .en)
            == "disposition list \(list) deposits, keeps and transfers no document: it has no transfer slip")
    }

    @Test("the detail's steps follow the list's state and the reader's permissions")
    func stepsPerStateAndReader() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("archiviste")
        let approver = try await office.session("gestion.doc")
        let list = try await office.sablier.proposeDisposition(manager, action: .deposit).list.number
        func steps(_ name: String) async throws -> [DispositionStep] {
            try await office.sablier.dispositionDetail(try await office.session(name), list: list).steps
        }
        #expect(try await steps("archiviste") == [.decide, .approve, .cancel], "offered to the proposer too: the approval says why not")
        #expect(try await steps("sg.chef") == [.approve], "a détenteur approves, and manages no list")
        #expect(try await steps("verif") == [], "the auditor reads")

        _ = try await office.sablier.approveDisposition(approver, list: list)
        #expect(try await steps("archiviste") == [.execute, .cancel])
        #expect(try await steps("sg.chef") == [])

        _ = try await office.sablier.executeDisposition(manager, list: list)
        #expect(try await steps("archiviste") == [])

        let other = try await office.sablier.proposeDisposition(manager, action: .transfer).list.number
        _ = try await office.sablier.cancelDisposition(manager, list: other, reason: "Mauvaise date")
        #expect(try await office.sablier.dispositionDetail(manager, list: other).steps == [])
    }
}
