import Foundation
import SablierApplication
import SablierCore
import SablierPrivacy
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

extension TestOffice {
    /// The office with the example calendar and a register of letters sharing one letterhead,
    /// written into the store's folder (the register's default root).
    static func letterheadOffice(perUnit: Int) async throws -> (TestOffice, LetterheadRegister) {
        let fixture = try await TestOffice(.calendar())
        let register = try LetterheadRegister(in: fixture.directory.url, perUnit: perUnit)
        let outcome = try await DocumentRegistrar(store: fixture.store)
            .importCSV(path: register.csv.path, skipInvalid: false, actor: "gestion.doc", now: TestOffice.now)
        try #require(outcome.registered == register.letters.count, "\(outcome)")
        return (fixture, register)
    }
}

@Suite("The organisation's letterhead learnt: privacy public suggest, then confirmation and rescan")
struct PublicSuggestionUseCaseTests {
    /// The letterhead's four values, as `privacy public add` stores them.
    static let letterhead: Set<String> = [
        "phone \(LetterheadRegister.phone)", "postal-code \(LetterheadRegister.postalCode)",
        "email-domain \(LetterheadRegister.emailDomain)",
        "address \(PublicCharacter.normalisedAddress(LetterheadRegister.streetLine) ?? "?")",
    ]

