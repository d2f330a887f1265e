public import Foundation
public import SablierCore

/// A calendar version as the rows of the store's tables: the one encoding every backend
/// writes, and the decoding back to `RetentionCalendar` that reproduces the stored value exactly.
public struct StoredVersion: Sendable, Hashable {
    public var version: CalendarVersionRow
    public var source: CalendarVersionSourceRow
    /// The rules' rows, in calendar order.
    public var ruleRows: [CalendarRuleRow]
    /// The rows that belong to the rules, table by table: rule after rule in calendar order,
    /// each rule's in its own order. Flat, so a backend inserts each table's rows in one go,
    /// without regrouping them: every rule's row first, then the dependents, so a repeated rule
    /// number fails on a rule's own row.
    public var copyRows: [CalendarCopyRuleRow]
    public var remarkRows: [CalendarRemarkRow]
    public var itemRows: [CalendarRuleItemRow]
    public var diagnostics: [CalendarDiagnosticRow]

    /// A rule's row and the rows that belong to it.
    public struct StoredRule: Sendable, Hashable {
        public var rule: CalendarRuleRow
        public var copies: [CalendarCopyRuleRow]
        public var remarks: [CalendarRemarkRow]
        public var items: [CalendarRuleItemRow]
    }

    /// Each rule in calendar order with its copies, remarks and items.
    public var rules: [StoredRule] {
        var copies = copyRows.makeIterator(), remarks = remarkRows.makeIterator(), items = itemRows.makeIterator()
        var copyRun = RuleRun<CalendarCopyRuleRow>(), remarkRun = RuleRun<CalendarRemarkRow>(), itemRun = RuleRun<CalendarRuleItemRow>()
        return ruleRows.map { row in
            var rule = StoredRule(rule: row, copies: [], remarks: [], items: [])
            // The rows were built rule after rule: the runs cannot fail.
            while let copy = try? copyRun.next(of: row.number, from: { copies.next() }) { rule.copies.append(copy) }
            while let remark = try? remarkRun.next(of: row.number, from: { remarks.next() }) { rule.remarks.append(remark) }
            while let item = try? itemRun.next(of: row.number, from: { items.next() }) { rule.items.append(item) }
            return rule
        }
    }

    /// Encodes a new version under the given number, checking what the schema cannot: the
    /// hash against the bytes and the support codes. Throws `StoreError.invalidVersion`.
    public init(number: Int, _ new: NewCalendarVersion) throws {
        try Self.checkDigest(of: new.sourceBytes, is: new.sourceSHA256, file: new.sourceFile)
        version = Self.versionRow(number: number, new)
        source = CalendarVersionSourceRow(version: number, bytes: new.sourceBytes)
        let rows = try Self.ruleRows(version: number, new.calendar.rules[...], from: 0)
        (ruleRows, copyRows, remarkRows, itemRows) = (rows.rules, rows.copies, rows.remarks, rows.items)
        diagnostics = Self.diagnosticRows(number: number, new)
    }

    /// Refuses bytes whose SHA-256 is not the one given with them, so a version's recorded
    /// hash always proves its stored file. Throws `StoreError.invalidVersion`.
    public static func checkDigest(of bytes: [UInt8], is sha256: String, file: String) throws {
        let digest = SourceDigest.sha256Hex(bytes)
        guard sha256 == digest else {
            throw StoreError.invalidVersion("the SHA-256 given for \(file) (\(sha256)) is not that of its bytes (\(digest))")
        }
    }

    /// The version's own row: its provenance and counts.
    public static func versionRow(number: Int, _ new: NewCalendarVersion) -> CalendarVersionRow {
        let calendar = new.calendar
        return CalendarVersionRow(
            number: number,
            importedAt: StoredCode.microseconds(new.importedAt),
            importedBy: new.importedBy,
            sourceFile: new.sourceFile,
            sourceFormat: new.sourceFormat.rawValue,
            sourceSHA256: new.sourceSHA256,
            organisation: calendar.organisation,
            banqOrganisationID: calendar.banqOrganisationID,
            versionLabel: calendar.versionLabel,
            adoptedOn: calendar.adoptedOn?.description,
            approvedOn: calendar.approvedOn?.description,
            yearEnd: calendar.yearEnd.description,
            ruleCount: calendar.rules.count,
            warningCount: new.diagnostics.warnings.count
        )
    }

