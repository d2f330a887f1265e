public import Foundation
public import SablierCore

/// A disposition list as `disposition list` and `disposition show` give it (README, "JSON
/// output"): days `YYYY-MM-DD`, instants as dates, absent values omitted.
public struct DispositionListRecord: Sendable, Hashable, Codable {
    public var number: Int
    /// destroy, deposit, sort or transfer; absent when the list takes every action.
    public var action: String?
    public var asOf: String
    public var state: String
    public var proposedAt: Date
    public var proposedBy: String
    public var approvedAt: Date?
    public var approvedBy: String?
    public var executionStartedAt: Date?
    /// Who began the execution.
    public var executedBy: String?
    /// When its last document was done.
    public var executedAt: Date?
    public var method: String?
    public var vendorCertificate: String?
    public var items: Int
    public var done: Int
    public var cancelledAt: Date?
    public var cancelledBy: String?
    public var cancelReason: String?

    public init(_ list: DispositionList) {
        cancelledAt = list.cancellation?.at; cancelledBy = list.cancellation?.by; cancelReason = list.cancellation?.reason
        number = list.number; action = list.action?.rawValue; asOf = list.asOf.description; state = list.state.rawValue
        proposedAt = list.proposedAt; proposedBy = list.proposedBy; approvedAt = list.approvedAt; approvedBy = list.approvedBy
        executionStartedAt = list.executionStartedAt; executedBy = list.executedBy; executedAt = list.executedAt
        method = list.method; vendorCertificate = list.vendorCertificate; items = list.itemCount; done = list.doneCount
    }
}

/// One document of a list, in `disposition show`, as a certificate entry and in a proposal.
public struct DispositionItemRecord: Sendable, Hashable, Codable {
    public var reference: String
    /// The title; `[confidentiel]` in a proposal for a confidential document the reader may
    /// not read (as in the due list).
    public var title: String
    public var holder: String
    public var rule: String
    public var copy: String
    public var support: String
    public var opened: String?
    public var closed: String?
    public var box: String?
    public var action: String
    public var due: String
    public var file: String?
    public var sha256: String?
    public var decision: String?
    public var decisionReason: String?
    public var decidedBy: String?
    public var decidedAt: Date?
    /// destroyed, deposited, kept or transferred; absent for a sort not decided yet.
    public var outcome: String?
    public var state: String
    public var startedAt: Date?
    public var doneAt: Date?
    /// True when the title is masked for this reader; absent otherwise.
    public var confidential: Bool?

    public init(_ item: DispositionItem, masked: Bool = false) {
        reference = item.reference; title = masked ? DueEntry.maskedTitle : item.title; holder = item.holder; rule = item.rule
        copy = item.copy.rawValue; support = item.support; opened = item.openedOn?.description; closed = item.closedOn?.description
        box = item.box; action = item.action.rawValue; due = item.dueOn.description; file = item.filePath; sha256 = item.fileSHA256
        decision = item.decision?.rawValue; decisionReason = item.decisionReason; decidedBy = item.decidedBy
        decidedAt = item.decidedAt; outcome = item.outcome?.rawValue; state = item.state.rawValue
        startedAt = item.startedAt; doneAt = item.doneAt; confidential = masked ? true : nil
    }

    /// True when executing the item destroys the document.
    public var destroys: Bool { outcome == DispositionOutcome.destroyed.rawValue }
}

/// `disposition show`: the list, the lines the reader may see, and how many were withheld.
public struct DispositionListDetail: Sendable, Hashable, Codable {
    public var list: DispositionListRecord
    public var items: [DispositionItemRecord]
    /// The documents of the list this reader may not see (another unit's): 0 for an
    /// organisation-wide reader.
    public var withheld: Int
    /// The steps the list's state allows now that this reader's roles may take, in the order
    /// of a list's life (`decide`, `approve`, `execute` or `resume`, `cancel`). Each use case
    /// still decides for itself: a step listed may be refused for the person (the proposer
    /// approving), the day, or the documents.
    public var steps: [DispositionStep]
    /// The documents people sign that the list has now (`destruction-certificate`,
    /// `transfer-slip`): what `dispositionCertificate(_:list:kind:)` gives rather than refuses.
    public var papers: [DispositionPaper]
}

