public import Foundation
public import SablierCore
public import SablierRegister
import SablierExtraction
import SablierPrivacy

/// A finding as stored and printed: its type, confidence (0–1), offsets in Unicode scalars of
/// the extracted text, masked excerpt and reason. Never the identifier.
public struct PrivacyFinding: Sendable, Hashable, Codable {
    public var type: String
    public var confidence: Double
    public var start: Int
    public var end: Int
    public var excerpt: String
    public var reason: String

    public init(_ finding: StoredFinding) {
        type = finding.type
        confidence = Double(finding.confidence) / 100
        start = finding.start
        end = finding.end
        excerpt = finding.excerpt
        reason = finding.reason
    }
}

/// The last scan of a document's content, as `privacy show` prints it under `scan`.
public struct PrivacyScanResult: Sendable, Hashable, Codable {
    public var sha256: String
    public var scannedAt: Date
    public var status: String
    public var problem: String?
    public var format: String?
    public var flagged: Bool?
    public var score: Int
    public var summary: String
    public var findingCount: Int
    public var truncated: Bool
    public var findings: [PrivacyFinding]

    public init(_ scan: ContentScan) {
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
        findings = scan.findings.map(PrivacyFinding.init)
    }
}

/// One review, as `privacy show` prints it under `reviews`.
public struct PrivacyReviewResult: Sendable, Hashable, Codable {
    public var decision: String
    public var measure: String?
    public var note: String
    public var reviewedAt: Date
    public var reviewedBy: String
    public var sha256: String?

    public init(_ review: PrivacyReview) {
        decision = review.decision.rawValue
        measure = review.measure?.rawValue
        note = review.note
        reviewedAt = review.reviewedAt
        reviewedBy = review.reviewedBy
        sha256 = review.sha256
    }
}

/// A document of the review queue, or `privacy show`: why it is flagged, its last scan with
/// every finding masked, its reviews. `status` is `pending`, `confirmed`, `dismissed`,
/// `not flagged` or `destroyed-unreviewed`.
public struct PrivacyEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var rule: String
    public var holder: String
    public var phase: String
    public var status: String
    public var confidential: Bool
    public var score: Int
    /// `high`, `medium` or `low`: the score's level (`PrivacySensitivity`), so that no reader
    /// draws its own thresholds.
    public var sensitivity: String
    public var measure: String?
    public var reasons: [String]
    public var ruleSource: String?
    public var file: String?
    public var scan: PrivacyScanResult?
    public var reviews: [PrivacyReviewResult]
    /// Its anonymised copy and the AIPRP officer's sign-off (`privacy show` only).
    public var anonymizedCopy: AnonymizationResult?

    public init(_ privacy: DocumentPrivacy) {
        reference = privacy.reference
        title = privacy.title
        rule = privacy.rule
        holder = privacy.holder
        phase = privacy.phase.rawValue
        status = privacy.status.rawValue
        confidential = privacy.isConfidential
        score = privacy.score
        sensitivity = privacy.sensitivity.rawValue
        measure = privacy.measure?.rawValue
        reasons = privacy.reasons
        ruleSource = privacy.rulePrivacy?.source.rawValue
        file = privacy.scannedPath
        scan = privacy.scan.map(PrivacyScanResult.init)
        reviews = privacy.reviews.map(PrivacyReviewResult.init)
    }

    /// The status as a table prints it.
    public var statusLabel: String { PrivacyStatus(rawValue: status)?.label ?? status }
}

/// The review queue: its documents, most sensitive first, and how many wait.
public struct PrivacyQueueResult: Sendable, Hashable, Codable {
    public var entries: [PrivacyEntry]
    /// Documents waiting for a review.
    public var pending: Int
    /// Documents left out because the reader may not see them.
    public var withheld: Int
}

/// A rule of the calendar in force, as `privacy rules` prints it.
public struct PrivacyRuleEntry: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
    public var source: String
    public var flags: Bool
    public var measure: String?
    public var calendarPersonalInformation: Bool?
    public var confidential: Bool?
    public var confirmedBy: String?
    public var confirmedAt: Date?
    public var note: String?

    public init(_ rule: RulePrivacy) {
        self.rule = rule.rule
        title = rule.title
        source = rule.source.rawValue
        flags = rule.flags
        measure = rule.measure?.rawValue
        calendarPersonalInformation = rule.calendarPersonalInformation?.present
        confidential = rule.confidential
        confirmedBy = rule.confirmation?.confirmedBy
        confirmedAt = rule.confirmation?.confirmedAt
        note = rule.confirmation?.note
    }
}

