/// A GALA file's problems, found as its `ROW`s and `DELAI_ROW`s are read: each names the GALA
/// element it is about, so the French keeps the element's name as the file writes it.
extension DiagnosticCode {
    public static let galaRowWithoutNumber = Self("gala.row-without-number", "a ROW has no rule number (NUMREGLE)")
    /// `rule`, `value`.
    public static let galaBadTransaction = Self("gala.bad-transaction", "rule {rule}: TYPE_TRANS '{value}' is not A, M or S")
    /// `rule`.
    public static let galaRemarksPreamble = Self(
        "gala.remarks-preamble",
        "rule {rule}: REMARQDELA starts with text before its first numbered remark; it was moved to the general remark")
    /// `rule`, `remarks` (the numbers, comma-separated).
    public static let galaRemarksRepeated = Self(
        "gala.remarks-repeated", "rule {rule}: REMARQDELA defines {remarks} more than once; the texts were joined under the first")
    /// `rule`.
    public static let galaNoPrincipalCopy = Self("gala.no-principal-copy", "rule {rule} has no principal copy: no DELAI_ROW has TYPEDOSS P")
    /// `rule`.
    public static let galaBlankSecondaryCopy = Self(
        "gala.blank-secondary-copy",
        "rule {rule}: the secondary copy's DELAI_ROW holds only blank or '-' values; read as no secondary copy")
    /// `rule` (the first one read).
    public static let galaOrganisationEmpty = Self(
        "gala.organisation-empty", "ID_ORGANISME is empty (rule {rule}): the file does not give the organisation's BAnQ number")
    /// `rule`, `id`, `known`, `line` (where `known` is given).
    public static let galaOrganisationDiffers = Self(
        "gala.organisation-differs", "rule {rule}: ID_ORGANISME is {id}, but {known} at line {line}; {known} is kept")
    /// `rule`, `value`.
    public static let galaBadCopyKind = Self("gala.bad-copy-kind", "rule {rule}: TYPEDOSS '{value}' is neither P nor S")
    /// `rule`, `copy`, `value`.
    public static let galaCopyNumberDiffers = Self(
        "gala.copy-number-differs", "rule {rule}, {copy/term}: the DELAI_ROW's NUMREGLE is '{value}'; the ROW's number {rule} is used")
    /// `rule`, `copy`, `element`, `value`.
    public static let galaBadPeriod = Self(
        "gala.bad-period",
        "rule {rule}, {copy/term}: {element} '{value}' is not a retention period (a number of years of at most 4 digits, 888, 999, '-' or blank)")
    /// `rule`, `copy`, `element`, `value`.
    public static let galaBadRemarkReference = Self(
        "gala.bad-remark-reference", "rule {rule}, {copy/term}: {element} '{value}' is not a remark reference (R1, R2, …)")
    /// `rule`, `copy`, `value`.
    public static let galaBadDisposition = Self(
        "gala.bad-disposition", "rule {rule}, {copy/term}: ID_REF_DISPOSITION '{value}' is not C, D, T or '-'")
    /// `rule`, `kind` (P or S), `first` (its line).
    public static let galaSecondCopy = Self(
        "gala.second-copy",
        "rule {rule}: a second DELAI_ROW with TYPEDOSS {kind} (the first is at line {first}); a rule has one principal copy and at most one secondary copy")
    /// `rule`, `markers` (one `marker<TAB>remark` a line: `1:` and `R1`).
    public static let galaRemarksUnprefixed = Self(
        "gala.remarks-unprefixed", "rule {rule}: REMARQDELA numbers its remarks without the R ({markers/as}); read as numbered remarks")
    /// `element`, `namespace`.
    public static let galaWrongRoot = Self(
        "gala.wrong-root", "the root element is <{element}> in namespace {namespace}; a GALA file starts with <ROWSET> (no namespace)")
    /// `element`.
    public static let galaWrongRootWithoutNamespace = Self(
        "gala.wrong-root-without-namespace", "the root element is <{element}>; a GALA file starts with <ROWSET> (no namespace)")
    /// `element` (calendrierConservation), `namespace` (the native one).
    public static let galaGotNative = Self(
        "gala.got-native",
        "the root element is <{element}> in namespace {namespace}; a GALA file starts with <ROWSET> (no namespace): this is a Sablier native calendar")

    static let gala: [Self] = [
        galaRowWithoutNumber, galaBadTransaction, galaRemarksPreamble, galaRemarksRepeated, galaNoPrincipalCopy, galaBlankSecondaryCopy,
        galaOrganisationEmpty, galaOrganisationDiffers, galaBadCopyKind, galaCopyNumberDiffers, galaBadPeriod, galaBadRemarkReference,
        galaBadDisposition, galaSecondCopy, galaRemarksUnprefixed, galaWrongRoot, galaWrongRootWithoutNamespace, galaGotNative,
    ]
}