    /// The import's diagnostics as rows, in their order.
    public static func diagnosticRows(number: Int, _ new: NewCalendarVersion) -> [CalendarDiagnosticRow] {
        new.diagnostics.enumerated().map { CalendarDiagnosticRow(version: number, position: $0, diagnostic: $1) }
    }

    /// The rows of some rules of a version, table by table, rule after rule; the first rule's
    /// position is `position`. Shared by the whole-version encoding and by a store writing a
    /// version's rules in batches while its file is still being read, so both write the same
    /// rows. Throws `StoreError.invalidVersion` when a copy is not of its own kind.
    public static func ruleRows(
        version number: Int, _ rules: ArraySlice<Rule>, from position: Int
    ) throws -> (rules: [CalendarRuleRow], copies: [CalendarCopyRuleRow], remarks: [CalendarRemarkRow], items: [CalendarRuleItemRow]) {
        var ruleRows: [CalendarRuleRow] = [], copyRows: [CalendarCopyRuleRow] = []
        var remarkRows: [CalendarRemarkRow] = [], itemRows: [CalendarRuleItemRow] = []
        ruleRows.reserveCapacity(rules.count)
        copyRows.reserveCapacity(rules.count * 2)
        for (offset, rule) in rules.enumerated() {
            guard rule.principal.kind == .principal, rule.secondaire.map({ $0.kind == .secondaire }) ?? true else {
                throw StoreError.invalidVersion("rule \(rule.number): its principal and secondary copies are not of their own kinds")
            }
            ruleRows.append(CalendarRuleRow(version: number, position: position + offset, rule: rule))
            copyRows.append(try CalendarCopyRuleRow(version: number, ruleNumber: rule.number, copy: rule.principal))
            if let secondaire = rule.secondaire {
                copyRows.append(try CalendarCopyRuleRow(version: number, ruleNumber: rule.number, copy: secondaire))
            }
            for (index, remark) in rule.remarks.enumerated() {
                remarkRows.append(CalendarRemarkRow(version: number, ruleNumber: rule.number, position: index, remark: remark))
            }
            for (kind, values) in [
                (CalendarRuleItemRow.Kind.classification, rule.classificationCodes), (.documentType, rule.documentTypes),
                (.process, rule.processes), (.legalReference, rule.legalReferences),
            ] {
                for (index, value) in values.enumerated() {
                    itemRows.append(CalendarRuleItemRow(version: number, ruleNumber: rule.number, kind: kind, position: index, value: value))
                }
            }
        }
        return (ruleRows, copyRows, remarkRows, itemRows)
    }

    // MARK: - Decoding

    /// The version's provenance.
    public static func info(_ row: CalendarVersionRow) throws -> CalendarVersionInfo {
        guard let format = CalendarFormat(rawValue: row.sourceFormat) else {
            throw CorruptValue.code(row.sourceFormat, column: "source_format")
        }
        return CalendarVersionInfo(
            number: row.number,
            importedAt: StoredCode.date(microseconds: row.importedAt),
            importedBy: row.importedBy,
            sourceFile: row.sourceFile,
            sourceFormat: format,
            sourceSHA256: row.sourceSHA256,
            ruleCount: row.ruleCount,
            warningCount: row.warningCount,
            organisation: row.organisation,
            versionLabel: row.versionLabel
        )
    }

    /// The statements that read a version's calendar back, each with one parameter, the version
    /// number: its rules in rule-number order, and the rows of their copies, remarks and items
    /// in the same rule-number order (then in each rule's own order), so that
    /// `calendar(version:rules:copies:remarks:items:)` pairs them in one pass. Every ORDER BY
    /// follows a primary key, so no backend has to sort.
    public struct CalendarQueries: Sendable, Hashable {
        public let rules: String
        public let copies: String
        public let remarks: String
        public let items: String

        public init(_ dialect: SQLDialect) {
            rules = CalendarRuleRow.table.select(dialect, where: ["version"], orderBy: ["number"])
            copies = CalendarCopyRuleRow.table.select(dialect, where: ["version"], orderBy: ["rule_number", "copy"])
            remarks = CalendarRemarkRow.table.select(dialect, where: ["version"], orderBy: ["rule_number", "position"])
            items = CalendarRuleItemRow.table.select(dialect, where: ["version"], orderBy: ["rule_number", "kind", "position"])
        }
    }

