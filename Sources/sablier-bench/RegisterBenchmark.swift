import Foundation

/// Times `sablier document import` of N generated documents and `sablier due` on them, against
/// `sqlite3` importing the same CSV (`.import`) and running the same indexed query; on SQLite,
/// on PostgreSQL, or on both in the same run (`--backend`, `--postgres-url`).
///
/// All sides run as separate processes, in alternation, best of several rounds. sqlite3's
/// import loads the CSV columns into a table keyed by a unique reference; Sablier also checks
/// every row against the calendar in force, counts each document's retention and writes it
/// with three indexes. The due query of sqlite3 is Sablier's own SELECT, run on Sablier's
/// database. On PostgreSQL, `psql` does the same: `\copy` of the CSV into the same table, and
/// the due SELECT on Sablier's PostgreSQL database; each round imports into a new database.
struct RegisterBenchmark {
    var documents: Int
    var runs: Int
    var backends: [Backend] = [.sqlite]
    var server: PostgresServer?
    var asOf = "2026-11-29"

    static let calendar = "calendars/exemple-css/calendrier-exemple-css.xml"

    /// The table both reference tools load the CSV into.
    static let referenceTable = """
        CREATE TABLE document (reference TEXT NOT NULL UNIQUE, title TEXT, rule TEXT, copy TEXT, support TEXT, holder TEXT,
                               opened TEXT, closed TEXT, event TEXT, event_date TEXT);
        """

    /// The due list's SELECT as the store runs it (SQLite's form; `BenchDatabase.dialect` for PostgreSQL).
    func dueQuery(limit: String = "") -> String {
        """
        SELECT reference, title, rule, copy, support, holder, phase, transfer_on, final_on, final_action, held
        FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(asOf)'
        ORDER BY CASE WHEN final_on IS NOT NULL AND final_on <= '\(asOf)' THEN final_on ELSE transfer_on END, reference\(limit)
        """
    }

