import Foundation
public import SablierCore
import SablierRegister
import SablierStore

extension Sablier {
    /// `disposition propose`: a new numbered list, `proposed`, from the due list of `asOf`
    /// (today by default), every action or only `action`.
    ///
    /// Left out and reported: held documents, documents already in an open list, and
    /// documents flagged for personal information (by their rule or their content) that the
    /// AIPRP officer has not reviewed yet — a review of their current content, confirmation or
    /// dismissal, releases them. A destruction must not outrun the review the Access Act asks for.
    ///
    /// The output follows the due list's visibility: an organisation-wide reader sees every
    /// document, a confidential one with its title masked unless the reader is of its unit or
    /// the AIPRP officer; the stored list keeps the real title (it is the record).
    public func proposeDisposition(_ session: Session, asOf: CivilDate? = nil,
                                   action: DueAction? = nil) async throws(Refusal) -> DispositionProposalResult {
        let useCase = "disposition propose"
        let access = try await authorize(session, .manageDisposition, useCase)
        let date = asOf ?? clock.today
        let pending = try await pendingReview()
        let proposal = try await refusingAudited(access, useCase, ["as_of": date.description]) {
            try await store.proposeDisposition(asOf: date, action: action, pendingReview: pending, by: access.user.name, at: clock.now)
        }
        let visibility = try await visibility(access)
        var withheld = 0
        var items: [DispositionItemRecord] = []
        for item in proposal.items {
            if visibility.allows(item.reference, holder: item.holder) {
                items.append(DispositionItemRecord(item))
            } else if access.scope == .all {
                items.append(DispositionItemRecord(item, masked: true))
            } else {
                withheld += 1
            }
        }
        return DispositionProposalResult(list: DispositionListRecord(proposal.list), items: items,
                                         leftOut: proposal.leftOut.map(LeftOutRecord.init), withheld: withheld)
    }

    /// `disposition decide`: the keep-or-destroy decision of a sort (T), while the list is proposed.
    public func decideSort(_ session: Session, list number: Int, reference: String, decision: SortDecision,
                           reason: String) async throws(Refusal) -> DispositionItemRecord {
        let useCase = "disposition decide"
        let access = try await authorize(session, .manageDisposition, useCase)
        let item = try await refusingAudited(access, useCase, ["list": String(number), "reference": reference]) {
            try await store.decideSort(list: number, reference: reference, decision: decision, reason: reason,
                                       by: access.user.name, at: clock.now)
        }
        return DispositionItemRecord(item)
    }

    /// `disposition approve`: the second person's approval.
    ///
    /// Refused to the proposer, while a sort has no decision, before the day the list was
    /// drawn for (`disposition.approved-too-early`: it could not run before then, and an
    /// approval is given for what will be done), and to a détenteur for a list holding
    /// another unit's documents (`disposition.outside-unit`, naming none of them).
    public func approveDisposition(_ session: Session, list number: Int) async throws(Refusal) -> DispositionListRecord {
        let useCase = "disposition approve"
        let access = try await authorize(session, .approveDisposition, useCase)
        if access.scope != .all {
            let (list, items) = try await refusingAudited(access, useCase, ["list": String(number)]) {
                guard let list = try await store.dispositionList(number) else { throw Refusal(.listNotFound, ["list": String(number)]) }
                return (list, try await store.dispositionItems(of: number))
            }
            do throws(Refusal) {
                try list.checkApprover(access, items: items)
            } catch {
                // The trail names a document of another unit; the refusal names none.
                let outside = items.first { !access.reaches(holder: $0.holder) }?.reference ?? ""
                throw await audited(error, by: access.user.name, useCase: useCase,
                                    details: ["permission": access.permission.rawValue, "reference": outside])
            }
        }
        let list = try await refusingAudited(access, useCase, ["list": String(number)]) {
            try await store.approveDisposition(number, by: access.user.name, at: clock.now)
        }
        return DispositionListRecord(list)
    }

    /// `disposition cancel`: withdraws a list before its execution began, with the reason.
    public func cancelDisposition(_ session: Session, list number: Int, reason: String) async throws(Refusal) -> DispositionListRecord {
        let useCase = "disposition cancel"
        let access = try await authorize(session, .manageDisposition, useCase)
        let list = try await refusingAudited(access, useCase, ["list": String(number)]) {
            try await store.cancelDisposition(number, reason: reason, by: access.user.name, at: clock.now)
        }
        return DispositionListRecord(list)
    }

