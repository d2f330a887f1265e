import Foundation

/// The sender Sablier's mail has when none is configured: `sablier@` the host's full name,
/// as `gethostname` gives it or, when that has no domain, as the resolver completes it. The
/// command line and the server guess it alike; each says what it does when the guess is no
/// address (a host without a domain name).
public enum HostSender {
    public static func guess() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let short = gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let host = short.contains(".") ? short : ProcessInfo.processInfo.hostName
        return "sablier@" + (host.isEmpty ? "localhost" : host)
    }
}
