import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SablierApplication
import SablierCore
import SablierImport
import SablierRegister
import SablierServer
import SablierSQLite
import SablierStore
import SablierTestSupport
import Synchronization
import Testing

/// A real SQLite store in a temporary folder, the application's cast of users, and the
/// server's router over it on a fixed day; requests go through HummingbirdTesting in process.
final class ServerOffice: @unchecked Sendable { // its lets are set once in init; tests only read them
    static let day = CivilDate(iso: "2026-11-29")!
    static let now = WallClock.fixed(day).now

    /// Everybody the suites act as besides `admin`: `Cast.members`.
    static let cast = Cast.members

    let directory: TemporaryDirectory
    let store: SQLiteStore
    /// The use cases over the store, on the office's clock, with bcrypt's cheapest cost.
    let sablier: Sablier
    /// Noon of `day` until a test moves it (session timeouts, token expiry).
    let clock = MovableClock(ServerOffice.now)
    let configuration: ServerConfiguration
    /// The application itself, or with `realAuthentication: false` a stand-in (`FakeAuthority`)
    /// for suites about routes rather than credentials.
    let authority: any SessionAuthority

    /// With `register`, the example calendar, two boxes and the example register.
    init(register: Bool = true, realAuthentication: Bool = false, maxUploadBytes: Int = ServerConfiguration.defaultMaxUploadBytes,
         security: SecuritySettings = SecuritySettings(bcryptCost: 4)) async throws {
        directory = try TemporaryDirectory(prefix: "sablier-server")
        store = try SQLiteStore(path: AuditKeyFixture.keyed(directory.file("sablier.sqlite").path))
        sablier = Sablier(store: store, clock: clock.wallClock, security: security)
        configuration = ServerConfiguration(maxUploadBytes: maxUploadBytes, uploadDirectory: directory.file("uploads"))
        authority = realAuthentication ? sablier : FakeAuthority(sablier: sablier)
        _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: Self.now)
        for member in Self.cast {
            try await store.addUser(User(name: member.name, unit: member.unit, roles: member.roles), by: "admin", at: Self.now)
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
        try SablierServer.router(sablier: sablier, authority: authority, configuration: configuration)
    }

    /// Runs `body` with a client of the router, in process.
    func test<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: try router(), logger: Logger(label: "sablier-test"))
        return try await application.test(.router, body)
    }

    /// An API token acting as `user`, made by the RSI.
    func token(for user: String, expires: CivilDate? = nil) async throws -> String {
        try await sablier.createToken(try await sablier.localSession("admin"), for: user, name: "test \(user)", expires: expires).secret
    }

    /// `user`'s own password, set as from the server's command line (no change required).
    func setOwnPassword(_ user: String, _ password: String) async throws {
        let temporary = "Provisoire pour les essais 2026"
        try await sablier.setPassword(try await sablier.localSession("admin"), of: user, to: temporary)
        try await sablier.changePassword(try await sablier.localSession(user), current: temporary, new: password)
    }

    /// How many documents the store holds.
    func documentCount() async throws -> Int {
        try await store.documents(matching: nil, limit: nil).count
    }
}

/// A clock tests move forward.
final class MovableClock: Sendable {
    private let instant: Mutex<Date>
    init(_ start: Date) { instant = Mutex(start) }
    var now: Date { instant.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var wallClock: WallClock { WallClock { self.now } }
}

/// Until the application's sign-in lands, and for tests of the middleware alone: a token
/// `token-NAME` and a cookie `cookie-NAME` are the local session of NAME; the cookie's CSRF
/// token is `csrf-NAME`, and a name starting with `reset.` must change its password.
struct FakeAuthority: SessionAuthority {
    let sablier: Sablier

    func signIn(name: String, password: String, from address: String?) async throws(Refusal) -> SignInGrant {
        guard password == "pw-\(name)" else { throw Refusal(.badCredentials) }
        let session = try await sablier.localSession(name)
        return SignInGrant(session: Session(user: session.user, authentication: .password), secret: "cookie-\(name)",
                           csrfToken: "csrf-\(name)", mustChangePassword: false, expiresAt: ServerOffice.now.addingTimeInterval(3600))
    }

    func resumeWebSession(secret: String) async throws(Refusal) -> WebIdentity {
        guard secret.hasPrefix("cookie-") else { throw Refusal(.sessionEnded) }
        let name = String(secret.dropFirst("cookie-".count))
        let session = try await sablier.localSession(name)
        return WebIdentity(session: Session(user: session.user, authentication: .password), csrfToken: "csrf-\(name)",
                           mustChangePassword: name.hasPrefix("reset."))
    }

    func signOut(secret: String) async throws(Refusal) {}

    func tokenSession(token: String) async throws(Refusal) -> Session {
        guard token.hasPrefix("token-") else { throw Refusal(.tokenInvalid) }
        let session = try await sablier.localSession(String(token.dropFirst("token-".count)))
        return Session(user: session.user, authentication: .token)
    }

    func changePassword(_ session: Session, current: String, new: String) async throws(Refusal) {}
}

/// Requests as a user of the cast, by token.
extension TestClientProtocol {
    func call(_ method: HTTPRequest.Method, _ uri: String, as user: String? = nil, headers: HTTPFields = [:],
              json: String? = nil, body: ByteBuffer? = nil) async throws -> TestResponse {
        var headers = headers
        if let user { headers[.authorization] = "Bearer token-\(user)" }
        var payload = body
        if let json {
            headers[.contentType] = "application/json"
            payload = ByteBuffer(string: json)
        }
        return try await execute(uri: uri, method: method, headers: headers, body: payload)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func decoded<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }

    /// The error body every refusal has.
    var error: ErrorBody? { try? decoded(ErrorBody.self) }

    /// A JSON object's top-level value.
    func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
