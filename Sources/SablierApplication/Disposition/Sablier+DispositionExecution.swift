public import SablierCore
import SablierRegister
import SablierStore

extension Sablier {
    /// `disposition execute`: carries an approved list out today, or resumes its execution.
    ///
    /// Files are deleted by `DispositionExecutor` (the edge); the store checks every document
    /// again, a pending privacy review included. A file missing or changed is reported in the
    /// result, not refused: what was done stays done, and the list stays `executing`. So is a
    /// file the register may not read, or whose recorded path now resolves elsewhere (a link in
    /// its place): it is never deleted.
    public func executeDisposition(_ session: Session, list number: Int, method: String? = nil,
                                   vendorCertificate: String? = nil) async throws(Refusal) -> DispositionExecutionResult {
        let useCase = "disposition execute"
        let access = try await authorize(session, .manageDisposition, useCase)
        let pending = try await pendingReview()
        let outcome = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number)]) {
            try await DispositionExecutor(store: store).execute(number, method: method, vendorCertificate: vendorCertificate,
                                                                 pendingReview: pending, by: access.user.name, at: clock.now)
        }
        return DispositionExecutionResult(
            list: DispositionListRecord(outcome.list), done: outcome.done.map { DispositionItemRecord($0) },
            integrityProblems: outcome.integrityProblems.map(DispositionExecutionResult.IntegrityProblem.init),
            complete: outcome.isComplete)
    }
}

extension DispositionExecutionResult.IntegrityProblem {
    init(_ problem: DispositionExecutor.IntegrityProblem) {
        reference = problem.reference; path = problem.path; expectedSHA256 = problem.expectedSHA256
        switch problem.kind {
        case .missing: self.problem = "missing"
        case .changed(let found): self.problem = "changed"; self.found = found
        case .unreadable(let reason): self.problem = "unreadable"; detail = reason
        case .notAnonymized(let wait): self.problem = "not-anonymized"; detail = wait.rawValue
        case .resolvesElsewhere(let resolved): self.problem = "resolves-elsewhere"; detail = resolved
        case .refused(let reason): self.problem = "refused"; detail = reason
        }
    }
}
