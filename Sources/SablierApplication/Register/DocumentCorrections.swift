public import SablierCore
import SablierRegister
import SablierStore

/// What `document correct` is given, as people type it: each field nil when it is kept;
/// `none` clears the opening or closing date, the location or the box.
public struct CorrectionForm: Sendable, Hashable, Codable {
    public var title: String?
    public var holder: String?
    /// `YYYY-MM-DD`, or `none`.
    public var opened: String?
    /// `YYYY-MM-DD`, or `none`.
    public var closed: String?
    /// A support code (`PA`, `DM`, …).
    public var support: String?
    /// `building / room / shelving`, or `none`.
    public var location: String?
    /// A registered box's code, or `none`.
    public var box: String?
    /// Why, in words: required.
    public var reason: String?
    /// A file path: refused, since a moved file is relinked against its SHA-256, never corrected.
    public var path: String?

    public init(title: String? = nil, holder: String? = nil, opened: String? = nil, closed: String? = nil, support: String? = nil,
                location: String? = nil, box: String? = nil, reason: String? = nil, path: String? = nil) {
        self.title = title
        self.holder = holder
        self.opened = opened
        self.closed = closed
        self.support = support
        self.location = location
        self.box = box
        self.reason = reason
        self.path = path
    }

    /// The word that empties a field that may be empty.
    public static let none = "none"

    /// The correction the form asks for, or the refusal naming the field that does not read.
    func correction() throws(Refusal) -> DocumentCorrection {
        func cleared(_ text: String) -> Bool { text.trimmingSpaces().lowercased() == Self.none }
        func date(_ text: String?, _ field: String) throws(Refusal) -> CorrectedValue<CivilDate>? {
            guard let text else { return nil }
            if cleared(text) { return .cleared }
            guard let date = CivilDate(iso: text.trimmingSpaces()) else {
                throw Refusal.invalidValue(field, text, allowed: ["YYYY-MM-DD", Self.none])
            }
            return .set(date)
        }
        var correction = DocumentCorrection(title: title, holder: holder, openedOn: try date(opened, "opened"),
                                            closedOn: try date(closed, "closed"), support: support.map { Support(code: $0) })
        if let location {
            correction.location = cleared(location) ? .cleared : .set(PhysicalLocation(slashed: location))
        }
        if let box {
            correction.box = cleared(box) ? .cleared : .set(box.trimmingSpaces())
        }
        return correction
    }
}

/// A document corrected: `document correct --format json`, `POST /api/v1/documents/{reference}/corrections`.
public struct CorrectionResult: Sendable, Hashable, Codable {
    /// The document as now registered and counted.
    public var document: DocumentEntry
    /// Each field changed, with its old and new values.
    public var changes: [FieldChange]
    /// Its dates before and after the correction.
    public var before: RetentionDates
    public var after: RetentionDates
    /// The `corrected` event appended to its history.
    public var event: EventEntry
}

extension Sablier {
    /// Corrects registered fields of a document (a typo in a title, a wrong holder unit or
    /// date), keeping the old and new values in its history and the audit trail, and
    /// recounting its dates.
    ///
    /// A détenteur corrects their unit's documents only (another unit's reads as not
    /// registered) and may not hand one to another unit: that takes an organisation-wide
    /// permission. A destroyed or deposited document is never corrected; a held one is, and
    /// stays held.
    public func correctDocument(_ session: Session, _ reference: String, _ form: CorrectionForm) async throws(Refusal) -> CorrectionResult {
        let useCase = "document correct"
        let access = try await authorize(session, .correctDocuments, useCase)
        let visibility = try await visibility(access)
        _ = try await visibleDocument(reference, visibility, useCase: useCase)
        let corrected = try await auditingRefusals(by: access.user.name, useCase: useCase, permission: access.permission,
                                                   details: ["reference": reference]) {
            guard form.path == nil else { throw Refusal(.correctionFileByRelink, ["reference": reference]) }
            let reason = try Refusal.requireText(form.reason, "reason")
            let correction = try form.correction()
            guard !correction.isEmpty else { throw Refusal(.correctionChangesNothing, ["reference": reference]) }
            if let holder = correction.holder?.trimmingSpaces(), let unit = access.restrictedUnit, !Access.sameUnit(holder, unit) {
                throw Refusal(.correctionHolderOutsideUnit, ["reference": reference, "holder": holder, "unit": unit])
            }
            var known: Set<String> = []
            if correction.support != nil, let latest = try await store.latestCalendarVersion(),
               let calendar = try await store.calendar(version: latest.number) {
                let rules = Dictionary(calendar.rules.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
                known = RegisterContext(calendarVersion: latest.number, rules: rules, boxes: []).knownSupports
            }
            return try await store.correctDocument(reference, correction, reason: reason, knownSupports: known,
                                                   by: access.user.name, at: clock.now)
        }
        return CorrectionResult(document: DocumentEntry(corrected.after), changes: corrected.changes,
                                before: RetentionDates(corrected.before.retention), after: RetentionDates(corrected.after.retention),
                                event: EventEntry(corrected.event))
    }
}
