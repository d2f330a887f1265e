public import Foundation
public import SablierCore

/// What the application needs to tell each détenteur what concerns their unit: the users'
/// e-mail addresses.
///
/// The users themselves (and their addresses) are read through `AccountabilityStore.users()`;
/// what a notice says is read from the register, disposition and loan stores.
public protocol NoticeStore: Sendable {
    /// Sets (or with nil clears) the e-mail address of user `name`, in one transaction with its
    /// audit entry `user.email`; the address is checked by `EmailAddress.checked` inside it.
    /// Refused for a user that does not exist (`users.not-found`). Returns the user as stored.
    @discardableResult
    func setEmail(_ email: String?, of name: String, by actor: String, at instant: Date) async throws -> User
}
