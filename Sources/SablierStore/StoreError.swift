/// A storage failure, in plain language, naming the database and the version concerned.
///
/// Only failures of storage itself: what a request may not do is a domain `Refusal`, which the
/// store throws as the Core's rules decide it.
///
/// A public struct over a private enum (as swift-argument-parser's `ValidationError`), so new
/// reasons can be added without breaking clients; match on `code` when the kind matters.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The kind of failure, for programs; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let description: String
        private init(_ description: String) { self.description = description }

        /// The file exists but is not a database at all.
        public static let notADatabase = Code("notADatabase")
        /// The database belongs to another application.
        public static let notASablierStore = Code("notASablierStore")
        /// The database carries schema migrations this Sablier does not know.
        public static let newerSchema = Code("newerSchema")
        /// The database could not be opened or created (permissions, missing directory, …).
        public static let cannotOpen = Code("cannotOpen")
        public static let versionNotFound = Code("versionNotFound")
        /// The version to store is inconsistent (hash, unstorable value, duplicate rule number).
        public static let invalidVersion = Code("invalidVersion")
        /// Stored data that cannot be read back as a calendar.
        public static let corruptData = Code("corruptData")
        /// Any other failure reported by the database.
        public static let databaseFailure = Code("databaseFailure")
    }

    private enum Reason: Sendable {
        case notADatabase(database: String)
        case notASablierStore(database: String, detail: String)
        case newerSchema(database: String, unknownMigrations: [String])
        case cannotOpen(database: String, detail: String)
        case versionNotFound(Int)
        case invalidVersion(String)
        case corruptData(database: String, detail: String)
        case databaseFailure(database: String, operation: String, detail: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    public static func notADatabase(_ database: String) -> StoreError {
        StoreError(.notADatabase(database: database))
    }

    public static func notASablierStore(_ database: String, detail: String) -> StoreError {
        StoreError(.notASablierStore(database: database, detail: detail))
    }

    public static func newerSchema(_ database: String, unknownMigrations: [String]) -> StoreError {
        StoreError(.newerSchema(database: database, unknownMigrations: unknownMigrations))
    }

    public static func cannotOpen(_ database: String, detail: String) -> StoreError {
        StoreError(.cannotOpen(database: database, detail: detail))
    }

    public static func versionNotFound(_ number: Int) -> StoreError {
        StoreError(.versionNotFound(number))
    }

    public static func invalidVersion(_ message: String) -> StoreError {
        StoreError(.invalidVersion(message))
    }

    public static func corruptData(_ database: String, detail: String) -> StoreError {
        StoreError(.corruptData(database: database, detail: detail))
    }

    /// `operation` says what was being done: "storing version 4", "reading version 2", …
    public static func databaseFailure(_ database: String, operation: String, detail: String) -> StoreError {
        StoreError(.databaseFailure(database: database, operation: operation, detail: detail))
    }

    public var code: Code {
        switch reason {
        case .notADatabase: return .notADatabase
        case .notASablierStore: return .notASablierStore
        case .newerSchema: return .newerSchema
        case .cannotOpen: return .cannotOpen
        case .versionNotFound: return .versionNotFound
        case .invalidVersion: return .invalidVersion
        case .corruptData: return .corruptData
        case .databaseFailure: return .databaseFailure
        }
    }

    public var description: String {
        switch reason {
        case .notADatabase(let database):
            return "database file \(database) is not a Sablier store: it is not a database"
        case .notASablierStore(let database, let detail):
            return "database file \(database) is not a Sablier store: \(detail)"
        case .newerSchema(let database, let unknown):
            let list = unknown.joined(separator: ", ")
            return "the database \(database) was created by a newer Sablier (schema migration \(list) unknown); upgrade Sablier to use it"
        case .cannotOpen(let database, let detail):
            return "cannot open the database \(database): \(detail)"
        case .versionNotFound(let number):
            return "version \(number) does not exist"
        case .invalidVersion(let message):
            return "cannot store the calendar version: \(message)"
        case .corruptData(let database, let detail):
            return "the database \(database) holds data Sablier cannot read: \(detail)"
        case .databaseFailure(let database, let operation, let detail):
            return "database \(database) failed while \(operation): \(detail)"
        }
    }
}
