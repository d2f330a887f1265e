import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SablierTestSupport
import Testing

/// End to end: the real binary serves the API on a loopback port, and the nightly due list
/// runs through it with an API token, as the scheduled job does.
@Suite("sablier serve (end to end)", .serialized)
final class ServeCommandTests {
    let dir: TemporaryDirectory
    var db: String { dir.file("sablier.sqlite").path }

    init() throws {
        dir = try TemporaryDirectory(prefix: "sablier-cli-serve")
        try SablierProcess.prepareStore(at: db)
    }

    deinit { dir.remove() }

    func sablier(_ arguments: String...) throws -> SablierProcess.Result {
        try SablierProcess.run(arguments + ["--db", db], in: dir.url)
    }

    /// A port nobody listens on now: the kernel's choice for a socket bound to port 0.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        try #require(bound == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// One request; the status and the body.
    static func get(_ url: String, token: String? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test("the nightly due list through the API with a token gives the CLI's JSON; no token, a bad one: 401; SIGTERM stops it cleanly")
    func nightlyDueThroughTheAPI() async throws {
        #expect(try sablier("calendar", "import", Fixtures.exampleNative.path).status == 0)
        #expect(try sablier("box", "add", "B-2023-RF-01").status == 0)
        #expect(try sablier("box", "add", "B-2014-RF-01").status == 0)
        #expect(try sablier("document", "import", try dir.copyExamples().path).status == 0)
        let created = try sablier("token", "create", "--user", "verif", "--name", "liste nocturne", "--as", "admin")
        #expect(created.status == 0, "\(created.stderr)")
        let token = try #require(created.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("sbl_"))

        let port = try Self.freePort()
        let server = Process()
        server.executableURL = SablierProcess.executable
        server.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", db]
        let log = dir.file("serve.log")
        try #require(FileManager.default.createFile(atPath: log.path, contents: nil))
        let handle = try FileHandle(forWritingTo: log)
        server.standardOutput = handle
        server.standardError = handle
        server.standardInput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<150 where !ready {
            ready = (try? await Self.get(base + "/healthz").status) == 200
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        let startLog = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        try #require(ready, "the server did not answer /healthz: \(startLog)")

        let viaAPI = try await Self.get(base + "/api/v1/due?asOf=2026-11-29", token: token)
        #expect(viaAPI.status == 200)
        let viaCLI = try sablier("due", "--as-of", "2026-11-29", "--format", "json", "--as", "verif")
        let api = try JSONSerialization.jsonObject(with: viaAPI.body) as? [[String: AnyHashable]]
        let cli = try JSONSerialization.jsonObject(with: Data(viaCLI.stdout.utf8)) as? [[String: AnyHashable]]
        #expect(api?.count == 9 && api == cli)
        let record = try await Self.get(base + "/api/v1/documents/RH-EMP-0042", token: token)
        #expect(record.status == 200)
        #expect(try await Self.get(base + "/api/v1/due").status == 401)
        #expect(try await Self.get(base + "/api/v1/due", token: "sbl_guess").status == 401)

        server.terminate()
        server.waitUntilExit()
        try handle.close()
        let logged = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        #expect(server.terminationStatus == 0, "\(logged)")
        #expect(!logged.contains(token), "the token reached the log")
    }
}
