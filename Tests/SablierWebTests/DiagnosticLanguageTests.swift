import Foundation
import HTTPTypes
import HummingbirdTesting
import SablierCore
import SablierImport
import SablierSQLite
import SablierStore
import SablierTestSupport
@testable import SablierWeb
import Testing

/// An import's problems are written in the page's language: a French page showed the register
/// checks' English sentences next to its French words ("English and French are mixed on one screen").
@Suite struct DiagnosticLanguageTests {
    /// The example register, without its files, whose third line has lost its title.
    static func registerWithoutATitle() throws -> String {
        var lines = try RegisterPagesTests.exampleWithoutFiles().components(separatedBy: "\n")
        var fields = lines[2].components(separatedBy: ",")
        fields[1] = ""
        lines[2] = fields.joined(separator: ",")
        return lines.joined(separator: "\n")
    }

    @Test func anEmptyTitleIsSaidInFrenchOnAFrenchPageAndInEnglishOnAnEnglishOne() async throws {
        let office = try await WebOffice(register: false)
        _ = try await CalendarImporter(store: office.store).importFile(path: Fixtures.exampleNative.path, actor: "gestion.doc", now: WebOffice.now)
        for box in ["B-2023-RF-01", "B-2014-RF-01"] {
            try await office.store.addBox(Box(code: box), by: "gestion.doc", at: WebOffice.now)
        }
        let csv = Data(try Self.registerWithoutATitle().utf8)
        try await office.test { client in
            var browser = try await Browser.signedIn(client, as: "gestion.doc")
            let french = try await browser.upload("/registre/importer", fields: [:], file: "fichier", filename: "registre.csv",
                                                  contents: csv, csrfFrom: "/registre/importer")
            #expect(french.status == .unprocessableContent)
            #expect(french.main.contains("<td class=\"num\">3</td><td>title</td><td><span class=\"badge\">Erreur</span> le titre est vide"))
            #expect(!french.main.contains("the title is empty"))

            browser.language = "en"
            let english = try await browser.upload("/registre/importer", fields: [:], file: "fichier", filename: "registre.csv",
                                                   contents: csv, csrfFrom: "/registre/importer")
            #expect(english.status == .unprocessableContent)
            #expect(english.main.contains("<td>title</td>") && english.main.contains("the title is empty"))
            #expect(!english.main.contains("le titre est vide"))
            #expect(try await office.store.documents(matching: nil, limit: nil).isEmpty, "nothing was registered")
        }
    }

    /// The native example calendar with a year end that passes the schema's pattern but is no
    /// day of the year: the native reader's own diagnostic, not libxml2's.
    static func nativeWithABadYearEnd() throws -> Data {
        let text = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        let range = try #require(text.range(of: "finAnnee=\"06-30\""))
        return Data(text.replacingCharacters(in: range, with: "finAnnee=\"02-30\"").utf8)
    }

    @Test func aDamagedNativeCalendarIsSaidInFrenchOnAFrenchPage() async throws {
        let office = try await WebOffice()
        let file = try Self.nativeWithABadYearEnd()
        try await office.test { client in
            var manager = try await Browser.signedIn(client, as: "gestion.doc")
            let french = try await manager.upload("/calendrier/importer", fields: [:], file: "fichier", filename: "calendrier-abime.xml",
                                                  contents: file)
            #expect(french.status == .unprocessableContent)
            let row = try #require(french.main.components(separatedBy: "<tr class=\"is-error\">").dropFirst().first?
                .components(separatedBy: "</tr>").first)
            #expect(row.contains("finAnnee"), "the attribute is the row's field")
            #expect(row.contains("finAnnee « 02-30 » n") && row.contains("est pas un jour de l") && row.contains("(MM-JJ)"))
            #expect(!french.main.contains("is not a day of the year"))
            #expect(!french.main.contains("action=\"/calendrier/importer/confirmer\""))

            manager.language = "en"
            let english = try await manager.upload("/calendrier/importer", fields: [:], file: "fichier", filename: "calendrier-abime.xml",
                                                   contents: file)
            #expect(english.status == .unprocessableContent)
            #expect(english.main.contains("finAnnee &#39;02-30&#39; is not a day of the year (MM-DD)")
                    || english.main.contains("finAnnee &#x27;02-30&#x27; is not a day of the year (MM-DD)"))
            #expect(!english.main.contains("n'est pas un jour") && !english.main.contains("MM-JJ"))
        }
    }
}
