public import SablierCore
import SablierStore

/// A move of a box in its history: `box history --format json`.
public struct BoxMoveEntry: Sendable, Hashable, Codable {
    public var box: String
    public var position: Int
    /// `moved`, `lent` or `returned`.
    public var kind: String
    public var on: String
    public var by: String
    public var from: String?
    public var to: String?
    public var loan: Int?
    public var reason: String?

    init(_ move: BoxMove) {
        box = move.box; position = move.position; kind = move.kind.rawValue; on = move.movedOn.description; by = move.movedBy
        from = move.from?.description; to = move.to?.description; loan = move.loan; reason = move.reason
    }
}

extension Sablier {
    /// Moves a box to another place (`building / room / shelving`), saying why; the move joins
    /// its history. A lent box comes back by its loan's return, not by a move.
    public func moveBox(_ session: Session, _ code: String, to location: String, on day: CivilDate? = nil,
                        reason: String) async throws(Refusal) -> BoxMoveEntry {
        let useCase = "box move"
        let access = try await authorize(session, .manageLoans, useCase)
        let move = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                              details: ["box": code]) {
            let code = try Refusal.requireText(code, "box")
            let place = PhysicalLocation(slashed: try Refusal.requireText(location, "to"))
            let reason = try Refusal.requireText(reason, "reason")
            return try await store.moveBox(code, to: place, on: day ?? clock.today, reason: reason, by: access.user.name, at: clock.now)
        }
        return BoxMoveEntry(move)
    }

    /// A box's moves, oldest first, its loans included. A détenteur reads the history of a box
    /// that holds documents of their unit; any other box is, to them, not registered.
    public func boxHistory(_ session: Session, _ code: String) async throws(Refusal) -> [BoxMoveEntry] {
        let useCase = "box history"
        let access = try await authorize(session, .readLoans, useCase)
        if access.scope != .all {
            let holders = try await attempt {
                try await store.documents(matching: try DocumentQuery(field: "box", "=", code), limit: nil).map(\.document.holder)
            }
            guard holders.contains(where: { access.reaches(holder: $0) }) else {
                throw await audited(Refusal(.boxNotFound, ["box": code]), by: access.user.name, useCase: useCase,
                                    details: ["permission": access.permission.rawValue, "reason": "outside-unit"])
            }
        }
        return try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission, details: ["box": code]) {
            try await store.boxMoves(code).map(BoxMoveEntry.init)
        }
    }
}
