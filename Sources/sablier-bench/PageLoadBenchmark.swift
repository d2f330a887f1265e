import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The web pages as one browser reads them: `sablier serve` on a register of N generated
/// documents, one client signed in through the sign-in page (its session cookie), K sequential
/// GETs of each page, on loopback only.
///
/// Issue 13: how long the dashboard, the register's search, the due list (a page, a far page,
/// the CSV file) and the journal take, against `sqlite3` running the closest SQL on the same
/// database (process start included), one request at a time.
struct PageLoadBenchmark {
    var documents: Int
    var runs: Int
    /// The due list's day, as the serve suite's.
    var asOf = "2026-11-29"
    /// A page stops being timed after this many seconds, whatever `runs` asks.
    var secondsPerPage = 120.0
    static let password = "Lecture des pages du sablier 2026"

    /// A page, its address, and the SQL closest to what it shows.
    struct Page {
        var name: String
        var path: String
        var sql: String
        var csv = false
    }

    struct Measured {
        var page: Page
        var status: Int
        var bytes: Int
        var sablier: [Double]
        var sqlite: [Double]
    }

    func run() async throws {
        let tools = try Tools.locate()
        guard let sqlite3 = Tools.which("sqlite3") else { throw BenchError("sqlite3 is not installed (Debian: apt-get install sqlite3)") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-pages-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let db = work.appendingPathComponent("sablier.sqlite").path
        let csv = work.appendingPathComponent("documents.csv")
        try RegisterGenerator.csv(documents: documents).write(to: csv)
        try BenchStore.prepare(db, tools: tools)
        // The journal is the auditor's: the benchmark user reads it as a verificateur too.
        try Tools.run(tools.sablier, ["user", "grant", BenchStore.user, "verificateur", "--db", db, "--as", "rsi"])
        try Tools.run(tools.sablier, ["calendar", "import", RegisterBenchmark.calendar, "--db", db, "--as", BenchStore.user])
        try Tools.run(tools.sablier, ["document", "import", csv.path, "--db", db, "--as", BenchStore.user])
        let secret = work.appendingPathComponent("password")
        try Data((Self.password + "\n").utf8).write(to: secret)
        try Tools.run(tools.sablier, ["user", "password", BenchStore.user, "--db", db, "--as", "rsi"], stdin: secret)
        // A file import writes one audit entry for the whole file: the trail is then a handful of
        // entries, whatever N. A register of N documents registered one at a time, or whose
        // documents have each had an event, holds at least N: the trail gets one entry per
        // document, written by SQL after the real ones. Their hashes do not chain (the journal
        // page does not walk the chain unless asked to verify it, which is not timed).
        try Tools.run(sqlite3, [db, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(documents))
            INSERT INTO audit_entry (sequence, at, user_name, action, target, details, previous_hash, hash)
            SELECT (SELECT MAX(sequence) FROM audit_entry) + i, (SELECT MAX(at) FROM audit_entry) + i, 'bench', 'document.register',
                   'document DOC-' || i, '{"reference":"DOC-' || i || '"}', printf('%064d', i - 1), printf('%064d', i) FROM n
            """])

        let port = Int.random(in: 20_000..<40_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: tools.sablier)
        server.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", db]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let base = "http://127.0.0.1:\(port)"
        // A browser's one connection; redirects are not followed, so that the sign-in's own
        // answer (its cookie) is read.
        let session = URLSession(configuration: {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 1
            configuration.httpShouldSetCookies = false
            configuration.timeoutIntervalForRequest = secondsPerPage
            return configuration
        }(), delegate: NoRedirects(), delegateQueue: nil)
        var ready = false
        for _ in 0..<300 where !ready {
            ready = (try? await ServerLoadBenchmark.send(session, base + "/healthz").status) == 200
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard ready else { throw BenchError("the server did not start") }

        // The RSI set the password: it is changed once through the API, then the client signs
        // in through the sign-in page as a browser does.
        let first = try await ServerLoadBenchmark.signIn(session, base, password: Self.password)
        let changed = try await ServerLoadBenchmark.send(session, base + "/api/v1/session/password", method: "POST", cookie: first.cookie,
                                                         csrf: first.csrf, body: ["current": Self.password, "new": Self.password + " !"])
        guard changed.status < 300 else { throw BenchError("changing the password answered \(changed.status)") }
        let cookie = try await Self.signInThroughPage(session, base, password: Self.password + " !")

        let scalar = { (sql: String) -> Int in
            Int(((try? Tools.output(sqlite3, [db, sql])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        let due = scalar("SELECT COUNT(*) FROM document WHERE due_on IS NOT NULL AND due_on <= '\(asOf)'")
        let audit = scalar("SELECT COUNT(*) FROM audit_entry")
        let farPage = max(1, (due + 99) / 100 * 9 / 10)
        let pages = Self.pages(asOf: asOf, farPage: farPage, today: Date())
        print("pages: \(documents) documents, \(due) due on \(asOf) (\(max(1, (due + 99) / 100)) pages of 100), \(audit) audit entries; "
              + "\(runs) sequential GETs a page, one client")

        var results: [Measured] = []
        for page in pages {
            // One request first, untimed: the page answers, and the database's pages are in memory
            // for both tools alike.
            let warm = try await ServerLoadBenchmark.send(session, base + page.path, cookie: cookie)
            guard warm.status == 200 else {
                throw BenchError("\(page.path) answered \(warm.status): \(String(decoding: warm.body.prefix(300), as: UTF8.self))")
            }
            _ = try Tools.output(sqlite3, ["-csv", db, page.sql])
            var measured = Measured(page: page, status: warm.status, bytes: warm.body.count, sablier: [], sqlite: [])
            let started = Date()
            // Alternated, so that both meet the same moments of a shared machine.
            for _ in 0..<max(1, runs) {
                let start = DispatchTime.now().uptimeNanoseconds
                let answer = try await ServerLoadBenchmark.send(session, base + page.path, cookie: cookie)
                measured.sablier.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                guard answer.status == 200 else { throw BenchError("\(page.path) answered \(answer.status)") }
                measured.bytes = answer.body.count
                measured.sqlite.append(try Timing.seconds { _ = try Tools.output(sqlite3, ["-csv", db, page.sql]) } * 1000)
                if Date().timeIntervalSince(started) > secondsPerPage { break }
            }
            results.append(measured)
            print(Self.line(measured))
        }
        print("  median and max of Sablier's GET (loopback, whole body read); sqlite3: median, process included, output to a pipe")
        server.terminate()
        server.waitUntilExit()
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func line(_ m: Measured) -> String {
        let size = m.bytes >= 1 << 20 ? String(format: "%.1f MB", Double(m.bytes) / 1_048_576) : String(format: "%.0f kB", Double(m.bytes) / 1024)
        let name = m.page.name.padding(toLength: max(28, m.page.name.count), withPad: " ", startingAt: 0)
        let ratio = median(m.sablier) / median(m.sqlite)
        return "  " + name + String(format: "median %8.1f ms, max %8.1f ms, ", median(m.sablier), m.sablier.max() ?? .nan)
            + size + String(format: " (%d GETs) | sqlite3 %7.1f ms | %6.1f×", m.sablier.count, median(m.sqlite), ratio)
    }

    /// The pages timed, each with the SQL closest to what it shows.
    static func pages(asOf: String, farPage: Int, today: Date) -> [Page] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month], from: today)
        let year = parts.year ?? 2026, month = parts.month ?? 12
        let days = calendar.range(of: .day, in: .month, for: today)?.count ?? 31
        let monthEnd = String(format: "%04d-%02d-%02d", year, month, days), yearEnd = "\(year)-12-31"
        let firstDay = "\(year)-01-01", dayBefore = "\(year - 1)-12-31", tenYears = "\(year + 10)-01-01"
        let columns = """
            id, reference, title, rule, copy, support, holder, opened_on, closed_on, identifiers, file_path, file_sha256, file_size,
            file_format, building, room, shelving, box, digitized_from, replaces, registered_at, registered_by, phase, held,
            calendar_version, transfer_on, final_on, final_action, waiting, due_on
            """
        // The due list's action on a day: the final action once its date has come, else the transfer.
        func dueSummary(_ day: String) -> String {
            """
            SELECT CASE WHEN final_on IS NOT NULL AND final_on <= '\(day)' THEN final_action ELSE 'transfer' END, held, COUNT(*)
            FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(day)' GROUP BY 1, 2;
            """
        }
        let dueOrder = "ORDER BY CASE WHEN final_on IS NOT NULL AND final_on <= '\(asOf)' THEN final_on ELSE transfer_on END, reference"
        let dueRows = """
            SELECT reference, title, rule, copy, support, holder, phase, transfer_on, final_on, final_action, held
            FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(asOf)' \(dueOrder)
            """
        let dueCount = "SELECT COUNT(*) FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(asOf)';"
        let dueUnits = "SELECT DISTINCT holder FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(asOf)';"
        let titleTerm = "dossier 12"
        return [
            Page(name: "dashboard", path: "/tableau-de-bord", sql: """
                SELECT phase, COUNT(*) FROM document GROUP BY phase;
                SELECT support, COUNT(*) FROM document GROUP BY support ORDER BY 2 DESC;
                SELECT holder, COUNT(*) FROM document GROUP BY holder ORDER BY 2 DESC;
                SELECT CASE WHEN final_on IS NOT NULL AND final_on <= '\(dayBefore)' THEN final_action ELSE 'transfer' END, COUNT(*)
                FROM document INDEXED BY document_by_due WHERE due_on IS NOT NULL AND due_on <= '\(dayBefore)' GROUP BY 1;
                SELECT substr(transfer_on, 1, 4), COUNT(*) FROM document WHERE phase = 'actif' AND transfer_on >= '\(firstDay)'
                AND transfer_on < '\(tenYears)' AND (final_on IS NULL OR transfer_on < final_on) GROUP BY 1;
                SELECT substr(final_on, 1, 4), final_action, COUNT(*) FROM document WHERE (phase = 'actif' OR phase = 'semi-actif')
                AND final_on >= '\(firstDay)' AND final_on < '\(tenYears)' GROUP BY 1, 2;
                \(dueSummary(monthEnd))
                \(dueSummary(yearEnd))
                """),
            Page(name: "register, first page", path: "/registre", sql: """
                SELECT \(columns) FROM document ORDER BY reference LIMIT 50;
                SELECT COUNT(*) FROM document;
                """),
            Page(name: "register, title~\(titleTerm)", path: "/registre?q=" + Self.escaped("title~\(titleTerm)"), sql: """
                SELECT \(columns) FROM document WHERE LOWER(title) LIKE '%\(titleTerm)%' ESCAPE '\\' ORDER BY reference LIMIT 50;
                SELECT COUNT(*) FROM document WHERE LOWER(title) LIKE '%\(titleTerm)%' ESCAPE '\\';
                """),
            Page(name: "due list, page 1", path: "/echeancier?date=\(asOf)", sql: "\(dueRows) LIMIT 100;\n\(dueCount)\n\(dueUnits)"),
            Page(name: "due list, page \(farPage)", path: "/echeancier?date=\(asOf)&page=\(farPage)",
                 sql: "\(dueRows) LIMIT 100 OFFSET \((farPage - 1) * 100);\n\(dueCount)\n\(dueUnits)"),
            Page(name: "due list, CSV file", path: "/echeancier.csv?date=\(asOf)", sql: dueRows + ";", csv: true),
            Page(name: "journal, first page", path: "/journal", sql: """
                SELECT sequence, at, user_name, action, target, details, previous_hash, hash FROM audit_entry ORDER BY sequence LIMIT 50;
                SELECT COUNT(*) FROM audit_entry;
                """),
        ]
    }

    static func escaped(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=;~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Signs in through `/connexion` as a browser: the form's token and its cookie, then the
    /// form posted; returns the session cookie (`sablier_session=…`).
    static func signInThroughPage(_ session: URLSession, _ base: String, password: String) async throws -> String {
        let form = try await ServerLoadBenchmark.send(session, base + "/connexion")
        let html = String(decoding: form.body, as: UTF8.self)
        guard form.status == 200, let token = value(after: "name=\"_signin\" value=\"", in: html, until: "\""),
              let signinCookie = cookie("sablier_signin", in: form.setCookie) else {
            throw BenchError("the sign-in page answered \(form.status) without its token")
        }
        var request = URLRequest(url: URL(string: base + "/connexion")!)
        request.httpMethod = "POST"
        request.setValue(signinCookie, forHTTPHeaderField: "Cookie")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let fields = ["name": BenchStore.user, "password": password, "_signin": token]
        request.httpBody = Data(fields.map { "\($0.key)=\(escaped($0.value))" }.joined(separator: "&").utf8)
        let (_, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        guard let status = http?.statusCode, (300..<400).contains(status),
              let session = cookie("sablier_session", in: http?.value(forHTTPHeaderField: "Set-Cookie")) else {
            throw BenchError("signing in through the page answered \(http?.statusCode ?? 0) without a session")
        }
        return session
    }

    /// `name=value` of a cookie among the `Set-Cookie` headers (Foundation joins several with ", ").
    static func cookie(_ name: String, in header: String?) -> String? {
        guard let header, let value = value(after: name + "=", in: header, until: ";") else { return nil }
        return name + "=" + value.split(separator: ",").first.map(String.init)!
    }

    static func value(after prefix: String, in text: String, until end: Character) -> String? {
        guard let start = text.range(of: prefix)?.upperBound else { return nil }
        return String(text[start...].prefix { $0 != end })
    }
}

/// Leaves redirects to the caller: the sign-in's answer carries the cookie.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