    /// The whole calendar, in one pass over rows streamed by the queries of `CalendarQueries`:
    /// `rules` ordered by number, and the copies, remarks and items grouped by rule in that
    /// same order. Each closure gives its query's next row, or nil after the last (and on every
    /// call after that). Each rule is built as its rows go by, and the rules come back in
    /// position order. Rows that belong to no rule, or arrive out of that order, are reported as
    /// corrupt.
    ///
    /// Closures rather than a generic cursor type: the decoding, in this module, then runs
    /// specialised for each row type whichever backend calls it.
    public static func calendar(
        version: CalendarVersionRow,
        rules nextRule: () throws -> CalendarRuleRow?,
        copies nextCopy: () throws -> CalendarCopyRuleRow?,
        remarks nextRemark: () throws -> CalendarRemarkRow?,
        items nextItem: () throws -> CalendarRuleItemRow?
    ) throws -> RetentionCalendar {
        var copies = RuleRun<CalendarCopyRuleRow>(), remarks = RuleRun<CalendarRemarkRow>(), items = RuleRun<CalendarRuleItemRow>()
        var supports = SupportDecoder()
        // The rules in number order (as they come), with their positions.
        var built: [Rule?] = [], positions: [Int] = []
        let expected = min(max(version.ruleCount, 0), 1 << 16)
        built.reserveCapacity(expected)
        positions.reserveCapacity(expected)
        while let row = try nextRule() {
            var assembly = RuleAssembly()
            while let copy = try copies.next(of: row.number, from: nextCopy) { try assembly.add(copy, supports: &supports) }
            while let remark = try remarks.next(of: row.number, from: nextRemark) { assembly.add(remark) }
            while let item = try items.next(of: row.number, from: nextItem) { try assembly.add(item) }
            built.append(try assembly.rule(row))
            positions.append(row.position)
        }
        if let stray = try copies.pending(from: nextCopy)?.ruleNumber ?? remarks.pending(from: nextRemark)?.ruleNumber
            ?? items.pending(from: nextItem)?.ruleNumber {
            throw CorruptValue("rows of rule \(stray) belong to no rule of version \(version.number), or are out of rule-number order")
        }
        // Stored positions are 0..<count: each rule goes to its place, moved rather than copied
        // (no retain and release of its strings). Anything else (a hand-edited file) is sorted.
        var slots = [Int](repeating: -1, count: built.count)
        var placed = true
        for (index, position) in positions.enumerated() {
            guard slots.indices.contains(position), slots[position] < 0 else { placed = false; break }
            slots[position] = index
        }
        var result: [Rule] = []
        if placed {
            result.reserveCapacity(built.count)
            for index in slots { result.append(built[index].take()!) }
        } else {
            result = zip(positions, built).sorted { $0.0 < $1.0 }.map { $0.1! }
        }
        return RetentionCalendar(
            organisation: version.organisation,
            banqOrganisationID: version.banqOrganisationID,
            versionLabel: version.versionLabel,
            adoptedOn: try version.adoptedOn.map { try StoredCode.civilDate($0, column: "adopted_on") },
            approvedOn: try version.approvedOn.map { try StoredCode.civilDate($0, column: "approved_on") },
            yearEnd: try StoredCode.monthDay(version.yearEnd),
            rules: result
        )
    }

    /// `calendar(version:rules:copies:remarks:items:)` over rows already fetched, in the order
    /// `CalendarQueries` returns them.
    public static func calendar(
        version: CalendarVersionRow,
        rules: [CalendarRuleRow],
        copies: [CalendarCopyRuleRow],
        remarks: [CalendarRemarkRow],
        items: [CalendarRuleItemRow]
    ) throws -> RetentionCalendar {
        var rules = rules.makeIterator(), copies = copies.makeIterator()
        var remarks = remarks.makeIterator(), items = items.makeIterator()
        return try calendar(
            version: version, rules: { rules.next() }, copies: { copies.next() }, remarks: { remarks.next() }, items: { items.next() })
    }

    /// One rule from its row and the rows of its copies, remarks and items (in any order).
    public static func rule(
        _ row: CalendarRuleRow,
        copies: some Sequence<CalendarCopyRuleRow>,
        remarks: some Sequence<CalendarRemarkRow>,
        items: some Sequence<CalendarRuleItemRow>
    ) throws -> Rule {
        var assembly = RuleAssembly()
        var supports = SupportDecoder()
        for copy in copies { try assembly.add(copy, supports: &supports) }
        for remark in remarks { assembly.add(remark) }
        for item in items { try assembly.add(item) }
        return try assembly.rule(row)
    }

