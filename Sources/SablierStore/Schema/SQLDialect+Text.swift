/// How text is compared for a search, the same on every backend.
///
/// A records manager types "ecole" or "école" and expects "École primaire", "ÉCOLE" and "Ecole"
/// alike: titles are written with and without accents (capitals often lose theirs), in capitals
/// or not. So a text search folds case AND the accents of French (and the other Latin letters
/// found in names) on both sides. It must fold the same on both backends, or the same register
/// answers the same query differently: SQLite's `LOWER` folds ASCII only, PostgreSQL's folds
/// what the database's locale says. Neither is used alone: the fold is one table of letters,
/// here, that folds the query's value in Swift, SQLite's column through a function the store
/// registers, and PostgreSQL's through `translate`.
extension SQLDialect {
    /// The letters a search folds, each with what it becomes; ASCII capitals become lowercase
    /// besides. Scalars, not characters: a decomposed "é" (e + combining accent) is stored and
    /// compared as two scalars on both backends, and folds to "e" + the accent on both sides.
    static let foldedLetters: [(Unicode.Scalar, String)] = {
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"), ("œŒ", "oe"), ("æÆ", "ae"),
        ]
        return groups.flatMap { letters, folded in letters.unicodeScalars.map { ($0, folded) } }
    }()

    static let foldedByScalar: [Unicode.Scalar: String] = Dictionary(uniqueKeysWithValues: foldedLetters)

    /// `text` as a search compares it: ASCII lowercase, the letters of `foldedLetters` replaced.
    public static func folded(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let folded = foldedByScalar[scalar] {
                result += folded
            } else if ("A"..."Z").contains(scalar) {
                result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The name of the SQLite function that folds as `folded(_:)`, which the SQLite store
    /// registers on its connection (SQLite has no `translate`, and a `REPLACE` per letter
    /// nests deeper than its parser's stack allows).
    public static let sqliteFoldFunction = "sablier_fold"

    /// The SQL expression of `expression` folded as `folded(_:)` folds a value: on SQLite the
    /// store's function running `folded(_:)` itself; on PostgreSQL `translate` (letter for
    /// letter, whatever the locale) then `replace` for the ligatures.
    public func folded(_ expression: String) -> String {
        switch backend {
        case .sqlite:
            return "\(Self.sqliteFoldFunction)(\(expression))"
        case .postgresql:
            let single = Self.foldedLetters.filter { $0.1.unicodeScalars.count == 1 }
            let from = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + single.map { String($0.0) }.joined()
            let to = "abcdefghijklmnopqrstuvwxyz" + single.map(\.1).joined()
            let translated = "translate(\(expression), '\(from)', '\(to)')"
            return Self.foldedLetters.filter { $0.1.unicodeScalars.count > 1 }
                .reduce(translated) { sql, pair in "replace(\(sql), '\(pair.0)', '\(pair.1)')" }
        }
    }

    /// PostgreSQL's spellings with SQLite's `?` markers: for a shared statement fragment that
    /// `PostgresTransaction` numbers itself with the rest of its statement.
    public static let postgresqlWithQuestionMarks = SQLDialect(backend: .postgresql, binaryType: "BYTEA", parameter: { _ in "?" })
}
