import Foundation
import Synchronization
import Hummingbird
import HTTPTypes
import SablierApplication
import SablierCore
import SablierCSV

/// `GET /api/v1/due` and `GET /api/v1/waiting`.
extension APIRoutes {
    /// The CSV columns: the command line's `sablier due --format csv`.
    static let dueColumns = ["reference", "title", "rule", "copy", "support", "holder", "action", "due", "held"]

    func addDue(to api: RouterGroup<APIRequestContext>) {
        // JSON: without `limit`/`offset`, the array of entries exactly as `sablier due --format
        // json` prints it (the nightly job compares them); with either, a `Page`. CSV (`Accept:
        // text/csv` or `format=csv`): every row, streamed as the store reads the index.
        api.get("due") { request, context -> Response in
            let session = try context.session
            let asOf = try request.queryDate("asOf")
            let action = try request.queryEnum("action", DueAction.self)
            if Self.wantsCSV(request) {
                return try await dueCSV(session, asOf: asOf, action: action)
            }
            if PageWindow.isRequested(request) {
                // Only the window is kept as the store reads the list; the rest is counted.
                let collector = PageCollector<DueEntry>(try PageWindow(request))
                let summary = try await sablier.dueList(session, asOf: asOf, action: action) { collector.add($0) }
                return try json(Page(items: collector.items, total: collector.seen, collector.window, withheld: summary.withheld))
            }
            let list = try await sablier.dueList(session, asOf: asOf, action: action)
            var response = try json(list.entries)
            response.headers[.xWithheld] = String(list.summary.withheld)
            return response
        }
        api.get("waiting") { _, context -> Response in
            try json(try await sablier.waiting(try context.session))
        }
    }

    static func wantsCSV(_ request: Request) -> Bool {
        if let format = request.query("format") { return format.lowercased() == "csv" }
        return request.headers[.accept]?.lowercased().contains("text/csv") ?? false
    }

    /// The due list as CSV, written as the store hands the rows over: the use case's refusal
    /// (permission, a bad date) comes before the first byte, and no list is ever built whole as
    /// values. The rows go out in 64 KB chunks; the store's read is never made to wait for a
    /// slow client (it would hold the store for every other request), so with a client slower
    /// than the index scan the chunks wait in the stream, as text (about 100 bytes a row).
    func dueCSV(_ session: Session, asOf: CivilDate?, action: DueAction?) async throws -> Response {
        let (stream, continuation) = AsyncThrowingStream<ByteBuffer, any Error>.makeStream()
        let gate = StartGate()
        let sablier = self.sablier
        Task {
            let batch = CSVBatch(continuation)
            batch.line(Self.dueColumns)
            do {
                // The first row (or the end of an empty list) says the use case accepted the request.
                _ = try await sablier.dueList(session, asOf: asOf, action: action) { entry in
                    gate.open(nil)
                    batch.line([entry.reference, entry.title, entry.rule, entry.copy, entry.support, entry.holder,
                                entry.action, entry.due, entry.held ? "yes" : "no"])
                }
                gate.open(nil)
                batch.finish()
            } catch {
                let refusal = (error as? Refusal) ?? Refusal(.storeFailure, ["detail": "due list"])
                gate.open(refusal)
                // After the first row the status is sent: the body ends in error, so the
                // connection closes without the chunked terminator and the client (curl --fail
                // included) sees a failed transfer, never a short list that looks complete.
                continuation.finish(throwing: refusal)
            }
        }
        if let refusal = await gate.wait() { throw refusal }
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                        body: ResponseBody(asyncSequence: stream))
    }
}

/// Opened once, by the first row or by the refusal: the route waits for it before answering,
/// so that a refusal is still an error status rather than a truncated 200.
private final class StartGate: Sendable {
    private let state = Mutex<(opened: Bool, refusal: Refusal?, waiter: CheckedContinuation<Refusal?, Never>?)>((false, nil, nil))

    func open(_ refusal: Refusal?) {
        let waiter = state.withLock { state -> CheckedContinuation<Refusal?, Never>? in
            guard !state.opened else { return nil }
            state.opened = true
            state.refusal = refusal
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: refusal)
    }

    func wait() async -> Refusal? {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state -> (Bool, Refusal?) in
                if state.opened { return (true, state.refusal) }
                state.waiter = continuation
                return (false, nil)
            }
            if done.0 { continuation.resume(returning: done.1) }
        }
    }
}

/// CSV lines gathered into buffers of about 64 KB before they are handed to the response;
/// quoting is SablierCSV's (`CSVFormat.standard`, as the command line writes it).
private final class CSVBatch: @unchecked Sendable { // written by the one read that produces the rows, in order
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    private var writer = CSVWriter(format: .standard)

    init(_ continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation) { self.continuation = continuation }

    func line(_ cells: [String]) {
        writer.row(cells)
        if writer.bytes.count >= 65_536 { flush() }
    }

    func finish() {
        flush()
        continuation.finish()
    }

    private func flush() {
        guard !writer.bytes.isEmpty else { return }
        continuation.yield(ByteBuffer(bytes: writer.take()))
    }
}

extension HTTPField.Name {
    /// On the due list's bare array: how many due documents were left out for this reader.
    static let xWithheld = Self("X-Withheld")!
}
