/// The one rule an e-mail address of a user meets before it is stored or written in a message.
///
/// Deliberately narrower than RFC 5322's grammar: an address goes into the `To:` header and
/// onto sendmail's command line as it is, so what it may hold is chosen to make header
/// injection impossible by construction — no line break or other control character, no space,
/// none of `<>,;"` (which would open a display name, a second address or a group), one `@`,
/// and a domain with a dot between non-empty labels. Quoted local parts and IP literals, which
/// nobody in a school service centre's directory uses, are refused rather than escaped.
public enum EmailAddress {
    /// The longest address accepted (RFC 5321's path limit, less the angle brackets).
    public static let maximumLength = 254

    /// `text` as given, when it is an address Sablier accepts; otherwise `notices.invalid-email`
    /// naming it. Nothing is trimmed: a trailing line break is refused like any other, rather
    /// than silently dropped.
    public static func checked(_ text: String) throws(Refusal) -> String {
        guard isAcceptable(text) else { throw Refusal(.invalidEmail, ["address": text]) }
        return text
    }

    /// True when `address` meets the rule above, exactly as given.
    public static func isAcceptable(_ address: String) -> Bool {
        guard !address.isEmpty, address.utf8.count <= maximumLength else { return false }
        for scalar in address.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace { return false }
            if forbidden.contains(scalar) { return false }
            // Line and paragraph separators, format characters (bidirectional overrides): none
            // is a space or a control by category, and none belongs in an address.
            switch scalar.properties.generalCategory {
            case .lineSeparator, .paragraphSeparator, .format, .unassigned, .privateUse, .surrogate: return false
            default: break
            }
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }) else { return false }
        // sendmail reads an argument that begins with `-` as an option, even after `--` for some
        // implementations: an address never does (its local part is not empty and not `-…`).
        return !address.hasPrefix("-")
    }

    /// Characters that would end the address inside a header or start another one.
    private static let forbidden: Set<Unicode.Scalar> = ["<", ">", ",", ";", "\"", "(", ")", "[", "]", "\\", ":"]
}
