public import Foundation
public import SablierCore
public import SablierStore
import GRDB

extension SQLiteStore: NoticeStore {
    public func setEmail(_ email: String?, of name: String, by actor: String, at instant: Date) async throws -> User {
        try await perform("setting the e-mail address of \(name)") { database in
            try await database.write { db in
                _ = try Self.existingUser(name, db)
                var checked: String?
                if let email { checked = try EmailAddress.checked(email) }
                try db.execute(sql: AccountabilityQueries.setUserEmail, arguments: [checked, name])
                // The address is kept in the trail: where a unit's notices go is itself a change
                // someone answers for (redirecting them would hide its obligations).
                try self.audit(db, user: actor, action: "user.email", target: "user \(name)",
                               details: checked.map { ["email": $0] } ?? ["email": "", "cleared": "true"], at: instant)
                return try Self.existingUser(name, db)
            }
        }
    }
}
