public import Foundation
public import SablierCore
import SablierCSV
import SablierStore

/// The columns of a register CSV (`sablier document import`), as the README documents them.
///
/// Required: `reference,title,rule,copy,support,holder,opened,closed`. Optional: `path` (a
/// digital asset's file, measured at registration), `location` (`building / room / shelving`)
/// or `building`, `room`, `shelving`, `box`, `event` and `event_date` (an 888 event that already
/// occurred), `replaces`, `digitized_from`, `identifiers` (`name=value; name=value`),
/// `transferred` (the day a document already in semi-active storage was moved there).
public enum DocumentCSV {
    public static let requiredColumns = ["reference", "title", "rule", "copy", "support", "holder", "opened", "closed"]
    public static let optionalColumns = [
        "path", "location", "building", "room", "shelving", "box", "event", "event_date", "replaces", "digitized_from", "identifiers",
        "transferred",
    ]
}

/// What a register row must agree with: the calendar in force, the boxes, and the references
/// already registered.
public struct RegisterContext: Sendable {
    public var boxes: Set<String>
    /// The calendar in force (its version and rules) and the events each rule's 888 periods
    /// wait for, confirmed or named by the calendar.
    public var retention: RetentionContext
    public var calendarVersion: Int { retention.calendarVersion }
    public var rules: [String: Rule] { retention.rules }
    /// Every support code a rule of the calendar in force lists, for either copy.
    public var knownSupports: Set<String>

    public init(calendarVersion: Int, rules: [String: Rule], boxes: Set<String>, yearEnd: MonthDay = .schoolYearEnd,
                confirmations: [String: [CopyKind: [CopyField: OpenPeriodEvent]]] = [:]) {
        self.boxes = boxes
        self.retention = RetentionContext(calendarVersion: calendarVersion, yearEnd: yearEnd, rules: rules,
                                          confirmations: confirmations)
        var supports: Set<String> = []
        for rule in rules.values {
            for copy in [rule.principal] + (rule.secondaire.map { [$0] } ?? []) { supports.formUnion(copy.supports.map(\.code)) }
        }
        knownSupports = supports
    }
}

/// One document read from a row or from the command line, before it is checked.
public struct DocumentDraft: Sendable, Hashable {
    public var reference = ""
    public var title = ""
    public var rule = ""
    public var copy = ""
    public var support = ""
    public var holder = ""
    public var opened = ""
    public var closed = ""
    public var path = ""
    public var location = ""
    public var building = ""
    public var room = ""
    public var shelving = ""
    public var box = ""
    public var event = ""
    public var eventDate = ""
    public var replaces = ""
    public var digitizedFrom = ""
    public var identifiers = ""
    /// The day the document went to semi-active storage, when it is there already: a register
    /// taken over from before Sablier says so, or every box in the semi-active room would be
    /// listed as due for transfer.
    public var transferred = ""

    public init() {}
}

/// Checks drafts and turns them into documents to register, each problem naming the field.
public struct DocumentChecker: Sendable {
    public let context: RegisterContext
    /// Relative `path` values are read from here (the CSV's folder, or the working directory).
    public var baseDirectory: URL?
    public var actor: String
    /// When set, only documents of this holder unit may be registered (a user whose
    /// permission covers their own unit).
    public var restrictedUnit: String?
    /// What a row is checked against in each rule, by number: looked up for every row, without
    /// copying the whole rule.
    private let rules: [String: RuleCheck]

    /// False when the request came from outside the server (the API): a `path` would make the
    /// server read, measure and one day delete whatever file the caller names.
    public var readsFiles: Bool
    /// The files rows name, measured before the store's transaction opens, through the rule of
    /// the folders the register may read. Without it, no file may be read.
    public var files: RegisterFiles
    /// The day of the registration: an event given with a document (`event_date`,
    /// `transferred`) is not after it, as `document event` refuses one after today. Nil
    /// checks no such date.
    public var today: CivilDate?

    public init(context: RegisterContext, baseDirectory: URL?, actor: String, restrictedUnit: String? = nil, readsFiles: Bool = true,
                files: RegisterFiles? = nil, today: CivilDate? = nil) {
        self.today = today
        self.readsFiles = readsFiles
        self.files = files ?? RegisterFiles(access: FileAccess(roots: [], storeFolder: nil), base: baseDirectory)
        self.context = context
        self.baseDirectory = baseDirectory
        self.actor = actor
        self.restrictedUnit = restrictedUnit
        rules = context.rules.mapValues(RuleCheck.init)
    }

