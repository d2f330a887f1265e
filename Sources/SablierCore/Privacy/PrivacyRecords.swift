public import Foundation

/// Information the organisation declares public (Access Act, s. 57): never reported by a scan.
public struct PublicIdentifier: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A switchboard, fax or service number, as ten digits.
        case phone
        /// A domain whose addresses are the organisation's (staff, services).
        case emailDomain = "email-domain"
        /// One general address outside those domains.
        case email
        /// The postal code of one of the organisation's buildings, `A9A9A9`.
        case postalCode = "postal-code"
        /// The street address or post office box of one of its buildings, normalised
        /// (`1200 boulevard industriel`, `cp 123`: `PublicCharacter.normalisedAddress`).
        case address
    }

    public var kind: Kind
    /// Normalised by the caller (digits, lowercase domain, uppercase postal code).
    public var value: String
    public var note: String?
    public var addedAt: Date
    public var addedBy: String

    public init(kind: Kind, value: String, note: String? = nil, addedAt: Date, addedBy: String) {
        self.kind = kind
        self.value = value
        self.note = note
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

/// One finding as stored: its type's code, confidence, offsets in Unicode scalars of the
/// extracted text, masked excerpt and reason. Never the identifier.
public struct StoredFinding: Sendable, Hashable, Codable {
    public var type: String
    public var confidence: Int
    public var start: Int
    public var end: Int
    public var excerpt: String
    public var reason: String

    public init(type: String, confidence: Int, start: Int, end: Int, excerpt: String, reason: String) {
        self.type = type
        self.confidence = confidence
        self.start = start
        self.end = end
        self.excerpt = excerpt
        self.reason = reason
    }
}

/// What reading a content gave.
public enum ContentScanStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Its text was read and scanned.
    case read
    /// Damaged, truncated, encrypted or otherwise unreadable.
    case unreadable
    /// A format Sablier does not read.
    case unsupported
    /// No text at all (a scan without a text layer).
    case noText = "no-text"
    /// The tool its format needs is missing (pdftotext).
    case toolMissing = "tool-missing"
}

/// The scan of one content (a file's bytes, by SHA-256).
public struct ContentScan: Sendable, Hashable, Codable {
    public var sha256: String
    /// What scanned it (detectors' version and public configuration): a scan by another one is redone.
    public var scanner: String
    public var scannedAt: Date
    public var status: ContentScanStatus
    /// Why it was not read; nil when read.
    public var problem: String?
    public var format: String?
    public var textScalars: Int?
    /// Nil when not read: an unreadable content is never "without personal information".
    public var flagged: Bool?
    /// Sensitivity × confidence of the worst finding (0–1000).
    public var score: Int
    public var summary: String
    /// Every finding counted, past those kept.
    public var findingCount: Int
    public var truncated: Bool
    public var findings: [StoredFinding]

    public init(sha256: String, scanner: String, scannedAt: Date, status: ContentScanStatus, problem: String? = nil, format: String? = nil,
                textScalars: Int? = nil, flagged: Bool? = nil, score: Int = 0, summary: String, findingCount: Int = 0,
                truncated: Bool = false, findings: [StoredFinding] = []) {
        self.sha256 = sha256
        self.scanner = scanner
        self.scannedAt = scannedAt
        self.status = status
        self.problem = problem
        self.format = format
        self.textScalars = textScalars
        self.flagged = flagged
        self.score = score
        self.summary = summary
        self.findingCount = findingCount
        self.truncated = truncated
        self.findings = findings
    }
}

/// The AIPRP officer's decision on a flagged document.
public enum PrivacyDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// It holds personal information: it is confidential, and its measure applies at the end.
    case confirm
    /// It does not.
    case dismiss
}

/// One decision of the AIPRP officer, kept with who, when, why and the content it saw: evidence
/// under the Access Act, appended and never edited.
public struct PrivacyReview: Sendable, Hashable, Codable {
    public var id: Int
    public var reference: String
    public var decision: PrivacyDecision
    public var measure: PersonalInformationMeasure?
    public var note: String
    /// The content reviewed; nil for a document without a file.
    public var sha256: String?
    public var reviewedAt: Date
    public var reviewedBy: String

    public init(id: Int, reference: String, decision: PrivacyDecision, measure: PersonalInformationMeasure?, note: String,
                sha256: String?, reviewedAt: Date, reviewedBy: String) {
        self.id = id
        self.reference = reference
        self.decision = decision
        self.measure = measure
        self.note = note
        self.sha256 = sha256
        self.reviewedAt = reviewedAt
        self.reviewedBy = reviewedBy
    }
}

/// The records manager's word on whether a rule's documents hold personal information, which
/// replaces what the calendar says (a GALA calendar only says `documents confidentiels`).
public struct RulePrivacyConfirmation: Sendable, Hashable, Codable {
    public var rule: String
    public var personalInformation: Bool
    public var measure: PersonalInformationMeasure?
    public var note: String?
    public var calendarVersion: Int
    public var confirmedAt: Date
    public var confirmedBy: String

    public init(rule: String, personalInformation: Bool, measure: PersonalInformationMeasure?, note: String?, calendarVersion: Int,
                confirmedAt: Date, confirmedBy: String) {
        self.rule = rule
        self.personalInformation = personalInformation
        self.measure = measure
        self.note = note
        self.calendarVersion = calendarVersion
        self.confirmedAt = confirmedAt
        self.confirmedBy = confirmedBy
    }
}