    func run() throws {
        let tools = try Tools.locate()
        let clients = try ReferenceClients.locate(postgres: backends.contains(.postgres))
        guard FileManager.default.fileExists(atPath: Self.calendar) else { throw BenchError("run sablier-bench from the repository root") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-register-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let csv = work.appendingPathComponent("documents-\(documents).csv")
        try RegisterGenerator.csv(documents: documents).write(to: csv)
        let size = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? NSNumber)?.intValue ?? 0
        print("register: \(documents) documents, CSV \(String(format: "%.1f", Double(size) / 1_000_000)) MB, \(runs) rounds, "
            + backends.map(\.label).joined(separator: " and "))
        print("  before: " + Load.now())

        // Each round: sqlite3 .import into a table of the CSV's columns with a unique reference,
        // then Sablier's document import into a new store holding the calendar (made before its
        // clock starts); on PostgreSQL, psql's \copy into a new database, then Sablier's import
        // into another new one. One right after the other, so that all meet the same moment of
        // this shared machine (see Timing.alternating). The last round's stores stay for the due lists.
        var stores: [Backend: BenchDatabase] = [:]
        let sqliteScript = work.appendingPathComponent("import.sql")
        try (Self.referenceTable + "\n.import --csv --skip 1 \(csv.path) document\n").write(to: sqliteScript, atomically: true, encoding: .utf8)
        let psqlScript = work.appendingPathComponent("copy.sql")
        try (Self.referenceTable + "\n\\copy document FROM '\(csv.path)' WITH (FORMAT csv, HEADER)\n")
            .write(to: psqlScript, atomically: true, encoding: .utf8)
        var sides: [(name: String, measure: (Int) throws -> Double)] = [("sqlite3", { _ in
            let db = work.appendingPathComponent("sqlite3.sqlite").path
            try? FileManager.default.removeItem(atPath: db)
            defer { try? FileManager.default.removeItem(atPath: db) }
            return try Timing.seconds { try Tools.run(clients.sqlite3, [db], stdin: sqliteScript) }
        })]
        for backend in backends {
            if backend == .postgres, let server {
                sides.append(("psql", { _ in
                    let url = try server.freshDatabase("bench_register_psql")
                    defer { try? server.drop("bench_register_psql") }
                    return try Timing.seconds { try Tools.run(try clients.psql(), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f", psqlScript.path]) }
                }))
            }
            sides.append((backend.label, { round in
                stores[backend]?.remove(server: server)
                let store = try BenchDatabase.fresh(backend, name: "bench_register_\(round)", work: work, server: server)
                stores[backend] = store
                try BenchStore.prepare(store, tools: tools)
                try Tools.run(tools.sablier, ["calendar", "import", Self.calendar, "--as", "bench"] + store.arguments)
                return try Timing.seconds { try Tools.run(tools.sablier, ["document", "import", csv.path, "--as", "bench"] + store.arguments) }
            }))
        }
        let imports = try Timing.alternating(runs, sides)
        defer { for store in stores.values { store.remove(server: server) } }

        var dueSides: [(name: String, measure: (Int) throws -> Double)] = []
        for backend in backends {
            guard let store = stores[backend] else { continue }
            dueSides.append((backend == .sqlite ? "sqlite3" : "psql", { _ in
                try Timing.seconds { _ = try store.query(store.dialect(dueQuery()), tools: clients) }
            }))
            dueSides.append((backend.label, { _ in
                try Timing.seconds {
                    try Tools.run(tools.sablier, ["due", "--as-of", asOf, "--format", "csv", "--as", "bench"] + store.arguments)
                }
            }))
        }
        let dues = try Timing.alternating(runs, dueSides)
        print("  after: " + Load.now())

        func line(_ label: String, _ seconds: Double, _ note: String = "(best)") {
            print("  " + label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%8.1f ms  ", seconds * 1000) + note)
        }
        func ratio(_ label: String, _ rounds: Timing.Rounds, _ note: String = "") {
            print("  " + label.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%8.2f×  ", rounds.ratioOfBests)
                + "(bests\(note); median of the rounds " + String(format: "%.2f×", rounds.medianRatio) + ", " + rounds.ratiosText + ")")
        }
        line("sqlite3 .import", imports.best("sqlite3"))
        if backends.contains(.postgres) { line("psql \\copy", imports.best("psql")) }
        for backend in backends {
            let best = imports.best(backend.label)
            line("sablier document import, \(backend.label)", best, String(format: "(best; %.0f documents/s)", Double(documents) / best))
            ratio("ratio import \(backend.label) / sqlite3", imports.rounds("sqlite3", backend.label), backend == .sqlite ? "; goal ≤ 1.50×" : "")
        }
        if backends.contains(.postgres) {
            ratio("ratio import PostgreSQL / psql", imports.rounds("psql", Backend.postgres.label))
            if backends.contains(.sqlite) { ratio("ratio import PostgreSQL / SQLite", imports.rounds(Backend.sqlite.label, Backend.postgres.label)) }
        }

        var lists: [Backend: String] = [:]
        for backend in backends {
            guard let store = stores[backend] else { continue }
            lists[backend] = try Tools.output(tools.sablier, ["due", "--as-of", asOf, "--format", "csv", "--as", "bench"] + store.arguments)
            let count = try store.query("SELECT COUNT(*) FROM document WHERE due_on <= '\(asOf)'", tools: clients)
            let reference = backend == .sqlite ? "sqlite3" : "psql"
            print("  due on \(asOf), \(backend.label): \(count.trimmingCharacters(in: .whitespacesAndNewlines)) documents listed")
            line("\(reference) due query", dues.best(reference))
            line("sablier due, \(backend.label)", dues.best(backend.label), backend == .sqlite ? "(best; goal ≤ 500 ms)" : "(best)")
            ratio("ratio due \(backend.label) / \(reference)", dues.rounds(reference, backend.label), backend == .sqlite ? "; goal ≤ 1.50×" : "")
        }
        if backends.count == 2 {
            ratio("ratio due PostgreSQL / SQLite", dues.rounds(Backend.sqlite.label, Backend.postgres.label))
            // The same documents and calendar must give the same list, line for line, on both.
            print("  due lists of both stores identical: \(lists[.sqlite] == lists[.postgres] ? "yes" : "NO")"
                + " (\(lists[.sqlite]?.utf8.count ?? 0) and \(lists[.postgres]?.utf8.count ?? 0) bytes)")
        }
    }
}

/// The machine's load, stated beside every figure: the 2 cores are shared.
enum Load {
    /// `/proc/loadavg`'s three averages and the number of processors.
    static func now() -> String {
        let averages = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "load average \(averages) on \(ProcessInfo.processInfo.activeProcessorCount) processors"
    }
}

/// Generates a register CSV over the rules of the example calendar: references unique, rules,
/// copies and supports mixed, closing dates spread over 2020–2026 with a third of the dossiers
/// still open (no date after November 2026), and the 888 rules' events recorded on half of
/// their documents. Deterministic.
enum RegisterGenerator {
    /// The example calendar's rules: holder, whether an 888 period applies, and the supports of each copy.
    static let rules: [(number: String, holder: String, open: Bool, principal: [String], secondary: [String])] = [
        ("1101", "Secrétariat général", false, ["PA", "DM"], ["DM"]), ("1201", "Secrétariat général", false, ["PA", "DM"], ["PA", "DM"]),
        ("2101", "Ressources humaines", true, ["PA", "DM"], ["DM"]), ("2201", "Ressources financières", false, ["DM"], ["PA"]),
        ("3101", "Ressources financières", false, ["PA", "DM"], ["DM"]), ("3102", "Ressources financières", false, ["PA", "DM"], ["DM"]),
        ("3201", "Ressources financières", false, ["PA", "DM"], ["PA"]),
        ("7101", "École primaire des Érables (exemple)", true, ["PA", "DM"], ["PA"]),
        ("7102", "Services éducatifs", true, ["PA", "DM"], ["PA"]), ("7201", "Services éducatifs", false, ["DM"], ["PA"]),
        ("7301", "Services éducatifs", false, ["PA", "DM"], ["PA"]), ("7401", "Services éducatifs", false, ["DM"], ["DM"]),
        ("9101", "Secrétariat général", true, ["PA", "DM"], ["DM"]),
    ]
    static let events = ["2101": "fin de l'emploi", "7101": "départ de l'élève", "7102": "fin de la scolarité de l'élève", "9101": "fin du contrat"]

    static func csv(documents: Int) -> Data {
        var out = "reference,title,rule,copy,support,holder,opened,closed,event,event_date\n"
        out.reserveCapacity(documents * 110)
        var seed: UInt64 = 0x5AB1_1E2
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        // No date after November 2026: an event is refused once it is in the future (today is
        // the machine's day), and the benchmark's due lists are taken on 2026-11-29.
        func date(_ year: Int) -> String {
            let month = 1 + next(year >= 2026 ? 11 : 12), day = 1 + next(28)
            return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        }
        for index in 0..<documents {
            let rule = rules[next(rules.count)]
            let copy = next(5) == 0 ? "secondaire" : "principal"
            let supports = copy == "principal" ? rule.principal : rule.secondary
            let support = supports[next(supports.count)]
            let openedYear = 2019 + next(7)
            let closed = next(3) == 0 ? "" : date(min(2026, openedYear + 1 + next(3)))
            var event = "", eventDate = ""
            if rule.open, let name = events[rule.number], next(2) == 0 {
                event = "\"\(name)\""
                eventDate = date(min(2026, openedYear + next(5)))
            }
            out += "DOC-\(index + 1),Dossier \(index + 1) de la règle \(rule.number),\(rule.number),\(copy),\(support),\(rule.holder),\(date(openedYear)),\(closed),\(event),\(eventDate)\n"
        }
        return Data(out.utf8)
    }
}
