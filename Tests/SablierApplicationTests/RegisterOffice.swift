import Foundation
import SablierApplication
import SablierCore
import SablierImport
import SablierSQLite
import SablierStore
import SablierTestSupport

/// A real SQLite store in a temporary folder with the example calendar, the cast of users and
/// the example register, and the use cases over it with a fixed clock.
struct RegisterOffice {
    let directory: TemporaryDirectory
    let store: SQLiteStore
    let sablier: Sablier

    /// The day the tests act on: fixed, never today.
    static let day = CivilDate(iso: "2026-11-29")!

    static let cast: [(name: String, unit: String, roles: Set<Role>)] = [
        ("gestion.doc", "Secrétariat général", [.gestionDocumentaire]),
        ("archiviste", "Secrétariat général", [.gestionDocumentaire]),
        ("aiprp", "Secrétariat général", [.aiprp]),
        ("verif", "Vérification interne", [.verificateur]),
        ("csgi", "Sécurité de l'information", [.csgi]),
        ("rh.agent", "Ressources humaines", [.utilisateur]),
        ("rh.chef", "Ressources humaines", [.detenteur]),
        ("sg.agent", "Secrétariat général", [.utilisateur]),
    ]

    /// A store with users; with `register`, the example calendar and the example register.
    init(register: Bool = true) async throws {
        directory = try TemporaryDirectory(prefix: "sablier-app")
        store = try SQLiteStore(path: directory.file("sablier.sqlite").path)
        sablier = Sablier(store: store, clock: .fixed(Self.day))
        let now = WallClock.fixed(Self.day).now
        _ = try await store.initialize(admin: "admin", unit: "Direction générale", at: now)
        for member in Self.cast {
            try await store.addUser(User(name: member.name, unit: member.unit, roles: member.roles), by: "admin", at: now)
        }
        guard register else { return }
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: now)
        let manager = try await session("gestion.doc")
        for box in ["B-2023-RF-01", "B-2014-RF-01"] { _ = try await sablier.addBox(manager, code: box) }
        // The example register names its files relative to itself: a copy beside them.
        let csv = try String(contentsOf: Fixtures.exampleRegister, encoding: .utf8)
            .replacingOccurrences(of: "fichiers/", with: Fixtures.examples.appendingPathComponent("fichiers").path + "/")
        let file = try directory.write("registre.csv", csv)
        _ = try await sablier.importDocuments(manager, file: file.path, skipInvalid: false)
    }

    func session(_ name: String) async throws -> Session {
        try await sablier.localSession(name)
    }

    /// The audit trail's refusals, newest last.
    func refusals() async throws -> [AuditEntry] {
        try await store.auditEntries(since: nil, user: nil, target: nil).filter { $0.action == "refused" }
    }

    func remove() { directory.remove() }
}