    @Test("225 letters of 5 units: the letterhead's phone, postal code, address and domain are proposed, no family's; confirmed, the letters holding only the letterhead leave the queue")
    func letterheadLearnt() async throws {
        let (fixture, register) = try await TestOffice.letterheadOffice(perUnit: 45)
        #expect(register.letters.count == 225 && Set(register.letters.map(\.unit)).count == 5)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        let before = try await fixture.lastSequence()
        var progressed = 0
        let found = try await sablier.suggestPublicIdentifiers(aiprp) { done, total in
            progressed = done
            #expect(total == 225)
        }
        #expect(progressed == 225 && found.documentsRead == 225 && found.unreadable == 0 && found.withheld == 0)
        #expect(found.minDocuments == 10 && found.minUnits == 3)
        #expect(Set(found.suggestions.map { "\($0.kind) \($0.value)" }) == Self.letterhead)
        #expect(found.suggestions.allSatisfy { $0.documents == 225 && $0.units == 5 })
        // Each names three of its letters, for the officer to look at before confirming.
        let references = Set(register.letters.map(\.reference))
        #expect(found.suggestions.allSatisfy { $0.examples.count == 3 && Set($0.examples).isSubset(of: references) })

        // Suggest wrote nothing but its audit entry, which names no value.
        let audited = try await fixture.audit(after: before)
        #expect(audited.map(\.action) == ["privacy.public-suggest"])
        let details = fixture.details(try #require(audited.first))
        #expect(details == ["minDocuments": "10", "minUnits": "3", "documents": "225", "proposed": "4"])
        #expect(try await sablier.publicIdentifiers(aiprp).isEmpty)

        // The family in twelve letters of one unit is many documents, one unit: the lowest
        // threshold the officer may ask for, two units, does not propose it.
        let twoUnits = try await sablier.suggestPublicIdentifiers(aiprp, minDocuments: 3, minUnits: 2)
        let repeated = LetterheadRegister.familyPhone(LetterheadRegister.repeatedFamily)
        #expect(!twoUnits.suggestions.contains { $0.value == repeated })
        #expect(Set(twoUnits.suggestions.map { "\($0.kind) \($0.value)" }).isSuperset(of: Self.letterhead))
        #expect(!twoUnits.suggestions.contains { $0.value.hasSuffix("videotron.ca") })

        // The review queue before: every letter flagged, the notices by the letterhead alone.
        _ = try await sablier.scanPrivacy(aiprp, .all)
        let queued = Set(try await sablier.privacyQueue(aiprp).entries.map(\.reference))
        #expect(queued == Set(register.letters.map(\.reference)))

        let added = try await sablier.addPublicIdentifiers(aiprp, found.suggestions.map {
            (PublicIdentifier.Kind(rawValue: $0.kind)!, $0.value)
        }, note: "en-tête du centre de services")
        let notices = register.letters.filter(\.letterheadOnly)
        #expect(added.identifiers.count == 4 && added.leftQueue == notices.count && notices.count == 75)
        // The families' letters are flagged by the same kinds (their own telephone, address,
        // e-mail): scanned again too, and still waiting.
        #expect(added.rescanned == register.letters.count)
        let after = try await sablier.privacyQueue(aiprp)
        #expect(Set(after.entries.map(\.reference)) == Set(register.letters.filter { !$0.letterheadOnly }.map(\.reference)))
        let family = try #require(after.entries.first { $0.reference == register.letters.first { !$0.letterheadOnly }!.reference })
        #expect(family.status == "pending")
        // Once public, the letterhead is found no more: nothing left to propose.
        #expect(try await sablier.suggestPublicIdentifiers(aiprp).suggestions.map { "\($0.kind) ×\($0.documents)" } == [])
    }

    @Test("a threshold below its floor (3 documents, 2 units) is refused naming the option, through the catalogue, and audited; suggest is the AIPRP officer's")
    func refusals() async throws {
        let (fixture, _) = try await TestOffice.letterheadOffice(perUnit: 3)
        let aiprp = try await fixture.session("aiprp")
        let before = try await fixture.lastSequence()
        let refusal = await thrownRefusal { try await fixture.sablier.suggestPublicIdentifiers(aiprp, minDocuments: 2) }
        #expect(refusal?.code == .suggestionThreshold && refusal?.values == ["option": "min-documents", "minimum": "3", "value": "2"])
        #expect(MessageCatalogue.message(try #require(refusal), in: .fr) == "--min-documents : le seuil doit être un nombre entier d'au moins 3 "
            + "(« 2 ») : plus bas, les renseignements d'une personne sont proposés comme ceux de l'en-tête")
        let oneUnit = await thrownRefusal { try await fixture.sablier.suggestPublicIdentifiers(aiprp, minUnits: 1) }
        #expect(oneUnit?.values == ["option": "min-units", "minimum": "2", "value": "1"])
        #expect(await thrownRefusal {
            try await fixture.sablier.suggestPublicIdentifiers(try await fixture.session("gestion.doc"))
        }?.code == .missingPermission)
        let entries = try await fixture.audit(after: before)
        #expect(entries.map(\.action) == ["refused", "refused", "refused"])
    }

    @Test("several values confirmed at once: one invalid or already declared adds none")
    func addSeveral() async throws {
        let (fixture, _) = try await TestOffice.letterheadOffice(perUnit: 3)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        #expect(await thrownRefusal {
            try await sablier.addPublicIdentifiers(aiprp, [(.phone, "819 555-0100"), (.postalCode, "pas un code")])
        }?.code == .invalidPublicIdentifier)
        #expect(try await sablier.publicIdentifiers(aiprp).isEmpty)
        _ = try await sablier.addPublicIdentifier(aiprp, kind: .postalCode, value: "j1h 2k3")
        #expect(await thrownRefusal {
            try await sablier.addPublicIdentifiers(aiprp, [(.phone, "819 555-0100"), (.postalCode, "J1H2K3")])
        }?.code == .publicIdentifierExists)
        #expect(try await sablier.publicIdentifiers(aiprp).map(\.value) == ["J1H2K3"])
        let added = try await sablier.addPublicIdentifiers(aiprp, [(.phone, "819 555-0100"), (.phone, "(819) 555-0100")])
        #expect(added.identifiers.map(\.value) == ["8195550100"])
    }

    @Test("a letter whose file is gone cannot be scanned again: the identifiers stand, audited as added, and the result says which letter and why")
    func rescanFailureReportedApart() async throws {
        let (fixture, register) = try await TestOffice.letterheadOffice(perUnit: 3)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        _ = try await sablier.scanPrivacy(aiprp, .all)
        let gone = try #require(register.letters.first { $0.letterheadOnly })
        try FileManager.default.removeItem(at: register.csv.deletingLastPathComponent().appendingPathComponent("lettres/\(gone.reference).txt"))
        let before = try await fixture.lastSequence()

        let added = try await sablier.addPublicIdentifiers(aiprp, [(.phone, LetterheadRegister.phone), (.postalCode, LetterheadRegister.postalCode),
                                                                   (.emailDomain, LetterheadRegister.emailDomain),
                                                                   (.address, LetterheadRegister.streetLine)])
        #expect(added.identifiers.count == 4)
        #expect(added.rescanned == register.letters.count - 1 && added.notRescanned == 1)
        let problem = try #require(added.rescanProblems.first)
        #expect(added.rescanProblems.count == 1 && problem.code == .publicRescanFileMissing && problem.values["reference"] == gone.reference)
        #expect(MessageCatalogue.message(problem, in: .fr).hasPrefix("le document \(gone.reference) n'a pas été analysé de nouveau : son fichier "))
        #expect(try await sablier.publicIdentifiers(aiprp).count == 4)
        // Declared, so audited as declared: four additions, no refusal.
        let audited = try await fixture.audit(after: before).map(\.action)
        #expect(audited.filter { $0 == "privacy.public.add" }.count == 4 && !audited.contains("refused"), "\(audited)")
    }

    @Test("a public identifier's refusals name its kind in the reader's words, and only its kind's form")
    func refusalsInTheReadersWords() async throws {
        let (fixture, _) = try await TestOffice.letterheadOffice(perUnit: 3)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        let phoneRefusal = await thrownRefusal { try await sablier.addPublicIdentifier(aiprp, kind: .phone, value: "123") }
        let phone = try #require(phoneRefusal)
        #expect(MessageCatalogue.message(phone, in: .fr)
            == "« 123 » n'est pas un identifiant public valide : un téléphone a dix chiffres, indicatif régional compris (819 555-0100)")
        #expect(!MessageCatalogue.message(phone, in: .en).contains("post office box"))
        _ = try await sablier.addPublicIdentifier(aiprp, kind: .address, value: LetterheadRegister.streetLine)
        let againRefusal = await thrownRefusal { try await sablier.addPublicIdentifier(aiprp, kind: .address, value: LetterheadRegister.streetLine) }
        let again = try #require(againRefusal)
        let stored = try #require(again.values["value"])
        #expect(MessageCatalogue.message(again, in: .fr) == "« \(stored) » (adresse) figure déjà parmi les identifiants publics")
        #expect(MessageCatalogue.message(again, in: .en) == "'\(stored)' (address) is already declared public")
        let absentRefusal = await thrownRefusal { try await sablier.removePublicIdentifier(aiprp, kind: .postalCode, value: "J1H 2K3") }
        let absent = try #require(absentRefusal)
        #expect(MessageCatalogue.message(absent, in: .fr) == "« J1H2K3 » (code postal) ne figure pas parmi les identifiants publics")
    }
}
