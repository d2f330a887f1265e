/// A native calendar's problems (`calendrier.xsd`), found as its `regle`s are read, once the
/// schema has passed them: each names the element or attribute of the file, as the file writes
/// it. The schema's own messages are libxml2's, and carry no code.
extension DiagnosticCode {
    /// `element`, `namespace`, `native` (the native namespace).
    public static let nativeWrongRoot = Self(
        "native.wrong-root",
        "the root element is <{element}> in namespace {namespace}; a native calendar starts with <calendrierConservation xmlns=\"{native}\">")
    /// `element`, `native`.
    public static let nativeWrongRootWithoutNamespace = Self(
        "native.wrong-root-without-namespace",
        "the root element is <{element}> without namespace; a native calendar starts with <calendrierConservation xmlns=\"{native}\">")
    /// `element` (ROWSET), `native`.
    public static let nativeGotGALA = Self(
        "native.got-gala",
        "the root element is <{element}> without namespace; a native calendar starts with <calendrierConservation xmlns=\"{native}\">: this is a GALA file")
    /// `rule`, `count` (the rules that have one).
    public static let nativeMixedTransactions = Self(
        "native.mixed-transactions",
        "rule {rule} has no typeTransaction while {count} other rule(s) have one: a file is either a whole calendar or a list of changes")
    /// `line` (the `regle`'s, which has no number), `count`.
    public static let nativeMixedTransactionsUnnumbered = Self(
        "native.mixed-transactions-unnumbered",
        "the regle at line {line} has no typeTransaction while {count} other rule(s) have one: a file is either a whole calendar or a list of changes")
    /// `attribute` (dateAdoption, dateApprobationBAnQ), `value`.
    public static let nativeBadDate = Self("native.bad-date", "{attribute} '{value}' is not a date (YYYY-MM-DD)")
    /// `value`.
    public static let nativeBadYearEnd = Self("native.bad-year-end", "finAnnee '{value}' is not a day of the year (MM-DD)")
    public static let nativeRuleWithoutNumber = Self("native.rule-without-number", "a regle has no numero")
    /// `rule`, `value`.
    public static let nativeBadTransaction = Self("native.bad-transaction", "rule {rule}: typeTransaction '{value}' is not A, M or S")
    /// `rule`.
    public static let nativeNoPrincipalCopy = Self("native.no-principal-copy", "rule {rule} has no exemplairePrincipal")

    static let native: [Self] = [
        nativeWrongRoot, nativeWrongRootWithoutNamespace, nativeGotGALA, nativeMixedTransactions, nativeMixedTransactionsUnnumbered,
        nativeBadDate, nativeBadYearEnd, nativeRuleWithoutNumber, nativeBadTransaction, nativeNoPrincipalCopy,
    ]
}
