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

        // Suggest wrote nothing but its audit entry, which names no value.
        let audited = try await fixture.audit(after: before)
        #expect(audited.map(\.action) == ["privacy.public-suggest"])
        let details = fixture.details(try #require(audited.first))
        #expect(details == ["minDocuments": "10", "minUnits": "3", "documents": "225", "proposed": "4"])
        #expect(try await sablier.publicIdentifiers(aiprp).isEmpty)

        // The family in twelve letters of one unit is many documents, one unit: only a
        // threshold of one unit would propose it.
        let oneUnit = try await sablier.suggestPublicIdentifiers(aiprp, minDocuments: 10, minUnits: 1)
        let repeated = LetterheadRegister.familyPhone(LetterheadRegister.repeatedFamily)
        #expect(oneUnit.suggestions.contains { $0.value == repeated && $0.documents == register.repeatedFamilyLetters && $0.units == 1 })
        #expect(oneUnit.suggestions.contains { $0.value == "cabinet-morin.example" })
        #expect(!oneUnit.suggestions.contains { $0.value.hasSuffix("videotron.ca") })

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

    @Test("a threshold below 1 is refused through the catalogue and audited; suggest is the AIPRP officer's")
    func refusals() async throws {
        let (fixture, _) = try await TestOffice.letterheadOffice(perUnit: 3)
        let aiprp = try await fixture.session("aiprp")
        let before = try await fixture.lastSequence()
        let refusal = await thrownRefusal { try await fixture.sablier.suggestPublicIdentifiers(aiprp, minDocuments: 0) }
        #expect(refusal?.code == .suggestionThreshold && refusal?.values == ["field": "minDocuments", "value": "0"])
        #expect(MessageCatalogue.message(try #require(refusal), in: .fr) == "minDocuments : le seuil doit être un nombre entier d'au moins 1 (« 0 »)")
        #expect(await thrownRefusal { try await fixture.sablier.suggestPublicIdentifiers(aiprp, minUnits: -2) }?.code == .suggestionThreshold)
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
}
