import Foundation
import SablierApplication
import SablierCore
import SablierImport
import SablierRegister
import SablierTestSupport
import Testing

/// Every diagnostic code has its sentence in both languages, naming the same values, so that a
/// French page shows no English sentence and an English one no French.
@Suite("Message catalogue: every diagnostic, in French and in English")
struct DiagnosticCatalogueTests {
    @Test("every code has distinct French and English sentences, and every entry is a code")
    func complete() {
        let codes = Set(DiagnosticCode.all.map(\.rawValue))
        #expect(codes.count == DiagnosticCode.all.count, "a code is declared twice")
        let entries = MessageCatalogue.diagnosticEntries
        for code in DiagnosticCode.all {
            let entry = entries[code.rawValue]
            #expect(entry != nil, "\(code) has no French sentence")
            #expect(entry.map { !$0.fr.isEmpty && !$0.en.isEmpty && $0.fr != $0.en } ?? false, "\(code)")
        }
        #expect(Set(entries.keys).subtracting(codes).isEmpty)
    }

    @Test("the French and English sentences of a code name the same values")
    func samePlaceholders() {
        for (code, entry) in MessageCatalogue.diagnosticEntries {
            #expect(DiagnosticCode.placeholders(entry.fr) == DiagnosticCode.placeholders(entry.en), "\(code)")
        }
    }

    @Test("a coded diagnostic is written in the page's language; the command line's message is unchanged")
    func rendering() {
        let place = SourceLocation(file: "registre.csv", line: 3, column: 2)
        let title = Diagnostic.error(at: place, .titleEmpty, field: "title")
        #expect(title.message == "the title is empty" && title.code == "register.title-empty" && title.values == nil)
        #expect(MessageCatalogue.message(title, in: .fr) == "le titre est vide")
        #expect(MessageCatalogue.message(title, in: .en) == "the title is empty")

        let event = Diagnostic.error(at: place, .eventNotAwaited, ["rule": "2101", "awaited": "fin d'emploi\ndécès", "event": "départ"])
        #expect(event.message == "rule 2101 waits for 'fin d'emploi' or 'décès', not 'départ'")
        #expect(MessageCatalogue.message(event, in: .fr) == "la règle 2101 attend « fin d'emploi » ou « décès », pas « départ »")

        let support = Diagnostic.warning(at: place, .supportNotListed,
                                         ["support": "FI", "rule": "1201", "copy": CopyKind.secondaire.englishName, "listed": "PA, DM"])
        #expect(support.message == "support FI is not among the supports rule 1201 lists for the secondary copy (PA, DM)")
        #expect(MessageCatalogue.message(support, in: .fr)
            == "le support FI n'est pas parmi ceux que la règle 1201 prévoit pour l'exemplaire secondaire (PA, DM)")

