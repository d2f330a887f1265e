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
        a == b || a.trimmingSpaces().lowercased() == b.trimmingSpaces().lowercased()
    }

    /// Decides whether `user` may use `permission`: the access, or why not.
    public static func decide(_ user: User?, name: String, permission: Permission) -> Result<Access, AccessRefusal> {
        guard let user else { return .failure(.unknownUser(name)) }
        guard user.active else { return .failure(.disabledUser(name)) }
        guard let scope = PermissionMatrix.scope(of: user.roles, for: permission) else {
            return .failure(.missingPermission(name, permission))
        }
        return .success(Access(user: user, permission: permission, scope: scope))
    }
}

/// Why a user may not act: the sentence printed and audited.
public enum AccessRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownUser(String)
    case disabledUser(String)
    case missingPermission(String, Permission)
    /// The permission is held for the user's unit, and the document belongs to another.
    case outsideUnit(String, Permission, reference: String)
    /// The document is confidential (confirmed by the AIPRP review): its holder unit and the
    /// AIPRP officer only.
    case confidential(String, reference: String)

    public var description: String {
        switch self {
        case .unknownUser(let name):
            return "user \(name) is not a Sablier user; the RSI adds users with `sablier user add`"
        case .disabledUser(let name):
            return "user \(name) is disabled"
        case .missingPermission(let name, let permission):
            let roles = PermissionMatrix.roles(holding: permission).map(\.rawValue).joined(separator: ", ")
            return "user \(name) lacks the permission \(permission.rawValue) (held by: \(roles))"
        case .outsideUnit(let name, let permission, let reference):
            return "user \(name) holds \(permission.rawValue) for their own unit only, and document \(reference) belongs to another"
        case .confidential(let name, let reference):
            return "document \(reference) is confidential (personal information confirmed by the AIPRP review): only its holder unit and the AIPRP officer see it, not \(name)"
        }
    }
}
