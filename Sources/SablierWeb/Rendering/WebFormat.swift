import Foundation
import SablierApplication
import SablierCore

/// How values read on a page, as `vocabulaire-interface.md` says: ISO dates in tables,
/// a space between thousands (`1 024`), a comma for decimals, `1 document` / `2 documents`.
enum WebFormat {
    /// `1 024` (a no-break space, so that a number never splits across lines).
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("\u{00A0}") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `12,5` in French, `12.5` in English, one decimal.
    static func decimal(_ value: Double, _ language: Language) -> String {
        let text = String(format: "%.1f", value)
        return language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `2026-12-04 14:03` in UTC, for instants (the audit trail's, a job's).
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// `4 décembre 2026` / `December 4, 2026`, for sentences.
    static func longDate(_ date: CivilDate, _ language: Language) -> String {
        let french = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                      "novembre", "décembre"]
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                       "November", "December"]
        return language == .fr ? "\(date.day == 1 ? "1er" : String(date.day)) \(french[date.month - 1]) \(date.year)"
            : "\(english[date.month - 1]) \(date.day), \(date.year)"
    }

    /// `1 document`, `2 documents`: the noun's singular and plural are given.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(number(value)) \(value == 1 || (value == 0 && singular == plural) ? singular : plural)"
    }
}
