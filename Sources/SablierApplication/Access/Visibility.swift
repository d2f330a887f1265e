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

/// How a reader sees a document on a list of obligations (what is due, what waits, what a
/// disposition list proposes): whole, masked, or not at all.
///
/// Nothing due may be hidden from those who answer for it: an organisation-wide reader sees
/// every line, a confidential one with its title masked, since a title can name a person. A
/// détenteur sees their unit's lines; the AIPRP officer reading through their `reviewed`
/// scope, the documents they reviewed.
struct ObligationView: Sendable {
    enum Line { case whole, masked }

    let visibility: Visibility
    /// The documents the AIPRP officer reviewed, when they read through that scope alone.
    let reviewed: Set<String>?

    /// How the line of `reference` reads; nil when it is withheld.
    func line(_ reference: String, holder: String) -> Line? {
        if let reviewed { return reviewed.contains(reference) ? .whole : nil }
        if visibility.allows(reference, holder: holder) { return .whole }
        return visibility.access.scope == .all ? .masked : nil
    }
}

extension Sablier {
    /// The view of `access` over lists of obligations; the reviewed documents read once.
    func obligationView(_ access: Access) async throws(Refusal) -> ObligationView {
        let reviewed = access.scope == .reviewed ? try await attempt { try await store.reviewedReferences() } : nil
        return ObligationView(visibility: try await visibility(access), reviewed: reviewed)
    }
}