    /// A rule being built from its rows, as they arrive.
    private struct RuleAssembly {
        var principal: CopyRule?
        var secondaire: CopyRule?
        var classification = PositionedList<String>(), documentTypes = PositionedList<String>()
        var processes = PositionedList<String>(), legalReferences = PositionedList<String>()
        var remarks = PositionedList<Remark>()

        mutating func add(_ row: CalendarCopyRuleRow, supports: inout SupportDecoder) throws {
            let copy = try StoredVersion.copy(row, supports: &supports)
            switch copy.kind {
            case .principal: principal = copy
            case .secondaire: secondaire = copy
            }
        }

        mutating func add(_ row: CalendarRemarkRow) {
            remarks.append(row.position, Remark(id: RemarkID(number: row.remarkNumber), text: row.text))
        }

        mutating func add(_ item: CalendarRuleItemRow) throws {
            switch CalendarRuleItemRow.Kind(rawValue: item.kind) {
            case .classification: classification.append(item.position, item.value)
            case .documentType: documentTypes.append(item.position, item.value)
            case .process: processes.append(item.position, item.value)
            case .legalReference: legalReferences.append(item.position, item.value)
            case nil: throw CorruptValue.code(item.kind, column: "kind")
            }
        }

        func rule(_ row: CalendarRuleRow) throws -> Rule {
            guard let principal else { throw CorruptValue("rule \(row.number) has no principal copy") }
            var personalInformation: PersonalInformation?
            if let present = row.personalInformation {
                var measure: PersonalInformationMeasure?
                if let code = row.piMeasure {
                    guard let value = PersonalInformationMeasure(rawValue: code) else { throw CorruptValue.code(code, column: "pi_measure") }
                    measure = value
                }
                personalInformation = PersonalInformation(present: present, measure: measure)
            }
            return Rule(
                number: row.number,
                title: row.title,
                description: row.description,
                documentTypes: documentTypes.ordered,
                processes: processes.ordered,
                classificationCodes: classification.ordered,
                holderUnit: row.holderUnit,
                legalReferences: legalReferences.ordered,
                recueil: row.recueil,
                recueilRuleNumber: row.recueilRuleNumber,
                essentialDocuments: row.essential,
                confidentialDocuments: row.confidential,
                personalInformation: personalInformation,
                countStart: try StoredCode.countStart(row.countStart, event: row.countStartEvent),
                principal: principal,
                secondaire: secondaire,
                remarks: remarks.ordered,
                generalRemark: row.generalRemark,
                galaRequestNumber: row.galaRequestNumber,
                galaGrilleChan: row.galaGrilleChan
            )
        }
    }

    static func copy(_ row: CalendarCopyRuleRow, supports decoder: inout SupportDecoder) throws -> CopyRule {
        guard let kind = CopyKind(rawValue: row.copy) else { throw CorruptValue.code(row.copy, column: "copy") }
        var disposition: Disposition?
        if let code = row.disposition {
            guard let value = Disposition(rawValue: code) else { throw CorruptValue.code(code, column: "disposition") }
            disposition = value
        }
        return CopyRule(
            kind: kind,
            supports: decoder.supports(row.supports),
            supportsRemark: row.supportsRemark.map(RemarkID.init(number:)),
            active: try StoredCode.period(row.activeKind, years: row.activeYears, column: "active_kind"),
            activeRemark: row.activeRemark.map(RemarkID.init(number:)),
            semiActive: try StoredCode.period(row.semiActiveKind, years: row.semiActiveYears, column: "semi_active_kind"),
            semiActiveRemark: row.semiActiveRemark.map(RemarkID.init(number:)),
            disposition: disposition,
            dispositionRemark: row.dispositionRemark.map(RemarkID.init(number:)),
            activeEvent: row.activeEvent,
            semiActiveEvent: row.semiActiveEvent
        )
    }
}

/// The rows that belong to one rule of a version.
protocol RuleDependentRow {
    var ruleNumber: String { get }
}

extension CalendarCopyRuleRow: RuleDependentRow {}
extension CalendarRemarkRow: RuleDependentRow {}
extension CalendarRuleItemRow: RuleDependentRow {}

/// The rows of a rule's dependents, taken rule after rule from a query grouped by rule.
struct RuleRun<Row: RuleDependentRow> {
    /// The row read ahead, which belongs to a later rule.
    private var ahead: Row?

