import SablierCore
import SablierStore

extension Sablier {
    /// Runs store work for `access`; a refusal (not a storage failure) is written to the audit
    /// trail before it is thrown, so that a refused step leaves its trace and nothing else.
    func refusingAudited<T>(_ access: Access, _ useCase: String, _ details: [String: String],
                            _ body: () async throws -> T) async throws(Refusal) -> T {
        do throws(Refusal) {
            return try await attempt(body)
        } catch {
            guard error.kind != .failure, error.code != .storeDamaged else { throw error }
            throw await audited(error, by: access.user.name, useCase: useCase,
                                details: details.merging(["permission": access.permission.rawValue]) { first, _ in first })
        }
    }
}
