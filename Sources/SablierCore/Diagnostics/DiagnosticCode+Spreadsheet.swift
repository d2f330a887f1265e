/// A calendar spreadsheet's problems (CSV or OpenDocument), in either layout. A problem of a
/// row's cell is written after `rule R, column 'C': ` on the command line; the pages give the
/// rule and the column cells of their own, and write the sentence alone.
///
/// `layout` is a term (`ADMQ spreadsheet`, `GALA columns`), and so is `what` (`period`,
/// `disposition`, `remark reference`, `support list`).
extension DiagnosticCode {
    /// `admq`, `rule`, `copy` (the columns each layout expects, comma-separated).
    public static let sheetUnrecognisedHeader = Self(
        "spreadsheet.unrecognised-header",
        "unrecognised spreadsheet header: expected the columns of an ADMQ spreadsheet ({admq}) or GALA element names as columns ({rule}, then per copy {copy})")
    /// `layout`, `count`, `columns` (one a line).
    public static let sheetMissingColumns = Self(
        "spreadsheet.missing-columns", "the {layout/term} header lacks the required column{count/s} {columns/list}")
    /// `column`, `layout`.
    public static let sheetUnknownColumn = Self(
        "spreadsheet.unknown-column", "column '{column}' is not part of the {layout/term} layout; it is ignored")
    /// `position` (from 1), `layout`.
    public static let sheetUnnamedColumn = Self(
        "spreadsheet.unnamed-column", "column #{position} (unnamed) is not part of the {layout/term} layout; it is ignored")
    /// `column`, `count`.
    public static let sheetRepeatedColumn = Self(
        "spreadsheet.repeated-column", "column '{column}' appears {count} times; only the first is read")
    public static let sheetBlankRow = Self("spreadsheet.blank-row", "a blank row is ignored")
    /// `count`, `first` (its line).
    public static let sheetBlankRows = Self("spreadsheet.blank-rows", "{count} blank rows (the first on line {first}) are ignored")
    /// `value`, `kept`.
    public static let sheetSettingDiffers = Self(
        "spreadsheet.setting-differs", "\"{value}\" differs from \"{kept}\" given by an earlier row; \"{kept}\" is kept")
    public static let sheetNoSecondaryColumns = Self(
        "spreadsheet.no-secondary-columns",
        "the header has no secondary-copy columns (sec_actif, sec_sa, sec_df, sec_support, …); every rule is read without a secondary copy")
    public static let sheetRowWithoutNumber = Self("spreadsheet.row-without-number", "the row has no rule number; it is ignored")
    /// `column`, `count`.
    public static let sheetGroupColumnOneGroup = Self(
        "spreadsheet.group-column-one-group",
        "column '{column}' appears {count} time{count/s} but there is 1 copy group (columns 'TYPEDOSS'); it is not read")
    /// `column`, `count`, `groups`.
    public static let sheetGroupColumn = Self(
        "spreadsheet.group-column",
        "column '{column}' appears {count} time{count/s} but there are {groups} copy groups (columns 'TYPEDOSS'); it is not read")
    /// `count`, `expected`.
    public static let sheetNumberColumns = Self(
        "spreadsheet.number-columns",
        "column 'NUMREGLE' appears {count} times; expected once for the rule and once per copy group ({expected})")
    /// `count`.
    public static let sheetClassificationMerged = Self(
        "spreadsheet.classification-merged", "column 'CODECLASS' appears {count} times; the codes of all of them are merged")
    public static let sheetTransactionBlank = Self(
        "spreadsheet.transaction-blank", "the transaction is blank: expected A (ajout), M (modification) or S (suppression)")
    /// `value`.
    public static let sheetNotATransaction = Self(
        "spreadsheet.not-a-transaction", "\"{value}\" is not a transaction: expected A (ajout), M (modification) or S (suppression)")
    public static let sheetCopyTypeBlank = Self(
        "spreadsheet.copy-type-blank", "the copy type is blank but the group has values: expected P or S")
    /// `value`.
    public static let sheetNotACopyType = Self("spreadsheet.not-a-copy-type", "\"{value}\" is not a copy type: expected P or S")
    /// `kind` (P or S).
    public static let sheetSecondCopy = Self("spreadsheet.second-copy", "a second copy of type {kind}; only the first is read")
    /// `kind`, `named` (the group's number), `rule`.
    public static let sheetCopyOfOtherRule = Self("spreadsheet.copy-of-other-rule", "the copy {kind} names rule \"{named}\", not {rule}")
    /// `rule`.
    public static let sheetNoPrincipalCopy = Self(
        "spreadsheet.no-principal-copy", "rule {rule} has no principal copy (no group with TYPEDOSS 'P')")
    /// `code`.
    public static let sheetClassificationTruncated = Self(
        "spreadsheet.classification-truncated", "classification code '{code}' looks truncated; kept as written")
    /// `value`.
    public static let sheetNotYesNo = Self("spreadsheet.not-yes-no", "\"{value}\" is not a yes/no flag: expected O or N")
    /// `text` (its beginning).
    public static let sheetRemarksPreamble = Self(
        "spreadsheet.remarks-preamble",
        "text before the first numbered remark (\"{text}\") belongs to no remark; it is kept as the general remark")
    /// `number`, `remark`.
    public static let sheetRemarkUnprefixed = Self(
        "spreadsheet.remark-unprefixed", "remark marker '{number}:' lacks the R; read as {remark}")
    /// `remark`.
    public static let sheetRemarkRepeated = Self(
        "spreadsheet.remark-repeated", "remark {remark} is defined more than once; its texts are joined")
    /// `value`, `what`.
    public static let sheetArtefact = Self(
        "spreadsheet.artefact", "\"{value}\" is a spreadsheet artefact; the {what/term} is read as none")
    /// `value`, `read`.
    public static let sheetApostrophe = Self(
        "spreadsheet.apostrophe", "leading apostrophe (a spreadsheet text marker) removed from \"{value}\"; read as {read}")
    /// `value`, `what`.
    public static let sheetArtefactNotAValue = Self(
        "spreadsheet.artefact-not-a-value", "\"{value}\" is a spreadsheet artefact, not a {what/term}; the {what/term} is read as none")
    /// `value`.
    public static let sheetNotAPeriod = Self(
        "spreadsheet.not-a-period", "\"{value}\" is not a period: expected a whole number of years, 888, 999, '-' or a blank cell")
    /// `value`.
    public static let sheetNotADisposition = Self(
        "spreadsheet.not-a-disposition", "\"{value}\" is not a disposition: expected C, D, T, '-' or a blank cell")
    /// `value`.
    public static let sheetNotARemarkReference = Self(
        "spreadsheet.not-a-remark-reference",
        "\"{value}\" is not a remark reference: expected one reference such as R1, '-' or a blank cell")
    /// `value`.
    public static let sheetNotASupportList = Self(
        "spreadsheet.not-a-support-list", "\"{value}\" is not a support list: expected support codes such as PA, DM")
    /// `rule` (`?` when unknown).
    public static let sheetNoSecondaryCopy = Self(
        "spreadsheet.no-secondary-copy", "rule {rule} has no secondary copy (all its cells are blank or '-')")

