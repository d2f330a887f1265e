import ArgumentParser
import Foundation
import SablierApplication
import SablierCore
import SablierPrivacy
import SablierRegister

/// `sablier privacy scan`: reads documents' text and finds personal information in it.
struct PrivacyScan: UseCaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find personal information in the text of registered documents' files, or of any files.",
        discussion: """
            --document REF scans one registered document, --all every registered document with a file; their \
            findings are stored (masked) for the review queue. Incremental: a file whose SHA-256 was already \
            scanned by the same detectors and public identifiers is not read again (--force reads it anyway). \
            With PATH…, each file is scanned and one JSON object per line is printed: {"file", "flagged", \
            "findings": [{"type", "start", "end", "confidence"}]} (offsets in Unicode scalars of the extracted \
            text; "document" added when the file is a registered document's, whose scan is then stored; \
            "flagged": null and "error" for a file that could not be read). Formats: .txt .csv .html .xml .rtf \
            .docx .odt .pdf (pdftotext). A file that cannot be read is reported, never taken as free of \
            personal information; the exit status is then 1. With --all --worker, the process is one worker of \
            the register's shared scan: start as many as you like, on any machines sharing a PostgreSQL store; \
            each claims --batch documents at a time for --lease seconds, a dead worker's documents are taken \
            again once its claim expires, and none is scanned twice. It prints the documents it scanned.
            """
    )

    @Option(help: "One registered document, by reference.") var document: String?
    @Flag(help: "Every registered document that has a file.") var all = false
    @Flag(help: "Read files again even when their content was scanned before.") var force = false
    @Flag(help: "With --all: be one worker of the register's shared scan, with any number of others.") var worker = false
    @Option(help: "With --worker: documents claimed at a time.") var batch = 20
    @Option(help: "With --worker: seconds a claim holds before another worker may take it.") var lease = 600
    @Argument(help: "Files to scan (JSON lines on standard output).") var paths: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard [document != nil, all, !paths.isEmpty].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --document REF, --all or PATH…")
        }
        guard !worker || all else { throw ValidationError("--worker shares the scan of --all: give --all too") }
        guard batch > 0, lease > 0 else { throw ValidationError("--batch and --lease must be positive") }
    }

    func run(_ sablier: Sablier, _ session: Session) async throws {
        if !paths.isEmpty {
            try await scanPaths(sablier, session)
            return
        }
        let progress = ProgressReporter(label: "documents")
        let report = worker
            ? try await sablier.scanPrivacyAsWorker(session, worker: Self.workerName(), force: force, batch: batch, lease: TimeInterval(lease),
                                                    progress: progress.update)
            : try await sablier.scanPrivacy(session, document.map { .document($0) } ?? .all, force: force, progress: progress.update)
        progress.finish()
        let table = Table(columns: ["reference", "status", "flagged", "score", "summary"], rows: report.entries.map { entry in
            [entry.reference, entry.status, entry.flagged.map { $0 ? "yes" : "no" } ?? "", entry.score.map(String.init) ?? "",
             entry.problem ?? entry.summary ?? ""]
        })
        try Listing.print(output, table: table, json: report.entries)
        let count = report.entries.count
        let parts = [PrivacyScanning.DocumentOutcome.Status.scanned, .unchanged, .unreadable, .fileMissing, .noFile].compactMap { status in
            let n = report.count(status)
            return n > 0 ? "\(status.rawValue) \(n)" : nil
        }
        let withheld = report.withheld > 0 ? "; withheld \(report.withheld) (documents you may not see)" : ""
        if count == 0 {
            // A worker that claimed nothing is normal: the others hold, or have done, the rest.
            Console.error("privacy scan: no document "
                + (worker ? "left for this worker (the register's scan is done, or other workers hold what remains)" : "to scan") + withheld)
        } else {
            Console.error("privacy scan: \(count) document\(count == 1 ? "" : "s") — \(parts.joined(separator: ", ")); flagged by content \(report.flagged)"
                + withheld)
        }
        if report.problems > 0 {
            Console.error("\(report.problems) document\(report.problems == 1 ? "" : "s") could not be read: they are listed by `sablier privacy queue` for a person to look at")
            throw ExitCode(1)
        }
    }

    /// This worker's name in the store's claims: its machine and process, and a random part so
    /// that two runs of one process id (after a restart) are never taken for one another.
    static func workerName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    /// One JSON line per file, in the order given. The files outside the register are read
    /// here, at the edge that named them; registered documents' files are the use case's.
    private func scanPaths(_ sablier: Sablier, _ session: Session) async throws {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var progress = ProgressBar(total: paths.count, label: "files")
        let summary = try await sablier.scanPrivacyFiles(session, paths: absolute, force: force, read: { path, scanner in
            // The lines printed hold no excerpt nor reason: they are not written at all (on dense
            // text, most of a scan's work). A registered document's scan, stored, keeps both.
            var undescribed = scanner
            undescribed.describesFindings = false
            return PrivacyScanning.scanFile(path, scanner: undescribed)
        }, { index, line in
            var line = line
            line.file = paths[index]
            progress.update(index + 1)
            FileHandle.standardOutput.write(Self.data(line, encoder))
        })
        progress.finish()
        if summary.withheld > 0 {
            Console.error("\(summary.withheld) file\(summary.withheld == 1 ? "" : "s") of documents you may not see read as files outside the register (nothing stored)")
        }
        if summary.unreadable > 0 {
            Console.error("\(summary.unreadable) file\(summary.unreadable == 1 ? "" : "s") could not be read: not knowing is not \"no personal information\"")
            throw ExitCode(1)
        }
    }

    /// `0.0` to `1.0` by hundredths, as `Double`'s description writes them.
    static let hundredths: [String] = (0...100).map { "\(Double($0) / 100)" }

    /// The line, keys sorted: written by hand for the findings, which can be thousands per
    /// file (Foundation's encoder took a tenth of a scan); the strings go through the encoder.
    static func data(_ line: PrivacyFileLine, _ encoder: JSONEncoder) -> Data {
        // Bytes appended to one buffer by static helpers (no closure capturing it: that costs an
        // exclusivity check per call): on dense text a file has thousands of findings, and
        // building the line as a `String`, a `Double` formatted each time, took a sixth of the scan.
        var json: [UInt8] = []
        json.reserveCapacity(256 + line.findings.count * 64)
        func string(_ text: String) -> Data { (try? encoder.encode(text)) ?? Data("\"\"".utf8) }
        JSONBytes.put("{", &json)
        if let document = line.document {
            JSONBytes.put("\"document\":", &json)
            json.append(contentsOf: string(document))
            JSONBytes.put(",", &json)
        }
        if let error = line.error {
            JSONBytes.put("\"error\":{\"kind\":", &json)
            json.append(contentsOf: string(error.kind))
            JSONBytes.put(",\"message\":", &json)
            json.append(contentsOf: string(error.message))
            JSONBytes.put("},", &json)
        }
        JSONBytes.put("\"file\":", &json)
        json.append(contentsOf: string(line.file))
        JSONBytes.put(",\"findings\":[", &json)
        for index in line.findings.indices {
            if index > 0 { json.append(0x2C) }
            JSONBytes.put("{\"confidence\":", &json)
            JSONBytes.put(confidence: line.findings[index].confidence, &json)
            JSONBytes.put(",\"end\":", &json)
            JSONBytes.put(line.findings[index].end, &json)
            JSONBytes.put(",\"start\":", &json)
            JSONBytes.put(line.findings[index].start, &json)
            JSONBytes.put(",\"type\":\"", &json)
            json.append(contentsOf: line.findings[index].type.utf8)
            JSONBytes.put("\"}", &json)
        }
        // `null` when the file was not read: never `false`.
        JSONBytes.put("],\"flagged\":", &json)
        let flagged: StaticString = line.flagged.map { $0 ? "true" : "false" } ?? "null"
        JSONBytes.put(flagged, &json)
        JSONBytes.put("}\n", &json)
        return Data(json)
    }
}

/// Pieces of a JSON line appended as bytes.
private enum JSONBytes {
    static func put(_ text: StaticString, _ json: inout [UInt8]) {
        text.withUTF8Buffer { json.append(contentsOf: $0) }
    }

    /// A non-negative integer's digits (offsets are never negative).
    static func put(_ number: Int, _ json: inout [UInt8]) {
        guard number > 0 else { return json.append(contentsOf: number == 0 ? [0x30] : Array(String(number).utf8)) }
        // The highest power of ten first, then one digit per power.
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            json.append(0x30 + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A confidence as `Double`'s description writes it (`0.75`, `0.5`, `1.0`), from a table.
    static func put(confidence value: Double, _ json: inout [UInt8]) {
        let hundredths = (value * 100).rounded()
        guard hundredths >= 0, hundredths <= 100, hundredths / 100 == value else { return json.append(contentsOf: "\(value)".utf8) }
        json.append(contentsOf: PrivacyScan.hundredths[Int(hundredths)].utf8)
    }
}