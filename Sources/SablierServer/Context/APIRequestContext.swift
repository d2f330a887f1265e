public import Hummingbird

import NIOCore
public import SablierApplication
import SablierCore

/// Who made a request, as the authentication middleware found it.
public struct Identity: Sendable {
    /// How the request proved it.
    public enum Credential: Sendable {
        /// `Authorization: Bearer …`: a script; no CSRF token needed, since no browser sends it by itself.
        case token
        /// The `sablier_session` cookie: a browser; state changes must echo the CSRF token.
        case cookie(secret: String, csrfToken: String, mustChangePassword: Bool)
    }

    public var session: Session
    public var credential: Credential

    public init(session: Session, credential: Credential) {
        self.session = session
        self.credential = credential
    }
}

/// The context of every request: Hummingbird's core storage, who acts, and where from.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` on every authenticated route; nil elsewhere.
    public var identity: Identity?
    /// The peer's address, for the audit of sign-in attempts (the proxy's, unless trusted).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies are small forms; uploads are streamed to disk under their own limit.
    public var maxUploadSize: Int { 1 << 20 }

    /// Sorted keys, ISO 8601 dates, and `<`, `>`, `&` escaped: the CLI's `--format json`, safe
    /// to embed anywhere.
    public var responseEncoder: APIJSONEncoder { APIJSONEncoder() }

    /// The session of the person acting. Only reached on routes behind the authentication
    /// middleware, which sets it or refuses the request; a route outside it asking is a bug.
    public var session: Session {
        get throws {
            guard let identity else { throw APIError(.init(.sessionEnded)) }
            return identity.session
        }
    }
}
