extension StoreSchema {
    /// The PostgreSQL statement that gives every text column of the store's schema the "C"
    /// collation, byte order, the order SQLite compares text in (its BINARY collation).
    ///
    /// Why: the due list, the lists and the certificates are ordered by reference and other
    /// text. A column compared with the database's collation orders as that locale says: a
    /// server created with fr_CA.UTF-8 puts "école" before "Zèbre", SQLite after, so the same
    /// register would give another due list once copied to PostgreSQL. With the collation on
    /// the columns, every ORDER BY, MIN, MAX and comparison of them (and of expressions over
    /// them) is byte-wise whatever the database was created with, and the statements need say
    /// nothing. UTF-8's byte order is code point order, so both stores order the same.
    ///
    /// A migration that adds a text column on PostgreSQL ends with this statement again
    /// (`StoreSchemaTests` checks that no text column is left in the database's collation).
    public static let textColumnsInByteOrder = """
        DO $$
        DECLARE c record;
        BEGIN
            FOR c IN SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type = 'text'
                  AND (collation_name IS NULL OR collation_name <> 'C')
            LOOP
                EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', c.table_name, c.column_name);
            END LOOP;
        END $$
        """

    /// Text compares byte-wise on PostgreSQL as on SQLite, whatever the database's collation
    /// (`textColumnsInByteOrder`). Nothing to do on SQLite, whose text is compared byte-wise.
    static let v18TextByteOrder = Migration(name: "v18-text-byte-order", statements: [], only: [
        .postgresql: [textColumnsInByteOrder]
    ])
}
