extension Refusal {
    /// A refusal's stable code, `family.what`, and its kind.
    ///
    /// A struct rather than an enum, so that each family declares its codes in its own file
    /// (`Refusal+Disposition.swift`, …); `Code.all` gathers them, and a test holds the message
    /// catalogue to that list in both languages.
    public struct Code: Sendable, Hashable, Codable, CustomStringConvertible {
        public let rawValue: String
        public let kind: Kind

        public init(_ rawValue: String, _ kind: Kind) {
            self.rawValue = rawValue
            self.kind = kind
        }

        public var description: String { rawValue }

        /// Encoded as its text alone: the kind follows from it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            guard let known = Code.all.first(where: { $0.rawValue == raw }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown refusal code \(raw)"))
            }
            self = known
        }

        public static func == (a: Code, b: Code) -> Bool { a.rawValue == b.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

        /// Every code Sablier refuses with, family by family.
        public static var all: [Code] {
            access + input + calendar + register + roots + holds + disposition + privacy + accountability + authentication + store
                + corrections + relinks + loans + reports + notices
        }
    }
}

/// Who may act at all: the refusals of authentication and of the permission matrix.
extension Refusal.Code {
    public static let unknownUser = Self("access.unknown-user", .unauthenticated)
    public static let disabledUser = Self("access.disabled-user", .unauthenticated)
    public static let noUsers = Self("access.no-users", .unauthenticated)
    public static let missingPermission = Self("access.missing-permission", .forbidden)

    static let access: [Self] = [unknownUser, disabledUser, noUsers, missingPermission]
}

/// Input any use case may refuse: values that do not parse, text that must not be empty.
extension Refusal.Code {
    /// A value that is not one of those allowed (`field`, `value`, `allowed`).
    public static let invalidValue = Self("input.invalid-value", .invalidInput)
    /// A text that must say something (`field`).
    public static let emptyText = Self("input.empty", .invalidInput)
    /// A query that does not parse (`query`, `problem`).
    public static let invalidQuery = Self("input.invalid-query", .invalidInput)
    /// A file or form refused with its diagnostics (`file`, `errors`): nothing was written.
    public static let rejectedInput = Self("input.rejected", .invalidInput)
    /// A number out of range (`field`, `value`, `minimum`).
    public static let outOfRange = Self("input.out-of-range", .invalidInput)

    static let input: [Self] = [invalidValue, emptyText, invalidQuery, rejectedInput, outOfRange]
}

/// The store failed or holds what Sablier cannot read.
extension Refusal.Code {
    /// The database failed (`detail`); nothing was changed.
    public static let storeFailure = Self("store.failure", .failure)
    /// The database holds data Sablier cannot read, or is not a Sablier store (`detail`).
    public static let storeDamaged = Self("store.damaged", .integrity)
    /// No store at the path given (`path`): only `init` creates one.
    public static let noStore = Self("store.missing", .notFound)
    /// A PostgreSQL store opened without naming its audit key's file (`location`): a URL has
    /// no folder to look for it beside the database.
    public static let auditKeyFileRequired = Self("store.audit-key-required", .invalidInput)
    /// A copy's target already holds rows (`location`, `table`, `rows`): nothing was copied.
    public static let storeNotEmpty = Self("store.not-empty", .conflict)
    /// A copy whose schemas or counts do not match (`detail`): nothing was committed.
    public static let copyMismatch = Self("store.copy-mismatch", .integrity)

    /// A store named by what looks like a URL but is no PostgreSQL one (`location`, without
    /// its password): a mistyped scheme or a URL that cannot be taken apart, not a file's path.
    public static let malformedStoreURL = Self("store.malformed-url", .invalidInput)
    /// A store named by a folder (`path`): a store is a file or a PostgreSQL database.
    public static let storeIsFolder = Self("store.folder", .notFound)
    /// A copy asked to go elsewhere than into PostgreSQL (`location`).
    public static let copyTargetNotPostgreSQL = Self("store.copy-target", .invalidInput)

    static let store: [Self] = [
        storeFailure, storeDamaged, noStore, auditKeyFileRequired, storeNotEmpty, copyMismatch,
        malformedStoreURL, storeIsFolder, copyTargetNotPostgreSQL,
    ]
}

extension Refusal {
    /// A value not among those allowed.
    public static func invalidValue(_ field: String, _ value: String, allowed: [String]) -> Refusal {
        Refusal(.invalidValue, ["field": field, "value": value, "allowed": allowed.joined(separator: ", ")])
    }

    /// A text that must say something.
    public static func empty(_ field: String) -> Refusal {
        Refusal(.emptyText, ["field": field])
    }

    /// Refuses a text made only of spaces; returns it trimmed.
    public static func requireText(_ text: String?, _ field: String) throws(Refusal) -> String {
        let trimmed = (text ?? "").trimmingSpaces()
        guard !trimmed.isEmpty else { throw empty(field) }
        return trimmed
    }
}
