public import Foundation
public import SablierCore
import SablierStore

/// A hold in a listing: `hold list --format json`.
public struct HoldEntry: Sendable, Hashable, Codable {
    public var id: Int
    public var scope: String
    public var target: String
    public var reason: String
    public var placedAt: Date
    public var placedBy: String
    public var releasedAt: Date?
    public var releasedBy: String?
    public var releaseReason: String?
    public var documents: Int

    init(_ hold: Hold) {
        id = hold.id; scope = hold.scope.code; target = hold.scope.target; reason = hold.reason; placedAt = hold.placedAt
        placedBy = hold.placedBy; releasedAt = hold.releasedAt; releasedBy = hold.releasedBy; releaseReason = hold.releaseReason
        documents = hold.documentCount
    }
}

/// What a hold is placed on, as people name it.
public enum HoldTarget: Sendable, Hashable {
    case document(String)
    /// Every document of a rule, now and registered later.
    case rule(String)
    /// The documents a query selects now (`holder=RH; closed<2020-07-01`).
    case query(String)
}

/// Holds, and how many the reader may not see were left out.
public struct HoldListing: Sendable, Hashable, Codable {
    public var holds: [HoldEntry]
    public var withheld: Int
}

extension Sablier {
    /// Places a hold (gel): its documents are never destroyed or sorted until it is released.
    ///
    /// A hold on one document names a document the person may see; a rule or a query hold covers
    /// every document it selects, confidential ones included: a hold protects, it shows nothing.
    public func placeHold(_ session: Session, on target: HoldTarget, reason: String) async throws(Refusal) -> HoldEntry {
        let useCase = "hold place"
        let access = try await authorize(session, .manageHolds, useCase)
        let scope = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            _ = try Refusal.requireText(reason, "reason")
            switch target {
            case .document(let reference): return Hold.Scope.document(try Refusal.requireText(reference, "document"))
            case .rule(let number): return .rule(try Refusal.requireText(number, "rule"))
            case .query(let text): return .query(try parseQuery(text)!)
            }
        }
        if case .document(let reference) = scope {
            _ = try await visibleDocument(reference, try await visibility(access), useCase: useCase)
        }
        let hold = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            try await store.placeHold(scope, reason: reason.trimmingSpaces(), by: access.user.name, at: clock.now)
        }
        return HoldEntry(hold)
    }

    /// Releases a hold, saying why.
    public func releaseHold(_ session: Session, _ id: Int, reason: String) async throws(Refusal) -> HoldEntry {
        let useCase = "hold release"
        let access = try await authorize(session, .manageHolds, useCase)
        let hold = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                              details: ["hold": String(id)]) {
            let reason = try Refusal.requireText(reason, "reason")
            return try await store.releaseHold(id, reason: reason, by: access.user.name, at: clock.now)
        }
        return HoldEntry(hold)
    }

    /// The holds in force (and released ones with `includingReleased`). A détenteur sees the
    /// holds that cover documents of their unit: another unit's hold names its documents and
    /// why they are held. A hold on one document the reader may not see (a confidential one)
    /// is withheld: it names the document.
    public func holds(_ session: Session, includingReleased: Bool = false) async throws(Refusal) -> HoldListing {
        let access = try await authorize(session, .readHolds, "hold list")
        let visibility = try await visibility(access)
        let all = try await attempt { try await store.holds(includingReleased: includingReleased) }
        let shown = all.filter { hold in
            if case .document(let reference) = hold.scope, visibility.confidential.contains(reference),
               !hold.holderUnits.contains(where: { visibility.allows(reference, holder: $0) }) {
                return false
            }
            return access.scope == .all || hold.holderUnits.contains { access.reaches(holder: $0) }
        }
        return HoldListing(holds: shown.map(HoldEntry.init), withheld: all.count - shown.count)
    }
}
