public import SablierCore

/// One value the register repeats across many documents of many units, proposed to the AIPRP
/// officer as one of the organisation's public identifiers (`privacy public suggest`). It is
/// only a proposal: nothing is public until a person declares it (`privacy public add`).
public struct PublicIdentifierSuggestion: Sendable, Hashable, Codable {
    /// `PublicIdentifier.Kind`'s code: phone, postal-code, email-domain or address.
    public var kind: String
    /// In the form `privacy public add` stores and the scanner compares.
    public var value: String
    /// The documents whose text holds it…
    public var documents: Int
    /// …and how many units (détenteurs) hold those documents.
    public var units: Int
    /// The references of the first documents that hold it (at most three, all visible to the
    /// reader), so that the officer can look at them before confirming.
    public var examples: [String]

    public init(kind: String, value: String, documents: Int, units: Int, examples: [String] = []) {
        self.kind = kind
        self.value = value
        self.documents = documents
        self.units = units
        self.examples = examples
    }
}

/// What `privacy public suggest` read and proposes, most frequent first.
public struct PublicIdentifierSuggestions: Sendable, Hashable, Codable {
    /// A value is proposed from this many documents…
    public var minDocuments: Int
    /// …held by at least this many units.
    public var minUnits: Int
    /// Documents whose text was read.
    public var documentsRead: Int
    /// Documents with a file that could not be read (missing, outside the roots, no text):
    /// `privacy scan --all` reports each.
    public var unreadable: Int
    /// Documents the reader may not see, left out.
    public var withheld: Int
    public var suggestions: [PublicIdentifierSuggestion]
}

/// What declaring public identifiers did: the identifiers, as stored, and the documents that
/// were flagged by telephone numbers, postal codes, e-mail addresses or street addresses alone,
/// scanned again at once.
public struct PublicIdentifierAddition: Sendable, Hashable, Codable {
    public var identifiers: [PublicIdentifier]
    /// Documents scanned again because their last scan flagged only a letterhead's kinds.
    public var rescanned: Int
    /// Of those, the ones no longer waiting for the AIPRP officer: they held only the
    /// organisation's own identifiers.
    public var leftQueue: Int
    /// Documents that should have been scanned again but could not be (file missing or
    /// unreadable, store failing): they wait in the queue until `privacy scan --all`.
    public var notRescanned: Int
    /// Why, one refusal per document not scanned again (or one for the whole rescan when the
    /// queue could not be read), said in the catalogue's words; the identifiers stand.
    public var rescanProblems: [Refusal]
}
