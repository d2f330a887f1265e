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
        return DispositionListDetail(list: DispositionListRecord(list), items: items.map { DispositionItemRecord($0) },
                                     withheld: all.count - items.count)
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
}
