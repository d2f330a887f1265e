import Foundation
public import SablierCore
import SablierPrivacy
import SablierStore

extension Sablier {
    /// The organisation's public identifiers (Access Act, s. 57), by kind then value.
    public func publicIdentifiers(_ session: Session) async throws(Refusal) -> [PublicIdentifier] {
        _ = try await authorize(session, .reviewPrivacy, "privacy public list")
        return try await attempt { try await store.publicIdentifiers() }
    }

    /// Declares one of the organisation's own numbers, domains, addresses or postal codes
    /// public: scans never report it, and documents already scanned are scanned again. The
    /// value is stored in the form the scanner compares; the addition is audited.
    public func addPublicIdentifier(_ session: Session, kind: PublicIdentifier.Kind, value: String,
                                    note: String? = nil) async throws(Refusal) -> PublicIdentifier {
        let useCase = "privacy public add"
        _ = try await authorize(session, .reviewPrivacy, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["kind": kind.rawValue]) {
            let normalised = try Self.normalised(kind, value)
            let note = note?.trimmingSpaces()
            let identifier = PublicIdentifier(kind: kind, value: normalised, note: note?.isEmpty == true ? nil : note,
                                              addedAt: clock.now, addedBy: session.user.name)
            try await store.addPublicIdentifier(identifier)
            return identifier
        }
    }

    /// Removes a public identifier, given as it was declared or in any form that normalises to
    /// it; returns it in its stored form. The removal is audited.
    @discardableResult
    public func removePublicIdentifier(_ session: Session, kind: PublicIdentifier.Kind, value: String) async throws(Refusal) -> String {
        let useCase = "privacy public remove"
        _ = try await authorize(session, .reviewPrivacy, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase, details: ["kind": kind.rawValue]) {
            let normalised = try Self.normalised(kind, value)
            try await store.removePublicIdentifier(kind: kind, value: normalised, by: session.user.name, at: clock.now)
            return normalised
        }
    }

    /// The stored form of a value: ten digits, a lowercase domain or address, `A9A9A9`; the
    /// scanner's own rules for telephone numbers and postal codes, so that what is stored is
    /// what it compares.
    static func normalised(_ kind: PublicIdentifier.Kind, _ raw: String) throws(Refusal) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let value: String?
        switch kind {
        case .phone:
            value = PublicCharacter.normalisedPhone(trimmed)
        case .emailDomain:
            let domain = trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "@."))
            value = domain.contains(".") && !domain.contains("@") && !domain.contains(" ") ? domain : nil
        case .email:
            let address = trimmed.lowercased()
            value = address.split(separator: "@").count == 2 && !address.contains(" ") ? address : nil
        case .postalCode:
            value = PublicCharacter.normalisedPostalCode(trimmed)
        }
        guard let value else { throw Refusal(.invalidPublicIdentifier, ["kind": kind.rawValue, "value": trimmed]) }
        return value
    }
}
