import Foundation
import SablierApplication
import SablierCore
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// Users, the audit trail, incidents and fixity, in-process against a real SQLite store with a
/// fixed clock; and the pure rules of users and incidents.
@Suite("Accountability use cases")
struct AccountabilityUseCaseTests {
    @Test("initialise creates the RSI once; a second time is refused, audited, and adds nobody")
    func initialise() async throws {
        let office = try await TestOffice(.uninitialised)
        let empty = await thrownRefusal { _ = try await office.sablier.initialise(admin: "  ", unit: "DG") }
        #expect(empty?.code == .emptyText)
        let admin = try await office.sablier.initialise(admin: "admin", unit: "Direction générale")
        #expect(admin.roles == ["rsi"] && admin.active)
        let again = await thrownRefusal { _ = try await office.sablier.initialise(admin: "other", unit: "DG") }
        #expect(again == Refusal(.alreadyInitialised, ["first": "admin"]))
        #expect(try await office.store.users().map(\.name) == ["admin"])
        let actions = try await office.audit().map(\.action)
        #expect(actions == ["refused", "store.init", "refused"])
    }

    @Test("user rules: at least one role, no duplicate, the last active RSI stays, a role is granted once; each refusal changes nothing and is audited")
    func userRules() async throws {
        let office = try await TestOffice(.users)
        let admin = try await office.session("admin")
        let cases: [(Refusal.Code, () async throws -> Void)] = [
            (.noRole, { _ = try await office.sablier.addUser(admin, name: "bob", unit: "SEC", roles: []) }),
            (.emptyText, { _ = try await office.sablier.addUser(admin, name: "bob", unit: " ", roles: [.csgi]) }),
            (.userExists, { _ = try await office.sablier.addUser(admin, name: "csgi", unit: "SEC", roles: [.csgi]) }),
            (.lastRSI, { _ = try await office.sablier.setUserActive(admin, "admin", active: false) }),
            (.lastRSI, { _ = try await office.sablier.revokeRole(admin, .rsi, from: "admin") }),
            (.userUnchanged, { _ = try await office.sablier.setUserActive(admin, "csgi", active: true) }),
            (.roleHeld, { _ = try await office.sablier.grantRole(admin, .csgi, to: "csgi") }),
            (.roleNotHeld, { _ = try await office.sablier.revokeRole(admin, .aiprp, from: "csgi") }),
            (.noRole, { _ = try await office.sablier.revokeRole(admin, .csgi, from: "csgi") }),
            (.userNotFound, { _ = try await office.sablier.grantRole(admin, .csgi, to: "nobody") }),
            (.missingPermission, { _ = try await office.sablier.addUser(try await office.session("csgi"), name: "x", unit: "X", roles: [.csgi]) }),
        ]
        for (code, body) in cases {
            let users = try await office.store.users()
            let count = try await office.audit().count
            let refused = await thrownRefusal(body)
            #expect(refused?.code == code)
            #expect(try await office.store.users() == users, "\(code)")
            let audit = try await office.audit()
            #expect(audit.count == count + 1, "\(code)")
            #expect(audit.last?.action == "refused" && audit.last?.details.contains(code.rawValue) == true, "\(code)")
        }
    }

