import Foundation
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

/// A version handed over as `CalendarImporter` hands it: some rules early, then the version.
final class SampleStream: CalendarVersionStream {
    let sourceFile: String
    let sourceBytes: [UInt8]
    let sourceSHA256: String
    let rules: AsyncStream<[Rule]>
    private let finished: Result<NewCalendarVersion, any Error>

    init(early: [Rule], batchSize: Int = 256, finished: Result<NewCalendarVersion, any Error>, source: NewCalendarVersion) {
        sourceFile = source.sourceFile
        sourceBytes = source.sourceBytes
        sourceSHA256 = source.sourceSHA256
        let batches = stride(from: 0, to: early.count, by: batchSize).map { Array(early[$0..<min($0 + batchSize, early.count)]) }
        rules = AsyncStream { continuation in
            for batch in batches { continuation.yield(batch) }
            continuation.finish()
        }
        self.finished = finished
    }

    convenience init(early: [Rule], batchSize: Int = 256, version: NewCalendarVersion) {
        self.init(early: early, batchSize: batchSize, finished: .success(version), source: version)
    }

    func finish() async throws -> NewCalendarVersion { try finished.get() }
}

struct FileRefused: Error, Equatable {}

/// What a backend must do with a version streamed while its file is read: store exactly
/// `finish()`'s version, whatever rules came early, or nothing when `finish()` throws.
@Suite("CalendarStore contract, streamed versions")
struct CalendarStreamContractTests {
    /// The version stored, as every reader of the store sees it.
    static func stored(_ store: any CalendarStore, _ number: Int) async throws -> (RetentionCalendar?, CalendarVersionInfo?, [Diagnostic], [UInt8]?) {
        (try await store.calendar(version: number), try await store.calendarVersion(number),
         try await store.diagnostics(version: number), try await store.sourceBytes(version: number))
    }

    /// Stores `version` whole in one store and streamed in another, and compares them.
    func expectSameAsWhole(_ version: NewCalendarVersion, early: [Rule], batchSize: Int = 256, backend: Backend) async throws {
        try await withTemporaryDirectory { whole in
            try await withTemporaryDirectory { streamed in
                let wholeStore = try await backend.makeStore(in: whole, as: (any CalendarStore).self)
                let streamedStore = try await backend.makeStore(in: streamed, as: (any CalendarStore).self)
                let expected = try await wholeStore.addCalendarVersion(version)
                let info = try await streamedStore.addCalendarVersion(from: SampleStream(early: early, batchSize: batchSize, version: version))
                #expect(info == expected)
                let (calendar, storedInfo, diagnostics, bytes) = try await Self.stored(streamedStore, info.number)
                let (expectedCalendar, expectedInfo, expectedDiagnostics, expectedBytes) = try await Self.stored(wholeStore, expected.number)
                #expect(calendar == expectedCalendar && calendar == version.calendar)
                #expect(storedInfo == expectedInfo)
                #expect(diagnostics == expectedDiagnostics)
                #expect(bytes == expectedBytes)
                #expect(try await backend.rowCounts(in: streamed) == backend.rowCounts(in: whole))
            }
        }
    }

    @Test("rules handed over early, then the version: the same version as stored whole", arguments: Backend.allCases)
    func streamedAsWhole(backend: Backend) async throws {
        let calendar = Samples.large(700)
        let version = Samples.version(calendar, format: .gala, diagnostics: Samples.diagnostics)
        try await expectSameAsWhole(version, early: calendar.rules, backend: backend)
        // Some rules early, the rest only in the version.
        try await expectSameAsWhole(version, early: Array(calendar.rules.prefix(300)), batchSize: 100, backend: backend)
        // None early.
        try await expectSameAsWhole(version, early: [], backend: backend)
    }

    @Test("early rules the version does not start with are undone: a mended rule, another order, a repeated number",
          arguments: Backend.allCases)
    func earlyRulesUndone(backend: Backend) async throws {
        let calendar = Samples.large(600)
        let version = Samples.version(calendar, format: .gala)
        var mended = calendar.rules
        mended[420].principal.semiActiveRemark = nil
        try await expectSameAsWhole(version, early: mended, backend: backend)
        try await expectSameAsWhole(version, early: calendar.rules.reversed(), backend: backend)
        let repeated = Array(calendar.rules.prefix(10)) + [calendar.rules[3]] + calendar.rules.dropFirst(10)
        try await expectSameAsWhole(version, early: repeated, batchSize: 7, backend: backend)
    }

    @Test("a file refused after its rules were written early leaves the store unchanged, and its error comes back as it is",
          arguments: Backend.allCases)
    func refusedAfterEarlyRules(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            let first = try await store.addCalendarVersion(Samples.version(Samples.rich))
            let countsBefore = try await backend.rowCounts(in: directory)
            let calendar = Samples.large(500)
            let stream = SampleStream(early: calendar.rules, finished: .failure(FileRefused()), source: Samples.version(calendar))
            await #expect(throws: FileRefused.self) { try await store.addCalendarVersion(from: stream) }
            #expect(try await backend.rowCounts(in: directory) == countsBefore)
            #expect(try await store.latestCalendarVersion() == first)
        }
    }

    @Test("a version finished for other bytes than those streamed is refused", arguments: Backend.allCases)
    func otherBytesRefused(backend: Backend) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await backend.makeStore(in: directory, as: (any CalendarStore).self)
            let streamed = Samples.version(Samples.rich, bytes: Array("one".utf8))
            let other = Samples.version(Samples.rich, bytes: Array("other".utf8))
            let stream = SampleStream(early: Samples.rich.rules, finished: .success(other), source: streamed)
            await #expect(throws: StoreError.self) { try await store.addCalendarVersion(from: stream) }
            #expect(try await store.calendarVersions().isEmpty)
        }
    }
}
