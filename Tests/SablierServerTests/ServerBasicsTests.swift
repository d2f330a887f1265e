import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SablierApplication
import SablierCore
import SablierServer
import Testing

/// What every answer shares: readiness, security headers, the error shape and its statuses.
@Suite("The server: health, headers, errors")
struct ServerBasicsTests {
    @Test("/healthz answers 200 without credentials")
    func health() async throws {
        let office = try await ServerOffice(register: false)
        try await office.test { client in
            let response = try await client.call(.get, "/healthz")
            #expect(response.status == .ok)
            #expect(response.text.contains("\"status\":\"ok\""))
        }
    }

    @Test("every answer, errors and unknown routes included, carries the security headers; API answers are not cached")
    func securityHeaders() async throws {
        let office = try await ServerOffice(register: false)
        try await office.test { client in
            for (method, uri, user) in [(HTTPRequest.Method.get, "/healthz", nil), (.get, "/api/v1/users", "admin"),
                                        (.get, "/api/v1/users", nil), (.get, "/nowhere", nil), (.get, "/api/v1/users", "verif")] as [(HTTPRequest.Method, String, String?)] {
                let response = try await client.call(method, uri, as: user)
                #expect(response.headers[.contentSecurityPolicy]
                    == "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'", "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test("no credentials: 401 with WWW-Authenticate: Bearer and the error shape, in French by default")
    func unauthenticated() async throws {
        let office = try await ServerOffice(register: false)
        try await office.test { client in
            let response = try await client.call(.get, "/api/v1/users")
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let error = try #require(response.error)
            #expect(error.code == Refusal.Code.sessionEnded.rawValue)
            #expect(error.message == MessageCatalogue.message(Refusal(.sessionEnded), in: .fr))

            let bad = try await client.call(.get, "/api/v1/users", headers: [.authorization: "Bearer nope"])
            #expect(bad.status == .unauthorized)
            #expect(bad.headers[.wwwAuthenticate] == "Bearer")
            #expect(bad.error?.code == Refusal.Code.tokenInvalid.rawValue)

            let basic = try await client.call(.get, "/api/v1/users", headers: [.authorization: "Basic YWRtaW46eA=="])
            #expect(basic.status == .unauthorized)
        }
    }

    @Test("a refusal has its kind's status, its code, values and the message in the language of Accept-Language")
    func refusalShape() async throws {
        let office = try await ServerOffice(register: false)
        try await office.test { client in
            let french = try await client.call(.get, "/api/v1/users", as: "rh")
            #expect(french.status == .forbidden)
            let error = try #require(french.error)
            #expect(error.code == "access.missing-permission")
            #expect(error.values?["permission"] == "users.read")
            let refusal = Refusal(.missingPermission, try #require(error.values))
            #expect(error.message == MessageCatalogue.message(refusal, in: .fr))

            let english = try await client.call(.get, "/api/v1/users", as: "rh", headers: [.acceptLanguage: "en-CA,en;q=0.9,fr;q=0.5"])
            #expect(english.error?.message == MessageCatalogue.message(refusal, in: .en))

            let invalid = try await client.call(.get, "/api/v1/due?asOf=hier", as: "gestion.doc")
            #expect(invalid.status.code == 422)
            #expect(invalid.error?.code == "input.invalid-value")

            let unknownUser = try await client.call(.get, "/api/v1/users", as: "personne")
            #expect(unknownUser.status == .unauthorized)

            let nowhere = try await client.call(.get, "/api/v1/nowhere", as: "admin")
            #expect(nowhere.status == .notFound)
            #expect(nowhere.error?.code == "http.not-found")

            let malformed = try await client.call(.post, "/api/v1/incidents", as: "admin", json: "{not json")
            #expect(malformed.status == .badRequest)
            #expect(malformed.error?.code == "http.bad-request")
        }
    }

    @Test("Accept-Language picks French or English by weight, French when it names neither")
    func acceptLanguage() {
        #expect(Language(acceptLanguage: nil) == .fr)
        #expect(Language(acceptLanguage: "en") == .en)
        #expect(Language(acceptLanguage: "de-DE, en;q=0.4, fr;q=0.8") == .fr)
        #expect(Language(acceptLanguage: "fr;q=0.2, en-US;q=0.9") == .en)
        #expect(Language(acceptLanguage: "es") == .fr)
    }

    @Test("a title holding <script> comes back escaped in JSON served as application/json; charset=utf-8")
    func escaping() async throws {
        let office = try await ServerOffice()
        try await office.test { client in
            let document = """
                {"reference":"RF-XSS-1","title":"<script>alert('x')</script> & co","rule":"3101","copy":"principal",\
                "support":"PA","holder":"Ressources financières","opened":"2022-07-01","closed":"2023-06-30"}
                """
            let created = try await client.call(.post, "/api/v1/documents", as: "gestion.doc", json: document)
            #expect(created.status == .created, "\(created.text)")
            let shown = try await client.call(.get, "/api/v1/documents/RF-XSS-1", as: "gestion.doc")
            #expect(shown.status == .ok)
            #expect(shown.headers[.contentType] == "application/json; charset=utf-8")
            #expect(!shown.text.contains("<script>"))
            #expect(!shown.text.contains("<"))
            #expect(shown.text.contains(#"\u003cscript\u003e"#))
            let detail = try shown.decoded(DocumentDetail.self)
            #expect(detail.document.title == "<script>alert('x')</script> & co")
        }
    }
}