    /// `disposition execute`: carries an approved list out today, or resumes its execution.
    ///
    /// Files are deleted by `DispositionExecutor` (the edge); the store checks every document
    /// again, a pending privacy review included. A file missing or changed is reported in the
    /// result, not refused: what was done stays done, and the list stays `executing`.
    public func executeDisposition(_ session: Session, list number: Int, method: String? = nil,
                                   vendorCertificate: String? = nil) async throws(Refusal) -> DispositionExecutionResult {
        let useCase = "disposition execute"
        let access = try await authorize(session, .manageDisposition, useCase)
        let pending = try await pendingReview()
        let outcome = try await refusingAudited(access, useCase, ["list": String(number)]) {
            try await DispositionExecutor(store: store).execute(number, method: method, vendorCertificate: vendorCertificate,
                                                                 pendingReview: pending, by: access.user.name, at: clock.now)
        }
        return DispositionExecutionResult(
            list: DispositionListRecord(outcome.list), done: outcome.done.map { DispositionItemRecord($0) },
            integrityProblems: outcome.integrityProblems.map(DispositionExecutionResult.IntegrityProblem.init),
            anonymized: outcome.anonymized.map {
                DispositionExecutionResult.AnonymizedCopy(reference: $0.reference, path: $0.path, replaced: $0.replaced, sha256: $0.sha256)
            },
            complete: outcome.isComplete)
    }

    /// `disposition list`: every list, by number. Lists are the organisation's record; a
    /// détenteur sees every list too, and reads only their unit's lines in `show`.
    public func dispositionLists(_ session: Session) async throws(Refusal) -> [DispositionListRecord] {
        _ = try await authorize(session, .readDisposition, "disposition list")
        return try await attempt { try await store.dispositionLists() }.map(DispositionListRecord.init)
    }

    /// `disposition show`: a list and the lines this reader may see.
    ///
    /// An organisation-wide reader reads the whole list, confidential documents included: it
    /// is the record of what was decided and done, which the records manager and the auditor
    /// answer for. A détenteur reads their own unit's lines; the rest are counted in `withheld`.
    public func dispositionDetail(_ session: Session, list number: Int) async throws(Refusal) -> DispositionListDetail {
        let useCase = "disposition show"
        let access = try await authorize(session, .readDisposition, useCase)
        let (list, all) = try await refusingAudited(access, useCase, ["list": String(number)]) {
            guard let list = try await store.dispositionList(number) else { throw Refusal(.listNotFound, ["list": String(number)]) }
            return (list, try await store.dispositionItems(of: number))
        }
        let items = all.filter { access.scope == .all || access.reaches(holder: $0.holder) }
        return DispositionListDetail(list: DispositionListRecord(list), items: items.map { DispositionItemRecord($0) },
                                     withheld: all.count - items.count)
    }

    /// `disposition certificate`: the destruction certificate and transfer slip, once
    /// execution began; read as `show` is.
    public func dispositionCertificate(_ session: Session, list number: Int) async throws(Refusal) -> DispositionCertificateRecord {
        let useCase = "disposition certificate"
        let access = try await authorize(session, .readDisposition, useCase)
        let certificate = try await refusingAudited(access, useCase, ["list": String(number)]) {
            try await store.dispositionCertificate(number)
        }
        let entries = certificate.entries.filter { access.scope == .all || access.reaches(holder: $0.holder) }
        return DispositionCertificateRecord(certificate, entries: entries, withheld: certificate.entries.count - entries.count)
    }

    /// The documents flagged for personal information and not reviewed for their current
    /// content: the AIPRP officer's queue, which holds back their disposition.
    func pendingReview() async throws(Refusal) -> Set<String> {
        let queue = try await attempt { try await store.privacyQueue(includingDecided: false) }
        return Set(queue.filter(\.isPending).map(\.reference))
    }

    /// Runs store work for `access`; a refusal (not a storage failure) is written to the audit
    /// trail before it is thrown, so that a refused step leaves its trace and nothing else.
    func refusingAudited<T>(_ access: Access, _ useCase: String, _ details: [String: String],
                            _ body: () async throws -> T) async throws(Refusal) -> T {
        do throws(Refusal) {
            return try await attempt(body)
        } catch {
            guard error.kind != .failure, error.code != .storeDamaged else { throw error }
            throw await audited(error, by: access.user.name, useCase: useCase,
                                details: details.merging(["permission": access.permission.rawValue]) { first, _ in first })
        }
    }
}

extension DispositionExecutionResult.IntegrityProblem {
    init(_ problem: DispositionExecutor.IntegrityProblem) {
        reference = problem.reference; path = problem.path; expectedSHA256 = problem.expectedSHA256
        switch problem.kind {
        case .missing: self.problem = "missing"
        case .changed(let found): self.problem = "changed"; self.found = found
        case .unreadable(let reason): self.problem = "unreadable"; detail = reason
        case .notAnonymized(let reason): self.problem = "not-anonymized"; detail = reason
        }
    }
}
