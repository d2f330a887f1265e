public import Foundation


/// Where a disposition list (liste de disposition) is in its life: proposed by one person,
/// approved by another, carried out item by item, then executed.
public enum DispositionState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Drawn from a due list; sort decisions are taken now, before approval.
    case proposed
    /// Approved by a person other than its proposer: it may be carried out.
    case approved
    /// Execution began and has not finished (it was interrupted, or an item could not be done):
    /// running `execute` again completes it.
    case executing
    /// Every item is done.
    case executed
    /// Withdrawn before its execution began (see `DispositionCancellation`): nothing more is
    /// done with it, and its documents may be proposed again.
    case cancelled
}

/// Why and by whom a list was withdrawn before its execution began.
public struct DispositionCancellation: Sendable, Hashable {
    public var at: Date
    public var by: String
    public var reason: String

    public init(at: Date, by: String, reason: String) {
        self.at = at
        self.by = by
        self.reason = reason
    }
}

/// Where one item of a list is in its execution. The steps are committed one by one, so an
/// execution killed at any point resumes where it stopped.
public enum DispositionItemState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nothing done yet.
    case pending
    /// Committed before anything is done to the document: the certificate's entry. For a
    /// digital destruction the file is deleted after this step, never before.
    case started
    /// The document's event, and for a destruction its tombstone, are recorded.
    case done
}

/// The decision a sort (tri, disposition T) needs for each document before execution.
public enum SortDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// Kept: it goes to the archives like a deposit (phase inactif-versé).
    case keep
    /// Destroyed like a D document, with its certificate entry and tombstone.
    case destroy
}

/// What executing an item does to its document.
public enum DispositionOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case destroyed
    /// Versé aux archives (C).
    case deposited
    /// Kept after a sort (T).
    case kept
    /// Transferred to semi-active storage.
    case transferred
}

/// A numbered disposition list: what it covers and who proposed, approved and carried it out.
public struct DispositionList: Sendable, Hashable {
    /// 1, 2, 3… in proposal order, never reused.
    public var number: Int
    /// The action the list was restricted to; nil when it takes every action due.
    public var action: DueAction?
    /// The day whose due list it was drawn from.
    public var asOf: CivilDate
    public var state: DispositionState
    public var proposedAt: Date
    public var proposedBy: String
    public var approvedAt: Date?
    public var approvedBy: String?
    /// When execution began, and by whom.
    public var executionStartedAt: Date?
    public var executedBy: String?
    /// When the last item was done.
    public var executedAt: Date?
    /// How documents without a file Sablier can delete (paper, film) were destroyed
    /// (déchiquetage, incinération, …).
    public var method: String?
    /// The destruction vendor's certificate number, when a vendor destroyed them.
    public var vendorCertificate: String?
    public var itemCount: Int
    public var doneCount: Int
    /// Set when the list was withdrawn (its state is then `cancelled`).
    public var cancellation: DispositionCancellation?

    public init(number: Int, action: DueAction?, asOf: CivilDate, state: DispositionState, proposedAt: Date, proposedBy: String,
                approvedAt: Date? = nil, approvedBy: String? = nil, executionStartedAt: Date? = nil, executedBy: String? = nil,
                executedAt: Date? = nil, method: String? = nil, vendorCertificate: String? = nil, itemCount: Int, doneCount: Int,
                cancellation: DispositionCancellation? = nil) {
        self.number = number
        self.action = action
        self.asOf = asOf
        self.state = state
        self.proposedAt = proposedAt
        self.proposedBy = proposedBy
        self.approvedAt = approvedAt
        self.approvedBy = approvedBy
        self.executionStartedAt = executionStartedAt
        self.executedBy = executedBy
        self.executedAt = executedAt
        self.method = method
        self.vendorCertificate = vendorCertificate
        self.itemCount = itemCount
        self.doneCount = doneCount
        self.cancellation = cancellation
    }
}

/// One document of a list, as it was when the list was proposed (the certificate says what was
/// decided, even if the register moves on), with its decision and its execution state.
public struct DispositionItem: Sendable, Hashable {
    public var list: Int
    /// 0-based order in the list: the due list's order (`due_on`, the first date the document
    /// fell due, then reference).
    public var position: Int
    public var reference: String
    public var title: String
    public var holder: String
    public var rule: String
    public var copy: CopyKind
    /// The support code (PA, DM, …).
    public var support: String
    public var openedOn: CivilDate?
    public var closedOn: CivilDate?
    public var box: String?
    public var action: DueAction
    /// The date the action fell due.
    public var dueOn: CivilDate
    /// The registered file, for a digital document.
    public var filePath: String?
    /// The file's SHA-256 as registered: checked before the file is deleted.
    public var fileSHA256: String?
    public var decision: SortDecision?
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionReason: String?
    public var state: DispositionItemState
    public var startedAt: Date?
    public var doneAt: Date?

