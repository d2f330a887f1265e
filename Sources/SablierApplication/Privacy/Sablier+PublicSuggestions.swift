import Foundation
public import SablierCore
import SablierPrivacy
import SablierRegister
import SablierStore

extension Sablier {
    /// A value is proposed from ten documents: a letterhead is on every letter a service sends,
    /// while a family's telephone or e-mail, even in a student's file of many documents, is
    /// rarely in ten documents of several units.
    public static let suggestionMinDocuments = 10
    /// …held by three units: a school service centre's letterhead is on the letters of every
    /// service and school, while a person's information stays in the one or two units that
    /// serve that person (a school, the student services). A false proposal costs the AIPRP
    /// officer one look; nothing becomes public without their confirmation.
    public static let suggestionMinUnits = 3
    /// The lowest thresholds the officer may ask for: below three documents of two units, a
    /// family's telephone or a person's address is proposed as often as a letterhead, and the
    /// list becomes a list of persons' information with nothing to tell it from the letterhead.
    public static let suggestionFloorDocuments = 3
    public static let suggestionFloorUnits = 2
    /// Documents named with each proposal, so that the officer can look before confirming.
    public static let suggestionExamples = 3

    /// Proposes the organisation's letterhead to the AIPRP officer: the telephone numbers,
    /// postal codes, e-mail domains and street addresses found in at least `minDocuments`
    /// registered documents of at least `minUnits` units (détenteurs), most frequent first,
    /// with their counts. Values already declared public are not found, so not proposed; the
    /// domains of consumer mail providers never are.
    ///
    /// Reads the text of every registered document with a file, as `privacy scan --all` does
    /// (same roots, same extraction, documents the reader may not see withheld), and writes
    /// nothing but its audit entry (`privacy.public-suggest`: the thresholds and how many were
    /// proposed, never a value): nothing becomes public until a person declares it
    /// (`addPublicIdentifiers`). The values are counted in memory only; `progress` is told how
    /// many documents are done out of how many.
    public func suggestPublicIdentifiers(_ session: Session, minDocuments: Int = Sablier.suggestionMinDocuments,
                                         minUnits: Int = Sablier.suggestionMinUnits,
                                         progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws(Refusal)
        -> PublicIdentifierSuggestions {
        let useCase = "privacy public suggest"
        let access = try await authorize(session, .reviewPrivacy, useCase)
        return try await auditingRefusals(by: session.user.name, useCase: useCase) {
            for (option, threshold, floor) in [("min-documents", minDocuments, Self.suggestionFloorDocuments),
                                               ("min-units", minUnits, Self.suggestionFloorUnits)] where threshold < floor {
                throw Refusal(.suggestionThreshold, ["option": option, "minimum": String(floor), "value": String(threshold)])
            }
            let visibility = try await visibility(access)
            let candidates = try await store.documents(matching: nil, limit: nil)
                .filter { $0.document.file != nil && $0.phase != .inactifDetruit }
            let documents = candidates.filter { visibility.allows($0.document.reference, holder: $0.document.holder) }
            let scanning = PrivacyScanning(store: store)
            let scanner = try await scanning.scanner()
            let readable = try await FileAccess.of(store)
            var tally = LetterheadTally(minDocuments: minDocuments)
            var unreadable = 0
            for (index, document) in documents.enumerated() {
                if let values = scanning.letterheadValues(of: document, scanner: scanner, access: readable) {
                    tally.count(values, unit: document.document.holder, document: Int32(index))
                } else {
                    unreadable += 1
                }
                progress(index + 1, documents.count)
            }
            let suggestions = tally.suggestions(minUnits: minUnits) { documents[Int($0)].document.reference }
            _ = try await store.appendAudit(user: session.user.name, action: "privacy.public-suggest", target: "privacy public identifiers",
                details: ["minDocuments": String(minDocuments), "minUnits": String(minUnits), "documents": String(documents.count - unreadable),
                          "proposed": String(suggestions.count)],
                at: clock.now)
            return PublicIdentifierSuggestions(minDocuments: minDocuments, minUnits: minUnits, documentsRead: documents.count - unreadable,
                                               unreadable: unreadable, withheld: candidates.count - documents.count, suggestions: suggestions)
        }
    }
}

/// How often each value recurs: value → documents and units, in memory bounded on a register of
/// any size. Units are numbered, so that a value seen in one document (most of them: a
/// person's) costs one short array, not a set of names. A value still under the documents
/// threshold and not seen in the last `forgetAfter` documents is forgotten: a letterhead recurs
/// far more often than that, and a register's many persons' values never pile up — what is kept
/// is the values of the last `forgetAfter` documents and those already at the threshold (at
/// most the values read divided by the threshold).
struct LetterheadTally {
    struct Count {
        var documents: Int
        var units: [Int32]
        /// The number of the last document that held it.
        var lastSeen: Int
        /// The first documents that held it (their index in the caller's list), at most
        /// `Sablier.suggestionExamples`: the officer looks at them before confirming.
        var examples: [Int32]
    }

    let minDocuments: Int
    let forgetAfter: Int
    private var counts: [LetterheadValue: Count] = [:]
    private var unitNumbers: [String: Int32] = [:]
    private var documents = 0

    init(minDocuments: Int, forgetAfter: Int = 50_000) {
        self.minDocuments = minDocuments
        self.forgetAfter = forgetAfter
    }

    /// The values tracked now.
    var tracked: Int { counts.count }

    /// One document's values (each once per document) and its unit.
    mutating func count(_ values: Set<LetterheadValue>, unit: String, document: Int32) {
        documents += 1
        let number = unitNumbers[unit] ?? {
            let next = Int32(unitNumbers.count)
            unitNumbers[unit] = next
            return next
        }()
        for value in values {
            var count = counts[value] ?? Count(documents: 0, units: [], lastSeen: 0, examples: [])
            count.documents += 1
            count.lastSeen = documents
            if count.examples.count < Sablier.suggestionExamples { count.examples.append(document) }
            if !count.units.contains(number) { count.units.append(number) }
            counts[value] = count
        }
        if documents % forgetAfter == 0 {
            counts = counts.filter { $0.value.documents >= minDocuments || documents - $0.value.lastSeen < forgetAfter }
        }
    }

    /// The values at or past both thresholds: most documents first, then most units, then by
    /// kind and value; each names its first documents by `reference`.
    func suggestions(minUnits: Int, reference: (Int32) -> String) -> [PublicIdentifierSuggestion] {
        counts.filter { $0.value.documents >= minDocuments && $0.value.units.count >= minUnits }
            .sorted { left, right in
                if left.value.documents != right.value.documents { return left.value.documents > right.value.documents }
                if left.value.units.count != right.value.units.count { return left.value.units.count > right.value.units.count }
                return left.key < right.key
            }
            .map { PublicIdentifierSuggestion(kind: $0.key.kind.rawValue, value: $0.key.value, documents: $0.value.documents,
                                              units: $0.value.units.count, examples: $0.value.examples.map(reference)) }
    }
}
