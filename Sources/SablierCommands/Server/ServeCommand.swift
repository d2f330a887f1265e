import ArgumentParser
import Foundation
import Logging
import SablierApplication
import SablierCore
import SablierServer
import SablierWeb

/// `sablier serve`: the JSON API, in one process that owns the store.
///
/// Unlike every other command it acts as nobody: there is no `--as`. Whoever calls the API
/// signs in (a session cookie) or holds a token; the command line stays the operator's tool
/// on the server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API (/api/v1) over HTTP, for browsers and scripts, until SIGTERM or SIGINT.",
        discussion: """
            Callers authenticate with a signed-in session (POST /api/v1/session, then the \
            sablier_session cookie and X-CSRF-Token) or an API token (Authorization: Bearer, see \
            `sablier token create`). Listen on loopback behind a TLS reverse proxy (docs/DEPLOYMENT.md); \
            GET /healthz answers 200 once the server is ready. Logs go to standard error, one line a \
            request, and never hold a password, token, cookie or session id. The API is described in \
            docs/openapi.json.
            """
    )

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8080
    @Option(name: .customLong("max-upload"), help: ArgumentHelp("Largest upload (calendar, register CSV) accepted, in bytes.", valueName: "bytes"))
    var maxUpload = ServerConfiguration.defaultMaxUploadBytes
    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure: clients reach the server over TLS only.")
    var secureCookies = false
    @Flag(name: .customLong("trust-proxy"), help: "Believe X-Forwarded-Proto and X-Forwarded-For from the reverse proxy in front.")
    var trustProxy = false
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard maxUpload > 0 else { throw ValidationError("--max-upload must be at least 1") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: \(logLevel) is not a level") }
    }

    func run() async throws {
        var logger = Logger(label: "sablier.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let sablier: Sablier
        do {
            sablier = try await store.application()
        } catch let refusal as Refusal {
            throw RefusalReport.print(refusal, LanguageArgument.resolve(nil))
        }
        let configuration = ServerConfiguration(host: host, port: port, maxUploadBytes: maxUpload,
                                                secureCookies: secureCookies, trustProxy: trustProxy)
        logger.info("starting", metadata: ["store": "\(store.location)", "host": "\(host)", "port": "\(port)"])
        let pages = try WebPages(sablier: sablier, authority: sablier, configuration: configuration)
        try await SablierServer.run(sablier: sablier, authority: sablier, configuration: configuration, pages: [pages],
                                    logger: logger)
    }
}
