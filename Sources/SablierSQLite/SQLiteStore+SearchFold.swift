import GRDB
import SablierStore

extension SQLiteStore {
    /// `sablier_fold(text)`: the text a search compares, folded by `SQLDialect.folded(_:)`, the
    /// table PostgreSQL's `translate` spells too, so that `~` and `^=` find the same documents
    /// on both backends. Registered on every connection the store opens; NULL stays NULL, and a
    /// value that is not text is compared as it is.
    static let searchFold = DatabaseFunction(SQLDialect.sqliteFoldFunction, argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return values[0] }
        return SQLDialect.folded(text)
    }
}
