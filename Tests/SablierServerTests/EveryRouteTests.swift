import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierServer
import SablierTestSupport
import Testing

/// Every route, called once as a user who may, on the example register: it reads its
/// parameters and body and answers its use case's result (2xx), never a 400 or a 500.
@Suite("Every route answers")
struct EveryRouteTests {
    /// Route pattern → the request made, as whom, and the body; in an order where each finds
    /// what the ones before it made (a disposition list proposed before it is shown…).
    static let calls: [(route: String, uri: String, user: String, body: String?)] = [
        ("GET /healthz", "/healthz", "admin", nil),
        ("GET /api/v1/session", "/api/v1/session", "admin", nil),
        ("GET /api/v1/calendar/versions", "/api/v1/calendar/versions", "gestion.doc", nil),
        ("GET /api/v1/calendar/rules", "/api/v1/calendar/rules?version=1", "gestion.doc", nil),
        ("GET /api/v1/calendar/rules/{number}", "/api/v1/calendar/rules/2101", "gestion.doc", nil),
        ("GET /api/v1/calendar/diff", "/api/v1/calendar/diff?from=1&to=1", "gestion.doc", nil),
        ("GET /api/v1/calendar/export", "/api/v1/calendar/export?format=native", "gestion.doc", nil),
        ("GET /api/v1/calendar/impact", "/api/v1/calendar/impact?from=1&to=1", "gestion.doc", nil),
        ("GET /api/v1/calendar/open-periods", "/api/v1/calendar/open-periods", "gestion.doc", nil),
        ("POST /api/v1/calendar/open-periods", "/api/v1/calendar/open-periods", "gestion.doc",
         #"{"rule":"2101","event":"fin de l'emploi","offsetYears":2}"#),
        ("GET /api/v1/documents", "/api/v1/documents?query=holder%3DRessources%20humaines", "gestion.doc", nil),
        ("POST /api/v1/documents", "/api/v1/documents", "gestion.doc",
         #"{"reference":"RF-EF-2024","title":"États financiers 2023-2024","rule":"3101","copy":"principal","support":"PA","holder":"Ressources financières","opened":"2023-07-01","closed":"2024-06-30"}"#),
        ("GET /api/v1/documents/{reference}", "/api/v1/documents/RF-EF-2024", "gestion.doc", nil),
        ("GET /api/v1/documents/{reference}/explanation", "/api/v1/documents/RF-EF-2024/explanation?asOf=2030-01-01", "gestion.doc", nil),
        ("POST /api/v1/documents/{reference}/events", "/api/v1/documents/RH-EMP-0042/events", "gestion.doc",
         #"{"kind":"modified","on":"2026-11-01"}"#),
        ("POST /api/v1/events", "/api/v1/events", "gestion.doc", #"[{"reference":"RH-EMP-0042","kind":"modified","on":"2026-11-02"}]"#),
        ("POST /api/v1/events/query", "/api/v1/events/query", "gestion.doc",
         #"{"query":"rule=2101; holder=Ressources humaines","kind":"modified","on":"2026-11-03","confirm":true}"#),
        ("POST /api/v1/documents/{reference}/corrections", "/api/v1/documents/RF-EF-2024/corrections", "gestion.doc",
         #"{"title":"États financiers 2023-2024 (vérifiés)","reason":"titre complété"}"#),
        ("POST /api/v1/reclassifications", "/api/v1/reclassifications", "gestion.doc",
         #"{"references":["RF-EF-2024"],"to":"3102","reason":"mal classé","dryRun":true}"#),
        ("GET /api/v1/boxes", "/api/v1/boxes", "gestion.doc", nil),
        ("POST /api/v1/boxes", "/api/v1/boxes", "gestion.doc", #"{"code":"B-2026-01","location":"Sous-sol"}"#),
        ("POST /api/v1/boxes/{code}/moves", "/api/v1/boxes/B-2026-01/moves", "gestion.doc",
         #"{"to":"Entrepôt / Local 3 / Rayon 1","on":"2026-11-20","reason":"Réaménagement"}"#),
        ("GET /api/v1/boxes/{code}/history", "/api/v1/boxes/B-2026-01/history", "gestion.doc", nil),
        // `{folder}`: the office's folder, the root the register reads (CohortRoutesTests moves files).
        ("POST /api/v1/relinks", "/api/v1/relinks", "gestion.doc", #"{"fromDir":"/partage/ancien","toDir":"{folder}","dryRun":true}"#),
        ("GET /api/v1/due", "/api/v1/due?asOf=2026-11-29&action=destroy", "gestion.doc", nil),
        ("GET /api/v1/waiting", "/api/v1/waiting", "gestion.doc", nil),
        ("POST /api/v1/holds", "/api/v1/holds", "gestion.doc", #"{"document":"RF-EF-2024","reason":"Vérification"}"#),
        ("GET /api/v1/holds", "/api/v1/holds?includeReleased=true", "gestion.doc", nil),
        ("POST /api/v1/holds/{id}/release", "/api/v1/holds/1/release", "gestion.doc", #"{"reason":"Terminée"}"#),
        ("POST /api/v1/loans", "/api/v1/loans", "gestion.doc", #"{"document":"RH-EMP-0042","to":"Mme Roy/École des Érables","due":"2026-12-15"}"#),
        ("GET /api/v1/loans", "/api/v1/loans?overdue=true&all=true&asOf=2026-12-20", "verif", nil),
        ("POST /api/v1/loans/{id}/return", "/api/v1/loans/1/return", "gestion.doc", #"{"on":"2026-11-29","note":"Complet"}"#),
        ("POST /api/v1/disposition-lists", "/api/v1/disposition-lists", "gestion.doc", #"{"asOf":"2026-11-29"}"#),
        ("GET /api/v1/disposition-lists", "/api/v1/disposition-lists", "gestion.doc", nil),
        ("GET /api/v1/disposition-lists/{n}", "/api/v1/disposition-lists/1", "gestion.doc", nil),
        ("POST /api/v1/disposition-lists/{n}/decisions", "/api/v1/disposition-lists/1/decisions", "gestion.doc",
         #"{"reference":"RF-BUD-2014","decision":"keep","reason":"Valeur historique"}"#),
        ("POST /api/v1/disposition-lists/{n}/approve", "/api/v1/disposition-lists/1/approve", "archiviste", nil),
        ("POST /api/v1/disposition-lists/{n}/execute", "/api/v1/disposition-lists/1/execute", "gestion.doc",
         #"{"method":"déchiquetage"}"#),
        ("GET /api/v1/disposition-lists/{n}/certificate", "/api/v1/disposition-lists/1/certificate", "gestion.doc", nil),
        ("GET /api/v1/reports/disposition", "/api/v1/reports/disposition?year=2026-2027", "verif", nil),
        ("GET /api/v1/reports/volumes", "/api/v1/reports/volumes?unit=Ressources%20humaines", "gestion.doc", nil),
        ("GET /api/v1/reports/access", "/api/v1/reports/access?inactiveDays=30", "admin", nil),
        ("POST /api/v1/disposition-lists", "/api/v1/disposition-lists", "gestion.doc", #"{"asOf":"2035-01-01"}"#),
        ("POST /api/v1/disposition-lists/{n}/cancel", "/api/v1/disposition-lists/2/cancel", "gestion.doc", #"{"reason":"Erreur"}"#),
        ("GET /api/v1/privacy/rules", "/api/v1/privacy/rules?flaggedOnly=true", "gestion.doc", nil),
        ("PUT /api/v1/privacy/rules/{rule}", "/api/v1/privacy/rules/2101", "gestion.doc",
         #"{"personalInformation":true,"measure":"detruire","note":"Dossiers d'employés"}"#),
        ("POST /api/v1/privacy/scans", "/api/v1/privacy/scans", "aiprp", #"{"document":"RH-EMP-0107"}"#),
        ("GET /api/v1/privacy/queue", "/api/v1/privacy/queue", "aiprp", nil),
        ("GET /api/v1/privacy/documents/{reference}", "/api/v1/privacy/documents/RH-EMP-0107", "aiprp", nil),
        ("POST /api/v1/privacy/documents/{reference}/review", "/api/v1/privacy/documents/RH-EMP-0107/review", "aiprp",
         #"{"decision":"confirm","measure":"detruire","note":"NAS"}"#),
        ("POST /api/v1/privacy/public-identifiers", "/api/v1/privacy/public-identifiers", "aiprp",
         #"{"kind":"email-domain","value":"css.example.qc.ca"}"#),
        ("GET /api/v1/privacy/public-identifiers", "/api/v1/privacy/public-identifiers", "aiprp", nil),
        ("GET /api/v1/privacy/public-identifiers/suggestions", "/api/v1/privacy/public-identifiers/suggestions?minDocuments=3&minUnits=2",
         "aiprp", nil),
        ("DELETE /api/v1/privacy/public-identifiers/{kind}/{value}", "/api/v1/privacy/public-identifiers/email-domain/css.example.qc.ca", "aiprp", nil),
        ("GET /api/v1/users", "/api/v1/users", "admin", nil),
        ("POST /api/v1/users", "/api/v1/users", "admin", #"{"name":"nouveau","unit":"Ressources humaines","roles":["utilisateur"]}"#),
        ("PUT /api/v1/users/{name}/roles/{role}", "/api/v1/users/nouveau/roles/detenteur", "admin", nil),
        ("DELETE /api/v1/users/{name}/roles/{role}", "/api/v1/users/nouveau/roles/detenteur", "admin", nil),
        ("POST /api/v1/users/{name}/disable", "/api/v1/users/nouveau/disable", "admin", nil),
        ("POST /api/v1/users/{name}/enable", "/api/v1/users/nouveau/enable", "admin", nil),
        ("PUT /api/v1/users/{name}/password", "/api/v1/users/nouveau/password", "admin", #"{"password":"Un mot de passe assez long"}"#),
        ("PUT /api/v1/users/{name}/email", "/api/v1/users/rh.chef/email", "admin", #"{"email":"chef.rh@css.example.qc.ca"}"#),
        ("POST /api/v1/notices", "/api/v1/notices", "gestion.doc", #"{"asOf":"2026-11-29","days":30,"dryRun":true}"#),
        ("POST /api/v1/tokens", "/api/v1/tokens", "admin", #"{"user":"nouveau","name":"essai","expires":"2027-01-31"}"#),
        ("GET /api/v1/tokens", "/api/v1/tokens", "admin", nil),
        ("POST /api/v1/tokens/{id}/revoke", "/api/v1/tokens/1/revoke", "admin", nil),
        ("GET /api/v1/audit/log", "/api/v1/audit/log?since=2026-01-01&user=admin", "admin", nil),
        ("GET /api/v1/audit/verification", "/api/v1/audit/verification", "admin", nil),
        ("POST /api/v1/integrity/checks", "/api/v1/integrity/checks", "admin", #"{"documents":["RF-PAIE-2018"]}"#),
        ("GET /api/v1/roots", "/api/v1/roots", "admin", nil),
        ("POST /api/v1/incidents", "/api/v1/incidents", "csgi", #"{"type":"confidentialite","description":"Classeur ouvert"}"#),
        ("GET /api/v1/incidents", "/api/v1/incidents", "csgi", nil),
        ("PATCH /api/v1/incidents/{id}", "/api/v1/incidents/1", "csgi", #"{"status":"ferme","note":"Classeur verrouillé"}"#),
    ]

    /// Routes a test elsewhere calls with what they need: a signed-in cookie, an upload.
    static let coveredElsewhere: Set<String> = [
        "POST /api/v1/session", "DELETE /api/v1/session", "POST /api/v1/session/password",
        "POST /api/v1/calendar/versions", "POST /api/v1/documents/import", "POST /api/v1/calendar/impact",
        // A file of the recorded SHA-256 at a path made for the test: RelinkRoutesTests.
        "POST /api/v1/documents/{reference}/relink",
        // A document confirmed with the measure anonymiser: AnonymizationRoutesTests.
        "POST /api/v1/privacy/documents/{reference}/anonymized-copy", "POST /api/v1/privacy/documents/{reference}/anonymized-copy/sign-off",
    ]

    @Test("each route once, in order, answers 2xx")
    func everyRoute() async throws {
        let office = try await ServerOffice()
        let routes = Set(try office.router().routes.map { "\($0.method.rawValue) \($0.path.description.hasPrefix("/") ? "" : "/")\($0.path)" })
        #expect(routes == Set(Self.calls.map(\.route)).union(Self.coveredElsewhere),
                "missing: \(routes.subtracting(Self.calls.map(\.route)).subtracting(Self.coveredElsewhere).sorted())")
        try await office.test { client in
            for call in Self.calls {
                let parts = call.route.split(separator: " ")
                let body = call.body?.replacingOccurrences(of: "{folder}", with: office.directory.url.path)
                let response = try await client.call(HTTPRequest.Method(String(parts[0]))!, call.uri, as: call.user, json: body)
                #expect((200..<300).contains(response.status.code), "\(call.route): \(response.status.code) \(response.text.prefix(400))")
            }
        }
    }

    @Test("a calendar file's impact (an upload) against a stored version")
    func impactOfAFile() async throws {
        let office = try await ServerOffice()
        let xml = try Data(contentsOf: Fixtures.exampleNative)
        try await office.test { client in
            let response = try await client.call(.post, "/api/v1/calendar/impact?from=1&filename=cal.xml", as: "gestion.doc",
                                                 body: ByteBuffer(bytes: xml))
            #expect(response.status == .ok, "\(response.text)")
            #expect(try response.object()["total"] as? Int == 0)
        }
    }

    @Test("a declared Content-Length over the limit is refused before the body is read")
    func declaredLength() async throws {
        let office = try await ServerOffice(maxUploadBytes: 100)
        try await office.test { client in
            let response = try await client.call(.post, "/api/v1/documents/import", as: "gestion.doc",
                                                 headers: [.contentLength: "5000"], body: ByteBuffer(string: String(repeating: "x", count: 5000)))
            #expect(response.status == .contentTooLarge)
            #expect(response.error?.values?["size"] == "5000")
        }
    }
}
