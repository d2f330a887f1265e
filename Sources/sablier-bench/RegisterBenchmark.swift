import Foundation

/// Times `sablier document import` of N generated documents and `sablier due` on them, against
/// `sqlite3` importing the same CSV (`.import`) and running the same indexed query.
///
/// Both sides run as separate processes, in alternation, best of several rounds. sqlite3's
/// import loads the CSV columns into a table keyed by a unique reference; Sablier also checks
/// every row against the calendar in force, counts each document's retention and writes it
/// with three indexes. The due query of sqlite3 is Sablier's own SELECT, run on Sablier's
/// database.
struct RegisterBenchmark {
    var documents: Int
    var runs: Int
    var asOf = "2026-11-29"

    static let calendar = "calendars/exemple-css/calendrier-exemple-css.xml"

    func run() throws {
        let tools = try Tools.locate()
        guard let sqlite3 = Tools.which("sqlite3") else { throw BenchError("sqlite3 is not installed (Debian: apt-get install sqlite3)") }
        guard FileManager.default.fileExists(atPath: Self.calendar) else { throw BenchError("run sablier-bench from the repository root") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-register-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let csv = work.appendingPathComponent("documents-\(documents).csv")
        try RegisterGenerator.csv(documents: documents).write(to: csv)
        let size = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? NSNumber)?.intValue ?? 0
        print("register: \(documents) documents, CSV \(String(format: "%.1f", Double(size) / 1_000_000)) MB, \(runs) rounds")

        // Each round: sqlite3 .import into a table of the CSV's columns with a unique
        // reference, then Sablier's document import into a new store holding the calendar (made
        // before its clock starts), one right after the other so that both meet the same moment
        // of this shared machine (see Timing.rounds).
        let script = work.appendingPathComponent("import.sql")
        var sablierDB = ""
        let imports = try Timing.rounds(runs) {
            let db = work.appendingPathComponent("sqlite3.sqlite").path
            try? FileManager.default.removeItem(atPath: db)
            try """
            CREATE TABLE document (reference TEXT NOT NULL UNIQUE, title TEXT, rule TEXT, copy TEXT, support TEXT, holder TEXT,
                                   opened TEXT, closed TEXT, event TEXT, event_date TEXT);
            .import --csv --skip 1 \(csv.path) document
            """.write(to: script, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: db) }
            return try Timing.seconds { try Tools.run(sqlite3, [db], stdin: script) }
        } then: { round in
            // The last round's store stays for the due lists; the others go.
            if !sablierDB.isEmpty { try? FileManager.default.removeItem(atPath: sablierDB) }
            sablierDB = work.appendingPathComponent("sablier-\(round).sqlite").path
            try BenchStore.prepare(sablierDB, tools: tools)
            try Tools.run(tools.sablier, ["calendar", "import", Self.calendar, "--db", sablierDB, "--as", "bench"])
            return try Timing.seconds { try Tools.run(tools.sablier, ["document", "import", csv.path, "--db", sablierDB, "--as", "bench"]) }
        }

        let query = """
            SELECT reference, title, rule, copy, support, holder, phase, transfer_on, final_on, final_action, held
            FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(asOf)'
            ORDER BY CASE WHEN final_on IS NOT NULL AND final_on <= '\(asOf)' THEN final_on ELSE transfer_on END, reference
            """
        let dues = try Timing.rounds(runs) {
            try Timing.seconds { try Tools.run(sqlite3, ["-csv", sablierDB, query]) }
        } then: { _ in
            try Timing.seconds { try Tools.run(tools.sablier, ["due", "--as-of", asOf, "--db", sablierDB, "--format", "csv", "--as", "bench"]) }
        }
        let listed = try Tools.output(sqlite3, [sablierDB, "SELECT COUNT(*) FROM document WHERE due_on <= '\(asOf)'"])
        print(String(format: "  sqlite3 .import                     %8.1f ms  (best)", imports.bestFirst * 1000))
        print(String(format: "  sablier document import             %8.1f ms  (best; %.0f documents/s)", imports.bestSecond * 1000,
                     Double(documents) / imports.bestSecond))
        print(String(format: "  ratio import sablier / sqlite3      %8.2f×  (bests; goal ≤ 1.50×)", imports.ratioOfBests))
        print(String(format: "  ratio, median of the rounds         %8.2f×  ", imports.medianRatio) + "(" + imports.ratiosText + ")")
        print("  due on \(asOf): \(listed.trimmingCharacters(in: .whitespacesAndNewlines)) documents listed")
        print(String(format: "  sqlite3 indexed due query           %8.1f ms  (best)", dues.bestFirst * 1000))
        print(String(format: "  sablier due                         %8.1f ms  (best; goal ≤ 500 ms)", dues.bestSecond * 1000))
        print(String(format: "  ratio due sablier / sqlite3         %8.2f×  (bests; goal ≤ 1.50×)", dues.ratioOfBests))
        print(String(format: "  ratio, median of the rounds         %8.2f×  ", dues.medianRatio) + "(" + dues.ratiosText + ")")
    }
}

/// Generates a register CSV over the rules of the example calendar: references unique, rules,
/// copies and supports mixed, closing dates spread over 2020–2026 with a third of the dossiers
/// still open, and the 888 rules' events recorded on half of their documents. Deterministic.
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
        func date(_ year: Int) -> String {
            let month = 1 + next(12), day = 1 + next(28)
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
