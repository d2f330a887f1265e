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

    /// The neutral reference a copy is registered under when the officer gives none: `ANON-N`,
    /// N one more than the highest of `taken`'s `ANON-N`. Never derived from the original's
    /// reference or title, which in school records often hold the student's name.
    public static func nextCopyReference(after taken: some Sequence<String>) -> String {
        let highest = taken.compactMap { $0.hasPrefix("ANON-") ? Int($0.dropFirst(5)) : nil }.max() ?? 0
        return "ANON-\(highest + 1)"
    }

    /// The officer's sign-off of this copy as it is now (`currentSHA256`), checked: refused once
    /// signed already, and when the copy's file is gone or cannot be read (`currentSHA256` nil).
    /// A copy the officer corrected by hand after it was made (a name the detectors missed) is
    /// signed as corrected: what the officer read is what stays, and the destruction checks it.
    public func signedOff(by officer: String, at instant: Date, note: String, currentSHA256: String?) throws(Refusal) -> Anonymization {
        if let signOff {
            throw Refusal(.anonymizedCopySigned, ["reference": original, "copy": copyReference, "by": signOff.by])
        }
        let note = try Refusal.requireText(note, "note")
        guard let currentSHA256 else {
            throw Refusal(.anonymizedCopyMissing, ["reference": original, "copy": copyReference, "path": path])
        }
        var signed = self
        signed.signOff = AnonymizationSignOff(at: instant, by: officer, sha256: currentSHA256, note: note)
        return signed
    }

    /// True when the copy signed off is not the one made: the officer corrected it by hand.
    public var correctedByHand: Bool { signOff.map { $0.sha256 != sha256 } ?? false }

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

/// What the register holds that decides where an anonymised copy may be placed, read by the
/// store: once by the application before the copy is written, again inside the transaction
/// that registers it, so both ask `DocumentPrivacy.anonymizationPlacement` the same question.
public struct AnonymizationPlacementFacts: Sendable, Hashable {
    /// Whether the rule asked for is one of the calendar in force.
    public var ruleInForce: Bool
    /// The units the register knows (holders of documents, users' units) that are the holder
    /// asked for up to case and spaces (`Access.unitKey`), as they are spelled there.
    public var knownHolders: [String]
    /// The references already registered among the one asked for and the `ANON-N`.
    public var takenReferences: Set<String>

    public init(ruleInForce: Bool, knownHolders: [String], takenReferences: Set<String>) {
        self.ruleInForce = ruleInForce
        self.knownHolders = knownHolders
        self.takenReferences = takenReferences
    }
}

/// Where an anonymised copy goes in the register: its reference, title, rule and holder.
public struct AnonymizationPlacement<File> {
    /// The original's file the copy is made from.
    public var file: File
    /// `--reference`, else the next free `ANON-N`: never derived from the original's.
    public var copyReference: String
    /// `--title`, else « Copie anonymisée (règle CODE) »: never the original's title.
    public var title: String
    public var rule: String
    /// The unit as the register already spells it.
    public var holder: String
}

extension AnonymizationPlacement: Sendable where File: Sendable {}

extension DocumentPrivacy {
    /// Where the anonymised copy of this document may be placed, or why none may be made: refused
    /// for a destroyed document, one not confirmed with the measure `anonymiser`, one without a
    /// file (paper: Sablier cannot read it), one that already has a copy (`existing`), a rule not
    /// in force, a holder the register does not know, and a reference already taken. The one
    /// decision, asked before the copy is written and again by the store inside its transaction.
    public func anonymizationPlacement<File>(file: File?, existing: Anonymization?, rule: String, holder: String,
                                             copyReference asked: String?, title: String?,
                                             facts: AnonymizationPlacementFacts) throws(Refusal) -> AnonymizationPlacement<File> {
        guard !isDestroyed else { throw Refusal(.documentDestroyed, ["reference": reference]) }
        guard isConfidential, measure == .anonymiser else {
            throw Refusal(.anonymizeNotRequired, ["reference": reference, "measure": isConfidential ? (measure?.rawValue ?? "-") : "-"])
        }
        guard let file else { throw Refusal(.anonymizePaper, ["reference": reference]) }
        if let existing {
            throw Refusal(.anonymizedCopyExists, ["reference": reference, "copy": existing.copyReference])
        }
        guard facts.ruleInForce else { throw Refusal(.anonymizeRuleNotInForce, ["rule": rule]) }
        guard let known = facts.knownHolders.sorted().first else { throw Refusal(.anonymizeUnknownHolder, ["holder": holder]) }
        let copyReference = asked ?? Anonymization.nextCopyReference(after: facts.takenReferences)
        // The reference names the copy's file: one name in the original's folder, nothing else.
        guard !copyReference.isEmpty, !copyReference.hasPrefix("."), !copyReference.contains("/"), !copyReference.contains("\0") else {
            throw Refusal(.anonymizeReferenceUnfit, ["reference": reference, "copy": copyReference])
        }
        guard !facts.takenReferences.contains(copyReference) else {
            throw Refusal(.anonymizeReferenceTaken, ["reference": reference, "copy": copyReference])
        }
        return AnonymizationPlacement(file: file, copyReference: copyReference, title: title ?? "Copie anonymisée (règle \(rule))",
                                      rule: rule, holder: known)
    }
}
