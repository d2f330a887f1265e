import Foundation
public import Hummingbird
public import Logging
import ServiceLifecycle
import UnixSignals
public import SablierApplication
import Synchronization

/// `sablier serve`: the JSON API over Sablier's use cases, for browsers and scripts.
///
/// The server owns no rule. It is handed an opened `Sablier` (the command line opens the
/// store, so that the backend is named in one place) and the authority that says who a
/// cookie or a token is; every route calls one use case with that session.
public enum SablierServer {
    /// The router: `/healthz`, then `/api/v1/…`, with the middleware every answer passes
    /// through (the request log, security headers, errors as JSON).
    /// `pages` are routes added beside the API (the web pages), so that the server names no
    /// template engine.
    public static func router(sablier: Sablier, authority: any SessionAuthority, configuration: ServerConfiguration,
                              readiness: Readiness = Readiness(ready: true),
                              pages: [any RouteSet] = []) throws -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.get("healthz") { _, _ -> Response in
            guard readiness.isReady else { return try APIJSON.response(Health(status: "starting"), status: .serviceUnavailable) }
            return try APIJSON.response(Health(status: "ok"))
        }
        let uploads = try UploadStore(directory: configuration.uploadDirectory, maxBytes: configuration.maxUploadBytes)
        APIRoutes(sablier: sablier, authority: authority, uploads: uploads, configuration: configuration).add(to: router)
        for routes in pages { routes.add(to: router) }
        return router
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully: ServiceLifecycle stops
    /// accepting connections, lets requests in flight finish, and returns, so that the caller
    /// closes the store after the last use case ended. `/healthz` answers 200 once listening.
    public static func run(sablier: Sablier, authority: any SessionAuthority, configuration: ServerConfiguration,
                           pages: [any RouteSet] = [], logger: Logger) async throws {
        let readiness = Readiness(ready: false)
        let router = try router(sablier: sablier, authority: authority, configuration: configuration, readiness: readiness,
                                pages: pages)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                readiness.markReady()
                logger.info("listening", metadata: ["address": "\(channel.localAddress?.description ?? configuration.host)"])
            },
            logger: logger)
        let services = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [.sigterm, .sigint],
                                                         logger: logger))
        try await services.run()
        try? FileManager.default.removeItem(at: configuration.uploadDirectory)
        logger.info("stopped")
    }
}

/// Routes the server serves beside its API, added to its router after the API's.
public protocol RouteSet: Sendable {
    func add(to router: Router<APIRequestContext>)
}

/// `GET /healthz`.
struct Health: Encodable, Sendable { var status: String }

/// Whether the server listens yet: `/healthz` answers 200 only once it does.
public final class Readiness: Sendable {
    private let ready: Mutex<Bool>
    public init(ready: Bool) { self.ready = Mutex(ready) }
    public var isReady: Bool { ready.withLock { $0 } }
    public func markReady() { ready.withLock { $0 = true } }
}
