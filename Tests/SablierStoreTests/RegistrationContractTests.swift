import Foundation
import SablierCore
import SablierRegister
import SablierStore
import SablierTestSupport
import Testing

/// What every backend must say when it refuses a registration, and how it registers many
/// documents at once: the refusal names the document and why, in the same words on every
/// backend, and a file imported twice is refused row by row through the "registered before"
/// lookup the store answers while the source reads.
@Suite("RegisterStore contract: registration refusals, the registered-before lookup, large registrations")
struct RegistrationContractTests {
    let now = ExampleRegister.now

    func document(_ reference: String, box: String? = nil, replaces: String? = nil) -> NewDocument {
        NewDocument(document: Document(reference: reference, title: "Nouveau", rule: "1201", copy: .principal,
                                       holder: "Secrétariat général", support: .papier, box: box, replaces: replaces))
    }

    /// The refusal `body` throws, as "code reference".
    func refusal(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
        } catch let refusal as Refusal {
            return "\(refusal.code.rawValue) \(refusal.values["reference"] ?? "")"
        } catch {
            Issue.record("expected a refusal, got \(error)")
            return nil
        }
        Issue.record("expected a refusal, but it succeeded")
        return nil
    }

    @Test("a refused registration names the document and why: already registered, repeated, in no box, replacing nothing",
          arguments: Backend.allCases)
    func refusalsSayWhich(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            func register(_ documents: [NewDocument]) async throws {
                _ = try await store.registerDocuments(documents, by: "gestion.doc", at: now)
            }
            #expect(await refusal { try await register([document("NEW-1"), document("SG-CORR-2021")]) }
                == "\(Refusal.Code.alreadyRegistered.rawValue) SG-CORR-2021")
            #expect(await refusal { try await register([document("NEW-1"), document("NEW-2"), document("NEW-1")]) }
                == "\(Refusal.Code.repeatedReference.rawValue) NEW-1")
            #expect(await refusal { try await register([document("NEW-1"), document("NEW-2", box: "B-NULLE-PART")]) }
                == "\(Refusal.Code.boxOfDocumentNotFound.rawValue) NEW-2")
            #expect(await refusal { try await register([document("NEW-1", replaces: "NULLE-PART")]) }
                == "\(Refusal.Code.replacedNotFound.rawValue) NULLE-PART")
            let written = try await store.registeredReferences(among: ["NEW-1", "NEW-2"])
            #expect(written.isEmpty)
        }
    }

    @Test("the example file imported a second time is refused row by row as already registered, and writes nothing",
          arguments: Backend.allCases)
    func secondImportRefused(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, directory in
            let before = try await store.auditEntries(since: nil, user: nil, target: nil).count
            let path = directory.file("examples").appendingPathComponent("registre-exemple.csv").path
            do {
                _ = try await DocumentRegistrar(store: store).importCSV(path: path, skipInvalid: false, actor: "gestion.doc", now: now)
                Issue.record("the second import succeeded")
            } catch let error as DocumentImportError {
                #expect(error.diagnostics.filter { $0.code == DiagnosticCode.alreadyInRegister.rawValue }.count == 12)
            }
            #expect(try await store.auditEntries(since: nil, user: nil, target: nil).count == before)
            #expect(try await store.documents(matching: nil, limit: nil).count == 12)
        }
    }

    @Test("3,000 documents registered in one call: every row written, one audit entry naming the count and the first and last",
          arguments: Backend.allCases)
    func largeRegistration(backend: Backend) async throws {
        try await ExampleRegister.with(backend) { store, _ in
            let documents = (0..<3_000).map { document(String(format: "LOT-%05d", $0)) }
            #expect(try await store.registerDocuments(documents, by: "gestion.doc", at: now) == 3_000)
            #expect(try await store.documents(matching: try DocumentQuery(parsing: "reference^=lot-"), limit: nil).count == 3_000)
            let entry = try #require(try await store.auditEntries(since: nil, user: nil, target: nil).last)
            #expect(entry.target == "documents LOT-00000…LOT-02999" && entry.action == "document.register")
            #expect(entry.details.contains("3000"))
        }
    }
}
