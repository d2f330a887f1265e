public import SablierCore
import SablierRegister
import SablierStore

/// A document's card: its record, events and explanation (`DocumentDetail`), and the holds
/// that cover it now, each with its reason.
public struct DocumentCard: Sendable, Hashable, Codable {
    public var detail: DocumentDetail
    public var holds: [HoldEntry]
}

extension Sablier {
    /// One document with the holds that cover it, for the web page's card.
    ///
    /// The explanation already names the holds in a sentence; the card lists them as records
    /// (number, scope, reason, since when). Anyone who may read the document reads its holds:
    /// they are part of why its dates are what they are. Another unit's or a confidential
    /// document is refused exactly as a reference that is not registered.
    public func documentCard(_ session: Session, _ reference: String, asOf: CivilDate? = nil) async throws(Refusal) -> DocumentCard {
        let useCase = "document show"
        let access = try await authorize(session, .readDocuments, useCase)
        let visibility = try await visibility(access)
        _ = try await visibleDocument(reference, visibility, useCase: useCase)
        let date = asOf ?? clock.today
        guard let explanation = try await attempt({ try await RetentionExplanation.explain(reference, asOf: date, store: store) }) else {
            throw Refusal(.documentNotFound, ["reference": reference])
        }
        return DocumentCard(detail: DocumentDetail(explanation), holds: explanation.holds.map(HoldEntry.init))
    }
}
