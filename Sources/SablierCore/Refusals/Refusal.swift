/// Why Sablier will not do what was asked: a stable code and the values its message needs.
///
/// Every layer below the command line and the server refuses with this one type, so that a
/// refusal reads the same wherever it is shown: the code says what happened (and, through
/// its `Kind`, which exit status and HTTP status it gets); the message is written at the
/// edge, in French or English, from the message catalogue. No refusal carries a sentence,
/// and none names a command-line flag.
public struct Refusal: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The code: stable, documented, e.g. `disposition.self-approval`.
    public let code: Code
    /// The values the message names (`list`, `reference`, `user`, …), always as text.
    public let values: [String: String]
    /// For a file or form refused with diagnostics (`input.rejected`, `calendar.rejected`):
    /// every problem, each naming its file, line, column and field.
    public let diagnostics: [Diagnostic]

    public init(_ code: Code, _ values: [String: String] = [:], diagnostics: [Diagnostic] = []) {
        self.code = code
        self.values = values
        self.diagnostics = diagnostics
    }

    /// What kind of refusal it is: the caller's mistake, a missing thing, a missing right,
    /// the state of what is stored, or damage to stored data.
    public var kind: Kind { code.kind }

    /// The code and its values, for logs and tests; people read the catalogue's message.
    public var description: String {
        values.isEmpty ? code.rawValue
            : code.rawValue + " " + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    /// The kinds of refusal. Each maps to one exit status and one HTTP status (README, "Refusals").
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The request itself is wrong: a value out of range, a missing reason, a bad date.
        case invalidInput = "invalid-input"
        /// What it names does not exist, or the caller may not know that it does.
        case notFound = "not-found"
        /// Nobody (or nobody known and active) is signed in.
        case unauthenticated
        /// The person is known and lacks the right.
        case forbidden
        /// The request contradicts what is stored now (a list's state, a duplicate).
        case conflict
        /// Stored data or a registered file is not what was recorded: a person must look.
        case integrity
        /// The store failed (disk, database); nothing was changed.
        case failure

        /// The process exit status of the command line (sysexits.h where one fits).
        public var exitStatus: Int32 {
            switch self {
            case .invalidInput: return 65   // EX_DATAERR
            case .notFound: return 66       // EX_NOINPUT
            case .unauthenticated: return 67 // EX_NOUSER
            case .forbidden: return 77      // EX_NOPERM
            case .conflict: return 75       // EX_TEMPFAIL: try again once the state allows it
            case .integrity: return 74      // EX_IOERR
            case .failure: return 70        // EX_SOFTWARE
            }
        }

        /// The HTTP status of the server's API.
        public var httpStatus: Int {
            switch self {
            case .invalidInput: return 422
            case .notFound: return 404
            case .unauthenticated: return 401
            case .forbidden: return 403
            case .conflict: return 409
            case .integrity: return 409
            case .failure: return 500
            }
        }
    }
}