/// What the calendar in force, and the records manager, say about a rule's personal information.
public struct RulePrivacy: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Hashable, Codable {
        /// The native calendar's `renseignementsPersonnels`.
        case calendar
        /// The records manager confirmed or corrected the rule.
        case confirmed
        /// GALA's `documents confidentiels` O, not confirmed yet: probably personal information.
        case confidentialUnconfirmed = "confidential-unconfirmed"
        /// Nothing says so.
        case none
    }

    public var rule: String
    public var title: String
    /// The calendar's `renseignementsPersonnels` (native), nil when it does not say (GALA).
    public var calendarPersonalInformation: PersonalInformation?
    /// GALA's `DOCUMCONFI`.
    public var confidential: Bool?
    public var confirmation: RulePrivacyConfirmation?

    public init(rule: String, title: String, calendarPersonalInformation: PersonalInformation?, confidential: Bool?,
                confirmation: RulePrivacyConfirmation?) {
        self.rule = rule
        self.title = title
        self.calendarPersonalInformation = calendarPersonalInformation
        self.confidential = confidential
        self.confirmation = confirmation
    }

    /// Where the answer comes from: a confirmation first, then the calendar.
    public var source: Source {
        if confirmation != nil { return .confirmed }
        if calendarPersonalInformation?.present == true { return .calendar }
        if calendarPersonalInformation == nil, confidential == true { return .confidentialUnconfirmed }
        return .none
    }

    /// True when the rule's documents are flagged for review.
    public var flags: Bool {
        switch source {
        case .confirmed: return confirmation?.personalInformation == true
        case .calendar, .confidentialUnconfirmed: return true
        case .none: return false
        }
    }

    /// The measure at the end of retention, when known.
    public var measure: PersonalInformationMeasure? {
        source == .confirmed ? confirmation?.measure : calendarPersonalInformation?.measure
    }

    /// Why the rule flags its documents, for people.
    public var reason: String {
        switch source {
        case .confirmed:
            guard let confirmation else { return "" }
            return confirmation.personalInformation
                ? "rule \(rule): personal information, confirmed by \(confirmation.confirmedBy)"
                : "rule \(rule): no personal information, confirmed by \(confirmation.confirmedBy)"
        case .calendar: return "rule \(rule): renseignements personnels in the calendar"
        case .confidentialUnconfirmed: return "rule \(rule): documents confidentiels (GALA), not confirmed as personal information"
        case .none: return "rule \(rule): no personal information in the calendar"
        }
    }
}

/// Where a document stands for the AIPRP officer: why it is flagged, its last scan, the reviews.
public struct DocumentPrivacy: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var rule: String
    public var holder: String
    public var phase: Phase
    public var rulePrivacy: RulePrivacy?
    /// The last scan of its file, and the path scanned.
    public var scan: ContentScan?
    public var scannedPath: String?
    public var scannedAt: Date?
    /// Every review, oldest first.
    public var reviews: [PrivacyReview]

    public init(reference: String, title: String, rule: String, holder: String, phase: Phase, rulePrivacy: RulePrivacy?, scan: ContentScan?,
                scannedPath: String?, scannedAt: Date?, reviews: [PrivacyReview]) {
        self.reference = reference
        self.title = title
        self.rule = rule
        self.holder = holder
        self.phase = phase
        self.rulePrivacy = rulePrivacy
        self.scan = scan
        self.scannedPath = scannedPath
        self.scannedAt = scannedAt
        self.reviews = reviews
    }

    /// Flagged by its rule.
    public var flaggedByRule: Bool { rulePrivacy?.flags == true }
    /// Flagged by its content: personal information found, or a file that could not be read.
    public var flaggedByContent: Bool {
        guard let scan else { return false }
        return scan.flagged ?? true
    }
    public var isFlagged: Bool { flaggedByRule || flaggedByContent }

    /// The review that applies to what the document holds now: the latest one on the content
    /// last scanned (a new content needs a new review), or the latest for a document without a file.
    public var currentReview: PrivacyReview? {
        reviews.last { review in scan == nil || review.sha256 == scan?.sha256 }
    }

    /// Destroyed: its life cycle is over, and nobody reviews it any more.
    public var isDestroyed: Bool { phase == .inactifDetruit }

    /// Waiting for the AIPRP officer: flagged, not reviewed for what it holds now, and not
    /// destroyed (a destroyed document leaves the queue; `status` says it was never reviewed).
    public var isPending: Bool { isFlagged && currentReview == nil && !isDestroyed }
    /// Confirmed as holding personal information by its latest review, whatever content that
    /// review saw: confidential, as every listing treats it (`PrivacyStore.confidentialReferences`),
    /// until a new review of its new content says otherwise.
    public var isConfidential: Bool { reviews.last?.decision == .confirm }

    /// The measure at the end of retention: the review's, else the rule's.
    public var measure: PersonalInformationMeasure? { currentReview?.measure ?? rulePrivacy?.measure }

    /// Orders the queue, most sensitive first: the content's score; an unreadable file 500 (a
    /// person must look); a rule's flag alone 300, or 200 when only GALA's `confidentiels`.
    public var score: Int {
        var value = 0
        if let scan { value = scan.status == .read ? scan.score : 500 }
        if flaggedByRule { value = max(value, rulePrivacy?.source == .confidentialUnconfirmed ? 200 : 300) }
        return value
    }

    /// Why it is in the queue, for people.
    public var reasons: [String] {
        var reasons: [String] = []
        if let scan {
            switch scan.status {
            case .read: if scan.flagged == true { reasons.append("content: " + scan.summary) }
            default: reasons.append("content not read (\(scan.status.rawValue)): \(scan.problem ?? "")")
            }
        }
        if flaggedByRule, let rulePrivacy { reasons.append(rulePrivacy.reason) }
        return reasons
    }
}
