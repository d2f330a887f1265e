import Foundation

/// A selection of documents by their fields, written `field OP value` terms joined by `;`:
/// `holder=RH; rule=302.02; closed<2020-07-01; title~grief`.
///
/// Operators: `=` (equal), `~` (contains, ignoring case), `^=` (starts with), and `<`, `<=`,
/// `>`, `>=` for the dates (`opened`, `closed`, `YYYY-MM-DD`). Fields: `reference`, `title`,
/// `rule`, `copy`, `support`, `holder`, `box`, `phase`, `opened`, `closed`. It is kept as
/// written (holds record it); the store turns it into SQL with parameters, never by pasting values
/// (`DocumentQuery+SQL.swift`). A form builds it from its fields with `init(field:_:_:)` and
/// `and(_:)`, never by joining them into text.
public struct DocumentQuery: Sendable, Hashable, CustomStringConvertible {
    public struct Term: Sendable, Hashable {
        public var field: String
        public var op: String
        public var value: String
    }

    public private(set) var terms: [Term]

    package static let textFields = ["reference", "title", "rule", "copy", "support", "holder", "box", "phase"]
    package static let dateFields = ["opened": "opened_on", "closed": "closed_on"]
    package static let operators = ["^=", "<=", ">=", "=", "~", "<", ">"]

    /// Parses the terms; throws a message naming the term that does not read.
    public init(parsing text: String) throws(QueryError) {
        terms = []
        for raw in text.split(separator: ";") {
            let term = raw.trimmingSpaces()
            guard !term.isEmpty else { continue }
            guard let (op, range) = Self.firstOperator(in: term) else {
                throw QueryError("query term '\(term)' has no operator (=, ~, ^=, <, <=, >, >=)")
            }
            let field = term[..<range.lowerBound].trimmingSpaces().lowercased()
            let value = term[range.upperBound...].trimmingSpaces()
            terms.append(try Self.checked(field, op, value, written: term))
        }
        guard !terms.isEmpty else { throw QueryError("the query is empty; write terms such as holder=RH; rule=302.02") }
    }

    /// A query of one term given apart, as a search form's field gives it: the value is taken
    /// whole, so a `;` or an operator inside it is part of the value and adds no term.
    ///
    /// A form must not write the query language by pasting its fields together, since the
    /// language has no quoting: `title~x; holder=RH` would read as two terms.
    public init(field: String, _ op: String, _ value: String) throws(QueryError) {
        let value = value.trimmingSpaces()
        terms = [try Self.checked(field.lowercased(), op, value, written: "\(field)\(op)\(value)")]
    }

    /// This query and the terms of `other`: both must hold.
    public func and(_ other: DocumentQuery) -> DocumentQuery {
        var combined = self
        combined.terms += other.terms
        return combined
    }

    /// The term, once its field, operator and value are known to go together.
    static func checked(_ field: String, _ op: String, _ value: String, written term: String) throws(QueryError) -> Term {
        if let _ = Self.dateFields[field] {
            guard CivilDate(iso: value) != nil else { throw QueryError("query term '\(term)': \(field) takes a date YYYY-MM-DD") }
        } else if Self.textFields.contains(field) {
            guard ["=", "~", "^="].contains(op) else { throw QueryError("query term '\(term)': \(field) takes =, ~ or ^=") }
        } else {
            let known = (Self.textFields + Self.dateFields.keys.sorted()).joined(separator: ", ")
            throw QueryError("query term '\(term)': unknown field '\(field)' (fields: \(known))")
        }
        guard operators.contains(op) else { throw QueryError("query term '\(term)' has no operator (=, ~, ^=, <, <=, >, >=)") }
        guard !value.isEmpty else { throw QueryError("query term '\(term)' has no value") }
        return Term(field: field, op: op, value: value)
    }

    public var description: String {
        terms.map { "\($0.field)\($0.op)\($0.value)" }.joined(separator: "; ")
    }

    /// The operator that comes first in `term` (the longest one at the same place).
    static func firstOperator(in term: String) -> (String, Range<String.Index>)? {
        var best: (String, Range<String.Index>)?
        for op in operators {
            guard let range = term.range(of: op) else { continue }
            if let current = best {
                if range.lowerBound < current.1.lowerBound
                    || (range.lowerBound == current.1.lowerBound && op.count > current.0.count) {
                    best = (op, range)
                }
            } else {
                best = (op, range)
            }
        }
        return best
    }
}

/// A query that does not read, with the sentence that says why.
public struct QueryError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
