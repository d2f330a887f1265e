import Foundation

/// A bounded hand-off from an async task to GRDB's writer thread, whose write closure is
/// synchronous: how an `AsyncSequence` the caller hands the store (register batches, calendar
/// rules) reaches the one SQLite transaction that writes it.
///
/// The task puts items and, when the writer is `capacity` items behind, awaits room without
/// holding a thread. The writer takes them, waiting on a condition when none is there: that
/// wait blocks GRDB's own writer thread (a thread of its serial dispatch queue, which SQLite's
/// one writer keeps anyway), never a thread of Swift's cooperative pool nor an event loop.
/// Bounded, so a large import never holds more than a few batches ahead of the writer.
final class WriterHandOff<Item: Sendable>: @unchecked Sendable { // every stored var is guarded by `condition`
    /// The writer is gone (it finished or failed): nothing more is taken.
    struct Closed: Error {}

    private let capacity: Int
    private let condition = NSCondition()
    private var items: [Item] = []
    /// Items waiting for room, with their putters.
    private var waiting: [(item: Item, putter: CheckedContinuation<Void, any Error>)] = []
    private var closed = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Hands `item` to the writer, awaiting room; throws `Closed` once the writer is gone.
    func put(_ item: Item) async throws {
        if try admit(item) { return }
        try await withCheckedThrowingContinuation { (putter: CheckedContinuation<Void, any Error>) in
            do {
                if try admit(item, else: putter) { putter.resume() }
            } catch {
                putter.resume(throwing: error)
            }
        }
    }

    /// Queues `item` if there is room and returns true; otherwise queues it with `putter`, to
    /// be admitted when the writer takes one, and returns false (also without `putter`, then
    /// queuing nothing). Throws `Closed` once the writer is gone.
    private func admit(_ item: Item, else putter: CheckedContinuation<Void, any Error>? = nil) throws -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if closed { throw Closed() }
        if items.count < capacity && waiting.isEmpty {
            items.append(item)
            condition.signal()
            return true
        }
        if let putter { waiting.append((item, putter)) }
        return false
    }

    /// Hands `item` to the writer now, even past `capacity`: for a small item the putter then
    /// waits on (a question the writer answers), never for a batch. Throws `Closed` once the
    /// writer is gone.
    func putNow(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        if closed { throw Closed() }
        items.append(item)
        condition.signal()
    }

    /// The next item, waiting for it on the calling thread: the writer's (see above).
    func take() -> Item {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        var admitted: CheckedContinuation<Void, any Error>?
        if !waiting.isEmpty {
            let next = waiting.removeFirst()
            items.append(next.item)
            admitted = next.putter
        }
        condition.unlock()
        admitted?.resume()
        return item
    }

    /// The writer is gone: every later `put` throws `Closed`, and so does every one waiting.
    /// Returns the items never taken, for their owner to answer (a lookup awaiting its answer).
    func close() -> [Item] {
        condition.lock()
        closed = true
        let left = items + waiting.map(\.item)
        let putters = waiting.map(\.putter)
        items = []
        waiting = []
        condition.unlock()
        for putter in putters { putter.resume(throwing: Closed()) }
        return left
    }
}
