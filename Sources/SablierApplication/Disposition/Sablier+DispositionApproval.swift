public import SablierCore
import SablierStore

extension Sablier {
    /// `disposition decide`: the keep-or-destroy decision of a sort (T), while the list is proposed.
    public func decideSort(_ session: Session, list number: Int, reference: String, decision: SortDecision,
                           reason: String) async throws(Refusal) -> DispositionItemRecord {
        let useCase = "disposition decide"
        let access = try await authorize(session, .manageDisposition, useCase)
        let item = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number), "reference": reference]) {
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
            let (list, items) = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number)]) {
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
        let list = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number)]) {
            try await store.approveDisposition(number, by: access.user.name, at: clock.now)
        }
        return DispositionListRecord(list)
    }

    /// `disposition cancel`: withdraws a list before its execution began, with the reason.
    public func cancelDisposition(_ session: Session, list number: Int, reason: String) async throws(Refusal) -> DispositionListRecord {
        let useCase = "disposition cancel"
        let access = try await authorize(session, .manageDisposition, useCase)
        let list = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number)]) {
            try await store.cancelDisposition(number, reason: reason, by: access.user.name, at: clock.now)
        }
        return DispositionListRecord(list)
    }
}
