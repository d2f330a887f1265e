import Foundation
import HummingbirdBcrypt
import SablierStore

/// The secrets Sablier hands out (session cookies, API tokens) and how it keeps them: random,
/// shown once, stored as their SHA-256; and passwords, stored as bcrypt hashes.
enum Secrets {
    /// 32 random bytes from the system's generator, as URL-safe base64 without padding.
    static func random(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    /// What is stored of a secret: its SHA-256, as hex.
    static func hash(_ secret: String) -> String {
        SourceDigest.sha256Hex(Array(secret.utf8))
    }

    /// A session's CSRF token: derived from its secret, so it need not be stored, and
    /// useless without the secret, which the browser alone holds (HttpOnly).
    static func csrfToken(forSession secret: String) -> String {
        hash("csrf:" + secret)
    }

    /// bcrypt off Swift's cooperative threads: a quarter of a second of computing per call
    /// would otherwise hold one of the few threads every request shares, and a burst of
    /// sign-ins would stall the whole server.
    private static let bcryptQueue = DispatchQueue(label: "sablier.bcrypt", qos: .userInitiated, attributes: .concurrent)

    static func hashPasswordOffThePool(_ password: String, cost: UInt8) async -> String {
        await withCheckedContinuation { continuation in
            bcryptQueue.async { continuation.resume(returning: Bcrypt.hash(password, cost: cost)) }
        }
    }

    static func verifyPasswordOffThePool(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            bcryptQueue.async { continuation.resume(returning: Bcrypt.verify(password, hash: hash)) }
        }
    }

    /// The longest name and password a sign-in reads: anything longer is refused before any
    /// work, and never written to the audit trail whole.
    static let maximumNameLength = 256
    static let maximumPasswordBytes = 1024

    /// A hash to verify against when the user has no password, so that a wrong name takes as
    /// long as a wrong password and timing tells nobody which names exist.
    static let decoyHash = Bcrypt.hash("sablier-decoy-password", cost: 12)
}
