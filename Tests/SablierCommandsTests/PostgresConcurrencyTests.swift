import Foundation
import SablierTestSupport
import Synchronization
import Testing

/// The issue's concurrency test: four `sablier` processes at once on one PostgreSQL database, as
/// the nightly job, two servers and CLI users would be. Two register documents (a CSV import per
/// run, and `document add` one at a time), one proposes disposition lists again and again, and
/// one scans the register for personal information. Afterwards nothing is lost or doubled: every
/// document is registered once, the lists are numbered 1…n without a gap, no document is in two
/// lists, each file was scanned once (the scanner is a worker of the register's shared scan, so
/// its claims go through PostgreSQL beside the writers), the audit trail has exactly one entry for each thing the
/// commands said they did, and `audit verify` finds the chain intact.
///
/// Every loop is bounded by a count and by `deadline`; every day given is fixed (`--as-of`, the
/// documents' dates), so nothing depends on today.
@Suite("Four sablier processes at once on one PostgreSQL database", .serialized,
       .enabled(if: PostgresCommandFixture.adminURL != nil, PostgresCommandFixture.noServer))
struct PostgresConcurrencyTests {
    /// CSV files imported one after the other by the first process, and rows in each.
    static let imports = 4, rowsPerImport = 15
    /// Documents the second process registers one `document add` at a time.
    static let adds = 20
    /// At most this many proposals and scans, however fast the registering goes.
    static let maxProposals = 15, maxScans = 6
    /// No loop runs past this, whatever happens (a run takes about half a minute on two cores).
    static let deadline = Duration.seconds(240)
    /// The day every proposal is drawn for: all the documents registered here are due then.
    static let asOf = "2031-01-01"

    /// What the four processes reported, gathered from their threads.
    final class Reports: Sendable {
        /// Registering processes still running; the proposer and the scanner stop after them.
        let registering = Atomic<Int>(2)
        let state = Mutex(State())

        struct State {
            var imported = 0, added = 0
            var proposed: [Int] = []
            var nothingDue = 0
            var scanned: [String] = []
            var scanRuns = 0
            var failures: [String] = []
            var timedOut = false
        }

        func update(_ change: (inout State) -> Void) { state.withLock { change(&$0) } }
    }

    @Test("registering, proposing and scanning at once: counts, list numbers and the audit chain hold")
    func fourProcesses() async throws {
        let directory = try TemporaryDirectory(prefix: "sablier-pg-concurrency")
        defer { directory.remove() }
        try await PostgresCommandFixture.withDatabase("concurrency") { url in
            let store = CommandStore(storeArguments: ["--db", url, "--audit-key", directory.file("audit-key").path], folder: directory.url)
            let expected = try await PostgresCommandFixture.onThread { try Self.prepare(store, in: directory) }
            let before = try await PostgresCommandFixture.onThread { try store.auditEntries().count }
            let reports = Reports()
            let clock = ContinuousClock(), end = clock.now + Self.deadline
            async let importer: Void = PostgresCommandFixture.onThread { try Self.importer(store, directory, reports, until: end) }
            async let adder: Void = PostgresCommandFixture.onThread { try Self.adder(store, reports, until: end) }
            async let proposer: Void = PostgresCommandFixture.onThread { try Self.proposer(store, reports, until: end) }
            async let scanner: Void = PostgresCommandFixture.onThread { try Self.scanner(store, reports, until: end) }
            _ = try await (importer, adder, proposer, scanner)
            let report = reports.state.withLock { $0 }
            try await PostgresCommandFixture.onThread {
                try Self.check(store, report, expected: expected, auditEntriesBefore: before)
            }
        }
    }

