public import Foundation
public import SablierCore
public import SablierStore

extension PostgresStore: NoticeStore {
    public func setEmail(_ email: String?, of name: String, by actor: String, at instant: Date) async throws -> User {
        try await write("setting the e-mail address of \(name)") { tx in
            _ = try await Self.existingUser(name, tx)
            var checked: String?
            if let email { checked = try EmailAddress.checked(email) }
            try await tx.execute(AccountabilityQueries.setUserEmail, [checked.map(StoreValue.text) ?? .null, .text(name)])
            // The address is kept in the trail: where a unit's notices go is itself a change
            // someone answers for (redirecting them would hide its obligations).
            try await self.audit(tx, user: actor, action: "user.email", target: "user \(name)",
                                 details: checked.map { ["email": $0] } ?? ["email": "", "cleared": "true"], at: instant)
            return try await Self.existingUser(name, tx)
        }
    }
}