    @Test("a second RSI lets the first be disabled; grant, revoke, enable change the user and are audited")
    func userChanges() async throws {
        let office = try await TestOffice(.users)
        let admin = try await office.session("admin")
        let granted = try await office.sablier.grantRole(admin, .rsi, to: "csgi")
        #expect(Set(granted.roles) == ["csgi", "rsi"])
        let disabled = try await office.sablier.setUserActive(try await office.session("csgi"), "admin", active: false)
        #expect(!disabled.active)
        let adminRefused = await thrownRefusal { _ = try await office.sablier.users(admin) }
        #expect(adminRefused?.code == .disabledUser)
        _ = try await office.sablier.setUserActive(try await office.session("csgi"), "admin", active: true)
        let revoked = try await office.sablier.revokeRole(admin, .rsi, from: "csgi")
        #expect(revoked.roles == ["csgi"])
        let actions = try await office.store.auditEntries(since: nil, user: nil, target: "user csgi").map(\.action)
        #expect(actions == ["user.add", "user.grant", "user.revoke"])
        // The RSI and the whole cast of the shared office, by name.
        #expect(try await office.sablier.users(admin).map(\.name)
            == ["admin", "aiprp", "archiviste", "csgi", "gestion.doc", "rh", "rh.agent", "rh.chef", "sg.agent", "sg.chef", "verif"])
    }

    @Test("incidents: anyone reports, saying what happened; the CSGI updates; a closed incident stays closed")
    func incidents() async throws {
        let office = try await TestOffice(.users)
        let reporter = try await office.session("rh.agent")
        let csgi = try await office.session("csgi")
        let empty = await thrownRefusal { _ = try await office.sablier.reportIncident(reporter, kind: .confidentialite, description: "  ") }
        #expect(empty?.code == .emptyText)
        let incident = try await office.sablier.reportIncident(reporter, kind: .confidentialite, description: "Dossier laissé ouvert",
                                                               documents: ["RH-1", "RH-1"])
        #expect(incident.id == 1 && incident.status == "ouvert" && incident.documents == ["RH-1"] && incident.reportedBy == "rh.agent")
        #expect(await thrownRefusal { _ = try await office.sablier.incidents(reporter) }?.code == .missingPermission)
        let closed = try await office.sablier.updateIncident(csgi, 1, status: .ferme, note: "Dossier rangé")
        #expect(closed.status == "ferme" && closed.notes.map(\.note) == ["Dossier rangé"])
        let again = await thrownRefusal { _ = try await office.sablier.updateIncident(csgi, 1, status: .ouvert, note: "Rouvert") }
        #expect(again == Refusal(.incidentClosed, ["incident": "1"]))
        let missing = await thrownRefusal { _ = try await office.sablier.updateIncident(csgi, 9, status: .ferme, note: "x") }
        #expect(missing?.code == .incidentNotFound)
        #expect(try await office.sablier.incidents(csgi).first?.notes.count == 1)
        let refused = try await office.audit().filter { $0.action == "refused" }.map(\.details)
        #expect(refused.contains { $0.contains("incident.closed") })
    }

    @Test("the audit log reads from a day on and the chain verifies; a reader without audit.read is refused")
    func auditTrail() async throws {
        let office = try await TestOffice(.users)
        let admin = try await office.session("admin")
        let all = try await office.sablier.auditLog(admin)
        #expect(all.first?.action == "store.init")
        #expect(try await office.sablier.auditLog(admin, since: CivilDate(iso: "2026-11-30")!).isEmpty)
        #expect(try await office.sablier.auditLog(admin, since: TestOffice.day).count == all.count)
        #expect(try await office.sablier.auditLog(admin, user: "admin", target: "user csgi").map(\.action) == ["user.add"])
        let verification = try await office.sablier.verifyAudit(admin)
        #expect(verification.intact && verification.problem == nil && verification.entries == all.count + 0)
        #expect(await thrownRefusal { _ = try await office.sablier.verifyAudit(try await office.session("csgi")) }?.code == .missingPermission)
    }

    @Test("integrity check of an unknown reference is refused with document.not-found and opens no incident")
    func integrityUnknownDocument() async throws {
        let office = try await TestOffice(.users)
        let manager = try await office.session("gestion.doc")
        let empty = try await office.sablier.checkIntegrity(manager)
        #expect(empty.entries.isEmpty && empty.incidents.isEmpty)
        let refused = await thrownRefusal { _ = try await office.sablier.checkIntegrity(manager, references: ["NOPE-1"]) }
        #expect(refused == Refusal(.documentNotFound, ["reference": "NOPE-1"]))
        #expect(try await office.store.incidents().isEmpty)
        #expect(await thrownRefusal { _ = try await office.sablier.checkIntegrity(try await office.session("rh.agent")) }?.code == .missingPermission)
    }

    @Test("the pure rules: a new user, the last RSI, roles, a closed incident")
    func pureRules() throws {
        #expect(throws: Refusal(.noRole, ["user": "bob"])) { _ = try User.new(name: " bob ", unit: "SEC", roles: []) }
        #expect(try User.new(name: " bob ", unit: " SEC ", roles: [.csgi]).name == "bob")
        let rsi = User(name: "admin", unit: "DG", roles: [.rsi])
        #expect(throws: Refusal(.lastRSI, ["user": "admin"])) { _ = try rsi.settingActive(false, activeRSIs: 1) }
        #expect(try rsi.settingActive(false, activeRSIs: 2).active == false)
        #expect(throws: Refusal(.lastRSI, ["user": "admin"])) { _ = try rsi.granting(.csgi).revoking(.rsi, activeRSIs: 1) }
        #expect(try rsi.granting(.csgi).revoking(.rsi, activeRSIs: 2).roles == [.csgi])
        let closed = Incident(id: 3, kind: .integrite, status: .ferme, description: "x", documents: [], reportedAt: Date(timeIntervalSince1970: 0),
                              reportedBy: "a", notes: [])
        #expect(throws: Refusal(.incidentClosed, ["incident": "3"])) {
            _ = try closed.update(to: .ouvert, note: "again", by: "csgi", at: Date(timeIntervalSince1970: 0))
        }
    }
}
