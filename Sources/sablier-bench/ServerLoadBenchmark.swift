import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Load on `sablier serve`: signed-in clients reading pages of the due list and document
/// records at once, for a bounded time, on loopback only.
///
/// Issue 12's goal: 50 clients for 60 s on a register of a million documents, p99 under 200 ms
/// for a page of 100 rows, no error, and the server's memory flat over the run. The reference
/// is `sqlite3` running the same page's query on the same database, one at a time; on
/// PostgreSQL (`--backend`), `psql` running it on Sablier's database there.
struct ServerLoadBenchmark {
    var documents: Int
    var clients: Int
    var seconds: Int
    /// Each measured in turn, on its own store of the same documents (`--backend`).
    var backends: [Backend] = [.sqlite]
    var server: PostgresServer?
    var asOf = "2026-11-29"
    static let password = "Charge de lecture du sablier 2026"

    /// What one backend's run measured, kept to set the backends side by side at the end.
    struct Outcome {
        var p50: Double
        var p99: Double
        var requests: Int
    }

    func run() async throws {
        let tools = try Tools.locate()
        let references = try ReferenceClients.locate(postgres: backends.contains(.postgres))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sablier-bench-serve-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let csv = work.appendingPathComponent("documents.csv")
        try RegisterGenerator.csv(documents: documents).write(to: csv)
        var outcomes: [Backend: Outcome] = [:]
        for backend in backends {
            let store = try BenchDatabase.fresh(backend, name: "bench_serve", work: work, server: server)
            defer { store.remove(server: server) }
            outcomes[backend] = try await run(on: store, csv: csv, work: work, tools: tools, references: references)
        }
        if let sqlite = outcomes[.sqlite], let postgres = outcomes[.postgres] {
            print(String(format: "serve, PostgreSQL / SQLite: p50 %.2f×, p99 %.2f×, requests served %.2f×", postgres.p50 / sqlite.p50,
                         postgres.p99 / sqlite.p99, Double(postgres.requests) / Double(max(1, sqlite.requests))))
        }
    }

