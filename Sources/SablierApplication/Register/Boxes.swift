public import SablierCore
import SablierStore

extension Sablier {
    /// Registers a box of non-digital documents.
    public func addBox(_ session: Session, code: String, location: String = "", contents: String? = nil) async throws(Refusal) -> Box {
        let access = try await authorize(session, .registerDocuments, "box add")
        let code = try Refusal.requireText(code, "code")
        let box = Box(code: code, location: PhysicalLocation(slashed: location), contents: contents)
        try await attempt { try await store.addBox(box, by: access.user.name, at: clock.now) }
        return box
    }

    /// The boxes.
    public func boxes(_ session: Session) async throws(Refusal) -> [Box] {
        _ = try await authorize(session, .readDocuments, "box list")
        return try await attempt { try await store.boxes() }
    }
}
