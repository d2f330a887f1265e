public import SablierCore
import SablierStore

extension Sablier {
    /// Registers a box of non-digital documents.
    /// `size` is its shelf space in linear metres (`0.12`), which the volumes report adds up.
    public func addBox(_ session: Session, code: String, location: String = "", contents: String? = nil,
                       size: String? = nil) async throws(Refusal) -> Box {
        let useCase = "box add"
        let access = try await authorize(session, .registerDocuments, useCase)
        let box = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            Box(code: try Refusal.requireText(code, "code"), location: PhysicalLocation(slashed: location), contents: contents,
                linearMillimetres: try size.map { (text: String) throws(Refusal) -> Int in try Box.linearMillimetres(metres: text) })
        }
        try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            try await store.addBox(box, by: access.user.name, at: clock.now)
        }
        return box
    }

    /// The boxes.
    public func boxes(_ session: Session) async throws(Refusal) -> [Box] {
        _ = try await authorize(session, .readDocuments, "box list")
        return try await attempt { try await store.boxes() }
    }
}
