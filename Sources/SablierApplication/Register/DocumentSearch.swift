public import SablierCore
import SablierStore

/// What the register's search page asks for: a query in the language of `document list`, the
/// form's own fields, and two conditions that language has no field for, since they are
/// counted rather than recorded.
///
/// The fields are apart from `query` because the query language has no quoting: a title
/// containing `x; holder=RH` pasted into the query would add a term. Each field here is one
/// term whatever it holds, and the use case combines them.
public struct DocumentSearch: Sendable, Hashable {
    /// `holder=RH; rule=302.02; closed<2020-07-01; title~grief`, or nil for the whole register.
    public var query: String?
    /// Only documents of this calendar rule (`rule=`).
    public var rule: String?
    /// Only documents held by this unit (`holder=`).
    public var holder: String?
    /// Only documents on this support, by its code (`support=`).
    public var support: String?
    /// Only documents in this phase (`phase=`).
    public var phase: String?
    /// Only documents whose title contains this text, ignoring case (`title~`).
    public var titleContains: String?
    /// Only documents with something due on or before this day.
    public var dueBy: CivilDate?
    /// Only held documents (true) or only documents under no hold (false).
    public var held: Bool?

    public init(query: String? = nil, rule: String? = nil, holder: String? = nil, support: String? = nil, phase: String? = nil,
                titleContains: String? = nil, dueBy: CivilDate? = nil, held: Bool? = nil) {
        self.query = query
        self.rule = rule
        self.holder = holder
        self.support = support
        self.phase = phase
        self.titleContains = titleContains
        self.dueBy = dueBy
        self.held = held
    }

    /// The fields given, as the query's `(field, operator, value)` terms; a blank field is no term.
    var fieldTerms: [(String, String, String)] {
        [("rule", "=", rule), ("holder", "=", holder), ("support", "=", support), ("phase", "=", phase), ("title", "~", titleContains)]
            .compactMap { field, op, value in
                guard let value, !value.trimmingSpaces().isEmpty else { return nil }
                return (field, op, value)
            }
    }

    /// True when nothing narrows the register.
    var isWholeRegister: Bool { query == nil && fieldTerms.isEmpty && dueBy == nil && held == nil }
}

/// One window of a register search: its documents, how many the reader may see in all, and
/// (for the whole register only) how many were left out because the reader may not see them.
public struct DocumentSearchPage: Sendable, Hashable, Codable {
    public var documents: [DocumentEntry]
    public var total: Int
    public var offset: Int
    public var limit: Int
    /// Absent for a narrowed search: the count of hidden documents a search matches would
    /// answer the search about documents the reader may not see (as `documents(query:)`).
    public var withheld: Int?
}

extension Sablier {
    /// The register's search: the documents `search` selects that the reader may see, one
    /// window of `limit` from `offset`, with their total.
    ///
    /// The form's fields are terms added to the query here, each taken whole, so that what a
    /// person types in a field can never add a term of its own.
    ///
    /// The web page's search form asks for the next due date and for holds beside the query;
    /// the register computes both, so they are applied here, after the query and before the
    /// window, rather than by a page counting over a list it was handed.
    public func searchDocuments(_ session: Session, _ search: DocumentSearch, offset: Int = 0,
                                limit: Int = 50) async throws(Refusal) -> DocumentSearchPage {
        let access = try await authorize(session, .readDocuments, "document search")
        var parsed = try parseQuery(search.query)
        for (field, op, value) in search.fieldTerms {
            let term: DocumentQuery
            do {
                term = try DocumentQuery(field: field, op, value)
            } catch {
                throw Refusal(.invalidQuery, ["query": "\(field)\(op)\(value)", "problem": error.description])
            }
            parsed = parsed.map { $0.and(term) } ?? term
        }
        if offset < 0 { throw Refusal(.outOfRange, ["field": "offset", "value": String(offset), "minimum": "0"]) }
        if limit < 1 { throw Refusal(.outOfRange, ["field": "limit", "value": String(limit), "minimum": "1"]) }
        let visibility = try await visibility(access)
        let found = try await attempt { try await store.documents(matching: parsed, limit: nil) }
        var shown: [DocumentEntry] = []
        var total = 0
        var withheld = 0
        for item in found {
            if let dueBy = search.dueBy {
                guard let due = item.retention.dueOn, due <= dueBy else { continue }
            }
            if let held = search.held, item.held != held { continue }
            guard visibility.allows(item.document.reference, holder: item.document.holder) else { withheld += 1; continue }
            if total >= offset && shown.count < limit { shown.append(DocumentEntry(item)) }
            total += 1
        }
        return DocumentSearchPage(documents: shown, total: total, offset: offset, limit: limit,
                                  withheld: search.isWholeRegister ? withheld : nil)
    }
}
