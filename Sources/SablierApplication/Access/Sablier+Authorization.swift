public import SablierCore
public import SablierStore

extension Sablier {
    /// Opens the command line's session for `name`: a user of the store, active.
    ///
    /// An unknown or disabled user is refused, and the refusal is audited under that name.
    public func localSession(_ name: String) async throws(Refusal) -> Session {
        let user = try await attempt { try await store.user(name) }
        guard let user else {
            if try await attempt({ try await store.users().isEmpty }) { throw Refusal(.noUsers) }
            throw await audited(Refusal(.unknownUser, ["user": name]), by: name, useCase: "session", details: [:])
        }
        guard user.active else {
            throw await audited(Refusal(.disabledUser, ["user": name]), by: name, useCase: "session", details: [:])
        }
        return Session(user: user, authentication: .local)
    }

    /// The access `session` has to `permission`: the user as stored now, active, holding it.
    ///
    /// A refusal names the missing permission and is written to the audit trail before it is thrown.
    func authorize(_ session: Session, _ permission: Permission, _ useCase: String) async throws(Refusal) -> Access {
        let name = session.user.name
        if session.mustChangePassword {
            throw await audited(Refusal(.passwordChangeRequired, ["user": name]), by: name, useCase: useCase,
                                details: ["permission": permission.rawValue])
        }
        let user = try await attempt { try await store.user(name) }
        switch Access.decide(user, name: name, permission: permission) {
        case .success(let access):
            return access
        case .failure(let refusal):
            throw await audited(refusal, by: name, useCase: useCase, details: ["permission": permission.rawValue])
        }
    }

    /// Writes a refusal to the audit trail and returns it to be thrown.
    ///
    /// `details` may say more than the refusal does (that a document belongs to another unit,
    /// for example): the trail is read by the auditor, never by the person refused.
    func audited(_ refusal: Refusal, by user: String, useCase: String, details: [String: String]) async -> Refusal {
        var details = details
        details["code"] = refusal.code.rawValue
        for (key, value) in refusal.values where details[key] == nil { details[key] = value }
        do {
            try await store.appendAudit(user: user, action: "refused", target: "use case \(useCase)", details: details, at: clock.now)
        } catch let failure as Refusal {
            // The trail refused the entry (no audit key): that says more than the refusal it records.
            return failure
        } catch {
            return Refusal(.storeFailure, ["detail": "\(error)"])
        }
        return refusal
    }

    /// Runs store work for `user`; a refusal it throws (a rule of the domain, a missing thing)
    /// is written to the audit trail before it is thrown, so that what was refused is on
    /// record as what was done is. A failure of the store itself is not audited: the store
    /// that failed is where the entry would go.
    func auditingRefusals<T>(by user: String, useCase: String, permission: Permission? = nil, details: [String: String] = [:],
                             _ body: () async throws -> T) async throws(Refusal) -> T {
        do throws(Refusal) {
            return try await attempt(body)
        } catch {
            guard error.kind != .failure, error.code != .storeDamaged else { throw error }
            var details = details
            if let permission { details["permission"] = permission.rawValue }
            throw await audited(error, by: user, useCase: useCase, details: details)
        }
    }

    /// Audits a refusal found by the use case itself (its input), then returns it to be thrown.
    func refusing(_ refusal: Refusal, by user: String, useCase: String) async -> Refusal {
        await audited(refusal, by: user, useCase: useCase, details: [:])
    }

    /// Runs store work and turns its failures into refusals: a refusal passes through; a
    /// storage failure becomes `store.failure` or `store.damaged`, naming what the store said.
    func attempt<T>(_ body: () async throws -> T) async throws(Refusal) -> T {
        do {
            return try await body()
        } catch let refusal as Refusal {
            throw refusal
        } catch let error as StoreError {
            throw Refusal(error)
        } catch {
            throw Refusal(.storeFailure, ["detail": "\(error)"])
        }
    }
}

extension Refusal {
    /// A storage failure as a refusal: a file that is not a Sablier store (or holds what
    /// Sablier cannot read) is damaged data; anything else, a failure.
    public init(_ error: StoreError) {
        switch error.code {
        case .corruptData, .notASablierStore, .notADatabase, .newerSchema:
            self.init(.storeDamaged, ["detail": error.description])
        default:
            self.init(.storeFailure, ["detail": error.description])
        }
    }
}