    public init(list: Int, position: Int, reference: String, title: String, holder: String, rule: String, copy: CopyKind,
                support: String, openedOn: CivilDate? = nil, closedOn: CivilDate? = nil, box: String? = nil, action: DueAction,
                dueOn: CivilDate, filePath: String? = nil, fileSHA256: String? = nil, decision: SortDecision? = nil,
                decidedBy: String? = nil, decidedAt: Date? = nil, decisionReason: String? = nil,
                state: DispositionItemState = .pending, startedAt: Date? = nil, doneAt: Date? = nil) {
        self.list = list
        self.position = position
        self.reference = reference
        self.title = title
        self.holder = holder
        self.rule = rule
        self.copy = copy
        self.support = support
        self.openedOn = openedOn
        self.closedOn = closedOn
        self.box = box
        self.action = action
        self.dueOn = dueOn
        self.filePath = filePath
        self.fileSHA256 = fileSHA256
        self.decision = decision
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
        self.state = state
        self.startedAt = startedAt
        self.doneAt = doneAt
    }

    /// True for a digital document: Sablier deletes its file itself.
    public var isDigital: Bool { filePath != nil }

    /// True when executing the item destroys the document: a destruction, or a sort decided `destroy`.
    public var destroys: Bool { action == .destroy || (action == .sort && decision == .destroy) }

    /// What execution does (or did) to the document; nil for a sort not decided yet.
    public var outcome: DispositionOutcome? {
        switch action {
        case .destroy: return .destroyed
        case .deposit: return .deposited
        case .transfer: return .transferred
        case .sort: return decision.map { $0 == .destroy ? .destroyed : .kept }
        }
    }

    /// True when execution checks the file against its registered SHA-256 first: every action
    /// that hands the document over or destroys it (not a transfer to semi-active storage).
    public var checksFile: Bool { isDigital && action != .transfer }
}

/// A new list and the due documents it leaves out.
public struct DispositionProposal: Sendable, Hashable {
    public var list: DispositionList
    public var items: [DispositionItem]
    public var leftOut: [LeftOutDocument]

    public init(list: DispositionList, items: [DispositionItem], leftOut: [LeftOutDocument]) {
        self.list = list
        self.items = items
        self.leftOut = leftOut
    }
}

/// A due document a proposal leaves out, and why.
public struct LeftOutDocument: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// A hold (gel) covers it: never destroyed or sorted until released.
        case held
        /// It is already in a list not yet executed.
        case inList(Int)
        /// It is flagged for personal information (by its rule or its content) and the AIPRP
        /// officer has not reviewed its current content: it waits for the review.
        case pendingReview
        /// It is out on loan (prêt, its number): not disposed of until it is returned.
        case onLoan(Int)
    }

    public var reference: String
    public var action: DueAction
    public var dueOn: CivilDate
    public var reason: Reason

    public init(reference: String, action: DueAction, dueOn: CivilDate, reason: Reason) {
        self.reference = reference
        self.action = action
        self.dueOn = dueOn
        self.reason = reason
    }
}

/// What a list's execution attests: the list, and every item whose execution began, in list
/// order. An item is an entry from the moment it is `started`, before its file is deleted, so
/// no document is ever gone without its entry. Complete once the list is `executed`.
public struct DispositionCertificate: Sendable, Hashable {
    public var list: DispositionList
    public var entries: [DispositionItem]
    /// The sequence numbers of the audit entries of the list (proposal, decisions, approval,
    /// execution, each item), so the certificate can be checked against the audit trail.
    public var auditSequences: [Int] = []
    /// The keyed hash of the last of those entries: the chain's head at the list's last step,
    /// printed on the certificate so that the paper anchors the trail.
    public var auditHeadHash: String?

    public init(list: DispositionList, entries: [DispositionItem]) {
        self.list = list
        self.entries = entries
    }

    public var isComplete: Bool { list.state == .executed }
}

/// What the register keeps of a destroyed document: its metadata as JSON, never its content.
public struct Tombstone: Sendable, Hashable {
    public var reference: String
    /// The list whose execution destroyed it.
    public var list: Int
    public var destroyedAt: Date
    public var destroyedBy: String
    /// The record, its file's path, SHA-256, size and format, and its events, as a JSON object
    /// with sorted keys (see `TombstoneMetadata`).
    public var metadata: String

    public init(reference: String, list: Int, destroyedAt: Date, destroyedBy: String, metadata: String) {
        self.reference = reference
        self.list = list
        self.destroyedAt = destroyedAt
        self.destroyedBy = destroyedBy
        self.metadata = metadata
    }
}