    static let spreadsheet: [Self] = [
        sheetUnrecognisedHeader, sheetMissingColumns, sheetUnknownColumn, sheetUnnamedColumn, sheetRepeatedColumn, sheetBlankRow,
        sheetBlankRows, sheetSettingDiffers, sheetNoSecondaryColumns, sheetRowWithoutNumber, sheetGroupColumnOneGroup, sheetGroupColumn,
        sheetNumberColumns, sheetClassificationMerged, sheetTransactionBlank, sheetNotATransaction, sheetCopyTypeBlank, sheetNotACopyType,
        sheetSecondCopy, sheetCopyOfOtherRule, sheetNoPrincipalCopy, sheetClassificationTruncated, sheetNotYesNo, sheetRemarksPreamble,
        sheetRemarkUnprefixed, sheetRemarkRepeated, sheetArtefact, sheetApostrophe, sheetArtefactNotAValue, sheetNotAPeriod,
        sheetNotADisposition, sheetNotARemarkReference, sheetNotASupportList, sheetNoSecondaryCopy,
    ]
}

/// An OpenDocument spreadsheet's problems as its `content.xml` is read. libxml2's own messages
/// (not well-formed XML, its warnings) carry no code.
extension DiagnosticCode {
    public static let odsDoctype = Self(
        "ods.doctype",
        "'content.xml' has a DOCTYPE declaration, which an OpenDocument file never has (its entities could be expanded): the file is refused")
    /// `size`.
    public static let odsContentTooLarge = Self("ods.content-too-large", "'content.xml' is {size} bytes, more than libxml2 reads")
    public static let odsContentEmpty = Self("ods.content-empty", "'content.xml' is empty")
    public static let odsNoReader = Self("ods.no-reader", "libxml2 could not create a reader for 'content.xml'")
    public static let odsNotXML = Self("ods.not-xml", "'content.xml' could not be read as XML")
    public static let odsNoSheet = Self(
        "ods.no-sheet", "the spreadsheet has no sheet: 'content.xml' holds no table:table in office:spreadsheet")
    /// `count`.
    public static let odsSheets = Self("ods.sheets", "the spreadsheet has {count} sheets; only the first is read")
    /// `count`, `name`.
    public static let odsSheetsNamed = Self("ods.sheets-named", "the spreadsheet has {count} sheets; only the first, '{name}', is read")
    /// `limit`.
    public static let odsCellTooLong = Self("ods.cell-too-long", "a cell holds more than {limit} bytes of text; the sheet is refused")
    /// `attribute`, `value`.
    public static let odsBadRepeat = Self("ods.bad-repeat", "table:{attribute}=\"{value}\" is not a positive whole number; read as 1")
    public static let odsSheetEmpty = Self("ods.sheet-empty", "the first sheet is empty: a header row is expected")
    /// `name`.
    public static let odsNamedSheetEmpty = Self("ods.named-sheet-empty", "the first sheet ('{name}') is empty: a header row is expected")
    /// `row`, `column`, `limit`.
    public static let odsTooManyColumns = Self(
        "ods.too-many-columns", "row {row} has a value in column {column}, beyond the limit of {limit} columns; the sheet is refused")
    /// `row`, `column`, `limit`.
    public static let odsTooManyCells = Self(
        "ods.too-many-cells",
        "the sheet's used area reaches row {row} and column {column}, over the limit of {limit} cells; the sheet is refused")
    /// `limit`.
    public static let odsTooMuchText = Self(
        "ods.too-much-text",
        "the sheet's cells hold more than {limit} bytes of text once repeated cells and rows are expanded; the sheet is refused")

    static let openDocument: [Self] = [
        odsDoctype, odsContentTooLarge, odsContentEmpty, odsNoReader, odsNotXML, odsNoSheet, odsSheets, odsSheetsNamed,
        odsCellTooLong, odsBadRepeat, odsSheetEmpty, odsNamedSheetEmpty, odsTooManyColumns, odsTooManyCells, odsTooMuchText,
    ]
}