        let path = Diagnostic.error(at: place, .pathThroughAPI, field: "path")
        #expect(!MessageCatalogue.message(path, in: .fr).contains("API"), "the French says who registers a file, not how")
    }

    @Test("a diagnostic without a code, libxml2's, is shown as it was written")
    func uncoded() {
        let parser = Diagnostic.error(at: SourceLocation(file: "c.xml", line: 4), "Opening and ending tag mismatch: REGLE line 2 and DELAI")
        #expect(MessageCatalogue.message(parser, in: .fr) == parser.message)
        #expect(MessageCatalogue.message(parser, in: .en) == parser.message)
    }

    @Test("a diagnostic's code and values are written in its JSON only when it has them")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = Diagnostic.error(at: SourceLocation(file: "f", line: 1), "as is")
        let plainJSON = String(decoding: try encoder.encode(plain), as: UTF8.self)
        #expect(!plainJSON.contains("code") && !plainJSON.contains("values"))
        let coded = Diagnostic.error(at: SourceLocation(file: "f", line: 1), .boxNotRegistered, ["box": "B-1"], field: "box")
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: try encoder.encode(coded))
        #expect(decoded == coded && decoded.values == ["box": "B-1"])
    }

    @Test("the register's checks set every value their sentences name, in both languages")
    func registerSitesSetTheirValues() {
        let checker = DocumentChecker(context: RegisterContext(calendarVersion: 3, rules: [:], boxes: []), baseDirectory: nil,
                                      actor: "rh.agent", restrictedUnit: "Ressources humaines", readsFiles: false)
        var wrong = DocumentDraft()
        wrong.reference = "X-1"; wrong.title = "Dossier"; wrong.holder = "Finances"; wrong.rule = "9999"; wrong.copy = "Z"
        wrong.support = "PA"; wrong.opened = "2020-02-01"; wrong.closed = "2020-01-01"; wrong.path = "/etc/passwd"; wrong.box = "B-9"
        wrong.event = "départ"; wrong.identifiers = "sans-egal"; wrong.replaces = "X-1"; wrong.digitizedFrom = "X-1"
        wrong.transferred = "2019-01-01"
        var dates = DocumentDraft()
        dates.opened = "hier"; dates.eventDate = "2020-01-01"
        let problems = [wrong, dates, DocumentDraft()].flatMap { checker.check($0).problems }
        let entries = MessageCatalogue.diagnosticEntries
        #expect(Set(problems.compactMap(\.code)).count >= 17, "most of the register's codes are produced here")
        for problem in problems {
            guard let code = problem.code, let entry = entries[code] else { Issue.record("\(problem.message) has no code"); continue }
            let values = Set((problem.values ?? [:]).keys)
            #expect(DiagnosticCode.placeholders(entry.fr).isSubset(of: values), "\(code)")
            #expect(DiagnosticCode.placeholders(entry.en).isSubset(of: values), "\(code)")
        }
    }

    @Test("a real calendar's validation sets every value its sentences name, and reads in French without a gap")
    func calendarSitesSetTheirValues() throws {
        var coded = 0
        for url in [Fixtures.valcourtCSV, Fixtures.hbCSV, Fixtures.hbGALA, Fixtures.udemGALA] {
            var submission = CalendarReader.read(CalendarFile(path: url.path, bytes: Array(try Data(contentsOf: url))))
            CalendarValidator.validate(&submission)
            for diagnostic in submission.diagnostics {
                guard let code = diagnostic.code, let entry = MessageCatalogue.diagnosticEntries[code] else { continue }
                coded += 1
                #expect(DiagnosticCode.placeholders(entry.fr).isSubset(of: Set((diagnostic.values ?? [:]).keys)), "\(code)")
                #expect(!MessageCatalogue.message(diagnostic, in: .fr).contains("{"), "\(code)")
                // A spreadsheet cell's problem is written after `rule R, column 'C': ` on the command
                // line; the page has the rule and the column in cells of their own.
                let english = MessageCatalogue.message(diagnostic, in: .en)
                let prefix = diagnostic.message.dropLast(english.count)
                #expect(diagnostic.message.hasSuffix(english), "\(code)")
                #expect(prefix.isEmpty || (prefix.hasPrefix("rule ") && prefix.hasSuffix("': ")), "\(code): \(prefix)")
            }
        }
        #expect(coded > 0, "the real calendars' remarks are mended with coded warnings")
    }

    @Test("a count's plural, a list and pairs are written in each language")
    func modifiers() {
        let place = SourceLocation(file: "c.csv", line: 1)
        let one = Diagnostic.error(at: place, .csvMissingColumns, ["count": "1", "columns": "rule"])
        #expect(one.message == "the header lacks the required column 'rule'")
        #expect(MessageCatalogue.message(one, in: .fr) == "il manque à l'en-tête 1 colonne requise : « rule »")
        let two = Diagnostic.error(at: place, .csvMissingColumns, ["count": "2", "columns": "rule\ncopy"])
        #expect(two.message == "the header lacks the required columns 'rule', 'copy'")
        #expect(MessageCatalogue.message(two, in: .fr) == "il manque à l'en-tête 2 colonnes requises : « rule », « copy »")
        let short = Diagnostic.error(at: place, .csvMissingFields, ["count": "1", "expected": "4"])
        #expect(short.message == "the record has 1 field but the header has 4; the missing fields are read as empty")
        #expect(MessageCatalogue.message(short, in: .fr)
            == "la ligne compte 1 champ, mais l'en-tête en compte 4 ; les champs manquants sont lus comme vides")
        let markers = Diagnostic.warning(at: place, .galaRemarksUnprefixed, ["rule": "2101", "markers": "1:\tR1\n2:\tR2"])
        #expect(markers.message == "rule 2101: REMARQDELA numbers its remarks without the R ('1:' as R1, '2:' as R2); read as numbered remarks")
        #expect(MessageCatalogue.message(markers, in: .fr).contains("(« 1: » lu R1, « 2: » lu R2)"))
        let more = Diagnostic.warning(at: place, .moreWarnings, ["count": "3", "line": "4", "like": "register.support-not-listed",
                                                                 "kind": "column support: support FI is not among the supports rule"])
        #expect(more.message == "3 more warnings like line 4's (column support: support FI is not among the supports rule…)")
        #expect(MessageCatalogue.message(more, in: .fr) == "3 autres avertissements comme celui de la ligne 4 (le support…)")
        let artefact = Diagnostic.warning(at: place, .sheetArtefactNotAValue, ["value": "'!", "what": "period"])
        #expect(MessageCatalogue.message(artefact, in: .fr) == "« '! » est un artefact de tableur et non une valeur valide (délai) ; le champ (délai) est lu comme vide")
    }

    @Test("a native calendar's reading problems are coded, their values set")
    func nativeSitesSetTheirValues() throws {
        var text = try String(contentsOf: Fixtures.exampleNative, encoding: .utf8)
        text = text.replacingOccurrences(of: "finAnnee=\"06-30\"", with: "finAnnee=\"02-30\"")
        let submission = CalendarReader.read(CalendarFile(path: "abime.xml", bytes: Array(text.utf8)))
        let yearEnd = try #require(submission.diagnostics.first { $0.field == "finAnnee" })
        #expect(yearEnd.code == "native.bad-year-end" && yearEnd.message == "finAnnee '02-30' is not a day of the year (MM-DD)")
        #expect(MessageCatalogue.message(yearEnd, in: .fr) == "finAnnee « 02-30 » n'est pas un jour de l'année (MM-JJ)")
        for diagnostic in submission.diagnostics where diagnostic.code != nil {
            #expect(MessageCatalogue.message(diagnostic, in: .en) == diagnostic.message)
            #expect(!MessageCatalogue.message(diagnostic, in: .fr).contains("{"))
        }
    }
}
