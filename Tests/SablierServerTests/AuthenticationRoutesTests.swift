import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierServer
import SablierSQLite
import SablierStore
import Testing

/// Sign-in, sessions, CSRF and tokens over HTTP, against the application's own authority.
@Suite("Authentication over HTTP")
struct AuthenticationRoutesTests {
    static let password = "Érables et sapins 2026"

    /// Signs in; the cookie header to send back and the CSRF token.
    static func signIn(_ client: any TestClientProtocol, _ name: String, _ password: String = Self.password,
                       headers: HTTPFields = [:]) async throws -> (response: TestResponse, cookie: String, csrf: String) {
        let response = try await client.call(.post, "/api/v1/session", headers: headers,
                                             json: #"{"name":"\#(name)","password":"\#(password)"}"#)
        let setCookie = response.headers[.setCookie] ?? ""
        let cookie = String(setCookie.split(separator: ";").first ?? "")
        let csrf = (try? response.object()["csrfToken"] as? String) ?? ""
        return (response, cookie, csrf)
    }

    @Test("sign-in sets an HttpOnly, SameSite=Strict session cookie; the session reads; Secure only over TLS")
    func signIn() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true)
        try await office.setOwnPassword("gestion.doc", Self.password)
        try await office.test { client in
            let (response, cookie, csrf) = try await Self.signIn(client, "gestion.doc")
            #expect(response.status == .created)
            let setCookie = try #require(response.headers[.setCookie])
            #expect(setCookie.hasPrefix("sablier_session="))
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Strict"))
            #expect(setCookie.contains("Path=/"))
            #expect(!setCookie.contains("Secure"))
            #expect(!csrf.isEmpty)
            let body = try response.object()
            #expect((body["user"] as? [String: Any])?["name"] as? String == "gestion.doc")
            #expect(body["mustChangePassword"] as? Bool == false)
            #expect(!response.text.contains(String(cookie.dropFirst("sablier_session=".count))), "the secret is in the cookie only")

            let me = try await client.call(.get, "/api/v1/session", headers: [.cookie: cookie])
            #expect(me.status == .ok)
            #expect(try me.object()["authentication"] as? String == "password")
            let due = try await client.call(.get, "/api/v1/due?asOf=2030-01-01", headers: [.cookie: cookie])
            #expect(due.status == .ok)
        }
    }

    @Test("the cookie is Secure with --secure-cookies, or behind a trusted proxy saying https")
    func secureCookie() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true)
        try await office.setOwnPassword("gestion.doc", Self.password)
        var configuration = office.configuration
        configuration.trustProxy = true
        let router = try SablierServer.router(sablier: office.sablier, authority: office.authority, configuration: configuration)
        try await Application(router: router).test(.router) { client in
            let proxied = try await Self.signIn(client, "gestion.doc", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(proxied.response.headers[.setCookie]?.contains("Secure") == true)
            let plain = try await Self.signIn(client, "gestion.doc")
            #expect(plain.response.headers[.setCookie]?.contains("Secure") == false)
        }
        // Without --trust-proxy, the header is anybody's claim.
        try await office.test { client in
            let claimed = try await Self.signIn(client, "gestion.doc", headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(claimed.response.headers[.setCookie]?.contains("Secure") == false)
        }
    }

    @Test("a bad password and an unknown name get the same 401; repeated failures slow down, then lock; each is audited")
    func badPasswordAndLockout() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true,
                                            security: SecuritySettings(bcryptCost: 4, signIn: SignInPolicy(slowAfter: 3, lockAfter: 5)))
        try await office.setOwnPassword("gestion.doc", Self.password)
        try await office.test { client in
            let wrong = try await Self.signIn(client, "gestion.doc", "pas le bon mot de passe")
            let unknown = try await Self.signIn(client, "personne", "pas le bon mot de passe")
            #expect(wrong.response.status == .unauthorized)
            #expect(wrong.response.headers[.setCookie] == nil)
            #expect(wrong.response.error?.code == "auth.bad-credentials")
            #expect(wrong.response.text == unknown.response.text)
            var codes: [String] = []
            for _ in 0..<6 {
                office.clock.advance(120)
                codes.append(try await Self.signIn(client, "gestion.doc", "encore faux").response.error?.code ?? "")
            }
            #expect(codes.contains("auth.locked"), "\(codes)")
            // Locked: even the right password is refused until the lock ends.
            let locked = try await Self.signIn(client, "gestion.doc")
            #expect(locked.response.status == .unauthorized)
            #expect(locked.response.error?.code == "auth.locked")
            office.clock.advance(3600)
            #expect(try await Self.signIn(client, "gestion.doc").response.status == .created)
        }
        let audited = try await office.store.auditEntries(since: nil, user: "gestion.doc", target: nil)
        #expect(audited.contains { $0.action == "refused" || $0.action.contains("fail") || $0.action.contains("lock") })
    }

    @Test("failures in a row slow the next attempt down: 401 auth.slow-down with Retry-After")
    func slowDown() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true,
                                            security: SecuritySettings(bcryptCost: 4, signIn: SignInPolicy(slowAfter: 1, lockAfter: 100)))
        try await office.setOwnPassword("gestion.doc", Self.password)
        try await office.test { client in
            #expect(try await Self.signIn(client, "gestion.doc", "faux").response.error?.code == "auth.bad-credentials")
            let slowed = try await Self.signIn(client, "gestion.doc")
            #expect(slowed.response.status == .unauthorized)
            #expect(slowed.response.error?.code == "auth.slow-down")
            #expect(slowed.response.headers[.retryAfter] == slowed.response.error?.values?["seconds"])
            #expect(slowed.response.headers[.retryAfter] != nil)
            office.clock.advance(5)
            #expect(try await Self.signIn(client, "gestion.doc").response.status == .created)
        }
    }

    @Test("an idle session ends; signing out ends it; a disabled user's session ends")
    func sessionEnds() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true)
        for name in ["gestion.doc", "verif"] { try await office.setOwnPassword(name, Self.password) }
        try await office.test { client in
            // Idle past the timeout.
            let idle = try await Self.signIn(client, "gestion.doc")
            office.clock.advance(office.sablier.security.idleTimeout + 60)
            let expired = try await client.call(.get, "/api/v1/session", headers: [.cookie: idle.cookie])
            #expect(expired.status == .unauthorized)
            #expect(expired.error?.code == "auth.session-ended")
            #expect(expired.headers[.wwwAuthenticate] == "Bearer")

            // Signed out.
            let session = try await Self.signIn(client, "gestion.doc")
            let out = try await client.call(.delete, "/api/v1/session", headers: [.cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: session.csrf])
            #expect(out.status == .noContent)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.call(.get, "/api/v1/session", headers: [.cookie: session.cookie]).status == .unauthorized)

            // Disabled by the RSI.
            let verif = try await Self.signIn(client, "verif")
            #expect(try await client.call(.get, "/api/v1/audit/log", headers: [.cookie: verif.cookie]).status == .ok)
            _ = try await office.sablier.setUserActive(try await office.sablier.localSession("admin"), "verif", active: false)
            let ended = try await client.call(.get, "/api/v1/audit/log", headers: [.cookie: verif.cookie])
            #expect(ended.status == .unauthorized)
            #expect(try await Self.signIn(client, "verif").response.status == .unauthorized)
        }
    }

    @Test("a state-changing request with the cookie but without the CSRF token is refused 403 auth.csrf; with it, it passes")
    func csrf() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true)
        try await office.setOwnPassword("csgi", Self.password)
        try await office.test { client in
            let session = try await Self.signIn(client, "csgi")
            let report = #"{"type":"confidentialite","description":"Un classeur ouvert"}"#
            let missing = try await client.call(.post, "/api/v1/incidents", headers: [.cookie: session.cookie], json: report)
            #expect(missing.status == .forbidden)
            #expect(missing.error?.code == "auth.csrf")
            let wrong = try await client.call(.post, "/api/v1/incidents", headers: [.cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: "x" + session.csrf],
                                              json: report)
            #expect(wrong.error?.code == "auth.csrf")
            #expect(try await office.store.incidents().isEmpty)
            let right = try await client.call(.post, "/api/v1/incidents", headers: [.cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: session.csrf],
                                              json: report)
            #expect(right.status == .created)
            // A read needs no CSRF token.
            #expect(try await client.call(.get, "/api/v1/incidents", headers: [.cookie: session.cookie]).status == .ok)
        }
    }

    @Test("after a reset, a cookie session may only change its password or sign out; then everything it may")
    func mustChangePassword() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true)
        let temporary = "Mot de passe provisoire 2026"
        try await office.sablier.setPassword(try await office.sablier.localSession("admin"), of: "verif", to: temporary)
        try await office.test { client in
            let session = try await Self.signIn(client, "verif", temporary)
            #expect(try session.response.object()["mustChangePassword"] as? Bool == true)
            let headers: HTTPFields = [.cookie: session.cookie, HTTPField.Name("X-CSRF-Token")!: session.csrf]
            let blocked = try await client.call(.get, "/api/v1/audit/log", headers: headers)
            #expect(blocked.status == .forbidden)
            #expect(blocked.error?.code == "auth.password-change-required")
            let changed = try await client.call(.post, "/api/v1/session/password", headers: headers,
                                                json: #"{"current":"\#(temporary)","new":"\#(Self.password)"}"#)
            #expect(changed.status == .noContent, "\(changed.text)")
            // A new password ends the user's sessions, this one included: sign in again with it.
            #expect(try await client.call(.get, "/api/v1/audit/log", headers: headers).status == .unauthorized)
            let again = try await Self.signIn(client, "verif")
            #expect(try again.response.object()["mustChangePassword"] as? Bool == false)
            #expect(try await client.call(.get, "/api/v1/audit/log", headers: [.cookie: again.cookie]).status == .ok)
        }
    }

    @Test("a token acts as its user without CSRF; an expired or revoked token gets 401")
    func tokens() async throws {
        let office = try await ServerOffice(register: false, realAuthentication: true)
        let admin = try await office.sablier.localSession("admin")
        let token = try await office.token(for: "csgi")
        let expiring = try await office.sablier.createToken(admin, for: "csgi", name: "court", expires: ServerOffice.day)
        let revoked = try await office.sablier.createToken(admin, for: "csgi", name: "révoqué")
        _ = try await office.sablier.revokeToken(admin, revoked.token.id)
        try await office.test { client in
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            #expect(try await client.call(.get, "/api/v1/incidents", headers: bearer).status == .ok)
            let report = try await client.call(.post, "/api/v1/incidents", headers: bearer,
                                               json: #"{"type":"integrite","description":"Somme de contrôle"}"#)
            #expect(report.status == .created)
            let me = try await client.call(.get, "/api/v1/session", headers: bearer)
            #expect(try me.object()["authentication"] as? String == "token")

            #expect(try await client.call(.get, "/api/v1/incidents", headers: [.authorization: "Bearer \(expiring.secret)"]).status == .ok)
            office.clock.advance(86_400)
            let expired = try await client.call(.get, "/api/v1/incidents", headers: [.authorization: "Bearer \(expiring.secret)"])
            #expect(expired.status == .unauthorized)
            #expect(expired.error?.code == "auth.token-invalid")
            let gone = try await client.call(.get, "/api/v1/incidents", headers: [.authorization: "Bearer \(revoked.secret)"])
            #expect(gone.status == .unauthorized)
            #expect(gone.headers[.wwwAuthenticate] == "Bearer")
        }
    }
}
