public import Foundation
public import SablierCore

/// How passwords are hashed, how sign-in failures slow down, and how long sessions last.
public struct SecuritySettings: Sendable, Hashable {
    /// bcrypt's cost (2^cost rounds): 12 takes about a quarter of a second here, which a person
    /// signing in does not notice and a program guessing offline pays on every guess. Tests
    /// lower it.
    public var bcryptCost: UInt8
    public var signIn: SignInPolicy
    /// A session unused for this long ends.
    public var idleTimeout: TimeInterval
    /// A session this old ends, used or not.
    public var absoluteTimeout: TimeInterval

    public init(bcryptCost: UInt8 = 12, signIn: SignInPolicy = SignInPolicy(), idleTimeout: TimeInterval = 30 * 60,
                absoluteTimeout: TimeInterval = 12 * 3600) {
        self.bcryptCost = bcryptCost
        self.signIn = signIn
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }
}
