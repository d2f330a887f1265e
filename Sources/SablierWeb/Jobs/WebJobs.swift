import Foundation
import SablierApplication
import SablierCore
import Synchronization

/// Long work started from a page (a calendar or register import, a privacy scan of the
/// register, the execution of a list), run in the background while its page shows progress.
///
/// The browser is sent to `/travaux/ID`, which reloads itself every two seconds (no script
/// needed) and shows how far the work is, then the result's link or the refusal. Only the
/// person who started a job can see it; jobs are kept in memory for an hour after they end.
final class WebJobs: Sendable {
    enum State: Sendable {
        case running
        case done(resultPath: String, doneKey: String?)
        case refused(Refusal)
    }

    struct Job: Sendable {
        let id: String
        let owner: String
        /// The label key naming the work.
        let titleKey: String
        let started: Date
        var state: State
        var done: Int
        var total: Int
        var ended: Date?
    }

    private let jobs = Mutex<[String: Job]>([:])
    /// When a job ends, from the application's clock (never read deep inside).
    private let clock: WallClock

    init(clock: WallClock) {
        self.clock = clock
    }
    static let kept: TimeInterval = 3600

    /// Starts `work` for `owner`; it returns the path of the page that shows its result and the
    /// label key of what was done. `work` is told the job's progress through `report`.
    ///
    /// With `single`, a job of the same title the owner already runs is returned instead of a
    /// second one (a scan of the whole register started twice would read every file twice).
    func start(owner: String, titleKey: String, single: Bool = false, now: Date,
               _ work: @escaping @Sendable (_ report: @escaping @Sendable (Int, Int) -> Void) async throws(Refusal) -> (String, String?))
        -> String {
        let fresh = UUID().uuidString.lowercased()
        let id = jobs.withLock { jobs in
            jobs = jobs.filter { $0.value.ended.map { now.timeIntervalSince($0) < Self.kept } ?? true }
            if single, let running = jobs.values.first(where: { $0.owner == owner && $0.titleKey == titleKey && $0.ended == nil }) {
                return running.id
            }
            jobs[fresh] = Job(id: fresh, owner: owner, titleKey: titleKey, started: now, state: .running, done: 0, total: 0)
            return fresh
        }
        guard id == fresh else { return id }
        Task {
            let state: State
            do {
                let (path, key) = try await work { done, total in
                    self.jobs.withLock { $0[id]?.done = done; $0[id]?.total = total }
                }
                state = .done(resultPath: path, doneKey: key)
            } catch {
                state = .refused((error as Any) as? Refusal ?? Refusal(.storeFailure, ["detail": "job"]))
            }
            let ended = clock.now
            jobs.withLock { $0[id]?.state = state; $0[id]?.ended = ended }
        }
        return id
    }

    /// The job `id` if `owner` started it.
    func job(_ id: String, owner: String) -> Job? {
        jobs.withLock { jobs in jobs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }
}
