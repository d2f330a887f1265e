import Foundation
import SablierApplication
import SablierCore

/// What a template is handed: the frame every page shares (language, texts, who is signed in,
/// the navigation, the CSRF token for its forms) and the page's own `content`.
///
/// Templates reach the frame from inside `{{#content}}` too, as Mustache looks names up the
/// context stack: `{{t.save}}` and `{{csrf}}` work anywhere.
struct PageView {
    /// `fr` or `en`, for `<html lang>`.
    let lang: String
    /// The catalogue's texts in the page's language (`Labels`).
    let t: [String: String]
    let title: String
    let user: UserView?
    let nav: [NavItem]
    let csrf: String
    /// A sentence telling what was just done (after a redirect), or nil.
    let notice: String?
    /// The other language's link, back to this page, and its code.
    let languageHref: String
    let otherLang: String
    /// Seconds after which the page reloads itself (a job in progress), or nil.
    let refreshSeconds: Int?
    /// The page's own data: a view struct of the route's family.
    let content: Any
}

/// The signed-in person, in the frame.
struct UserView {
    let name: String
    let unit: String
    let roles: [String]

    init(_ user: User, _ language: Language) {
        name = user.name
        unit = user.unit
        roles = user.roles.sorted().map { RoleNames.name($0, language) }
    }
}

/// One entry of the main navigation.
struct NavItem {
    let href: String
    let label: String
    let current: Bool
}

/// Roles by their title in the page's language.
enum RoleNames {
    static func name(_ role: Role, _ language: Language) -> String {
        if language == .fr { return role.title }
        switch role {
        case .rsi: return "Chief information security officer"
        case .gestionDocumentaire: return "Records manager"
        case .aiprp: return "Access and privacy officer"
        case .detenteur: return "Information holder"
        case .utilisateur: return "User"
        case .csgi: return "Incident coordinator"
        case .verificateur: return "Auditor"
        }
    }
}

/// The sections of the site, each shown to whoever holds its permission.
enum Section: String, CaseIterable {
    case dashboard, calendar, register, due, disposition, privacy, audit, users, incidents, holds

    var href: String {
        switch self {
        case .dashboard: return "/tableau-de-bord"
        case .calendar: return "/calendrier"
        case .register: return "/registre"
        case .due: return "/echeancier"
        case .disposition: return "/listes"
        case .privacy: return "/renseignements-personnels"
        case .audit: return "/journal"
        case .users: return "/utilisateurs"
        case .incidents: return "/incidents"
        case .holds: return "/gels"
        }
    }

    var labelKey: String { "nav_\(rawValue)" }

    /// The permissions any one of which opens the section; the use cases still decide.
    var permissions: [Permission] {
        switch self {
        case .dashboard: return []
        case .calendar: return [.readCalendar]
        case .register: return [.readDocuments]
        case .due: return [.readDue]
        case .disposition: return [.readDisposition]
        case .privacy: return [.reviewPrivacy, .scanPrivacy]
        case .audit: return [.readAudit]
        case .users: return [.readUsers]
        case .incidents: return [.manageIncidents, .reportIncident]
        case .holds: return [.readHolds]
        }
    }

    func isOpen(to user: User) -> Bool {
        permissions.isEmpty || permissions.contains { PermissionMatrix.scope(of: user.roles, for: $0) != nil }
    }

    /// The section a path belongs to, for the navigation's `aria-current`.
    static func of(path: String) -> Section? {
        allCases.first { path == $0.href || path.hasPrefix($0.href + "/") }
    }
}