    /// The whole measurement on one store: documents imported, the server started on it, the
    /// clients' load, the figures printed.
    func run(on store: BenchDatabase, csv: URL, work: URL, tools: Tools, references: ReferenceClients) async throws -> Outcome {
        try BenchStore.prepare(store, tools: tools)
        try Tools.run(tools.sablier, ["calendar", "import", RegisterBenchmark.calendar, "--as", BenchStore.user] + store.arguments)
        try Tools.run(tools.sablier, ["document", "import", csv.path, "--as", BenchStore.user] + store.arguments)
        let secret = work.appendingPathComponent("password")
        try Data((Self.password + "\n").utf8).write(to: secret)
        try Tools.run(tools.sablier, ["user", "password", BenchStore.user, "--as", "rsi"] + store.arguments, stdin: secret)
        print("serve on \(store.backend.label): \(documents) documents, \(clients) clients, \(seconds) s")
        print("  before: " + Load.now())

        let port = Int.random(in: 20_000..<40_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: tools.sablier)
        server.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port)] + store.arguments
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let base = "http://127.0.0.1:\(port)"
        let session = URLSession(configuration: {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = clients
            configuration.httpShouldSetCookies = false
            return configuration
        }())
        var ready = false
        for _ in 0..<300 where !ready {
            ready = (try? await Self.send(session, base + "/healthz").status) == 200
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        guard ready else { throw BenchError("the server did not start") }

        // The RSI set the password: it is changed once, then each client signs in.
        let first = try await Self.signIn(session, base, password: Self.password)
        let changed = try await Self.send(session, base + "/api/v1/session/password", method: "POST", cookie: first.cookie,
                                          csrf: first.csrf, body: ["current": Self.password, "new": Self.password + " !"])
        guard changed.status < 300 else { throw BenchError("changing the password answered \(changed.status)") }
        var cookies: [String] = []
        for _ in 0..<clients { cookies.append(try await Self.signIn(session, base, password: Self.password + " !").cookie) }

        let total = Int(try store.query("SELECT COUNT(*) FROM document WHERE due_on <= '\(asOf)'", tools: references)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let pages = max(1, total / 100)
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        let memory = MemorySampler(pid: server.processIdentifier)
        let sampler = Task { await memory.sample(until: deadline) }
        let asOf = self.asOf, documents = self.documents
        let results = await withTaskGroup(of: ClientResult.self) { group in
            for cookie in cookies {
                group.addTask {
                    var result = ClientResult()
                    var generator = SystemRandomNumberGenerator()
                    while Date() < deadline {
                        let url = result.requests % 2 == 0
                            ? base + "/api/v1/due?asOf=\(asOf)&limit=100&offset=\(Int.random(in: 0..<pages, using: &generator) * 100)"
                            : base + "/api/v1/documents/DOC-\(Int.random(in: 1...documents, using: &generator))"
                        let start = DispatchTime.now().uptimeNanoseconds
                        let status = (try? await Self.send(session, url, cookie: cookie).status) ?? 0
                        result.latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                        result.requests += 1
                        if status != 200 { result.errors += 1 }
                    }
                    return result
                }
            }
            var all: [ClientResult] = []
            for await result in group { all.append(result) }
            return all
        }
        let rss = await sampler.value
        let latencies = results.flatMap(\.latencies).sorted()
        let requests = results.map(\.requests).reduce(0, +), errors = results.map(\.errors).reduce(0, +)
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let query = store.dialect(RegisterBenchmark(documents: documents, runs: 1, asOf: asOf).dueQuery(limit: "\nLIMIT 100 OFFSET \(pages / 2 * 100)"))
        let reference = try Timing.best(of: 5) { _ = try store.query(query, tools: references) }
        let client = store.backend == .sqlite ? "sqlite3" : "psql"
        print("  due list: \(total) rows due on \(asOf), pages of 100")
        print(String(format: "  requests %d in %d s: %.0f/s; errors %d", requests, seconds, Double(requests) / Double(seconds), errors))
        print(String(format: "  latency p50 %.1f ms, p99 %.1f ms, max %.1f ms  (goal: p99 < 200 ms)", percentile(0.5), percentile(0.99),
                     latencies.last ?? 0))
        print("  \(client), one page of the due list (process included): "
            + String(format: "%.1f ms; ratio of p50 to it %.2f×", reference * 1000, percentile(0.5) / (reference * 1000)))
        if let first = rss.first, let last = rss.last {
            print("  server memory (RSS): \(first / 1024) MB at the start, \(last / 1024) MB at the end, \((rss.max() ?? 0) / 1024) MB at most")
        }
        print("  after: " + Load.now())
        server.terminate()
        server.waitUntilExit()
        return Outcome(p50: percentile(0.5), p99: percentile(0.99), requests: requests)
    }

    struct ClientResult: Sendable {
        var latencies: [Double] = []
        var requests = 0
        var errors = 0
    }

    /// Signs in; the session cookie (`name=value`) and the CSRF token.
    static func signIn(_ session: URLSession, _ base: String, password: String) async throws -> (cookie: String, csrf: String) {
        let answer = try await send(session, base + "/api/v1/session", method: "POST", body: ["name": BenchStore.user, "password": password])
        guard (200..<300).contains(answer.status), let header = answer.setCookie, let cookie = header.split(separator: ";").first,
              let json = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any], let csrf = json["csrfToken"] as? String else {
            throw BenchError("signing in answered \(answer.status): \(String(decoding: answer.body, as: UTF8.self))")
        }
        return (String(cookie), csrf)
    }

    static func send(_ session: URLSession, _ url: String, method: String = "GET", cookie: String? = nil, csrf: String? = nil,
                     body: [String: String]? = nil) async throws -> (status: Int, body: Data, setCookie: String?) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        if let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "Set-Cookie"))
    }
}

/// The server's resident memory, read from /proc once a second.
actor MemorySampler {
    let pid: Int32
    init(pid: Int32) { self.pid = pid }

    /// Kilobytes of resident memory, one sample a second until `deadline`.
    func sample(until deadline: Date) async -> [Int] {
        var samples: [Int] = []
        while Date() < deadline {
            if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
               let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
                samples.append(kilobytes)
            }
            try? await Task.sleep(for: .seconds(1))
        }
        return samples
    }
}
