/// Which documents an access may see: its unit scope, and the documents the AIPRP review
/// confirmed as confidential, which only their holder unit and the AIPRP officer see.
///
/// One rule for every use that touches a document: listing it, reading it, naming it as the
/// version a new document replaces or the original it digitizes.
public struct Visibility: Sendable, Hashable {
    public let access: Access
    public let confidential: Set<String>

    public init(access: Access, confidential: Set<String>) {
        self.access = access
        self.confidential = confidential
    }

    public func allows(_ reference: String, holder: String) -> Bool {
        access.reaches(holder: holder, confidential: confidential.contains(reference))
    }

    /// True when `allows` holds for every document, so that a listing may let the store limit it.
    public var allowsAll: Bool {
        access.scope == .all && (confidential.isEmpty || access.user.roles.contains(.aiprp))
    }
}
