public import SablierCore

extension Sablier {
    /// Runs store work for `user`; a refusal it throws (a rule of the domain, a missing thing)
    /// is written to the audit trail before it is thrown, so that what was refused is on
    /// record as what was done is. A failure of the store itself is not audited: the store
    /// that failed is where the entry would go.
    func auditingRefusals<T>(by user: String, useCase: String, details: [String: String] = [:],
                             _ body: () async throws -> T) async throws(Refusal) -> T {
        do throws(Refusal) {
            return try await attempt(body)
        } catch {
            guard error.kind != .failure else { throw error }
            throw await audited(error, by: user, useCase: useCase, details: details)
        }
    }

    /// Audits a refusal found by the use case itself (its input), then returns it to be thrown.
    func refusing(_ refusal: Refusal, by user: String, useCase: String) async -> Refusal {
        await audited(refusal, by: user, useCase: useCase, details: [:])
    }
}
