import Foundation
import SablierApplication
import SablierCore
import SablierRegister
import SablierSQLite
import SablierStore
import SablierTestSupport
import Testing

/// Passwords, sign-in, sessions and API tokens, in process, over a real store and fixed instants.
@Suite("Authentication: passwords, sign-in, sessions, tokens")
struct AuthenticationUseCaseTests {
    /// A password that passes the policy.
    static let password = "Le sablier coule lentement 2026"
    /// bcrypt's cheapest cost: the tests sign in dozens of times.
    static let fast = SecuritySettings(bcryptCost: 4)

    /// The use cases over `office`'s store at `seconds` after the office's instant.
    static func at(_ office: TestOffice, _ seconds: TimeInterval) -> Sablier {
        Sablier(store: office.store, clock: .fixed(TestOffice.now.addingTimeInterval(seconds)), security: fast)
    }

    /// An office whose `rh.chef` has a password set by the RSI (`mustChange`) and `gestion.doc`
    /// one they set themselves.
    static func office() async throws -> TestOffice {
        let office = try await TestOffice(.users)
        let sablier = at(office, 0)
        try await sablier.setPassword(try await office.session("admin"), of: "rh.chef", to: password)
        try await sablier.setPassword(try await office.session("admin"), of: "admin", to: password)
        return office
    }

    @Test("the password policy: length, bcrypt's 72 bytes, common passwords and the user's name are refused; a passphrase passes")
    func policy() throws {
        #expect(throws: Refusal(.passwordTooShort, ["minimum": "12"])) { try PasswordPolicy.check("court", user: "alice") }
        #expect(throws: Refusal(.passwordTooLong, ["maximum": "72"])) { try PasswordPolicy.check(String(repeating: "é", count: 40), user: "alice") }
        for common in ["motdepasse2026", "Mot de passe 2026", "azertyuiopqsd", "Bienvenue1234!", "aaaaaaaaaaaaaa", "alice.tremblay99", "sablier123456"] {
            #expect(throws: Refusal(.passwordCommon), "\(common)") { try PasswordPolicy.check(common, user: "alice.tremblay") }
        }
        try PasswordPolicy.check(Self.password, user: "alice")
    }

    @Test("a password reset by the RSI is hashed with bcrypt, must be changed at the next sign-in, and ends the user's sessions")
    func resetAndChange() async throws {
        let office = try await Self.office()
        let now = Self.at(office, 0)
        let signedIn = try await now.signIn(name: "rh.chef", password: Self.password)
        #expect(signedIn.mustChangePassword && signedIn.session.authentication == .password && signedIn.session.user.name == "rh.chef")
        let credential = try #require(try await office.store.credential(of: "rh.chef"))
        #expect(credential.hash.hasPrefix("$2b$04$") && credential.mustChange)
        // Nothing secret is in the database file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: office.databasePath))
        for secret in [Self.password, signedIn.secret] { #expect(bytes.range(of: Data(secret.utf8)) == nil) }
        #expect(await thrownRefusal { try await now.changePassword(signedIn.session, current: "pas le bon mot", new: "Une autre phrase de passe") }
                == Refusal(.wrongPassword))
        try await now.changePassword(signedIn.session, current: Self.password, new: "Une autre phrase de passe")
        #expect(try await office.store.credential(of: "rh.chef")?.mustChange == false)
        // Changing it closed the session it was changed from.
        #expect(await thrownRefusal { _ = try await now.resumeWebSession(signedIn.secret) } == Refusal(.sessionEnded))
        let again = try await now.signIn(name: "rh.chef", password: "Une autre phrase de passe")
        #expect(!again.mustChangePassword)
        // The RSI's own password, set by themselves, need not be changed.
        #expect(try await now.signIn(name: "admin", password: Self.password).mustChangePassword == false)
        let actions = try await office.audit().map(\.action)
        #expect(actions.contains("user.password-reset") && actions.contains("user.password-change") && actions.contains("auth.sign-in"))
    }

    @Test("a wrong password, an unknown name and a disabled user get the same answer; the trail says which")
    func badCredentials() async throws {
        let office = try await Self.office()
        let now = Self.at(office, 0)
        let mark = try await office.lastSequence()
        #expect(await thrownRefusal { _ = try await now.signIn(name: "rh.chef", password: "mauvais mot de passe") } == Refusal(.badCredentials))
        #expect(await thrownRefusal { _ = try await now.signIn(name: "mallory", password: Self.password) } == Refusal(.badCredentials))
        try await office.store.setActive("rh.chef", false, by: "admin", at: TestOffice.now)
        #expect(await thrownRefusal { _ = try await now.signIn(name: "rh.chef", password: Self.password) } == Refusal(.badCredentials))
        let trail = try await office.audit(after: mark).map { "\($0.action) \($0.user) \($0.details)" }
        #expect(trail.contains { $0.hasPrefix("auth.failure rh.chef") && $0.contains("wrong-password") })
        #expect(trail.contains { $0.hasPrefix("refused mallory") && $0.contains("unknown-user") })
        #expect(trail.contains { $0.hasPrefix("auth.failure rh.chef") && $0.contains("disabled-user") })
    }

