import Foundation
import SablierApplication
import SablierCore
import SablierStore
import SablierTestSupport
import Testing
@testable import SablierSQLite

/// The permission matrix, run against the use cases themselves: for every permission, one use
/// case that needs it, called by a user holding each role alone. A role the matrix grants gets
/// past the check; any other is refused with `access.missing-permission`, the refusal is in the
/// audit trail, and nothing else in the store changed.
@Suite("Permission matrix: every cell, allowed and refused, through the use cases")
struct PermissionMatrixUseCaseTests {
    typealias Call = @Sendable (Sablier, Session) async throws -> Void

    /// One use case per permission, on the example register (an RH document where one is named).
    static let calls: [Permission: Call] = [
        .manageUsers: { _ = try await $0.addUser($1, name: "nouveau.\(UUID().uuidString.prefix(6))", unit: "SG", roles: [.utilisateur]) },
        .readUsers: { _ = try await $0.users($1) },
        .sendNotices: { _ = try await $0.sendNotices($1, asOf: CivilDate(iso: "2026-11-29"), days: 30, from: "sablier@css.example.qc.ca", transport: nil) },
        .manageCalendar: { _ = try await $0.confirmEvent($1, rule: "2101", event: "fin de l'emploi", offsetYears: 2) },
        .readCalendar: { _ = try await $0.calendarVersions($1) },
        .registerDocuments: { _ = try await $0.addBox($1, code: "B-\(UUID().uuidString.prefix(6))") },
        .recordEvents: { _ = try await $0.recordEvent($1, "RH-EMP-0042", kind: "modified", on: CivilDate(iso: "2026-11-01")) },
        .readDocuments: { _ = try await $0.documents($1) },
        .correctDocuments: { _ = try await $0.correctDocument($1, "RH-EMP-0042", CorrectionForm(title: "Dossier \(UUID().uuidString.prefix(6))", reason: "coquille")) },
        .reclassifyDocuments: { _ = try await $0.reclassifyDocuments($1, references: ["RH-EMP-0042"], to: "2201", reason: "mal classé", dryRun: true) },
        .readDue: { _ = try await $0.dueList($1) },
        .manageHolds: { _ = try await $0.placeHold($1, on: .document("RH-EMP-0042"), reason: "Litige") },
        .readHolds: { _ = try await $0.holds($1) },
        .manageLoans: { _ = try await $0.lend($1, .document("RH-EMP-0042"), to: "Mme Roy/École des Érables", due: CivilDate(iso: "2026-12-15")!) },
        .readLoans: { _ = try await $0.loans($1) },
        .manageDisposition: { _ = try await $0.proposeDisposition($1, asOf: CivilDate(iso: "2026-11-29")) },
        .approveDisposition: { _ = try await $0.approveDisposition($1, list: 1) },
        .readDisposition: { _ = try await $0.dispositionLists($1) },
        .scanPrivacy: { _ = try await $0.scanPrivacy($1, .document("RH-EMP-0107")) },
        .reviewPrivacy: { _ = try await $0.privacyQueue($1) },
        .readAudit: { _ = try await $0.verifyAudit($1) },
        .checkIntegrity: { _ = try await $0.checkIntegrity($1, references: ["RF-PAIE-2018"]) },
        .manageFileRoots: { _ = try await $0.fileRoots($1) },
        .reportIncident: { _ = try await $0.reportIncident($1, kind: .disponibilite, description: "Panne du serveur de fichiers") },
        .manageIncidents: { _ = try await $0.incidents($1) },
        .readReports: { _ = try await $0.volumeReport($1) },
    ]

    @Test("every permission has its use case here")
    func complete() {
        #expect(Set(Self.calls.keys) == Set(Permission.allCases))
    }

    @Test("each cell of the matrix, through its use case", arguments: Permission.allCases)
    func cell(_ permission: Permission) async throws {
        let office = try await TestOffice(.register)
        let call = try #require(Self.calls[permission])
        let now = TestOffice.now
        for role in Role.allCases {
            let name = "probe.\(role.rawValue)"
            try await office.store.addUser(User(name: name, unit: "Ressources humaines", roles: [role]), by: "admin", at: now)
            let session = try await office.session(name)
            let granted = PermissionMatrix.scope(of: role, for: permission) != nil
            let path = office.databasePath
            let before = try SQLiteStore.contents(ofDatabaseAt: path, excluding: ["audit_entry"])
            let auditBefore = try await office.store.auditEntries(since: nil, user: nil, target: nil).count
            var refusal: Refusal?
            do { try await call(office.sablier, session) } catch let error as Refusal { refusal = error }
            if granted {
                #expect(refusal?.code != .missingPermission, "\(role.rawValue) holds \(permission.rawValue): \(String(describing: refusal))")
            } else {
                #expect(refusal == Refusal(.missingPermission, [
                    "user": name, "permission": permission.rawValue,
                    "roles": PermissionMatrix.roles(holding: permission).map(\.rawValue).joined(separator: ", "),
                ]), "\(role.rawValue) lacks \(permission.rawValue)")
                #expect(try SQLiteStore.contents(ofDatabaseAt: path, excluding: ["audit_entry"]) == before,
                        "a refusal of \(permission.rawValue) to \(role.rawValue) changed the store")
                let audit = try await office.store.auditEntries(since: nil, user: nil, target: nil)
                #expect(audit.count == auditBefore + 1)
                #expect(audit.last?.action == "refused" && audit.last?.user == name
                        && audit.last?.details.contains("\"permission\":\"\(permission.rawValue)\"") == true)
            }
        }
    }
}