    /// A rule's number and the supports each of its copies lists.
    private final class RuleCheck: Sendable {
        let number: String
        let principalSupports: [Support]
        /// Nil when the rule has no secondary copy.
        let secondarySupports: [Support]?

        init(_ rule: Rule) {
            number = rule.number
            principalSupports = rule.principal.supports
            secondarySupports = rule.secondaire?.supports
        }

        func supports(_ copy: CopyKind) -> [Support]? {
            copy == .principal ? principalSupports : secondarySupports
        }
    }

    /// A problem with one field: the column it came from and the sentence.
    public struct Problem: Sendable, Hashable {
        public var column: String
        /// The English sentence, the command line's.
        public var message: String
        public var isWarning: Bool
        /// The sentence's code and values, so that a page writes it in its own language (nil: as is).
        public var code: String? = nil
        public var values: [String: String]? = nil

        public init(column: String, message: String, isWarning: Bool, code: String? = nil, values: [String: String]? = nil) {
            self.column = column
            self.message = message
            self.isWarning = isWarning
            self.code = code
            self.values = values
        }

        init(column: String, _ code: DiagnosticCode, _ values: [String: String], isWarning: Bool) {
            assert(DiagnosticCode.placeholders(code.english).isSubset(of: values.keys), "\(code) lacks a value")
            self.init(column: column, message: code.english(values), isWarning: isWarning, code: code.rawValue,
                      values: values.isEmpty ? nil : values)
        }
    }

