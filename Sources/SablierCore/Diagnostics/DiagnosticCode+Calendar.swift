/// A calendar's problems, found as it is read (GALA, native XML, spreadsheets) or validated.
///
/// `copy` and `field` are terms (`principal copy`, `active period (PERIOACTIF)`) the catalogue
/// translates; `need` is the period or disposition that needs a remark, as the listings write it
/// (`888 (ouvert)`, `T (tri)`).
extension DiagnosticCode {
    public static let ruleWithoutNumber = Self("calendar.rule-without-number", "a rule has no number")
    /// `rule`, `first` (the line it is first given on).
    public static let ruleRepeated = Self("calendar.rule-repeated",
                                          "rule {rule} is given twice (first at line {first}); a rule number must be unique")
    /// `rule`.
    public static let ruleWithoutTitle = Self("calendar.rule-without-title", "rule {rule} has no title")
    /// `rule`, `copy`, `field`.
    public static let negativeYears = Self("calendar.negative-years",
                                           "rule {rule}, {copy/term}, {field/term}: must be a whole number of years ≥ 0, 888 or 999")
    /// `rule`.
    public static let unnamedCountEvent = Self("calendar.unnamed-count-event",
                                               "rule {rule}: the count starts at an event, but the event has no name")
    /// `rule`, `measure`.
    public static let measureWithoutPersonalInformation = Self(
        "calendar.measure-without-personal-information",
        "rule {rule} is marked as holding no personal information but names the measure '{measure}'; the measure is kept")
    /// `rule`, `copy`.
    public static let noDisposition = Self("calendar.no-disposition", "rule {rule}, {copy/term}: no final disposition (C, D or T) is given")
    /// `rule`, `disposition` (its code), `label` (its name).
    public static let secondaryNotDestroyed = Self(
        "calendar.secondary-not-destroyed",
        "rule {rule}, secondary copy: its disposition must be D (destruction), not {disposition} ({label}); only the principal copy can be kept or sorted")
    /// `rule`, `copy`, `field`, `remark`.
    public static let undefinedRemarkDropped = Self(
        "calendar.undefined-remark-dropped",
        "rule {rule}, {copy/term}, {field/term}: remark {remark} is not defined in the rule's remarks; the reference is dropped")
    /// `rule`, `copy`, `field`, `need`, `other` (the other copy), `candidate`.
    public static let remarkFromOtherCopy = Self(
        "calendar.remark-from-other-copy",
        "rule {rule}, {copy/term}, {field/term}: {need} has no remark; the {other/term} explains the same period with {candidate}, which is used")
    /// `rule`, `copy`, `field`, `need`, `remark`, `other`, `candidate`.
    public static let undefinedRemarkFromOtherCopy = Self(
        "calendar.undefined-remark-from-other-copy",
        "rule {rule}, {copy/term}, {field/term}: {need} refers to {remark}, which the rule does not define; the {other/term} explains the same period with {candidate}, which is used")
    /// `rule`, `copy`, `field`, `need`, `candidate`, `text` (the remark's beginning).
    public static let remarkUnreferenced = Self(
        "calendar.remark-unreferenced",
        "rule {rule}, {copy/term}, {field/term}: {need} has no remark; {candidate} (\"{text}\") is the only remark no field refers to, and is used")
    /// `rule`, `copy`, `field`, `need`, `remark`, `candidate`, `text`.
    public static let undefinedRemarkUnreferenced = Self(
        "calendar.undefined-remark-unreferenced",
        "rule {rule}, {copy/term}, {field/term}: {need} refers to {remark}, which the rule does not define; {candidate} (\"{text}\") is the only remark no field refers to, and is used")
    /// `rule`, `copy`, `field`, `need`, `remark`, `candidate`, `text`.
    public static let undefinedRemarkUnexplaining = Self(
        "calendar.undefined-remark-unexplaining",
        "rule {rule}, {copy/term}, {field/term}: {need} refers to {remark}, which the rule does not define; {candidate} (\"{text}\") is the only remark that explains no period or disposition, and is used")
    /// `rule`, `copy`, `field`, `need`.
    public static let remarkMissing = Self(
        "calendar.remark-missing",
        "rule {rule}, {copy/term}, {field/term}: {need} must be explained by a remark, but it has no remark")
    /// `rule`, `copy`, `field`, `need`, `remark`.
    public static let remarkUndefined = Self(
        "calendar.remark-undefined",
        "rule {rule}, {copy/term}, {field/term}: {need} must be explained by a remark, but it refers to {remark}, which the rule does not define")
    /// `element`, `namespace`, `native` (the native namespace): a file neither GALA nor native.
    public static let calendarWrongRoot = Self(
        "calendar.wrong-root",
        "the root element is <{element}> in namespace {namespace}; a calendar file starts with GALA's <ROWSET> or with <calendrierConservation xmlns=\"{native}\">")
    /// `element`, `native`.
    public static let calendarWrongRootWithoutNamespace = Self(
        "calendar.wrong-root-without-namespace",
        "the root element is <{element}>; a calendar file starts with GALA's <ROWSET> or with <calendrierConservation xmlns=\"{native}\">")
    public static let notACalendarFile = Self("calendar.not-a-calendar-file", "not a calendar file")

    static let calendar: [Self] = [
        ruleWithoutNumber, ruleRepeated, ruleWithoutTitle, negativeYears, unnamedCountEvent, measureWithoutPersonalInformation,
        noDisposition, secondaryNotDestroyed, undefinedRemarkDropped, remarkFromOtherCopy, undefinedRemarkFromOtherCopy,
        remarkUnreferenced, undefinedRemarkUnreferenced, undefinedRemarkUnexplaining, remarkMissing, remarkUndefined,
        calendarWrongRoot, calendarWrongRootWithoutNamespace, notACalendarFile,
    ]
}
