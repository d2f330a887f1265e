import ArgumentParser
import Foundation
import SablierCore
import SablierSQLite
import SablierStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sablier privacy …`: personal information (renseignements personnels) found from the
/// calendar and from documents' content, and the AIPRP officer's review queue.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Find personal information in documents and review it: scan, queue, show, review, rules, public identifiers.",
        discussion: """
            A document is flagged by its rule (renseignements personnels in the native calendar; GALA's \
            documents confidentiels O until the records manager confirms the rule with `confirm-rule`) or by \
            its content (`scan`: text extracted from .txt .csv .html .xml .rtf .docx .odt .pdf and read by the \
            detectors). The AIPRP officer reviews flagged documents (`queue`, `show`, `review`). Findings are \
            stored and printed masked: an identifier is never written in clear.
            """,
        subcommands: [
            PrivacyScan.self, PrivacyQueue.self, PrivacyShow.self, PrivacyReviewCommand.self, PrivacyRules.self,
            PrivacyConfirmRule.self, PrivacyPublic.self,
        ]
    )
}

extension StoreOptions {
    /// Opens the store for personal-information scans and reviews.
    func openPrivacy() throws -> any PrivacyStore {
        try sqlite()
    }
}

/// The measure argument: `detruire` or `anonymiser` (Access Act, s. 73).
enum MeasureArgument: String, ExpressibleByArgument, CaseIterable {
    case detruire, anonymiser

    var measure: PersonalInformationMeasure { self == .detruire ? .detruire : .anonymiser }
}

/// A progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    let total: Int
    let label: String
    let enabled = isatty(STDERR_FILENO) == 1
    private var lastDrawn = -1

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    mutating func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = min(width, done * width / total)
        guard filled != lastDrawn || done == total else { return }
        lastDrawn = filled
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) \(label)".utf8))
    }

    func finish() {
        guard enabled, total > 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// The JSON shapes of the privacy commands, documented in the README.
enum PrivacyJSON {
    /// A finding as stored: masked excerpt, never the identifier. Confidence from 0 to 1.
    struct Finding: Encodable {
        var type: String
        var confidence: Double
        var start: Int
        var end: Int
        var excerpt: String
        var reason: String

        init(_ finding: StoredFinding) {
            type = finding.type
            confidence = Double(finding.confidence) / 100
            start = finding.start
            end = finding.end
            excerpt = finding.excerpt
            reason = finding.reason
        }
    }

    struct Scan: Encodable {
        var sha256: String
        var scannedAt: Date
        var status: String
        var problem: String?
        var format: String?
        var flagged: Bool?
        var score: Int
        var summary: String
        var findingCount: Int
        var truncated: Bool
        var findings: [Finding]

        init(_ scan: ContentScan) {
            sha256 = scan.sha256
            scannedAt = scan.scannedAt
            status = scan.status.rawValue
            problem = scan.problem
            format = scan.format
            flagged = scan.flagged
            score = scan.score
            summary = scan.summary
            findingCount = scan.findingCount
            truncated = scan.truncated
            findings = scan.findings.map(Finding.init)
        }
    }

    struct Review: Encodable {
        var decision: String
        var measure: String?
        var note: String
        var reviewedAt: Date
        var reviewedBy: String
        var sha256: String?
    }

    /// A document of the queue, or `privacy show`.
    struct Entry: Encodable {
        var reference: String
        var title: String
        var rule: String
        var holder: String
        var phase: String
        var status: String
        var confidential: Bool
        var score: Int
        var measure: String?
        var reasons: [String]
        var ruleSource: String?
        var file: String?
        var scan: Scan?
        var reviews: [Review]

        init(_ privacy: DocumentPrivacy) {
            reference = privacy.reference
            title = privacy.title
            rule = privacy.rule
            holder = privacy.holder
            phase = privacy.phase.rawValue
            status = PrivacyWords.status(privacy)
            confidential = privacy.isConfidential
            score = privacy.score
            measure = privacy.measure?.rawValue
            reasons = privacy.reasons
            ruleSource = privacy.rulePrivacy?.source.rawValue
            file = privacy.scannedPath
            scan = privacy.scan.map(Scan.init)
            reviews = privacy.reviews.map {
                Review(decision: $0.decision.rawValue, measure: $0.measure?.rawValue, note: $0.note, reviewedAt: $0.reviewedAt,
                       reviewedBy: $0.reviewedBy, sha256: $0.sha256)
            }
        }
    }
}

enum PrivacyWords {
    /// `pending`, `confirmed`, `dismissed`, or `not flagged`.
    static func status(_ privacy: DocumentPrivacy) -> String {
        if let review = privacy.currentReview { return review.decision == .confirm ? "confirmed" : "dismissed" }
        return privacy.isFlagged ? "pending" : "not flagged"
    }
}
