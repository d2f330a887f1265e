import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierServer
import Testing

/// The request log names routes and statuses, never a password, token, cookie, CSRF token or session id.
@Suite("The request log")
struct LoggingTests {
    @Test("one line a request with its route's pattern; no secret, reference or query value in it")
    func noSecrets() async throws {
        let office = try await ServerOffice(realAuthentication: true)
        let password = AuthenticationRoutesTests.password
        try await office.setOwnPassword("gestion.doc", password)
        let token = try await office.token(for: "verif")
        let log = CapturedLog()
        let application = Application(router: try office.router(), logger: log.logger)
        let secrets: [String] = try await application.test(.router) { client in
            let signedIn = try await AuthenticationRoutesTests.signIn(client, "gestion.doc")
            #expect(signedIn.response.status == .created)
            let cookie = signedIn.cookie
            _ = try await client.call(.get, "/api/v1/documents/RH-EMP-0042?asOf=2026-11-29", headers: [.cookie: cookie])
            _ = try await client.call(.post, "/api/v1/incidents", headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: signedIn.csrf],
                                      json: #"{"type":"integrite","description":"Essai"}"#)
            _ = try await client.call(.get, "/api/v1/due?asOf=2026-11-29&format=csv", headers: [.authorization: "Bearer \(token)"])
            _ = try await AuthenticationRoutesTests.signIn(client, "gestion.doc", "mauvais mot de passe secret")
            _ = try await client.call(.delete, "/api/v1/session", headers: [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: signedIn.csrf])
            return [password, "mauvais mot de passe secret", token, String(cookie.dropFirst("sablier_session=".count)), signedIn.csrf]
        }
        let text = log.text
        #expect(text.contains("route=/api/v1/documents/{reference}"))
        #expect(text.contains("status=401"))
        #expect(text.components(separatedBy: " request ").count - 1 >= 6, "\(text)")
        for secret in secrets where !secret.isEmpty {
            #expect(!text.contains(secret), "a secret reached the log")
        }
        #expect(!text.contains("RH-EMP-0042"))
        #expect(!text.contains("2026-11-29"))
        #expect(!text.lowercased().contains("cookie"))
        #expect(!text.lowercased().contains("authorization"))
    }
}
