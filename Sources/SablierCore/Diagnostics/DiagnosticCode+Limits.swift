/// What Sablier says when an input passes one of its limits on work: too many problems to list
/// them all, an element with more attributes than any real file has.
extension DiagnosticCode {
    /// `count` (those not listed), `errors`, `warnings` (how many of them are each), `limit`.
    public static let moreDiagnostics = Self(
        "limits.more-diagnostics",
        "and {count} more problem{count/s} not listed ({errors} error{errors/s}, {warnings} warning{warnings/s}): only the first {limit} of a file are")
    /// `element`, `limit`.
    public static let tooManyAttributes = Self(
        "limits.too-many-attributes",
        "the element <{element}> has more than {limit} attributes; no file Sablier reads has that many, and the file is refused before it is parsed")

    static let limits: [Self] = [moreDiagnostics, tooManyAttributes]
}
