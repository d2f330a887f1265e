import Foundation
import SablierCore
import SablierTestSupport
import SablierXML

/// Small helpers shared by the XML tests.
enum XMLTest {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Reads GALA text.
    static func gala(_ text: String, file: String = "test.xml", limits: XMLLimits = .default) -> CalendarSubmission {
        GALACalendarReader.read(bytes: bytes(text), file: file, limits: limits)
    }

    /// Reads native text.
    static func native(_ text: String, file: String = "test.xml", limits: XMLLimits = .default) -> CalendarSubmission {
        NativeCalendarReader.read(bytes: bytes(text), file: file, limits: limits)
    }

    /// The calendar a submission describes: its settings with its rules.
    static func calendar(_ submission: CalendarSubmission) -> RetentionCalendar {
        var calendar = submission.settings
        calendar.rules = submission.rules.map(\.rule)
        return calendar
    }

    /// One GALA `ROW` with sensible defaults; `extra` goes before `DELAI`, `delai` replaces the two rows.
    static func row(
        number: String = "100", transaction: String = "A", organisation: String = "123",
        extra: String = "", principal: String? = nil, secondary: String? = nil, delai: String? = nil
    ) -> String {
        let p = principal ?? copyRow(number: number, kind: "P")
        let s = secondary ?? copyRow(number: number, kind: "S", active: "1", semiActive: "0", disposition: "D")
        return """
          <ROW>
            <ID_ORGANISME>\(organisation)</ID_ORGANISME>
            <NUMREGLE>\(number)</NUMREGLE>
            <TYPE_TRANS>\(transaction)</TYPE_TRANS>
            <TITRESER>Titre \(number)</TITRESER>
            <NOMUNITE>Secrétariat général</NOMUNITE>
            <DESCSERIE>Description</DESCSERIE>
            <TYPESDOC>Lettre</TYPESDOC>
        \(extra)
            \(delai ?? "<DELAI>\n\(p)\n\(s)\n    </DELAI>")
          </ROW>
        """
    }

    static func copyRow(
        number: String = "100", kind: String, active: String = "2", activeRemark: String? = nil,
        semiActive: String = "5", disposition: String = "C", extra: String = ""
    ) -> String {
        """
              <DELAI_ROW>
                <NUMREGLE>\(number)</NUMREGLE>
                <TYPEDOSS>\(kind)</TYPEDOSS>
                <SUPPDOSS>PA</SUPPDOSS>
                <PERIOACTIF>\(active)</PERIOACTIF>
        \(activeRemark.map { "        <REM_PERIOACTIF>\($0)</REM_PERIOACTIF>" } ?? "")
                <PERIOSMACT>\(semiActive)</PERIOSMACT>
                <ID_REF_DISPOSITION>\(disposition)</ID_REF_DISPOSITION>
        \(extra)
              </DELAI_ROW>
        """
    }

    static func rowset(_ rows: String...) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ROWSET>\n" + rows.joined(separator: "\n") + "\n</ROWSET>\n"
    }

    /// The 1-based line of the first line containing `needle`.
    static func line(of needle: String, in text: String, after: Int = 0) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 > after && line.contains(needle) {
            return index + 1
        }
        return nil
    }
}

extension CalendarSubmission {
    func rule(_ number: String) -> SubmittedRule? {
        rules.first { $0.rule.number == number }
    }
}
