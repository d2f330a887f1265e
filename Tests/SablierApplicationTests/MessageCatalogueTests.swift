import SablierApplication
import SablierCore
import Testing

/// Every refusal code has its message in both languages, and the catalogue has no stray entry.
@Suite("Message catalogue: every refusal, in French and in English")
struct MessageCatalogueTests {
    @Test("every code has a French and an English message, and every entry is a code")
    func complete() {
        let codes = Set(Refusal.Code.all.map(\.rawValue))
        #expect(codes.count == Refusal.Code.all.count, "a code is declared twice")
        for code in Refusal.Code.all {
            let entry = MessageCatalogue.entries[code]
            #expect(entry != nil, "\(code) has no message")
            #expect(entry.map { !$0.fr.isEmpty && !$0.en.isEmpty && $0.fr != $0.en } ?? false, "\(code)")
        }
        #expect(Set(MessageCatalogue.entries.keys.map(\.rawValue)).subtracting(codes).isEmpty)
    }

    @Test("a message writes its values in; French unless the environment asks for English")
    func rendering() {
        let refusal = Refusal(.selfApproval, ["list": "3", "proposer": "archiviste"])
        #expect(MessageCatalogue.message(refusal, in: .fr)
            == "la liste de disposition 3 a été proposée par archiviste : une autre personne doit l'approuver")
        #expect(MessageCatalogue.message(refusal, in: .en)
            == "disposition list 3 was proposed by archiviste: a person other than its proposer must approve it")
        #expect(Language.from(environment: [:]) == .fr)
        #expect(Language.from(environment: ["LANG": "C.UTF-8"]) == .fr)
        #expect(Language.from(environment: ["LANG": "fr_CA.UTF-8", "LC_ALL": "en_CA.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8"]) == .en)
    }

    @Test("each kind has its own exit status, and an HTTP status")
    func kinds() {
        let statuses = Refusal.Kind.allCases.map(\.exitStatus)
        #expect(Set(statuses).count == statuses.count)
        #expect(Refusal(.documentNotFound).kind.httpStatus == 404)
        #expect(Refusal(.missingPermission).kind.httpStatus == 403)
        #expect(Refusal(.unknownUser).kind.httpStatus == 401)
    }

    @Test("a value's code is written as words: a document never confirmed has no measure, said so rather than « - »")
    func valueWords() {
        let unconfirmed = Refusal(.anonymizeNotRequired, ["reference": "SG-LET-2021", "measure": "-"])
        #expect(MessageCatalogue.message(unconfirmed, in: .fr).contains("(mesure : aucune, l'AIPRP ne l'a pas confirmé)"))
        #expect(MessageCatalogue.message(unconfirmed, in: .en).contains("(measure: none, the AIPRP officer has not confirmed it)"))
        let destroy = Refusal(.anonymizeNotRequired, ["reference": "SG-LET-2021", "measure": "detruire"])
        #expect(MessageCatalogue.message(destroy, in: .fr).contains("(mesure : détruire)"))
    }
}
