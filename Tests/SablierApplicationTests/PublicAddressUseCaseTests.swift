import Foundation
import SablierApplication
import SablierCore
import SablierStore
import SablierTestSupport
import Testing

@Suite("The organisation's street addresses declared public (privacy public add --address)")
struct PublicAddressUseCaseTests {
    /// The address findings of one document's scan, by confidence.
    private func addressFindings(_ sablier: Sablier, _ session: Session, _ reference: String) async throws -> [Double] {
        try await sablier.scanPrivacy(session, .document(reference)).entries.first?.findings
            .filter { $0.type == "address" }.map(\.confidence) ?? []
    }

    @Test("stored in the scanner's normalised form, refused when it is no address, removed in any written form; a scan then leaves it out")
    func publicAddress() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        // The organisation's address on a form, and a parent's.
        try Data("""
            Adresse : 1200, boul. Industriel, bureau 3, Granby (Québec)
            Adresse du parent : 71, rue des Cormiers, Prévost

            """.utf8).write(to: fixture.exampleFile("politique-securite-2015.txt"))
        #expect(try await addressFindings(sablier, aiprp, "SG-POL-2015") == [0.75, 0.75])

        let before = try await fixture.lastSequence()
        let added = try await sablier.addPublicIdentifier(aiprp, kind: .address, value: "1200 boulevard Industriel, bureau 3, Granby",
                                                          note: "siège social")
        #expect(added.kind == .address && added.value == "1200 boulevard industriel, app 3, granby")
        let notAnAddress = await thrownRefusal { try await sablier.addPublicIdentifier(aiprp, kind: .address, value: "Granby (Québec)") }
        #expect(notAnAddress == Refusal(.invalidPublicIdentifier, ["kind": "address", "value": "Granby (Québec)"]))
        let again = await thrownRefusal { try await sablier.addPublicIdentifier(aiprp, kind: .address, value: "1200, bd Industriel, bureau 3, GRANBY") }
        #expect(again?.code == .publicIdentifierExists)
        #expect(try await sablier.publicIdentifiers(aiprp).filter { $0.kind == .address }.map(\.value) == ["1200 boulevard industriel, app 3, granby"])

        // The scanner is built from the stored form: the organisation's address is no longer reported, the parent's is.
        #expect(try await addressFindings(sablier, aiprp, "SG-POL-2015") == [0.75])

        #expect(try await sablier.removePublicIdentifier(aiprp, kind: .address, value: "1200 Industriel Blvd., Suite 3, Granby")
            == "1200 boulevard industriel, app 3, granby")
        #expect(try await addressFindings(sablier, aiprp, "SG-POL-2015") == [0.75, 0.75])
        let entries = try await fixture.audit(after: before)
        #expect(entries.filter { $0.action.hasPrefix("privacy.public") }.map(\.target)
            == ["public address 1200 boulevard industriel, app 3, granby", "public address 1200 boulevard industriel, app 3, granby"])
    }

    @Test("the organisation's address hides no one else's: the same civic number and street in another town, or with an apartment, is still reported")
    func publicAddressHidesOnlyItself() async throws {
        let fixture = try await TestOffice(.register)
        let aiprp = try await fixture.session("aiprp")
        let sablier = fixture.sablier
        try Data("""
            Adresse : 100, rue Principale, Granby (Québec) J2G 1A1
            Adresse du parent :
            100, rue Principale, app. 3
            Cowansville (Québec) J2K 1J4
            Adresse postale : C.P. 500, succursale Bureau-chef, Granby
            Adresse du tuteur : C.P. 500, succursale A, Magog

            """.utf8).write(to: fixture.exampleFile("politique-securite-2015.txt"))
        _ = try await sablier.addPublicIdentifier(aiprp, kind: .address, value: "100, rue Principale, Granby")
        _ = try await sablier.addPublicIdentifier(aiprp, kind: .address, value: "C.P. 500, succursale Bureau-chef, Granby")
        #expect(try await sablier.publicIdentifiers(aiprp).filter { $0.kind == .address }.map(\.value).sorted()
            == ["100 rue principale, granby", "cp 500, succursale bureau-chef, granby"])
        // The parent's and the guardian's addresses stay; the organisation's two leave the scan.
        #expect(try await addressFindings(sablier, aiprp, "SG-POL-2015") == [0.75, 0.75])
    }
}
