/// A user allowed to run one command: who, and over which documents.
public struct Access: Sendable, Hashable {
    public var user: User
    public var permission: Permission
    public var scope: PermissionScope

    /// Whether the user may use the permission on a document held by `holder`.
    ///
    /// Confidential documents (confirmed by the AIPRP review) are reachable only by their holder
    /// unit and the AIPRP officer, whatever the scope.
    public func reaches(holder: String, confidential: Bool = false) -> Bool {
        // The unit is compared only when the answer depends on it: listings ask this for
        // every row, and folding two strings' case per row was a fifth of `sablier due`.
        if confidential { return user.roles.contains(.aiprp) || Access.sameUnit(user.unit, holder) }
        switch scope {
        case .all: return true
        case .ownUnit: return Access.sameUnit(user.unit, holder)
        // Reviewed documents are known by reference, not by unit: the use case asks the store.
        case .reviewed: return false
        }
    }

    /// The unit the access is limited to (a détenteur's own), or nil when it is organisation-wide.
    public var restrictedUnit: String? { scope == .ownUnit ? user.unit : nil }

    /// Units compared as people write them: case and surrounding spaces do not count.
    public static func sameUnit(_ a: String, _ b: String) -> Bool {
        a == b || unitKey(a) == unitKey(b)
    }

    /// Decides whether `user` may use `permission`: the access, or the refusal (an unknown or
    /// disabled user, a missing permission naming the roles that hold it).
    public static func decide(_ user: User?, name: String, permission: Permission) -> Result<Access, Refusal> {
        guard let user else { return .failure(Refusal(.unknownUser, ["user": name])) }
        guard user.active else { return .failure(Refusal(.disabledUser, ["user": name])) }
        guard let scope = PermissionMatrix.scope(of: user.roles, for: permission) else {
            let holders = PermissionMatrix.roles(holding: permission).map(\.rawValue).joined(separator: ", ")
            return .failure(Refusal(.missingPermission, ["user": name, "permission": permission.rawValue, "roles": holders]))
        }
        return .success(Access(user: user, permission: permission, scope: scope))
    }
}
