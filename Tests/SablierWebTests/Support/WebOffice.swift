import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SablierApplication
import SablierCore
import SablierImport
import SablierRegister
import SablierServer
import SablierSQLite
import SablierStore
import SablierTestSupport
import SablierWeb
import Synchronization
import Testing

/// A real SQLite store in a temporary folder with the cast of users, the example calendar and
/// register, and the server's router with the web pages, on a fixed day. Sign-in is the real
/// one (bcrypt at its cheapest cost): a test signs in through `/connexion` as a browser does.
final class WebOffice: @unchecked Sendable { // its lets are set once in init; tests only read them
    static let day = CivilDate(iso: "2026-11-29")!
    static let now = WallClock.fixed(day).now
    /// Everybody's password in these tests.
    static let password = "Mot de passe des essais 2026"

    let directory: TemporaryDirectory
    let store: SQLiteStore
    let sablier: Sablier
    let configuration: ServerConfiguration

    /// With `register`, the example calendar, two boxes and the example register.
    init(register: Bool = true) async throws {
        directory = try TemporaryDirectory(prefix: "sablier-web")
        store = try SQLiteStore(path: AuditKeyFixture.keyed(directory.file("sablier.sqlite").path))
        sablier = Sablier(store: store, clock: .fixed(Self.now), security: SecuritySettings(bcryptCost: 4))
        configuration = ServerConfiguration(uploadDirectory: directory.file("uploads"))
        _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: Self.now)
        for member in Cast.members {
            try await store.addUser(User(name: member.name, unit: member.unit, roles: member.roles), by: "admin", at: Self.now)
        }
        for user in ["admin"] + Cast.members.map(\.name) {
            let temporary = "Provisoire pour les essais 2026"
            try await sablier.setPassword(try await sablier.localSession("admin"), of: user, to: temporary)
            try await sablier.changePassword(try await sablier.localSession(user), current: temporary, new: Self.password)
        }
        guard register else { return }
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: Self.now)
        for box in ["B-2023-RF-01", "B-2014-RF-01"] {
            try await store.addBox(Box(code: box), by: "gestion.doc", at: Self.now)
        }
        let csv = try directory.copyExamples()
        let outcome = try await DocumentRegistrar(store: store).importCSV(path: csv.path, skipInvalid: false, actor: "gestion.doc", now: Self.now)
        try #require(outcome.registered > 0)
    }

    deinit { directory.remove() }

    func router() throws -> Router<APIRequestContext> {
        let pages = try WebPages(sablier: sablier, authority: sablier, configuration: configuration)
        return try SablierServer.router(sablier: sablier, authority: sablier, configuration: configuration, pages: [pages])
    }

    /// Runs `body` with a browser-like client of the router, in process.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: try router(), logger: Logger(label: "sablier-web-test"))
        return try await application.test(.router, body)
    }
}

/// A person in a browser: their session cookie and language, and the CSRF token of the last
/// page they read.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookie: String?
    var language: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    /// Signs in as `user` through the sign-in form.
    static func signedIn(_ client: any TestClientProtocol, as user: String, language: String? = nil) async throws -> Browser {
        var browser = Browser(client)
        browser.language = language
        let response = try await browser.post("/connexion", ["name": user, "password": WebOffice.password], csrf: false)
        #expect(response.status == .seeOther, "sign-in as \(user): \(response.status)")
        let setCookie = try #require(response.headers[.setCookie])
        browser.cookie = String(try #require(setCookie.split(separator: ";").first))
        return browser
    }

    var headers: HTTPFields {
        var fields = HTTPFields()
        var cookies: [String] = []
        if let cookie { cookies.append(cookie) }
        if let language { cookies.append("sablier_lang=\(language)") }
        if !cookies.isEmpty { fields[.cookie] = cookies.joined(separator: "; ") }
        return fields
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    /// Posts `fields` as a form, with the CSRF token read from `csrfFrom` (the page the form is
    /// on) unless `csrf` is false.
    func post(_ uri: String, _ fields: [String: String], csrf: Bool = true, csrfFrom page: String = "/compte") async throws -> TestResponse {
        var fields = fields
        if csrf { fields["_csrf"] = try await token(from: page) }
        var headers = headers
        if uri.hasPrefix("/connexion"), fields["_signin"] == nil {
            // As a browser does: the sign-in form first, whose token goes back in the field and its cookie.
            let form = try await get("/connexion")
            let cookie = try #require(form.headers[.setCookie]?.split(separator: ";").first.map(String.init), "no sign-in cookie")
            let marker = "name=\"_signin\" value=\""
            let start = try #require(form.text.range(of: marker), "no _signin on the sign-in form").upperBound
            fields["_signin"] = String(form.text[start...].prefix { $0 != "\"" })
            headers[.cookie] = [headers[.cookie], cookie].compactMap { $0 }.joined(separator: "; ")
        }
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: Self.encode(fields)))
    }

    /// Posts a multipart form with one file.
    func upload(_ uri: String, fields: [String: String], file name: String, filename: String, contents: Data,
                csrfFrom page: String = "/compte") async throws -> TestResponse {
        var fields = fields
        fields["_csrf"] = try await token(from: page)
        let boundary = "----sablier-test-boundary"
        var body = ""
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n"
        }
        var buffer = ByteBuffer(string: body)
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
                           + "Content-Type: application/octet-stream\r\n\r\n")
        buffer.writeBytes(contents)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        var headers = headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: buffer)
    }

    /// The `_csrf` value of the first form of `page`.
    func token(from page: String) async throws -> String {
        let html = try await get(page).text
        let marker = "name=\"_csrf\" value=\""
        let start = try #require(html.range(of: marker), "no _csrf on \(page)").upperBound
        return String(html[start...].prefix { $0 != "\"" })
    }

    static func encode(_ fields: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\(value.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The text between `<main` and `</main>`, where each page's own content is.
    var main: String {
        guard let start = text.range(of: "<main"), let end = text.range(of: "</main>") else { return text }
        return String(text[start.lowerBound..<end.upperBound])
    }

    var location: String? { headers[.location] }
}
