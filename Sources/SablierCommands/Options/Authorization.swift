import ArgumentParser
import Foundation
import SablierCore
import SablierSQLite
import SablierStore

/// A command that acts as a Sablier user and needs one permission of `PermissionMatrix`.
///
/// The check happens here, in `run()`, for every command: the user named by `--as` (or
/// `$SABLIER_USER`, or the OS user) must exist, be active and hold the permission; a refusal
/// says which permission is missing, is written to the audit trail, and the command's own
/// work never starts.
protocol GuardedCommand: AsyncParsableCommand {
    /// The permission the command needs.
    static var permission: Permission { get }
    var store: StoreOptions { get }
    var actor: ActorOptions { get }
    /// The command's work, once `access` was granted.
    func run(with access: Access) async throws
}

extension GuardedCommand {
    func run() async throws {
        let access = try await Authorization.authorize(Self.permission, actor: actor, store: store,
                                                       command: Self.configuration.commandName ?? "\(Self.self)")
        try await run(with: access)
    }
}

/// The one place where users are checked against the permission matrix.
enum Authorization {
    static func authorize(_ permission: Permission, actor: ActorOptions, store: StoreOptions, command: String) async throws -> Access {
        let accounts = try store.openAccountability()
        let name = actor.resolvedActor
        let user = try await accounts.user(name)
        if user == nil, try await accounts.users().isEmpty {
            throw CommandFailure.invalid("this store has no users yet: create the first one with `sablier init --admin NAME`")
        }
        switch Access.decide(user, name: name, permission: permission) {
        case .success(let access):
            return access
        case .failure(let refusal):
            try await refuse(refusal, permission: permission, command: command, user: name, accounts: accounts)
        }
    }

    /// Audits a refusal, then throws it.
    static func refuse(_ refusal: AccessRefusal, permission: Permission, command: String, user: String,
                       accounts: any AccountabilityStore) async throws -> Never {
        try await accounts.appendAudit(user: user, action: "refused", target: "command \(command)",
                                       details: ["permission": permission.rawValue, "reason": refusal.description], at: Date())
        throw CommandFailure.refused(refusal.description)
    }

}

/// Which documents a granted access may see: its unit scope, and the documents the AIPRP
/// review confirmed as confidential, which only their holder unit and the AIPRP officer see.
struct Visibility {
    let access: Access
    let confidential: Set<String>

    /// Reads the confidential documents once for the command.
    static func load(_ access: Access, store: StoreOptions) async throws -> Visibility {
        let confidential = try await store.sqlite().confidentialReferences()
        return Visibility(access: access, confidential: confidential)
    }

    func allows(_ reference: String, holder: String) -> Bool {
        access.reaches(holder: holder, confidential: confidential.contains(reference))
    }

    /// True when `allows` holds for every document: an organisation-wide access, and no
    /// confidential document or the AIPRP officer. A listing may then let the store limit it.
    var allowsAll: Bool {
        access.scope == .all && (confidential.isEmpty || access.user.roles.contains(.aiprp))
    }

    /// Refuses (and audits) a document the access does not reach.
    func require(_ reference: String, holder: String, store: StoreOptions, command: String) async throws {
        guard !allows(reference, holder: holder) else { return }
        let refusal: AccessRefusal = confidential.contains(reference) && access.reaches(holder: holder)
            ? .confidential(access.user.name, reference: reference)
            : .outsideUnit(access.user.name, access.permission, reference: reference)
        try await Authorization.refuse(refusal, permission: access.permission, command: command, user: access.user.name,
                                       accounts: try store.openAccountability())
    }
}
