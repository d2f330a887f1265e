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
    /// A détenteur or a user registers documents of their own unit only; anyone may name as the
    /// version it replaces, or the original it digitizes, only a document they may see.
    public func registerDocument(_ session: Session, _ draft: DocumentDraft) async throws(Refusal) -> DocumentRegistration {
        let useCase = "document add"
        let access = try await authorize(session, .registerDocuments, useCase)
        let visibility = try await visibility(access)
        let (stored, warnings) = try await registering(access, useCase) {
            try await DocumentRegistrar(store: store).add(draft, actor: access.user.name, now: clock.now, visibility: visibility,
                                                          readsFiles: session.readsServerFiles)
        }
        return DocumentRegistration(document: DocumentEntry(stored), warnings: warnings)
    }

    /// Registers the documents of a register CSV file, all or nothing (or the good rows only,
    /// with `skipInvalid`), checked against the calendar in force, the boxes and the register.
    /// `name`, when `file` is a private copy (an upload), is what the diagnostics and the result
    /// call it: the person's own file name.
    public func importDocuments(_ session: Session, file: String, named name: String? = nil,
                                skipInvalid: Bool) async throws(Refusal) -> DocumentImport {
        let useCase = "document import"
        let access = try await authorize(session, .registerDocuments, useCase)
        let visibility = try await visibility(access)
        let outcome = try await registering(access, useCase) {
            try await DocumentRegistrar(store: store).importCSV(path: file, named: name, skipInvalid: skipInvalid, actor: access.user.name,
                                                                now: clock.now, visibility: visibility, readsFiles: session.readsServerFiles)
        }
        return DocumentImport(file: name ?? file, registered: outcome.registered, rejectedLines: outcome.rejectedLines,
                              diagnostics: outcome.diagnostics)
    }

    /// Registration work whose refusals (rows refused with their diagnostics, no calendar, a
    /// rule of the store) are audited before they are thrown.
    func registering<T>(_ access: Access, _ useCase: String, _ body: () async throws -> T) async throws(Refusal) -> T {
        try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission) {
            do {
                return try await body()
            } catch let error as DocumentImportError {
                throw Self.rejected(error)
            }
        }
    }

    /// Documents refused with their diagnostics, or no calendar to register under.
    static func rejected(_ error: DocumentImportError) -> Refusal {
        guard !error.diagnostics.isEmpty else { return Refusal(.noCalendar) }
        return Refusal(.rejectedInput, ["file": error.file, "errors": String(error.diagnostics.totalErrorCount)],
                       diagnostics: error.diagnostics)
    }
}