    /// The next row from `source` if it belongs to rule `number`.
    mutating func next(of number: String, from source: () throws -> Row?) throws -> Row? {
        guard let row = try pending(from: source), StoredCode.sameText(row.ruleNumber, number) else { return nil }
        ahead = nil
        return row
    }

    /// The next row from `source`, left for a later call.
    mutating func pending(from source: () throws -> Row?) throws -> Row? {
        if ahead == nil { ahead = try source() }
        return ahead
    }
}

/// Support codes as `Support` values, each distinct ASCII list decoded once per calendar:
/// a calendar has thousands of copies and a handful of support lists.
struct SupportDecoder {
    private var decoded: [String: [Support]] = [:]

    mutating func supports(_ codes: String) -> [Support] {
        guard !codes.isEmpty else { return [] }
        // Only ASCII text is cached: for it, equal Strings are equal bytes.
        let ascii = codes.utf8.allSatisfy { $0 < 0x80 }
        if ascii, let supports = decoded[codes] { return supports }
        let supports = codes.split(separator: ",", omittingEmptySubsequences: false).map { Support(code: $0) }
        if ascii { decoded[codes] = supports }
        return supports
    }
}

/// A rule's list entries as they arrive with their stored positions: kept as they come when
/// the positions ascend (as the queries return them), sorted by position otherwise.
struct PositionedList<Element> {
    private var elements: [Element] = []
    private var positions: [Int] = []
    private var ascending = true

    mutating func append(_ position: Int, _ element: Element) {
        if let last = positions.last, last > position { ascending = false }
        positions.append(position)
        elements.append(element)
    }

    /// The entries in position order.
    var ordered: [Element] {
        ascending ? elements : zip(positions, elements).sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// The codes the tables spell enumerations, dates and instants with; public so that every
/// backend reads and writes them alike.
public enum StoredCode {
    /// Whether two texts are the same bytes, as the database compares them (Swift's `==`
    /// equates canonically equivalent Unicode, which the database keeps apart).
    static func sameText(_ a: String, _ b: String) -> Bool {
        let (a, b) = (a.utf8, b.utf8)
        guard a.count == b.count else { return false }
        // Native strings (all of the store's) are contiguous UTF-8: one memcmp.
        if let contiguous = a.withContiguousStorageIfAvailable({ a in
            b.withContiguousStorageIfAvailable { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }), let equal = contiguous {
            return equal
        }
        return a.elementsEqual(b)
    }

    static func countStart(_ value: CountStart) -> String {
        switch value {
        case .closingDate: return "closing_date"
        case .openingDate: return "opening_date"
        case .event: return "event"
        }
    }

    static func countStart(_ code: String, event: String?) throws -> CountStart {
        switch (code, event) {
        case ("closing_date", nil): return .closingDate
        case ("opening_date", nil): return .openingDate
        case ("event", let name?): return .event(name)
        default: throw CorruptValue("count_start '\(code)' with count_start_event \(event.map { "'\($0)'" } ?? "NULL")")
        }
    }

    static func period(_ value: RetentionPeriod) -> (kind: String, years: Int?) {
        switch value {
        case .none: return ("none", nil)
        case .years(let n): return ("years", n)
        case .open: return ("open", nil)
        case .untilReplaced: return ("until_replaced", nil)
        }
    }

    static func period(_ kind: String, years: Int?, column: String) throws -> RetentionPeriod {
        switch (kind, years) {
        case ("none", nil): return RetentionPeriod.none
        case ("years", let n?): return .years(n)
        case ("open", nil): return .open
        case ("until_replaced", nil): return .untilReplaced
        default: throw CorruptValue("\(column) '\(kind)' with years \(years.map(String.init) ?? "NULL")")
        }
    }

    public static func civilDate(_ text: String, column: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw CorruptValue("column \(column) holds '\(text)', not a YYYY-MM-DD date") }
        return date
    }

    public static func monthDay(_ text: String) throws -> MonthDay {
        guard let day = MonthDay(text: text) else { throw CorruptValue("column year_end holds '\(text)', not a MM-DD day") }
        return day
    }

    /// The instant in whole microseconds since the Unix epoch, as `imported_at` keeps it.
    public static func microseconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    public static func date(microseconds: Int) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }
}

extension StoredVersion {
    /// The instant a store keeps for `date` (to the microsecond): what `CalendarVersionInfo`
    /// reads back.
    public static func storedInstant(_ date: Date) -> Date {
        StoredCode.date(microseconds: StoredCode.microseconds(date))
    }
}