/// What scanning one registered document gave, as `privacy scan --document/--all` prints it.
public struct PrivacyScanEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var file: String?
    /// `scanned`, `unchanged`, `unreadable`, `file-missing` or `no-file`.
    public var status: String
    public var flagged: Bool?
    public var score: Int?
    public var summary: String?
    public var problem: String?
    public var findings: [PrivacyFinding]

    init(_ outcome: PrivacyScanning.DocumentOutcome) {
        reference = outcome.reference
        file = outcome.path
        status = outcome.status.rawValue
        flagged = outcome.scan?.flagged
        score = outcome.scan?.score
        summary = outcome.scan?.summary
        problem = outcome.problem ?? outcome.scan?.problem
        findings = (outcome.scan?.findings ?? []).map(PrivacyFinding.init)
    }

    /// The file could not be read, or is missing: a person must look.
    public var isProblem: Bool {
        status == PrivacyScanning.DocumentOutcome.Status.unreadable.rawValue
            || status == PrivacyScanning.DocumentOutcome.Status.fileMissing.rawValue
    }
}

/// A scan of registered documents: one entry per document, and the counts.
public struct PrivacyScanReport: Sendable, Hashable, Codable {
    public var entries: [PrivacyScanEntry]
    /// Documents left out because the reader may not see them (confidential ones, for the
    /// records manager).
    public var withheld: Int

    /// Entries per status.
    public func count(_ status: PrivacyScanning.DocumentOutcome.Status) -> Int {
        entries.filter { $0.status == status.rawValue }.count
    }

    /// Documents flagged by their content.
    public var flagged: Int { entries.filter { $0.flagged == true }.count }
    /// Documents whose file could not be read or is missing.
    public var problems: Int { entries.filter(\.isProblem).count }
}

/// One line of `privacy scan PATH…`: `{"file", "flagged", "findings": [{"type", "start", "end",
/// "confidence"}]}`, with `document` for a registered document's file (its scan then stored),
/// and `flagged` null with `error` for a file that was not read. Findings carry no excerpt.
public struct PrivacyFileLine: Sendable, Hashable, Codable {
    public struct Found: Sendable, Hashable, Codable {
        public var type: String
        public var start: Int
        public var end: Int
        public var confidence: Double
    }

    public struct Problem: Sendable, Hashable, Codable {
        public var kind: String
        public var message: String
    }

    public var file: String
    public var document: String?
    /// Nil when the file was not read: never `false`.
    public var flagged: Bool?
    public var findings: [Found]
    public var error: Problem?

    /// Encodes `flagged` as `null` rather than leaving it out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(document, forKey: .document)
        try container.encode(flagged, forKey: .flagged)
        try container.encode(findings, forKey: .findings)
        try container.encodeIfPresent(error, forKey: .error)
    }

    /// A file outside the register, read at the edge; nothing stored.
    public init(_ path: String, _ scan: PrivacyScanning.FileScan) {
        file = path
        flagged = scan.flagged
        findings = (scan.result?.findings ?? []).map {
            Found(type: $0.type.rawValue, start: $0.start, end: $0.end, confidence: Double($0.confidence) / 100)
        }
        error = scan.error.map { Problem(kind: $0.kind.rawValue, message: $0.description) }
    }

    /// A file the register may not read (outside its folders, not a regular file): never
    /// opened, and flagged as not known. A missing file is `unreadable`, as an extractor says.
    public init(_ path: String, refused: FileAccess.Failure) {
        file = path
        flagged = nil
        findings = []
        error = Problem(kind: refused.isMissing ? "unreadable" : "refused", message: refused.description)
    }

    /// A registered document's file, scanned as that document.
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
}

/// What `privacy scan PATH…` counted.
public struct PrivacyFileSummary: Sendable, Hashable, Codable {
    public var files = 0
    /// Files that could not be read: not knowing is not "no personal information".
    public var unreadable = 0
    /// Registered documents' files the reader may not see, read as files outside the register.
    public var withheld = 0
}
