public import SablierCore
import SablierStore

/// Which documents `document reclassify` moves: exactly one of references, a query, a rule.
enum ReclassifySelection: Sendable, Hashable {
    case references([String])
    /// The documents a query selects (`holder=RH; closed<2020-07-01`).
    case query(String)
    /// Every document of a rule, typically one a new calendar version retired.
    case rule(String)

    /// The one selection given, or the refusal when none or several are: the use case decides,
    /// so that the command line and the API cannot disagree.
    init(references: [String]?, query: String?, rule: String?) throws(Refusal) {
        switch (references, query, rule) {
        case (let references?, nil, nil): self = .references(references)
        case (nil, let query?, nil): self = .query(query)
        case (nil, nil, let rule?): self = .rule(rule)
        default: throw Refusal(.reclassifyOneSelection)
        }
    }

    /// True for a cohort (a query, a rule), which leaves out the documents no longer held;
    /// false for references named one by one, which must all move.
    var isCohort: Bool {
        if case .references = self { return false }
        return true
    }

    /// How a refusal and the audit trail name the selection.
    var label: String {
        switch self {
        case .references(let references): return references.joined(separator: ", ")
        case .query(let query): return "--query \(query)"
        case .rule(let rule): return "--rule \(rule)"
        }
    }
}

/// One document a reclassification moves (or, in a dry run, would move).
public struct ReclassifiedEntry: Sendable, Hashable, Codable {
    public var reference: String
    public var title: String
    public var holder: String
    public var fromRule: String
    public var fromCopy: String
    public var toRule: String
    public var toCopy: String
    /// Its dates under its old rule, and under the new one (counted by the same engine the
    /// store uses, with the calendar in force).
    public var before: RetentionDates
    public var after: RetentionDates
    /// What falls due next under the new rule: `transfer`, `destroy`, `deposit` or `sort`.
    public var nextAction: String?
}

/// `document reclassify --format json`, `POST /api/v1/reclassifications`.
public struct ReclassificationResult: Sendable, Hashable, Codable {
    /// True when nothing was written (`--dry-run`).
    public var dryRun: Bool
    public var rule: String
    /// The copy moved to; absent when each document keeps its own.
    public var copy: String?
    /// The calendar version in force the new dates are counted under.
    public var calendarVersion: Int
    public var documents: [ReclassifiedEntry]
    /// Documents selected that are already under the rule and copy, left as they are.
    public var unchanged: Int
    /// Documents a query or a rule selects that are destroyed or deposited, left out: they are
    /// done with their rule (references named one by one refuse the reclassification instead).
    public var leftOut: Int
}