    /// The document, or the problems that keep it out. Warnings come with a document.
    public func check(_ draft: DocumentDraft) -> (document: NewDocument?, problems: [Problem]) {
        var problems: [Problem] = []
        func error(_ column: String, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
            problems.append(Problem(column: column, code, values, isWarning: false))
        }
        func warning(_ column: String, _ code: DiagnosticCode, _ values: [String: String] = [:]) {
            problems.append(Problem(column: column, code, values, isWarning: true))
        }
        func text(_ value: String) -> String? { let t = value.trimmingSpaces(); return t.isEmpty ? nil : t }
        func date(_ value: String, _ column: String) -> CivilDate? {
            guard let t = text(value) else { return nil }
            guard let date = CivilDate(iso: t) else { error(column, .notADate, ["value": t]); return nil }
            return date
        }

        let reference = text(draft.reference)
        if reference == nil { error("reference", .referenceEmpty) }
        let title = text(draft.title)
        if title == nil { error("title", .titleEmpty) }
        let holder = text(draft.holder)
        if holder == nil { error("holder", .holderEmpty) }
        if let holder, let unit = restrictedUnit, !Access.sameUnit(holder, unit) {
            error("holder", .holderOutsideUnit, ["actor": actor, "unit": unit, "holder": holder])
        }

        var rule: RuleCheck?
        if let number = text(draft.rule) {
            rule = rules[number]
            if rule == nil { error("rule", .ruleNotInForce, ["rule": number, "version": String(context.calendarVersion)]) }
        } else {
            error("rule", .ruleEmpty)
        }
        var copy: CopyKind?
        if let code = text(draft.copy) {
            copy = CopyKind(code: code)
            if copy == nil { error("copy", .notACopy, ["value": code]) }
        } else {
            error("copy", .copyEmpty)
        }
        if let rule, let copy, rule.supports(copy) == nil {
            error("copy", .noSecondaryCopy, ["rule": rule.number])
        }
        var support: Support?
        if let code = text(draft.support) {
            support = Support(code: code)
            if !context.knownSupports.isEmpty, !context.knownSupports.contains(support!.code) {
                let known = context.knownSupports.sorted().joined(separator: ", ")
                error("support", .unknownSupport, ["support": support!.code, "known": known])
            } else if let rule, let copy, let supports = rule.supports(copy), !supports.isEmpty, !supports.contains(support!) {
                let listed = supports.map(\.code).joined(separator: ", ")
                warning("support", .supportNotListed, ["support": support!.code, "rule": rule.number, "copy": copy.englishName, "listed": listed])
            }
        } else {
            error("support", .supportEmpty)
        }
        let opened = date(draft.opened, "opened")
        let closed = date(draft.closed, "closed")
        if let opened, let closed, closed < opened { error("closed", .closedBeforeOpened, ["closed": closed.description, "opened": opened.description]) }

        var file: DigitalFile?
        if text(draft.path) != nil, !readsFiles {
            error("path", .pathThroughAPI)
        } else if let path = text(draft.path) {
            switch files.file(path) {
            case .success(let measured): file = measured
            case .failure(let failure): problems.append(Problem(column: "path", failure.code, failure.values, isWarning: false))
            }
        }
        var location = draft.location.isEmpty ? PhysicalLocation() : PhysicalLocation(slashed: draft.location)
        if let building = text(draft.building) { location.building = building }
        if let room = text(draft.room) { location.room = room }
        if let shelving = text(draft.shelving) { location.shelving = shelving }
        let box = text(draft.box)
        if let box, !context.boxes.contains(box) {
            error("box", .boxNotRegistered, ["box": box])
        }
        var events: [LifecycleEvent] = []
        switch (text(draft.event), text(draft.eventDate)) {
        case (nil, nil): break
        case (let name?, nil): error("event_date", .eventWithoutDate, ["event": name])
        case (nil, _?): error("event", .dateWithoutEvent)
        case (let name?, _?):
            if let rule, let copy {
                let awaited = context.retention.awaitedEvents(rule: rule.number, copy: copy)
                if (try? AwaitedEvent.check(name, reference: reference ?? "", awaited: awaited)) == nil {
                    error("event", .eventNotAwaited, ["rule": rule.number, "awaited": awaited.joined(separator: "\n"), "event": name])
                }
            }
            if let on = date(draft.eventDate, "event_date") {
                if let today, on > today {
                    error("event_date", .registeredEventAfterToday, ["on": on.description, "today": today.description])
                }
                events.append(LifecycleEvent(kind: .eventOccurred, on: on, by: actor, reason: "inscrit à l'enregistrement", name: name))
            }
        }
        if let on = date(draft.transferred, "transferred") {
            if let today, on > today {
                error("transferred", .registeredEventAfterToday, ["on": on.description, "today": today.description])
            } else if let opened, on < opened {
                error("transferred", .transferredBeforeOpened, ["transferred": on.description, "opened": opened.description])
            } else {
                events.append(LifecycleEvent(kind: .transferred, on: on, by: actor, reason: "déjà en semi-actif à l'enregistrement"))
            }
        }
        var identifiers: [String: String] = [:]
        for pair in draft.identifiers.isEmpty ? [] : draft.identifiers.split(separator: ";") where !pair.trimmingSpaces().isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].trimmingSpaces().isEmpty else {
                error("identifiers", .notNameValue, ["value": pair.trimmingSpaces()])
                continue
            }
            identifiers[parts[0].trimmingSpaces()] = parts[1].trimmingSpaces()
        }
        if let replaces = text(draft.replaces), replaces == reference { error("replaces", .replacesItself) }
        if let original = text(draft.digitizedFrom), original == reference { error("digitized_from", .ownOriginal) }

        guard !problems.contains(where: { !$0.isWarning }), let reference, let title, let holder, let rule, let copy, let support else {
            return (nil, problems)
        }
        let document = Document(
            reference: reference, title: title, rule: rule.number, copy: copy, holder: holder, support: support,
            openedOn: opened, closedOn: closed, identifiers: identifiers, file: file,
            location: location.isEmpty ? nil : location, box: box,
            digitizedFrom: text(draft.digitizedFrom), replaces: text(draft.replaces))
        return (NewDocument(document: document, events: events), problems)
    }
}

extension DocumentDraft {
    /// Where each register column is in a CSV's header, found once per file.
    struct Columns {
        let indexes: [Int?]

        init(_ header: CSVHeader) {
            indexes = Self.names.map { header.index(of: $0) }
        }

        static let names = [
            "reference", "title", "rule", "copy", "support", "holder", "opened", "closed", "path", "location", "building",
            "room", "shelving", "box", "event", "event_date", "replaces", "digitized_from", "identifiers", "transferred",
        ]
    }

    /// The draft of a CSV row.
    init(row: CSVRecord, columns: Columns) {
        self.init()
        let fields = row.fields
        func value(_ slot: Int) -> String {
            guard let index = columns.indexes[slot], index < fields.count else { return "" }
            return fields[index]
        }
        reference = value(0); title = value(1); rule = value(2); copy = value(3); support = value(4); holder = value(5)
        opened = value(6); closed = value(7); path = value(8); location = value(9); building = value(10); room = value(11)
        shelving = value(12); box = value(13); event = value(14); eventDate = value(15); replaces = value(16)
        digitizedFrom = value(17); identifiers = value(18); transferred = value(19)
    }
}
