import Foundation
public import SablierCore
public import SablierRegister
import SablierStore

/// A document registered: its record, and the warnings its fields raised.
public struct DocumentRegistration: Sendable, Hashable, Codable {
    public var document: DocumentEntry
    public var warnings: [Diagnostic]
}

/// A register file imported: how many documents, the rows left out, every warning.
public struct DocumentImport: Sendable, Hashable, Codable {
    public var file: String
    public var registered: Int
    /// Lines of the rows left out (only when invalid rows are skipped).
    public var rejectedLines: [Int]
    public var diagnostics: [Diagnostic]
}

extension Sablier {
    /// Registers one document under a rule of the calendar in force.
    ///
    /// A détenteur or a user registers documents of their own unit only, and may name as the
    /// version it replaces, or the original it digitizes, only a document of their unit.
    public func registerDocument(_ session: Session, _ draft: DocumentDraft) async throws(Refusal) -> DocumentRegistration {
        let access = try await authorize(session, .registerDocuments, "document add")
        let registrar = DocumentRegistrar(store: store)
        do {
            let (stored, warnings) = try await registrar.add(draft, actor: access.user.name, now: clock.now, restrictedUnit: access.restrictedUnit)
            return DocumentRegistration(document: DocumentEntry(stored), warnings: warnings)
        } catch let error as DocumentImportError {
            throw Self.rejected(error)
        } catch {
            throw try await attempt { throw error }
        }
    }

    /// Registers the documents of a register CSV file, all or nothing (or the good rows only,
    /// with `skipInvalid`), checked against the calendar in force, the boxes and the register.
    public func importDocuments(_ session: Session, file: String, skipInvalid: Bool) async throws(Refusal) -> DocumentImport {
        let access = try await authorize(session, .registerDocuments, "document import")
        let registrar = DocumentRegistrar(store: store)
        do {
            let outcome = try await registrar.importCSV(path: file, skipInvalid: skipInvalid, actor: access.user.name, now: clock.now,
                                                        restrictedUnit: access.restrictedUnit)
            return DocumentImport(file: file, registered: outcome.registered, rejectedLines: outcome.rejectedLines,
                                  diagnostics: outcome.diagnostics)
        } catch let error as DocumentImportError {
            throw Self.rejected(error)
        } catch {
            throw try await attempt { throw error }
        }
    }

    /// Documents refused with their diagnostics, or no calendar to register under.
    static func rejected(_ error: DocumentImportError) -> Refusal {
        guard !error.diagnostics.isEmpty else { return Refusal(.noCalendar) }
        return Refusal(.rejectedInput, ["file": error.file, "errors": String(error.diagnostics.errors.count)],
                       diagnostics: error.diagnostics)
    }
}
