import Foundation
import SablierApplication
import SablierCore
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// The reports through their use cases, on the real SQLite store with the example calendar
/// (year end 06-30) and the example register: a destruction list carried out for real, the
/// volumes counted by hand from `examples/registre-exemple.csv`, and last activity read from
/// real audit entries.
@Suite("Report use cases")
struct ReportUseCaseTests {
    static let school = "École primaire des Érables (exemple)"

    /// The three destructions due on the test day (two of the school's under rule 7101, one of
    /// the Secrétariat général's under 1201), proposed, approved, then carried out on `day`.
    func executedDestruction(_ office: TestOffice, on day: String) async throws -> Int {
        try await office.releaseDestructions()
        let manager = try await office.session("archiviste")
        let list = try await office.sablier.proposeDisposition(manager, action: .destroy).list.number
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: list)
        let outcome = try await office.on(day).executeDisposition(manager, list: list, method: "déchiquetage", vendorCertificate: "SHRED-1")
        try #require(outcome.complete)
        return list
    }

    @Test("a destruction carried out on the year end's day is in that year's report, by unit and rule with its list, certificate and method, and not in the next")
    func destructionInItsYear() async throws {
        let office = try await TestOffice(.register)
        #expect(try await office.store.reportYearEnd() == .schoolYearEnd)
        let list = try await executedDestruction(office, on: "2027-06-30")
        let auditor = try await office.session("verif")
        let before = try await office.lastSequence()

        let report = try await office.sablier.dispositionReport(auditor, year: "2026-2027")
        #expect(report.year.first == CivilDate(iso: "2026-07-01") && report.year.last == CivilDate(iso: "2027-06-30"))
        #expect(report.unit == nil)
        #expect(report.lines.map { "\($0.holder)|\($0.rule)|\($0.action.rawValue)|\($0.outcome.rawValue)|\($0.count)" } == [
            "\(Self.school)|7101|destroy|destroyed|2", "Secrétariat général|1201|destroy|destroyed|1",
        ])
        #expect(report.lines.allSatisfy { $0.lists == [list] && $0.vendorCertificates == ["SHRED-1"] })
        #expect(report.lines.map(\.title) == [try await office.store.rule("7101", version: 1)?.title,
                                              try await office.store.rule("1201", version: 1)?.title])
        #expect(report.lines.allSatisfy { $0.title?.isEmpty == false })
        #expect(report.totals.map { "\($0.action.rawValue)|\($0.outcome.rawValue)|\($0.count)" } == ["destroy|destroyed|3"])
        // ELV-2010-0001 is paper: destroyed by the list's method; the two others had files Sablier deleted.
        #expect(report.destroyedWithoutFileByMethod.map { "\($0.method ?? "")|\($0.count)|\($0.lists)" } == ["déchiquetage|1|[\(list)]"])

        for other in ["2027-2028", "2025-2026"] {
            let empty = try await office.sablier.dispositionReport(auditor, year: other)
            #expect(empty.lines.isEmpty && empty.totals.isEmpty && empty.destroyedWithoutFileByMethod.isEmpty, "\(other)")
        }
        // A report is a read: not audited, like every other.
        #expect(try await office.lastSequence() == before)
    }

    @Test("a deposit carried out the day after the year end counts in the next year only")
    func depositTheDayAfter() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("archiviste")
        let proposal = try await office.sablier.proposeDisposition(manager, action: .deposit)
        _ = try await office.sablier.approveDisposition(try await office.session("gestion.doc"), list: proposal.list.number)
        try #require(try await office.on("2027-07-01").executeDisposition(manager, list: proposal.list.number).complete)
        let auditor = try await office.session("verif")
        #expect(try await office.sablier.dispositionReport(auditor, year: "2026-2027").totals.isEmpty)
        let next = try await office.sablier.dispositionReport(auditor, year: "2027-2028")
        #expect(next.totals.map { "\($0.action.rawValue)|\($0.outcome.rawValue)|\($0.count)" } == ["deposit|deposited|\(proposal.items.count)"])
        #expect(next.lines.reduce(0) { $0 + $1.count } == proposal.items.count && proposal.items.count > 0)
        #expect(next.destroyedWithoutFileByMethod.isEmpty)
    }

    @Test("a détenteur reads their own unit's lines only, another unit asked for is refused and audited; the records manager may ask for one unit")
    func detenteurSeesOwnUnit() async throws {
        let office = try await TestOffice(.register)
        _ = try await executedDestruction(office, on: "2026-11-29")
        let secretary = try await office.session("sg.chef")
        let own = try await office.sablier.dispositionReport(secretary, year: "2026-2027")
        #expect(own.unit == "Secrétariat général")
        #expect(own.lines.map(\.holder) == ["Secrétariat général"])
        #expect(own.totals.map(\.count) == [1])
        #expect(own.destroyedWithoutFileByMethod.isEmpty)
        #expect(try await office.sablier.dispositionReport(secretary, year: "2026-2027", unit: " secrétariat GÉNÉRAL").lines.count == 1)

        let before = try await office.lastSequence()
        let other = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionReport(secretary, year: "2026-2027", unit: Self.school)
        }
        #expect(other == Refusal(.reportOtherUnit, ["unit": Self.school, "own": "Secrétariat général"]))
        let volumes = await thrownRefusal { () async throws(Refusal) in try await office.sablier.volumeReport(secretary, unit: "Ressources humaines") }
        #expect(volumes?.code == .reportOtherUnit)
        #expect(try await office.refusals(after: before).count == 2)

        #expect(try await office.sablier.dispositionReport(try await office.session("rh.chef"), year: "2026-2027").lines.isEmpty)
        let school = try await office.sablier.dispositionReport(try await office.session("gestion.doc"), year: "2026-2027", unit: Self.school)
        #expect(school.lines.map(\.count) == [2])
        #expect(school.destroyedWithoutFileByMethod.map(\.count) == [1])
        let agent = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionReport(try! await office.session("rh.agent"), year: "2026-2027")
        }
        #expect(agent?.code == .missingPermission)
    }

    @Test("a year label that is not YYYY-YYYY+1 is refused, naming it, and the refusal audited")
    func badYearRefused() async throws {
        let office = try await TestOffice(.register)
        let before = try await office.lastSequence()
        let refused = await thrownRefusal { () async throws(Refusal) in
            try await office.sablier.dispositionReport(try! await office.session("verif"), year: "2026/2027")
        }
        #expect(refused == Refusal(.reportBadYear, ["year": "2026/2027"]))
        #expect(MessageCatalogue.message(try #require(refused), in: .fr).contains("« 2026/2027 »"))
        let audited = try await office.refusals(after: before)
        #expect(audited.count == 1 && audited.first?.details.contains("report.bad-year") == true)
    }

    @Test("volumes: the example register counted by unit, phase and support, by hand; boxes, their metres and a box shared by two units")
    func volumes() async throws {
        let office = try await TestOffice(.register)
        let manager = try await office.session("gestion.doc")
        let counted = try await office.sablier.volumeReport(manager)
        let financial = "Ressources financières", staff = "Ressources humaines", secretariat = "Secrétariat général"
        // examples/registre-exemple.csv: twelve documents, all active on the test day.
        // Units in a French reader's order: accents aside, École comes first.
        #expect(counted.documents.map { "\($0.holder)|\($0.phase.rawValue)|\($0.support)|\($0.documents)" } == [
            "\(Self.school)|actif|DM|1", "\(Self.school)|actif|PA|1",
            "\(financial)|actif|DM|1", "\(financial)|actif|PA|2", "\(staff)|actif|DM|1", "\(staff)|actif|PA|1",
            "\(secretariat)|actif|DM|3", "\(secretariat)|actif|PA|1", "Services éducatifs|actif|PA|1",
        ])
        #expect(counted.totalDocuments == 12)
        // RF-EF-2023 and RF-BUD-2014 are in the two boxes, neither with a size.
        #expect(counted.boxes == [VolumeBoxLine(holder: financial, phase: .actif, boxes: 2, linearMetres: 0, boxesWithoutSize: 2)])

        try SQLiteStore.executeUnchecked("UPDATE box SET linear_mm = 380 WHERE code = 'B-2023-RF-01'", inDatabaseAt: office.databasePath)
        try SQLiteStore.executeUnchecked("UPDATE box SET linear_mm = 250 WHERE code = 'B-2014-RF-01'", inDatabaseAt: office.databasePath)
        var draft = DocumentDraft()
        draft.reference = "SG-BOITE-2026"; draft.title = "Correspondance classée avec le budget"; draft.rule = "1201"
        draft.copy = "principal"; draft.support = "PA"; draft.holder = secretariat; draft.opened = "2026-01-05"; draft.box = "B-2014-RF-01"
        _ = try await office.sablier.registerDocument(manager, draft)

        let sized = try await office.sablier.volumeReport(manager)
        #expect(sized.boxes == [
            VolumeBoxLine(holder: financial, phase: .actif, boxes: 1, linearMetres: 0.38, boxesWithoutSize: 0),
            VolumeBoxLine(holder: nil, phase: .actif, boxes: 1, linearMetres: 0.25, boxesWithoutSize: 0),
        ])
        #expect(sized.totalBoxes == 2 && sized.totalLinearMetres == 0.63 && sized.totalDocuments == 13)

        // The Secrétariat général's détenteur: its documents, and the box it shares under its own
        // line, with its metres: nothing tells it that the Ressources financières keep files there.
        let own = try await office.sablier.volumeReport(try await office.session("sg.chef"))
        #expect(own.unit == secretariat)
        #expect(own.documents.map { "\($0.support)|\($0.documents)" } == ["DM|3", "PA|2"])
        #expect(own.boxes == [VolumeBoxLine(holder: secretariat, phase: .actif, boxes: 1, linearMetres: 0.25, boxesWithoutSize: 0)])
        let staffOnly = try await office.sablier.volumeReport(try await office.session("rh.chef"))
        #expect(staffOnly.totalDocuments == 2 && staffOnly.boxes.isEmpty)
    }

    @Test("access: every user with roles, unit, e-mail and last activity from their newest audit entry; idle days flag active users only")
    func accessReview() async throws {
        let office = try await TestOffice(.users)
        // rh's newest entry: a refusal audited on 2026-12-10 (a détenteur may not review access rights).
        let tenth = office.on("2026-12-10")
        let refused = await thrownRefusal { () async throws(Refusal) in try await tenth.accessReport(try! await tenth.localSession("rh")) }
        #expect(refused?.code == .missingPermission)
        try await office.store.setActive("rh.agent", false, by: "admin", at: TestOffice.now)
        try SQLiteStore.executeUnchecked("UPDATE app_user SET email = 'rh@example.org' WHERE name = 'rh'", inDatabaseAt: office.databasePath)

        let fifteenth = office.on("2026-12-15")
        let before = try await office.lastSequence()
        let report = try await fifteenth.accessReport(try await fifteenth.localSession("verif"), inactiveDays: 10)
        #expect(try await office.lastSequence() == before)
        #expect(report.asOf == CivilDate(iso: "2026-12-15"))
        #expect(report.users.map(\.name) == (["admin"] + Cast.members.map(\.name)).sorted())
        let byName = Dictionary(uniqueKeysWithValues: report.users.map { ($0.name, $0) })
        let rh = try #require(byName["rh"])
        let rhEntry = try #require(try await office.audit().last { $0.user == "rh" })
        #expect(rh.lastActivity == rhEntry.at)
        #expect(CivilDate(dayOf: rhEntry.at) == CivilDate(iso: "2026-12-10"))
        #expect(rh.idleDays == 5 && rh.inactive == false)
        #expect(rh.email == "rh@example.org" && rh.roles == ["detenteur"] && rh.unit == "Ressources humaines")
        // admin acted on the test day (creating everybody); gestion.doc never did: counted from creation.
        #expect(byName["admin"]?.idleDays == 16 && byName["admin"]?.inactive == true && byName["admin"]?.roles == ["rsi"])
        #expect(byName["gestion.doc"]?.lastActivity == nil && byName["gestion.doc"]?.idleDays == 16 && byName["gestion.doc"]?.inactive == true)
        #expect(byName["gestion.doc"]?.createdBy == "admin" && byName["gestion.doc"]?.email == nil)
        #expect(byName["rh.agent"]?.active == false && byName["rh.agent"]?.inactive == false)
        #expect(report.flagged == 9)

        let negative = await thrownRefusal { () async throws(Refusal) in
            try await fifteenth.accessReport(try! await fifteenth.localSession("admin"), inactiveDays: -1)
        }
        #expect(negative == Refusal(.reportBadInactiveDays, ["days": "-1"]))
        #expect(try await fifteenth.accessReport(try await fifteenth.localSession("admin")).users.allSatisfy { $0.inactive == nil })
    }
}
