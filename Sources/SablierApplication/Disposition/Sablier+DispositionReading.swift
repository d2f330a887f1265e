public import SablierCore
import SablierStore

extension Sablier {
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
        let (list, all) = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number)]) {
            guard let list = try await store.dispositionList(number) else { throw Refusal(.listNotFound, ["list": String(number)]) }
            return (list, try await store.dispositionItems(of: number))
        }
        let items = all.filter { access.scope == .all || access.reaches(holder: $0.holder) }
        // The steps the list's state allows, of those this person's roles may take; the
        // papers of the whole list, whoever reads (a détenteur reads their extract of them).
        let steps = list.allowedSteps.filter { PermissionMatrix.scope(of: access.user.roles, for: $0.permission) != nil }
        return DispositionListDetail(list: DispositionListRecord(list), items: items.map { DispositionItemRecord($0) },
                                     withheld: all.count - items.count, steps: steps, papers: list.papers(items: all))
    }

    /// `disposition certificate`: the destruction certificate and transfer slip, once
    /// execution began; read as `show` is.
    public func dispositionCertificate(_ session: Session, list number: Int) async throws(Refusal) -> DispositionCertificateRecord {
        let useCase = "disposition certificate"
        let access = try await authorize(session, .readDisposition, useCase)
        let certificate = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["list": String(number)]) {
            try await store.dispositionCertificate(number)
        }
        let entries = certificate.entries.filter { access.scope == .all || access.reaches(holder: $0.holder) }
        return DispositionCertificateRecord(certificate, entries: entries, withheld: certificate.entries.count - entries.count)
    }

    /// `disposition certificate --kind`: one document people sign for a list, with only the
    /// entries that belong on it — the destruction certificate, the documents destroyed; the
    /// transfer slip, those deposited, kept after a sort, or transferred — read as `show` is.
    ///
    /// Refused (conflict) while the list has no such document: before its execution began
    /// (`disposition.not-executed`), and for a list none of whose documents goes on it
    /// (`disposition.no-certificate`, `disposition.no-slip`), whoever reads. `withheld`
    /// counts the entries of this document the reader may not see.
    public func dispositionCertificate(_ session: Session, list number: Int,
                                       kind paper: DispositionPaper) async throws(Refusal) -> DispositionCertificateRecord {
        let useCase = "disposition certificate"
        let access = try await authorize(session, .readDisposition, useCase)
        let certificate = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                     details: ["list": String(number), "kind": paper.rawValue]) {
            guard let list = try await store.dispositionList(number) else { throw Refusal(.listNotFound, ["list": String(number)]) }
            try list.checkPaper(paper, items: try await store.dispositionItems(of: number))
            return try await store.dispositionCertificate(number)
        }
        let belonging = certificate.entries.filter(paper.holds)
        let entries = belonging.filter { access.scope == .all || access.reaches(holder: $0.holder) }
        return DispositionCertificateRecord(certificate, entries: entries, withheld: belonging.count - entries.count)
    }
}

extension DispositionStep {
    /// The permission of the use case that takes the step: who manages lists decides,
    /// executes and cancels; approving is its own permission.
    public var permission: Permission {
        switch self {
        case .decide, .execute, .resume, .cancel: return .manageDisposition
        case .approve: return .approveDisposition
        }
    }
}