    @Test("failures in a row slow the next attempt from the fifth, lock the account at the tenth, and a success resets them")
    func throttling() async throws {
        let office = try await Self.office()
        var seconds: TimeInterval = 0
        for _ in 1...5 {
            _ = await thrownRefusal { _ = try await Self.at(office, seconds).signIn(name: "rh.chef", password: "mauvais mot de passe") }
            seconds += 0.1
        }
        // Fifth failure at t≈0.4 s: the next attempt waits a second, even with the right password.
        let waiting = await thrownRefusal { _ = try await Self.at(office, 0.5).signIn(name: "rh.chef", password: Self.password) }
        #expect(waiting?.code == .slowDown)
        seconds = 2
        for attempt in 6...10 {
            let refusal = await thrownRefusal { _ = try await Self.at(office, seconds).signIn(name: "rh.chef", password: "mauvais mot de passe") }
            #expect(refusal == Refusal(.badCredentials), "attempt \(attempt)")
            seconds += 70
        }
        let locked = await thrownRefusal { _ = try await Self.at(office, seconds).signIn(name: "rh.chef", password: Self.password) }
        #expect(locked?.code == .accountLocked)
        #expect(try await office.audit().contains { $0.action == "auth.lock" && $0.user == "rh.chef" })
        // Fifteen minutes after the lock, the right password opens a session and clears the count.
        let after = try await Self.at(office, seconds + 15 * 60).signIn(name: "rh.chef", password: Self.password)
        #expect(after.session.user.name == "rh.chef")
        #expect(try await office.store.credential(of: "rh.chef")?.failures == 0)
    }

    @Test("a session lasts while used, ends when idle, when too old, at sign-out and when its user is disabled")
    func sessions() async throws {
        let office = try await Self.office()
        let opened = try await Self.at(office, 0).signIn(name: "admin", password: Self.password)
        let resumed = try await Self.at(office, 20 * 60).resumeWebSession(opened.secret)
        #expect(resumed.session.user.name == "admin" && resumed.csrfToken == opened.csrfToken)
        // Used at 20 min, it is still open at 45 min; idle 31 min later it has ended.
        _ = try await Self.at(office, 45 * 60).resumeWebSession(opened.secret)
        #expect(await thrownRefusal { _ = try await Self.at(office, 45 * 60 + 31 * 60).resumeWebSession(opened.secret) } == Refusal(.sessionEnded))
        // Used every 20 minutes, it still ends after twelve hours.
        let long = try await Self.at(office, 0).signIn(name: "admin", password: Self.password)
        var t: TimeInterval = 0
        while t < 12 * 3600 - 1200 { t += 1200; _ = try await Self.at(office, t).resumeWebSession(long.secret) }
        #expect(await thrownRefusal { _ = try await Self.at(office, 12 * 3600 + 60).resumeWebSession(long.secret) } == Refusal(.sessionEnded))
        // Signing out ends it.
        let third = try await Self.at(office, 0).signIn(name: "admin", password: Self.password)
        try await Self.at(office, 1).signOut(third.secret)
        #expect(await thrownRefusal { _ = try await Self.at(office, 2).resumeWebSession(third.secret) } == Refusal(.sessionEnded))
        // Disabling the user ends theirs.
        try await office.sablier.setPassword(try await office.session("admin"), of: "verif", to: Self.password)
        let verif = try await Self.at(office, 0).signIn(name: "verif", password: Self.password)
        _ = try await office.sablier.setUserActive(try await office.session("admin"), "verif", active: false)
        #expect(await thrownRefusal { _ = try await Self.at(office, 5).resumeWebSession(verif.secret) } == Refusal(.sessionEnded))
        #expect(await thrownRefusal { _ = try await Self.at(office, 5).resumeWebSession("not-a-session") } == Refusal(.sessionEnded))
    }