/// `disposition certificate`: the list's people and dates, how paper was destroyed, and one
/// entry per document whose execution began, in list order.
public struct DispositionCertificateRecord: Sendable, Hashable, Codable {
    public var list: Int
    public var action: String?
    public var asOf: String
    public var state: String
    /// False while the execution has not finished (entries may still be `started`).
    public var complete: Bool
    public var proposedAt: Date
    public var proposedBy: String
    public var approvedAt: Date?
    public var approvedBy: String?
    public var executionStartedAt: Date?
    public var executedBy: String?
    public var executedAt: Date?
    public var method: String?
    public var vendorCertificate: String?
    public var entries: [DispositionItemRecord]
    /// The entries this reader may not see (another unit's documents): 0 for an
    /// organisation-wide reader.
    public var withheld: Int
    /// The sequence numbers of the list's entries in the audit trail.
    public var auditSequences: [Int]
    /// The chain's head at the list's last entry (its sequence and keyed hash): printed on the
    /// certificate, so that the paper anchors the trail (`sablier audit log --target`).
    public var auditHead: AuditHeadRecord?
    /// The documents of the list, and how many are done: for the text's heading.
    public var items: Int
    public var done: Int

    init(_ certificate: DispositionCertificate, entries: [DispositionItem], withheld: Int) {
        let list = certificate.list
        self.list = list.number; action = list.action?.rawValue; asOf = list.asOf.description; state = list.state.rawValue
        complete = certificate.isComplete; proposedAt = list.proposedAt; proposedBy = list.proposedBy
        approvedAt = list.approvedAt; approvedBy = list.approvedBy; executionStartedAt = list.executionStartedAt
        executedBy = list.executedBy; executedAt = list.executedAt; method = list.method
        vendorCertificate = list.vendorCertificate; self.entries = entries.map { DispositionItemRecord($0) }
        self.withheld = withheld; auditSequences = certificate.auditSequences
        if let sequence = certificate.auditSequences.last, let hash = certificate.auditHeadHash {
            auditHead = AuditHeadRecord(sequence: sequence, hash: hash)
        }
        items = list.itemCount; done = list.doneCount
    }
}

/// An entry of the audit trail as a certificate anchors it: its sequence and keyed hash.
public struct AuditHeadRecord: Sendable, Hashable, Codable {
    public var sequence: Int
    public var hash: String
}

/// A due document a proposal left out, and why.
public struct LeftOutRecord: Sendable, Hashable, Codable {
    public var reference: String
    public var action: String
    public var due: String
    /// `held`, `in-list` (see `list`), `pending-review` (flagged for personal information,
    /// not reviewed by the AIPRP officer yet) or `on-loan` (see `loan`).
    public var reason: String
    /// The open list that already holds it.
    public var list: Int?
    /// The open loan that has it out.
    public var loan: Int?

    init(_ document: LeftOutDocument) {
        reference = document.reference; action = document.action.rawValue; due = document.dueOn.description
        switch document.reason {
        case .held: reason = "held"
        case .inList(let number): reason = "in-list"; list = number
        case .pendingReview: reason = "pending-review"
        case .onLoan(let number): reason = "on-loan"; loan = number
        }
    }
}

/// `disposition propose`: the new list, its documents as this reader may see them, and the
/// due documents left out.
public struct DispositionProposalResult: Sendable, Hashable, Codable {
    public var list: DispositionListRecord
    public var items: [DispositionItemRecord]
    public var leftOut: [LeftOutRecord]
    /// Documents of the list (or left out) this reader may not see.
    public var withheld: Int
}

/// `disposition execute`: what this run did, and what it could not do.
public struct DispositionExecutionResult: Sendable, Hashable, Codable {
    /// A file that does not match what the list recorded: its document was not carried out.
    public struct IntegrityProblem: Sendable, Hashable, Codable {
        public var reference: String
        public var path: String
        public var expectedSHA256: String
        /// `missing`, `changed`, `unreadable`, `not-anonymized` (measure `anonymiser`: `detail`
        /// says what it waits for: `copy`, `sign-off` or `copy-changed`), `resolves-elsewhere`
        /// (the path is now a link, or leads to another file: `detail` names it) or `refused`.
        public var problem: String
        /// The SHA-256 found, for a changed file.
        public var found: String?
        /// Why it could not be read, or what its destruction waits for.
        public var detail: String?
    }

    public var list: DispositionListRecord
    /// The documents this run completed, in list order.
    public var done: [DispositionItemRecord]
    public var integrityProblems: [IntegrityProblem]
    /// True once every document of the list is done.
    public var complete: Bool
}
