import Foundation

/// What a password must be: long enough to resist guessing, within what bcrypt reads, and not
/// one of the passwords people commonly choose.
///
/// The policy's guidance (NIST SP 800-63B, §5.1.1.2) is length and a block list rather than
/// rules of composition, which push people to `Motdepasse1!`.
public enum PasswordPolicy {
    /// The fewest characters a password may have.
    public static let minimumLength = 12
    /// bcrypt reads the first 72 bytes of a password and ignores the rest: a longer one would
    /// let its tail be anything.
    public static let maximumBytes = 72

    /// Refuses a password that is too short, too long, common, or the user's own name.
    public static func check(_ password: String, user: String) throws(Refusal) {
        guard password.count >= minimumLength else { throw Refusal(.passwordTooShort, ["minimum": String(minimumLength)]) }
        guard password.utf8.count <= maximumBytes else { throw Refusal(.passwordTooLong, ["maximum": String(maximumBytes)]) }
        let folded = fold(password)
        if folded == fold(user) || folded.contains(fold(user)) && fold(user).count >= 4 { throw Refusal(.passwordCommon) }
        if commonPasswords.contains(folded) { throw Refusal(.passwordCommon) }
        // A common word repeated or followed by digits and symbols is as easy to guess.
        let letters = String(folded.prefix { $0.isLetter })
        if letters.count >= 4, commonPasswords.contains(letters), folded.dropFirst(letters.count).allSatisfy({ !$0.isLetter }) {
            throw Refusal(.passwordCommon)
        }
        if Set(folded).count <= 2 { throw Refusal(.passwordCommon) }
    }

    /// Lowercased, accents and spaces removed: `Mot de passe` and `motdepasse` are one password.
    static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        return String(String.UnicodeScalarView(decomposed.filter { !(0x300...0x36F).contains($0.value) && $0 != " " }))
    }

    /// Passwords people commonly choose, in French and English, with the usual keyboard runs and
    /// the organisation's own vocabulary (folded as `fold` folds them). Long ones are kept too:
    /// these are the first an attacker tries.
    static let commonPasswords: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000", "123123123123",
        "password", "passwords", "password1234", "password123456", "passw0rd1234", "motdepasse", "motdepasse123",
        "motdepasse1234", "motdepasse2024", "motdepasse2025", "motdepasse2026", "monmotdepasse", "qwertyuiop", "qwertyuiopasdf",
        "azertyuiop", "azertyuiopqsd", "azerty123456", "qwerty123456", "asdfghjkl", "zxcvbnm", "1q2w3e4r5t6y",
        "1qaz2wsx3edc", "abc123456789", "abcdefghijkl", "iloveyou", "jetaime", "jetaime123456", "bonjour", "bonjour123456",
        "soleil", "soleil123456", "chocolat", "chocolat1234", "doudou", "loulou", "nicolas", "camille", "isabelle",
        "marseille", "montreal", "montreal1234", "quebec", "quebec123456", "canadiens", "canadiens1234", "hockey",
        "hockey123456", "football", "baseball", "princess", "sunshine", "welcome", "welcome12345", "bienvenue",
        "bienvenue123", "bienvenue1234", "letmein", "letmein12345", "admin", "admin1234567", "administrator",
        "administrateur", "changeme", "changeme1234", "changezmoi", "secret", "secret123456", "dragon", "monkey",
        "master", "superman", "batman", "trustno1", "starwars", "whatever", "freedom", "shadow", "michael", "jennifer",
        "sablier", "sablier12345", "sablier123456", "ecole", "ecole1234567", "eleve", "eleves", "enseignant", "professeur",
        "commissionscolaire", "centredeservicesscolaire", "cssecole", "archives", "archives1234", "gestiondocumentaire",
        "calendrier", "conservation", "utilisateur", "utilisateur1", "detenteur", "verificateur", "printemps", "automne",
        "hiver", "hiver2025", "ete2025", "janvier", "fevrier", "septembre", "decembre",
    ]
}
