import SablierCore
import SablierStore

extension Sablier {
    /// Reads the confidential documents once for the use case.
    func visibility(_ access: Access) async throws(Refusal) -> Visibility {
        let confidential = try await attempt { try await store.confidentialReferences() }
        return Visibility(access: access, confidential: confidential)
    }

    /// The document, when the access may see it; otherwise the same refusal as a reference
    /// that does not exist, so that nobody learns another unit's references. The real reason
    /// goes to the audit trail.
    func visibleDocument(_ reference: String, _ visibility: Visibility, useCase: String) async throws(Refusal) -> RegisteredDocument {
        let found = try await attempt { try await store.document(reference) }
        let notFound = Refusal(.documentNotFound, ["reference": reference])
        guard let found else {
            throw await audited(notFound, by: visibility.access.user.name, useCase: useCase,
                                details: ["permission": visibility.access.permission.rawValue, "reason": "not-registered"])
        }
        guard visibility.allows(reference, holder: found.document.holder) else {
            let why = visibility.confidential.contains(reference) && visibility.access.reaches(holder: found.document.holder)
                ? "confidential" : "outside-unit"
            throw await audited(notFound, by: visibility.access.user.name, useCase: useCase,
                                details: ["permission": visibility.access.permission.rawValue, "reason": why])
        }
        return found
    }
}
