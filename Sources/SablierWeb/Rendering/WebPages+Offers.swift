import SablierApplication
import SablierCore

extension WebPages {
    /// True when the person's roles hold `permission` for some scope: whether a page shows a
    /// form, a button or a link to it.
    ///
    /// Presentation only, as the navigation hides its links: it spares a person a form they
    /// could not use. The use case decides whether the action is allowed (and for which unit),
    /// and refuses a form posted anyway; never use this to allow or deny.
    func offers(_ permission: Permission, to session: Session) -> Bool {
        PermissionMatrix.scope(of: session.user.roles, for: permission) != nil
    }
}
