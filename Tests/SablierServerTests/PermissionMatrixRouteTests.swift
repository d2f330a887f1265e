import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierServer
import SablierSQLite
import Testing

/// The permission matrix over HTTP: for every permission, one route whose use case needs it,
/// called with a real API token of a user holding each role alone. A role the matrix grants
/// gets past the check; any other gets 403 `access.missing-permission` naming the permission.
@Suite("Permission matrix: every cell, allowed and refused, through the routes")
struct PermissionMatrixRouteTests {
    /// Method, path and JSON body of one route per permission, on the example register.
    static let routes: [Permission: (HTTPRequest.Method, String, String?)] = [
        .manageUsers: (.post, "/api/v1/users", #"{"name":"nouveau.http","unit":"SG","roles":["utilisateur"]}"#),
        .readUsers: (.get, "/api/v1/users", nil),
        .sendNotices: (.post, "/api/v1/notices", #"{"asOf":"2026-11-29","days":30,"dryRun":true,"from":"sablier@css.example.qc.ca"}"#),
        .manageCalendar: (.post, "/api/v1/calendar/open-periods", #"{"rule":"2101","event":"fin de l'emploi","offsetYears":2}"#),
        .readCalendar: (.get, "/api/v1/calendar/versions", nil),
        .registerDocuments: (.post, "/api/v1/boxes", #"{"code":"B-HTTP-01"}"#),
        .recordEvents: (.post, "/api/v1/documents/RH-EMP-0042/events", #"{"kind":"modified","on":"2026-11-01"}"#),
        .readDocuments: (.get, "/api/v1/documents", nil),
        .correctDocuments: (.post, "/api/v1/documents/RH-EMP-0042/corrections", #"{"title":"Dossier d'employé 0042 (corrigé)","reason":"coquille"}"#),
        .reclassifyDocuments: (.post, "/api/v1/reclassifications", #"{"references":["RH-EMP-0042"],"to":"2201","reason":"mal classé","dryRun":true}"#),
        .readDue: (.get, "/api/v1/due", nil),
        .manageHolds: (.post, "/api/v1/holds", #"{"document":"RH-EMP-0042","reason":"Litige"}"#),
        .readHolds: (.get, "/api/v1/holds", nil),
        .manageLoans: (.post, "/api/v1/loans", #"{"document":"RH-EMP-0042","to":"Mme Roy/École des Érables","due":"2026-12-15"}"#),
        .readLoans: (.get, "/api/v1/loans", nil),
        .manageDisposition: (.post, "/api/v1/disposition-lists", #"{"asOf":"2026-11-29"}"#),
        .approveDisposition: (.post, "/api/v1/disposition-lists/1/approve", nil),
        .readDisposition: (.get, "/api/v1/disposition-lists", nil),
        .scanPrivacy: (.post, "/api/v1/privacy/scans", #"{"document":"RH-EMP-0107"}"#),
        .reviewPrivacy: (.get, "/api/v1/privacy/queue", nil),
        .readAudit: (.get, "/api/v1/audit/verification", nil),
        .checkIntegrity: (.post, "/api/v1/integrity/checks", #"{"documents":["RF-PAIE-2018"]}"#),
        .manageFileRoots: (.get, "/api/v1/roots", nil),
        .reportIncident: (.post, "/api/v1/incidents", #"{"type":"disponibilite","description":"Panne du serveur de fichiers"}"#),
        .manageIncidents: (.get, "/api/v1/incidents", nil),
        .readReports: (.get, "/api/v1/reports/volumes", nil),
    ]

    @Test("every permission has its route here, and docs/openapi.json says that route needs it")
    func complete() throws {
        #expect(Set(Self.routes.keys) == Set(Permission.allCases))
        let paths = try #require(try OpenAPITests.document()["paths"] as? [String: [String: [String: Any]]])
        for (permission, route) in Self.routes {
            let template = route.1.replacingOccurrences(of: "/1/", with: "/{n}/").replacingOccurrences(of: "/RH-EMP-0042/", with: "/{reference}/")
            #expect(paths[template]?[route.0.rawValue.lowercased()]?["x-permission"] as? String == permission.rawValue, "\(route)")
        }
    }

    @Test("each cell of the matrix, through its route", arguments: Permission.allCases)
    func cell(_ permission: Permission) async throws {
        let office = try await ServerOffice(realAuthentication: true)
        let (method, path, body) = try #require(Self.routes[permission])
        var tokens: [Role: String] = [:]
        for role in Role.allCases {
            let name = "probe.\(role.rawValue)"
            try await office.store.addUser(User(name: name, unit: "Ressources humaines", roles: [role]), by: "admin", at: ServerOffice.now)
            tokens[role] = try await office.token(for: name)
        }
        let issued = tokens
        try await office.test { client in
            for role in Role.allCases {
                let response = try await client.call(method, path, headers: [.authorization: "Bearer \(issued[role]!)"], json: body)
                let granted = PermissionMatrix.scope(of: role, for: permission) != nil
                if granted {
                    #expect(response.error?.code != "access.missing-permission", "\(role.rawValue) holds \(permission.rawValue): \(response.text)")
                    #expect(response.status != .unauthorized)
                } else {
                    #expect(response.status == .forbidden, "\(role.rawValue) lacks \(permission.rawValue): \(response.status)")
                    #expect(response.error?.code == "access.missing-permission")
                    #expect(response.error?.values?["permission"] == permission.rawValue)
                }
            }
        }
    }
}
