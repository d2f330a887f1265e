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
}
