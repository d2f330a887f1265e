import ArgumentParser
import Foundation
import SablierCore
import SablierExtraction
import SablierPrivacy
import SablierRegister
import SablierStore

/// `sablier privacy scan`: reads documents' text and finds personal information in it.
struct PrivacyScan: GuardedCommand {
    static let permission = Permission.scanPrivacy

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
            personal information; the exit status is then 1.
            """
    )

    @Option(help: "One registered document, by reference.") var document: String?
    @Flag(help: "Every registered document that has a file.") var all = false
    @Flag(help: "Read files again even when their content was scanned before.") var force = false
    @Argument(help: "Files to scan (JSON lines on standard output).") var paths: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var output: OutputOptions

    func run(with access: Access) async throws {
        let modes = [document != nil, all, !paths.isEmpty].filter { $0 }.count
        guard modes == 1 else { throw CommandFailure.invalid("give exactly one of --document REF, --all or PATH…") }
        let privacy = try store.openPrivacy()
        let scanning = PrivacyScanning(store: privacy)
        let scanner = try await scanning.scanner()
        let fingerprint = PrivacyScanning.fingerprint(scanner)
        if !paths.isEmpty {
            try await scanPaths(scanning, scanner: scanner, fingerprint: fingerprint, by: access.user.name)
            return
        }
        var documents: [RegisteredDocument]
        if let document {
            guard let found = try await privacy.document(document) else { throw CommandFailure.noSuchDocument(document) }
            documents = [found]
        } else {
            documents = try await privacy.documents(matching: nil, limit: nil).filter { $0.document.file != nil && $0.phase != .inactifDetruit }
        }
        var outcomes: [PrivacyScanning.DocumentOutcome] = []
        var progress = ProgressBar(total: documents.count, label: "documents")
        let who = access.user.name
        for (index, item) in documents.enumerated() {
            outcomes.append(try await scanning.scanDocument(item, scanner: scanner, fingerprint: fingerprint, force: force, by: who, at: Date()))
            progress.update(index + 1)
        }
        progress.finish()
        try print(outcomes)
        var counts: [PrivacyScanning.DocumentOutcome.Status: Int] = [:]
        for outcome in outcomes { counts[outcome.status, default: 0] += 1 }
        let flagged = outcomes.filter { $0.scan?.flagged == true }.count
        let parts = [PrivacyScanning.DocumentOutcome.Status.scanned, .unchanged, .unreadable, .fileMissing, .noFile].compactMap { status in
            counts[status].map { "\(status.rawValue) \($0)" }
        }
        Console.error("privacy scan: \(outcomes.count) document\(outcomes.count == 1 ? "" : "s") — \(parts.joined(separator: ", ")); flagged by content \(flagged)")
        let problems = (counts[.unreadable] ?? 0) + (counts[.fileMissing] ?? 0)
        if problems > 0 {
            throw CommandFailure.rejected("\(problems) document\(problems == 1 ? "" : "s") could not be read: they are listed by `sablier privacy queue` for a person to look at")
        }
    }

    struct DocumentEntry: Encodable {
        var reference: String
        var file: String?
        var status: String
        var flagged: Bool?
        var score: Int?
        var summary: String?
        var problem: String?
        var findings: [PrivacyJSON.Finding]
    }

    private func print(_ outcomes: [PrivacyScanning.DocumentOutcome]) throws {
        let entries = outcomes.map { outcome in
            DocumentEntry(reference: outcome.reference, file: outcome.path, status: outcome.status.rawValue, flagged: outcome.scan?.flagged,
                          score: outcome.scan?.score, summary: outcome.scan?.summary, problem: outcome.problem ?? outcome.scan?.problem,
                          findings: (outcome.scan?.findings ?? []).map(PrivacyJSON.Finding.init))
        }
        let table = Table(columns: ["reference", "status", "flagged", "score", "summary"], rows: entries.map { entry in
            [entry.reference, entry.status, entry.flagged.map { $0 ? "yes" : "no" } ?? "", entry.score.map(String.init) ?? "",
             entry.problem ?? entry.summary ?? ""]
        })
        try Listing.print(output.format, table: table, json: entries)
    }

    /// One JSON line per file. A file registered as a document's is scanned as that document.
    private func scanPaths(_ scanning: PrivacyScanning, scanner: PrivacyScanner, fingerprint: String, by who: String) async throws {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let registered = try await scanning.store.documents(atPaths: absolute)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var unreadable = 0
        var progress = ProgressBar(total: paths.count, label: "files")
        for (index, path) in paths.enumerated() {
            let line: Line
            if let reference = registered[absolute[index]], let item = try await scanning.store.document(reference) {
                let outcome = try await scanning.scanDocument(item, scanner: scanner, fingerprint: fingerprint, force: force,
                                                              by: who, at: Date())
                line = Line(path, document: reference, outcome: outcome)
            } else {
                line = Line(path, scanning.scanFile(path, scanner: scanner))
            }
            if line.flagged == nil { unreadable += 1 }
            progress.update(index + 1)
            FileHandle.standardOutput.write(line.data(encoder))
        }
        progress.finish()
        if unreadable > 0 {
            throw CommandFailure.rejected("\(unreadable) file\(unreadable == 1 ? "" : "s") could not be read: not knowing is not \"no personal information\"")
        }
    }

    /// `{"file", "flagged", "findings": [{"type", "start", "end", "confidence"}]}`.
    struct Line {
        struct Found {
            var type: String
            var start: Int
            var end: Int
            var confidence: Double
        }

        struct Problem {
            var kind: String
            var message: String
        }

        var file: String
        var document: String?
        var flagged: Bool?
        var findings: [Found]
        var error: Problem?

        init(_ path: String, _ scan: PrivacyScanning.FileScan) {
            file = path
            flagged = scan.flagged
            findings = (scan.result?.findings ?? []).map { Found(type: $0.type.rawValue, start: $0.start, end: $0.end, confidence: Double($0.confidence) / 100) }
            error = scan.error.map { Problem(kind: $0.kind.rawValue, message: $0.description) }
        }

        init(_ path: String, document reference: String, outcome: PrivacyScanning.DocumentOutcome) {
            file = path
            document = reference
            flagged = outcome.scan?.flagged
            findings = (outcome.scan?.findings ?? []).map {
                Found(type: $0.type, start: $0.start, end: $0.end, confidence: Double($0.confidence) / 100)
            }
            if let scan = outcome.scan, scan.status != .read {
                error = Problem(kind: scan.status.rawValue, message: scan.problem ?? "")
            } else if let problem = outcome.problem {
                error = Problem(kind: "unreadable", message: problem)
            }
        }

        /// The line, keys sorted: written by hand for the findings, which can be thousands per
        /// file (Foundation's encoder took a tenth of a scan); the strings go through the encoder.
        func data(_ encoder: JSONEncoder) -> Data {
            func string(_ text: String) -> String {
                String(decoding: (try? encoder.encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
            }
            var json = "{"
            if let document { json += "\"document\":" + string(document) + "," }
            if let error { json += "\"error\":{\"kind\":" + string(error.kind) + ",\"message\":" + string(error.message) + "}," }
            json += "\"file\":" + string(file) + ",\"findings\":["
            for (index, found) in findings.enumerated() {
                if index > 0 { json += "," }
                json += "{\"confidence\":\(found.confidence),\"end\":\(found.end),\"start\":\(found.start),\"type\":\"\(found.type)\"}"
            }
            // `null` when the file was not read: never `false`.
            json += "],\"flagged\":" + (flagged.map { $0 ? "true" : "false" } ?? "null") + "}\n"
            return Data(json.utf8)
        }
    }
}
