import Dispatch

/// Runs the audit head file's blocking work (`flock` on the key, `fsync`) on a thread of its
/// own, never on the cooperative pool.
///
/// `AuditHeadFile.advanceOrFail` waits on another process's `flock` for as long as that
/// process holds it; on a cooperative thread that wait would starve every task of the
/// process (the pool has one thread per core). The SQLite store needs none of this: it calls
/// the head file on GRDB's writer thread, which is its own.
enum HeadFileWork {
    /// Serial: writes in this process already take turns (the store's advisory lock), so one
    /// thread is enough, and the head file never sees two of this process's writers at once.
    private static let queue = DispatchQueue(label: "sablier.audit-head-file")

    /// `work`, run on the head file's queue; its result or error handed back unchanged.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// `work`, which cannot fail, run on the head file's queue.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
