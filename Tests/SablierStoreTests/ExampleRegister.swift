import Foundation
import SablierCore
import SablierImport
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// The installation most contract suites start from, made the same way on every backend: the
/// example calendar imported through the real importer, the boxes B-2023-RF-01 and
/// B-2014-RF-01, and the twelve documents of `examples/registre-exemple.csv` registered from a
/// COPY of `examples/` in the test's directory (so a test that deletes files deletes copies,
/// never the repository's), which the register may read on either backend.
enum ExampleRegister {
    /// Noon UTC, so the civil day is 2026-11-29 wherever the tests run.
    static let now = ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!
    /// The two boxes the example register's paper documents are in.
    static let boxes = [Box(code: "B-2023-RF-01"), Box(code: "B-2014-RF-01")]

    /// Runs `body` with a store of `backend` holding the example register, and the directory
    /// where its files are (`directory.file("examples")`). `prepare` may change the copied
    /// files (given the copy of `examples/`) before they are registered, and so measured.
    static func with<T>(
        _ backend: Backend, boxes: [Box] = boxes, at now: Date = now,
        beforeRegistering prepare: (URL) throws -> Void = { _ in },
        _ body: (any SablierStorage, TemporaryDirectory) async throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory)
            try await fill(store, in: directory, boxes: boxes, at: now, beforeRegistering: prepare)
            return try await body(store, directory)
        }
    }

    /// Fills `store` with the example register, its files copied (again) into
    /// `directory.file("examples")`. A store with no folder of its own (PostgreSQL's) reads
    /// files only in the folders configured, as an installation on PostgreSQL configures them:
    /// `directory` is made one, and on every store when `configuringRoot`, so that two
    /// backends write the same entries.
    static func fill(
        _ store: any SablierStorage, in directory: TemporaryDirectory, boxes: [Box] = boxes, at now: Date = now,
        configuringRoot: Bool = false, beforeRegistering prepare: (URL) throws -> Void = { _ in }
    ) async throws {
        try await importCalendar(into: store, at: now)
        for box in boxes {
            try await store.addBox(box, by: "gestion.doc", at: now)
        }
        let examples = directory.file("examples")
        try? FileManager.default.removeItem(at: examples)
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("examples"), to: examples)
        try prepare(examples)
        if configuringRoot || store.storeFolder == nil {
            try await store.addFileRoot(FileRoot(path: directory.url.resolvingSymlinksInPath().path, addedAt: now, addedBy: "gestion.doc"))
        }
        let outcome = try await DocumentRegistrar(store: store).importCSV(
            path: examples.appendingPathComponent("registre-exemple.csv").path, skipInvalid: false, actor: "gestion.doc", now: now)
        #expect(outcome.registered == 12)
    }

    /// Imports the example calendar (version 1; school year ending 06-30) into `store`.
    static func importCalendar(into store: any CalendarStore, at now: Date = now) async throws {
        _ = try await CalendarImporter(store: store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: now)
    }
}