    @Test("an API token acts as its user until it expires or is revoked; its secret is shown once and stored hashed")
    func tokens() async throws {
        let office = try await Self.office()
        let admin = try await office.session("admin")
        let created = try await office.sablier.createToken(admin, for: "verif", name: "liste nocturne", expires: CivilDate(iso: "2026-12-31"))
        #expect(created.secret.hasPrefix("sbl_") && created.secret.count > 40 && created.token.status == "active")
        let session = try await office.sablier.tokenSession(created.secret)
        #expect(session.user.name == "verif" && session.authentication == .token)
        #expect(try await office.sablier.dueList(session).summary.total == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: office.databasePath)).range(of: Data(created.secret.utf8)) == nil)
        // The last day it works is its expiry; the day after, it does not.
        _ = try await office.on("2026-12-31").tokenSession(created.secret)
        #expect(await thrownRefusal { _ = try await office.on("2027-01-01").tokenSession(created.secret) } == Refusal(.tokenInvalid))
        #expect(try await office.on("2027-01-01").tokens(admin).first?.status == "expired")
        // Revoked, it stops at once; revoked twice is refused.
        _ = try await office.sablier.revokeToken(admin, created.token.id)
        #expect(await thrownRefusal { _ = try await office.sablier.tokenSession(created.secret) } == Refusal(.tokenInvalid))
        #expect(await thrownRefusal { _ = try await office.sablier.revokeToken(admin, created.token.id) } == Refusal(.tokenRevoked, ["token": "1"]))
        #expect(await thrownRefusal { _ = try await office.sablier.tokenSession("sbl_guess") } == Refusal(.tokenInvalid))
        #expect(await thrownRefusal { _ = try await office.sablier.createToken(admin, for: "mallory", name: "x") } == Refusal(.userNotFound, ["user": "mallory"]))
        #expect(await thrownRefusal { _ = try await office.sablier.createToken(admin, for: "verif", name: "x", expires: CivilDate(iso: "2020-01-01")) }?.code == .tokenExpiryPast)
        #expect(await thrownRefusal { _ = try await office.sablier.createToken(try await office.session("gestion.doc"), for: "verif", name: "x") }?.code == .missingPermission)
        // A disabled user's token stops too.
        let other = try await office.sablier.createToken(admin, for: "csgi", name: "incidents")
        _ = try await office.sablier.setUserActive(admin, "csgi", active: false)
        #expect(await thrownRefusal { _ = try await office.sablier.tokenSession(other.secret) } == Refusal(.tokenInvalid))
        let actions = try await office.audit().map(\.action)
        #expect(actions.filter { $0 == "token.create" }.count == 2 && actions.contains("token.revoke"))
    }
}

/// What the review of the server found: each closed by a rule of the application layer.
@Suite("Authentication: the server's edges held by the application layer")
struct AuthenticationHardeningTests {
    typealias Base = AuthenticationUseCaseTests

    @Test("failures made at once are all counted: parallel guesses lock the account as serial ones do")
    func parallelFailures() async throws {
        let office = try await Base.office()
        let sablier = Base.at(office, 0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask { _ = try? await sablier.signIn(name: "admin", password: "pas le bon mot de passe") }
            }
        }
        let credential = try #require(try await office.store.credential(of: "admin"))
        let failures = try await office.audit().filter { $0.action == "auth.failure" && $0.user == "admin" }.count
        #expect(credential.failures == failures && failures >= 10)
        #expect(credential.lockedUntil != nil)
        #expect(await thrownRefusal { _ = try await sablier.signIn(name: "admin", password: Base.password) }?.code == .accountLocked)
    }

    @Test("a reset password is not kept: the new one must differ, a wrong current one counts as a failure, and until then every use case refuses")
    func forcedChange() async throws {
        let office = try await Base.office()
        let now = Base.at(office, 0)
        let signedIn = try await now.signIn(name: "rh.chef", password: Base.password)
        #expect(signedIn.session.mustChangePassword)
        #expect(await thrownRefusal { _ = try await now.dueList(signedIn.session) } == Refusal(.passwordChangeRequired, ["user": "rh.chef"]))
        #expect(await thrownRefusal { try await now.changePassword(signedIn.session, current: Base.password, new: Base.password) }
                == Refusal(.passwordUnchanged))
        #expect(await thrownRefusal { try await now.changePassword(signedIn.session, current: "faux mot de passe", new: "Une autre phrase") }
                == Refusal(.wrongPassword))
        #expect(try await office.store.credential(of: "rh.chef")?.failures == 1)
    }

    @Test("a file named through the API is never read: only the server's command line registers a document's file")
    func noFilesThroughTheAPI() async throws {
        let office = try await TestOffice(.register)
        var draft = DocumentDraft()
        draft.reference = "GD-FICHIER"; draft.title = "Fichier"; draft.rule = "1201"; draft.copy = "principal"; draft.support = "DM"
        draft.holder = "Gestion documentaire"; draft.opened = "2026-01-05"; draft.path = "/etc/passwd"
        var api = try await office.session("gestion.doc")
        api.authentication = .token
        let refusal = await thrownRefusal { _ = try await office.sablier.registerDocument(api, draft) }
        #expect(refusal?.code == .rejectedInput && refusal?.diagnostics.contains { $0.field == "path" } == true)
        #expect(try await office.store.document("GD-FICHIER") == nil)
        draft.path = office.exampleFile("correspondance-2021.txt").path
        let local = try await office.sablier.registerDocument(try await office.session("gestion.doc"), draft)
        #expect(local.document.file?.path == draft.path)
    }

    @Test("an oversized name is refused before any work and never written whole to the trail")
    func oversizedName() async throws {
        let office = try await Base.office()
        let name = String(repeating: "x", count: 100_000)
        #expect(await thrownRefusal { _ = try await Base.at(office, 0).signIn(name: name, password: "x") } == Refusal(.badCredentials))
        #expect(try await office.audit().allSatisfy { $0.user.count <= 64 && $0.details.count < 1_000 })
    }
}
