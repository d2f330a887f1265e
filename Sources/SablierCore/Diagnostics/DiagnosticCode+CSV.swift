/// A CSV file's problems of shape, whatever it holds (a register, a calendar spreadsheet):
/// malformed CSV, an empty file, a header without its required columns, rows of the wrong width.
/// `field` is a field's position in its record, from 1.
extension DiagnosticCode {
    /// `field`, `line` (where the quote opens), `end` (the file's last line).
    public static let csvUnterminatedQuote = Self(
        "csv.unterminated-quote", "the quoted field {field} opened on line {line} is never closed (end of file reached on line {end})")
    /// `field`.
    public static let csvQuoteInUnquotedField = Self(
        "csv.quote-in-unquoted-field",
        "a quote (\") inside field {field}, which is not quoted; quote the whole field and double the quote (\"\")")
    /// `field`.
    public static let csvTextAfterClosingQuote = Self(
        "csv.text-after-closing-quote", "text after the closing quote of field {field}; a quote inside a quoted field must be doubled (\"\")")
    /// `field`, `byte` (two hexadecimal digits).
    public static let csvInvalidUTF8 = Self(
        "csv.invalid-utf8",
        "invalid UTF-8 (byte 0x{byte}) in field {field}; the file is probably in Windows-1252 or Latin-1: save it as CSV UTF-8")
    public static let csvEmpty = Self("csv.empty", "the file is empty: a header row is expected")
    /// `count`, `columns` (one a line).
    public static let csvMissingColumns = Self("csv.missing-columns", "the header lacks the required column{count/s} {columns/list}")
    /// `count` (the record's fields), `expected` (the header's).
    public static let csvFieldCount = Self("csv.field-count", "the record has {count} field{count/s} but the header has {expected}")
    /// `count`, `expected`.
    public static let csvExtraEmptyFields = Self(
        "csv.extra-empty-fields", "the record has {count} field{count/s} but the header has {expected}; the extra empty fields are ignored")
    /// `count`, `expected`.
    public static let csvMissingFields = Self(
        "csv.missing-fields", "the record has {count} field{count/s} but the header has {expected}; the missing fields are read as empty")

    static let csv: [Self] = [
        csvUnterminatedQuote, csvQuoteInUnquotedField, csvTextAfterClosingQuote, csvInvalidUTF8, csvEmpty, csvMissingColumns,
        csvFieldCount, csvExtraEmptyFields, csvMissingFields,
    ]
}
