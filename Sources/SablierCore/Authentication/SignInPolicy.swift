public import Foundation

/// How repeated failures to sign in slow down, then lock, an account.
///
/// A person who mistypes twice is not slowed; a guessing program is: from the fifth failure in a
/// row each attempt waits twice as long as the one before (1 s, 2 s, 4 s … at most a minute),
/// and the tenth locks the account for fifteen minutes. A success resets the count. Failures
/// and locks are audited by whoever records them.
public struct SignInPolicy: Sendable, Hashable {
    /// Failures in a row after which each attempt waits.
    public var slowAfter: Int
    /// Failures in a row that lock the account.
    public var lockAfter: Int
    public var maximumWait: TimeInterval
    public var lockDuration: TimeInterval

    public init(slowAfter: Int = 5, lockAfter: Int = 10, maximumWait: TimeInterval = 60, lockDuration: TimeInterval = 15 * 60) {
        self.slowAfter = slowAfter
        self.lockAfter = lockAfter
        self.maximumWait = maximumWait
        self.lockDuration = lockDuration
    }

    /// Refuses an attempt made at `now` by an account with `failures` failures in a row, the
    /// last at `lastFailure`, locked until `lockedUntil`.
    public func checkAttempt(failures: Int, lastFailure: Date?, lockedUntil: Date?, now: Date) throws(Refusal) {
        if let lockedUntil, now < lockedUntil {
            throw Refusal(.accountLocked, ["until": lockedUntil.formatted(.iso8601)])
        }
        guard failures >= slowAfter, let lastFailure else { return }
        let wait = min(maximumWait, pow(2, Double(failures - slowAfter)))
        let allowedAt = lastFailure.addingTimeInterval(wait)
        if now < allowedAt {
            throw Refusal(.slowDown, ["seconds": String(Int(allowedAt.timeIntervalSince(now).rounded(.up)))])
        }
    }

    /// When a failure that brings the count to `failures` locks the account, until when.
    public func lock(afterFailures failures: Int, at now: Date) -> Date? {
        failures > 0 && failures % lockAfter == 0 ? now.addingTimeInterval(lockDuration) : nil
    }
}
