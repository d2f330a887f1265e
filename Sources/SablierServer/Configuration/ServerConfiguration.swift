public import Foundation
public import Hummingbird

/// How `sablier serve` runs: where it listens, how large an upload may be, and when its
/// session cookie is marked `Secure`.
public struct ServerConfiguration: Sendable {
    /// The address to bind: loopback by default, since the server is meant to sit behind a
    /// TLS reverse proxy on the same machine.
    public var host: String
    public var port: Int
    /// The largest upload (a calendar file, a register CSV) accepted, in bytes; a larger one
    /// is refused with 413 before anything reaches the store.
    public var maxUploadBytes: Int
    /// Always mark the session cookie `Secure` (the server is reached over TLS only).
    public var secureCookies: Bool
    /// Believe `X-Forwarded-Proto` and `X-Forwarded-For` from the reverse proxy. Off by
    /// default: a client talking to the server directly could otherwise claim to use TLS or
    /// another address.
    public var trustProxy: Bool
    /// Where uploads are written while a use case reads them: a folder of the server's own,
    /// created readable by its owner only (0700).
    public var uploadDirectory: URL

    /// 50 MB, the same default as the calendar importer's own limit.
    public static let defaultMaxUploadBytes = 50 * 1024 * 1024

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = Self.defaultMaxUploadBytes,
                secureCookies: Bool = false, trustProxy: Bool = false, uploadDirectory: URL? = nil) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
        self.uploadDirectory = uploadDirectory
            // A name nobody can guess, so that no other account can make it first in a shared /tmp.
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("sablier-uploads-\(UUID().uuidString)", isDirectory: true)
    }
}

extension ServerConfiguration {
    /// Whether the client reached us over TLS: always with `--secure-cookies`, else as the
    /// trusted proxy says.
    public func isSecure(_ request: Request) -> Bool {
        if secureCookies { return true }
        guard trustProxy else { return false }
        return request.headers[.xForwardedProto]?.lowercased() == "https"
    }

    /// The client's address for the audit trail: the proxy's `X-Forwarded-For` (its last
    /// entry, the one the proxy added) when trusted, else the peer.
    public func clientAddress(_ request: Request, peer: String?) -> String? {
        if trustProxy, let forwarded = request.headers[.xForwardedFor] {
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
            if let last, !last.isEmpty { return last }
        }
        return peer
    }
}