    /// The store before the race: its users, the example calendar, the folder of files the
    /// register may read, and the CSV files (one file per digital document, each a different
    /// content so that each is scanned for itself). Returns every reference to be registered.
    static func prepare(_ store: CommandStore, in directory: TemporaryDirectory) throws -> Set<String> {
        try store.initialise(users: ["gestion.doc", "archiviste"])
        try store.succeed(["calendar", "import", Fixtures.exampleNative.path])
        let files = directory.file("fichiers")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try store.succeed(["roots", "add", files.path])
        var references: Set<String> = []
        for run in 1...imports {
            var csv = "reference,title,rule,copy,support,holder,opened,closed,path\n"
            for row in 1...rowsPerImport {
                let reference = "IMP-\(run)-\(row)"
                let file = files.appendingPathComponent("\(reference).txt")
                try Data("Procès-verbal \(reference) : séance \(run), point \(row), résolution adoptée.\n".utf8).write(to: file)
                // Rule 1101 (the board's minutes, deposited): closed in 2010, due long before
                // `asOf`, and no review of personal information holds it back from a list.
                csv += "\(reference),Procès-verbal \(reference),1101,principal,DM,Secrétariat général,2009-07-01,2010-06-30,\(file.path)\n"
                references.insert(reference)
            }
            try Data(csv.utf8).write(to: directory.file("import-\(run).csv"))
        }
        for index in 1...adds { references.insert("ADD-\(index)") }
        return references
    }

    /// The first process: each CSV file imported by one run, all or nothing.
    static func importer(_ store: CommandStore, _ directory: TemporaryDirectory, _ reports: Reports, until end: ContinuousClock.Instant) throws {
        defer { reports.registering.subtract(1, ordering: .sequentiallyConsistent) }
        for run in 1...imports {
            guard ContinuousClock().now < end else { return reports.update { $0.timedOut = true } }
            let result = try store.run(["document", "import", directory.file("import-\(run).csv").path])
            let count = result.stdout.firstMatch(of: /: (\d+) documents registered/).flatMap { Int($0.1) }
            guard result.status == 0, let count else {
                return reports.update { $0.failures.append("import \(run): \(result.status) \(result.stderr)") }
            }
            reports.update { $0.imported += count }
        }
    }

    /// The second process: paper minutes registered one `document add` at a time.
    static func adder(_ store: CommandStore, _ reports: Reports, until end: ContinuousClock.Instant) throws {
        defer { reports.registering.subtract(1, ordering: .sequentiallyConsistent) }
        for index in 1...adds {
            guard ContinuousClock().now < end else { return reports.update { $0.timedOut = true } }
            let result = try store.run([
                "document", "add", "--reference", "ADD-\(index)", "--title", "Procès-verbal \(index)", "--rule", "1101",
                "--support", "PA", "--holder", "Secrétariat général", "--opened", "1999-07-01", "--closed", "2000-06-30",
                "--location", "Centre administratif / Local 012",
            ])
            guard result.status == 0, result.stdout.hasPrefix("ADD-\(index): registered") else {
                return reports.update { $0.failures.append("add \(index): \(result.status) \(result.stderr)") }
            }
            reports.update { $0.added += 1 }
        }
    }

    /// The third process: a list proposed for `asOf` again and again while documents arrive,
    /// a little apart so that new ones have come, and once more after the last registration;
    /// a proposal finding nothing new is refused (and audited as refused).
    static func proposer(_ store: CommandStore, _ reports: Reports, until end: ContinuousClock.Instant) throws {
        try repeatWhileRegistering(reports, atMost: maxProposals, until: end, pause: .milliseconds(200)) {
            let result = try store.run(["disposition", "propose", "--as-of", asOf, "--as", "archiviste"])
            if result.status == 0, let number = result.stdout.firstMatch(of: /^disposition list (\d+) proposed/).flatMap({ Int($0.1) }) {
                reports.update { $0.proposed.append(number) }
            } else if result.status == 75, result.stderr.contains("nothing is due on \(asOf)") {
                reports.update { $0.nothingDue += 1 }
            } else {
                reports.update { $0.failures.append("propose: \(result.status) \(result.stdout) \(result.stderr)") }
            }
        }
    }

