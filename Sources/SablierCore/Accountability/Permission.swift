/// What a command needs to run. Each command names exactly one; `PermissionMatrix` says which
/// roles hold it and over which documents.
public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    /// Add, disable users; grant and revoke roles.
    case manageUsers = "users.manage"
    case readUsers = "users.read"
    /// Import calendar versions, confirm 888 events.
    case manageCalendar = "calendar.manage"
    /// Read calendar versions, rules, diffs, exports, open periods.
    case readCalendar = "calendar.read"
    /// Register documents and boxes.
    case registerDocuments = "documents.register"
    /// Record life-cycle events.
    case recordEvents = "documents.events"
    /// Correct a registered document's fields, and point it at its moved file.
    case correctDocuments = "documents.correct"
    /// Move documents to another rule of the calendar in force.
    case reclassifyDocuments = "documents.reclassify"
    /// Read documents: records, events, explanations, impact.
    case readDocuments = "documents.read"
    /// Read the due list and what waits.
    case readDue = "due.read"
    /// Place and release holds.
    case manageHolds = "holds.manage"
    case readHolds = "holds.read"
    /// Propose disposition lists, decide sorts, execute approved lists.
    case manageDisposition = "disposition.manage"
    /// Approve a disposition list (never one's own).
    case approveDisposition = "disposition.approve"
    case readDisposition = "disposition.read"
    /// Scan document content for personal information.
    case scanPrivacy = "privacy.scan"
    /// Review personal-information findings; keep the list of public-character information.
    case reviewPrivacy = "privacy.review"
    /// Read and verify the audit trail.
    case readAudit = "audit.read"
    /// Recompute the SHA-256 of registered files.
    case checkIntegrity = "integrity.check"
    /// Keep the list of folders the register may read files from.
    case manageFileRoots = "roots.manage"
    /// Report an incident.
    case reportIncident = "incidents.report"
    /// Read and update incidents.
    case manageIncidents = "incidents.manage"
    /// Lend paper files and boxes, record their return, move boxes.
    case manageLoans = "loans.manage"
    /// Read loans and the moves of boxes.
    case readLoans = "loans.read"
    /// Read the yearly disposition report and the volumes of the register.
    case readReports = "reports.read"
    /// Send each détenteur the notice of what concerns their unit.
    case sendNotices = "notices.send"
}

/// Over which documents a role holds a permission.
public enum PermissionScope: String, Sendable, Hashable, Codable, Comparable {
    /// The documents the AIPRP officer reviewed (their due list), whatever their unit.
    case reviewed
    /// The documents of the user's own unit only.
    case ownUnit = "unit"
    /// Every document (confidential ones still only for their holder unit and the AIPRP officer).
    case all

    /// Narrowest first: reviewed documents, one unit's, every document.
    public static func < (lhs: PermissionScope, rhs: PermissionScope) -> Bool {
        let order: [PermissionScope] = [.reviewed, .ownUnit, .all]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// The one permission matrix, as `docs/PERMISSIONS.md` writes it (a test compares them cell by
/// cell). Least privilege: a role holds only what its tasks in the policy require.
public enum PermissionMatrix {
    /// The scope `role` holds `permission` with, or nil when it does not hold it.
    public static func scope(of role: Role, for permission: Permission) -> PermissionScope? {
        cells[permission]?[role]
    }

    /// The widest scope any of `roles` holds `permission` with.
    public static func scope(of roles: Set<Role>, for permission: Permission) -> PermissionScope? {
        roles.compactMap { scope(of: $0, for: permission) }.max()
    }

    /// The roles that hold `permission`, for refusal messages.
    public static func roles(holding permission: Permission) -> [Role] {
        Role.allCases.filter { scope(of: $0, for: permission) != nil }
    }

    static let cells: [Permission: [Role: PermissionScope]] = [
        .manageUsers: [.rsi: .all],
        .readUsers: [.rsi: .all, .verificateur: .all],
        .manageCalendar: [.gestionDocumentaire: .all],
        .readCalendar: [.rsi: .all, .gestionDocumentaire: .all, .aiprp: .all, .detenteur: .all, .utilisateur: .all, .csgi: .all, .verificateur: .all],
        .registerDocuments: [.gestionDocumentaire: .all, .detenteur: .ownUnit, .utilisateur: .ownUnit],
        .recordEvents: [.gestionDocumentaire: .all, .detenteur: .ownUnit, .utilisateur: .ownUnit],
        .correctDocuments: [.gestionDocumentaire: .all, .detenteur: .ownUnit],
        .reclassifyDocuments: [.gestionDocumentaire: .all],
        .readDocuments: [.gestionDocumentaire: .all, .aiprp: .all, .detenteur: .ownUnit, .utilisateur: .ownUnit, .verificateur: .all],
        .readDue: [.gestionDocumentaire: .all, .aiprp: .reviewed, .detenteur: .ownUnit, .verificateur: .all],
        .manageHolds: [.gestionDocumentaire: .all, .aiprp: .all],
        .readHolds: [.gestionDocumentaire: .all, .aiprp: .all, .detenteur: .ownUnit, .verificateur: .all],
        .manageDisposition: [.gestionDocumentaire: .all],
        .approveDisposition: [.gestionDocumentaire: .all, .detenteur: .ownUnit],
        .readDisposition: [.gestionDocumentaire: .all, .detenteur: .ownUnit, .verificateur: .all],
        .scanPrivacy: [.gestionDocumentaire: .all, .aiprp: .all],
        .reviewPrivacy: [.aiprp: .all],
        .readAudit: [.rsi: .all, .verificateur: .all],
        .checkIntegrity: [.rsi: .all, .gestionDocumentaire: .all],
        .manageFileRoots: [.rsi: .all, .gestionDocumentaire: .all],
        .reportIncident: [.rsi: .all, .gestionDocumentaire: .all, .aiprp: .all, .detenteur: .all, .utilisateur: .all, .csgi: .all, .verificateur: .all],
        .manageIncidents: [.rsi: .all, .csgi: .all],
        .manageLoans: [.gestionDocumentaire: .all],
        .readLoans: [.gestionDocumentaire: .all, .detenteur: .ownUnit, .verificateur: .all],
        .readReports: [.gestionDocumentaire: .all, .detenteur: .ownUnit, .verificateur: .all],
        .sendNotices: [.gestionDocumentaire: .all],
    ]
}
