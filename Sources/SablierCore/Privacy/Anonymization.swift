public import Foundation

/// The de-identified copy of a document confirmed with the measure `anonymiser` (Access Act,
/// s. 73): made by the detectors, registered as a document of its own under the rule and holder
/// the AIPRP officer chose, and signed off by the officer before the original is destroyed.
///
/// Kept as evidence: who made it and when, what it replaced (counts by type, never a value), and
/// the SHA-256 the officer signed, which the destruction of the original checks again.
public struct Anonymization: Sendable, Hashable, Codable {
    /// The original's reference.
    public var original: String
    /// The copy's reference in the register.
    public var copyReference: String
    public var path: String
    /// The copy's SHA-256 as written.
    public var sha256: String
    /// What was replaced, by type.
    public var replacements: [AnonymizationReplacement]
    public var madeAt: Date
    public var madeBy: String
    public var note: String
    /// The AIPRP officer's sign-off; nil while the copy waits for it.
    public var signOff: AnonymizationSignOff?

    public init(original: String, copyReference: String, path: String, sha256: String, replacements: [AnonymizationReplacement],
                madeAt: Date, madeBy: String, note: String, signOff: AnonymizationSignOff? = nil) {
        self.original = original
        self.copyReference = copyReference
        self.path = path
        self.sha256 = sha256
        self.replacements = replacements
        self.madeAt = madeAt
        self.madeBy = madeBy
        self.note = note
        self.signOff = signOff
    }

    /// How many places were replaced, all types together.
    public var replaced: Int { replacements.reduce(0) { $0 + $1.count } }

    /// The reference a copy of `original` is registered under: `REF-ANON`, or the first of
    /// `REF-ANON-2`, `REF-ANON-3`, … that `isTaken` does not hold.
    public static func copyReference(of original: String, isTaken: (String) throws -> Bool) rethrows -> String {
        let base = original + "-ANON"
        if try !isTaken(base) { return base }
        var number = 2
        while try isTaken("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    /// The officer's sign-off of this copy, checked: refused once signed already, and when the
    /// copy's file no longer has the SHA-256 it was made with (`currentSHA256` nil: it is gone
    /// or cannot be read) — what the officer read must be what stays.
    public func signedOff(by officer: String, at instant: Date, note: String, currentSHA256: String?) throws(Refusal) -> Anonymization {
        if let signOff {
            throw Refusal(.anonymizedCopySigned, ["reference": original, "copy": copyReference, "by": signOff.by])
        }
        let note = try Refusal.requireText(note, "note")
        guard currentSHA256 == sha256 else {
            throw Refusal(.anonymizedCopyChanged, ["reference": original, "copy": copyReference, "path": path])
        }
        var signed = self
        signed.signOff = AnonymizationSignOff(at: instant, by: officer, sha256: sha256, note: note)
        return signed
    }

    /// What the destruction of the original still waits for, given the copy's SHA-256 now
    /// (nil when gone or unreadable); nil when the original may be destroyed.
    public func destructionWait(currentSHA256: String?) -> AnonymizationWait? {
        guard let signOff else { return .signOff }
        return currentSHA256 == signOff.sha256 ? nil : .copyChanged
    }
}

/// What a document whose measure is `anonymiser` waits for before it is destroyed.
public enum AnonymizationWait: String, Sendable, Hashable, Codable {
    /// No copy was made yet (`privacy anonymize`).
    case copy
    /// The copy waits for the AIPRP officer's sign-off.
    case signOff = "sign-off"
    /// The copy's file no longer has the SHA-256 signed: a person must look.
    case copyChanged = "copy-changed"
}

/// The replacements of one type in a copy: how many places, how many distinct values.
public struct AnonymizationReplacement: Sendable, Hashable, Codable {
    /// The finding type's code (`person-name`, `address`, …).
    public var type: String
    public var count: Int
    public var distinct: Int

    public init(type: String, count: Int, distinct: Int) {
        self.type = type
        self.count = count
        self.distinct = distinct
    }
}

/// Who signed a copy off, when, the SHA-256 they signed and why.
public struct AnonymizationSignOff: Sendable, Hashable, Codable {
    public var at: Date
    public var by: String
    public var sha256: String
    public var note: String

    public init(at: Date, by: String, sha256: String, note: String) {
        self.at = at
        self.by = by
        self.sha256 = sha256
        self.note = note
    }
}

extension DocumentPrivacy {
    /// Whether an anonymised copy of this document may be made now: refused for a destroyed
    /// document, one not confirmed with the measure `anonymiser`, one without a file (paper:
    /// Sablier cannot read it), and one that already has a copy (`existing`).
    public func checkAnonymizable(isDigital: Bool, existing: Anonymization?) throws(Refusal) {
        guard !isDestroyed else { throw Refusal(.documentDestroyed, ["reference": reference]) }
        guard isConfidential, measure == .anonymiser else {
            throw Refusal(.anonymizeNotRequired, ["reference": reference, "measure": isConfidential ? (measure?.rawValue ?? "-") : "-"])
        }
        guard isDigital else { throw Refusal(.anonymizePaper, ["reference": reference]) }
        if let existing {
            throw Refusal(.anonymizedCopyExists, ["reference": reference, "copy": existing.copyReference])
        }
    }
}