extension Sablier {
    /// Moves documents to another rule of the calendar in force (and optionally another copy),
    /// all or nothing, recounting their dates; with `dryRun`, lists what would move and their
    /// new dates, and writes nothing.
    ///
    /// The documents are selected exactly one way: `references`, a `query`, or every document
    /// of a `rule`; none or several is refused. Only documents the reader may see are selected
    /// (a reference they may not see reads as not registered). A query or a rule leaves out the
    /// destroyed and deposited documents it selects, and counts them (`leftOut`): the command
    /// `calendar import` suggests for a retired rule must work although some of its documents
    /// were already disposed of. References named one by one are all or nothing: a destroyed or
    /// deposited one refuses the whole reclassification, which names every such document.
    public func reclassifyDocuments(_ session: Session, references: [String]? = nil, query: String? = nil, rule selectedRule: String? = nil,
                                    to rule: String, copy: String? = nil, reason: String,
                                    dryRun: Bool = false) async throws(Refusal) -> ReclassificationResult {
        let useCase = dryRun ? "document reclassify --dry-run" : "document reclassify"
        let access = try await authorize(session, .reclassifyDocuments, useCase)
        let visibility = try await visibility(access)
        let user = access.user.name
        let (selection, info, reclassification, reason) = try await auditingRefusals(by: user, useCase: useCase, permission: access.permission,
                                                                                     details: ["to": rule]) {
            let selection = try ReclassifySelection(references: references, query: query, rule: selectedRule)
            let reason = try Refusal.requireText(reason, "reason")
            let number = try Refusal.requireText(rule, "to")
            var kind: CopyKind?
            if let copy {
                guard let parsed = CopyKind(code: copy) else {
                    throw Refusal.invalidValue("copy", copy, allowed: CopyKind.allCases.map(\.rawValue))
                }
                kind = parsed
            }
            let info = try await calendarVersionInfo(nil)
            guard let target = try await store.rule(number, version: info.number) else {
                throw Refusal(.reclassifyRuleNotInForce, ["rule": number, "version": String(info.number)])
            }
            return (selection, info, try Reclassification(rule: target, copy: kind), reason)
        }
        let selected = try await selectForReclassification(selection, visibility, useCase: useCase)
        let (moves, kept) = try await auditingRefusals(by: user, useCase: useCase, permission: access.permission,
                                                       details: ["to": rule, "selection": selection.label]) {
            guard !selected.isEmpty else { throw Refusal(.reclassifySelectsNothing, ["selection": selection.label]) }
            let kept = selection.isCohort ? selected.filter { !$0.phase.isInactive } : selected
            return (try reclassification.plan(kept.map { ($0.document, $0.phase) }), kept.count)
        }
        let references = moves.map(\.before.reference)
        let done = try await auditingRefusals(by: user, useCase: useCase, permission: access.permission, details: ["to": rule]) {
            if dryRun { return try await store.previewReclassification(references, reclassification) }
            return try await store.reclassifyDocuments(references, reclassification, reason: reason, by: user, at: clock.now)
        }
        let entries = done.map { ReclassifiedEntry($0.before, $0.after, today: clock.today) }
        return ReclassificationResult(dryRun: dryRun, rule: reclassification.rule.number, copy: reclassification.copy?.rawValue,
                                      calendarVersion: info.number, documents: entries, unchanged: kept - moves.count,
                                      leftOut: selected.count - kept)
    }

    /// The documents a selection names that the reader may see, by reference: a reference they
    /// may not see is refused as not registered; a query or a rule leaves such documents out.
    func selectForReclassification(_ selection: ReclassifySelection, _ visibility: Visibility,
                                   useCase: String) async throws(Refusal) -> [RegisteredDocument] {
        switch selection {
        case .references(let references):
            var seen = Set<String>()
            var found: [RegisteredDocument] = []
            for reference in references.map({ $0.trimmingSpaces() }) where !reference.isEmpty && seen.insert(reference).inserted {
                found.append(try await visibleDocument(reference, visibility, useCase: useCase))
            }
            return found
        case .query(let text):
            let query = try parseQuery(text)
            return try await attempt { try await store.documents(matching: query, limit: nil) }
                .filter { visibility.allows($0.document.reference, holder: $0.document.holder) }
        case .rule(let number):
            let query: DocumentQuery
            do {
                query = try DocumentQuery(field: "rule", "=", number.trimmingSpaces())
            } catch {
                throw Refusal(.invalidQuery, ["query": "rule=\(number)", "problem": error.description])
            }
            return try await attempt { try await store.documents(matching: query, limit: nil) }
                .filter { visibility.allows($0.document.reference, holder: $0.document.holder) }
        }
    }
}

extension ReclassifiedEntry {
    init(_ before: RegisteredDocument, _ after: RegisteredDocument, today: CivilDate) {
        reference = before.document.reference
        title = before.document.title
        holder = before.document.holder
        fromRule = before.document.rule
        fromCopy = before.document.copy.rawValue
        toRule = after.document.rule
        toCopy = after.document.copy.rawValue
        self.before = RetentionDates(before.retention)
        self.after = RetentionDates(after.retention)
        let due = after.retention.dueOn.map { max($0, today) } ?? today
        nextAction = after.retention.action(dueOn: due, phase: after.phase)?.action.rawValue
    }
}
