public import SablierCore
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
        let proposal = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["as_of": date.description]) {
            try await store.proposeDisposition(asOf: date, action: action, pendingReview: pending, by: access.user.name, at: clock.now)
        }
        let view = try await obligationView(access)
        var withheld = 0
        var items: [DispositionItemRecord] = []
        for item in proposal.items {
            guard let line = view.line(item.reference, holder: item.holder) else { withheld += 1; continue }
            items.append(DispositionItemRecord(item, masked: line == .masked))
        }
        return DispositionProposalResult(list: DispositionListRecord(proposal.list), items: items,
                                         leftOut: proposal.leftOut.map(LeftOutRecord.init), withheld: withheld)
    }

    /// The documents flagged for personal information and not reviewed for their current
    /// content: the AIPRP officer's queue, which holds back their disposition.
    func pendingReview() async throws(Refusal) -> Set<String> {
        let queue = try await attempt { try await store.privacyQueue(includingDecided: false) }
        return Set(queue.filter(\.isPending).map(\.reference))
    }
}