    /// The fourth process: a worker of the register's shared scan (`--worker`, claiming a few
    /// documents at a time) started again and again while documents arrive, and once more after
    /// the last registration; a file already scanned is `unchanged`, so each is `scanned` once.
    /// Alone, each worker starts a run of the scan and finishes it.
    static func scanner(_ store: CommandStore, _ reports: Reports, until end: ContinuousClock.Instant) throws {
        try repeatWhileRegistering(reports, atMost: maxScans, until: end, pause: .zero) {
            let result = try store.run(["privacy", "scan", "--all", "--worker", "--batch", "7", "--format", "json"])
            guard result.status == 0,
                  let entries = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] else {
                return reports.update { $0.failures.append("scan: \(result.status) \(result.stderr)") }
            }
            let scanned = entries.filter { $0["status"] as? String == "scanned" }.compactMap { $0["reference"] as? String }
            reports.update {
                $0.scanned += scanned
                $0.scanRuns += 1
            }
        }
    }

    /// Runs `body` while the registering processes run (at most `most - 1` times, `pause`
    /// apart), then waits for them to finish and runs it once more, so that its last run sees
    /// every document; nothing waits past `end`.
    static func repeatWhileRegistering(_ reports: Reports, atMost most: Int, until end: ContinuousClock.Instant, pause: Duration,
                                       _ body: () throws -> Void) throws {
        let clock = ContinuousClock()
        var runs = 0
        while runs < most - 1, reports.registering.load(ordering: .sequentiallyConsistent) > 0, clock.now < end {
            try body()
            runs += 1
            Thread.sleep(forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18)
        }
        while reports.registering.load(ordering: .sequentiallyConsistent) > 0 {
            guard clock.now < end else { return reports.update { $0.timedOut = true } }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try body()
    }

    /// What the store holds after the race, against what the processes reported.
    static func check(_ store: CommandStore, _ report: Reports.State, expected: Set<String>, auditEntriesBefore: Int) throws {
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(!report.timedOut, "a loop reached the deadline of \(deadline)")
        #expect(report.imported == imports * rowsPerImport)
        #expect(report.added == adds)

        // Every document registered exactly once.
        let listed = try store.succeed(["document", "list", "--format", "json"])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let references = documents.compactMap { $0["reference"] as? String }
        #expect(references.count == expected.count)
        #expect(Set(references) == expected)

        // Lists numbered 1…n, the numbers the proposals printed, no document in two lists.
        // Two lists at least: proposals were made while documents were still coming.
        #expect(report.proposed.count >= 2, "the proposals did not overlap the registrations")
        #expect(report.proposed.sorted() == Array(1...max(report.proposed.count, 1)))
        let lists = try store.succeed(["disposition", "list", "--format", "json"])
        let numbers = try #require(try JSONSerialization.jsonObject(with: Data(lists.stdout.utf8)) as? [[String: Any]])
            .compactMap { $0["number"] as? Int }
        #expect(numbers.sorted() == report.proposed.sorted())
        var inLists: [String] = []
        for number in numbers {
            let shown = try store.succeed(["disposition", "show", String(number), "--format", "json"])
            let list = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(!items.isEmpty, "list \(number) is empty")
            inLists += items.compactMap { $0["reference"] as? String }
        }
        #expect(inLists.count == Set(inLists).count, "a document is in two lists: \(inLists.sorted())")
        // The last proposal came after the last registration: every document here is in a list.
        #expect(Set(inLists) == expected)

        // Each file scanned once; the last scan started after the last registration, so none is missed.
        #expect(report.scanned.count == Set(report.scanned).count, "a file was scanned twice: \(report.scanned.sorted())")
        #expect(Set(report.scanned) == Set(expected.filter { $0.hasPrefix("IMP-") }))

        // One audit entry for each thing a command said it did, and nothing else.
        let entries = try store.auditEntries()
        let new = entries.dropFirst(auditEntriesBefore)
        func count(_ action: String) -> Int { new.count { $0["action"] as? String == action } }
        #expect(count("document.register") == expected.count)
        #expect(count("disposition.propose") == report.proposed.count)
        #expect(count("refused") == report.nothingDue)
        #expect(count("privacy.scan") == report.scanned.count)
        #expect(count("privacy.scan-run.start") == report.scanRuns)
        #expect(count("privacy.scan-run.finish") == report.scanRuns)
        #expect(new.count == expected.count + report.proposed.count + report.nothingDue + report.scanned.count + 2 * report.scanRuns,
                "\(Dictionary(grouping: new.compactMap { $0["action"] as? String }, by: { $0 }).mapValues(\.count))")
        let sequences = entries.compactMap { $0["sequence"] as? Int }
        #expect(sequences == Array(1...entries.count))

        let verified = try store.succeed(["audit", "verify", "--as", "admin"])
        #expect(verified.stdout.contains("audit trail intact: \(entries.count) entries"))
    }
}
