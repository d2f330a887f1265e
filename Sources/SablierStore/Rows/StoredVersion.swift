public import Foundation
public import SablierCore

/// A calendar version as the rows of the store's tables: the one encoding every backend
/// writes, and the decoding back to `RetentionCalendar` that reproduces the stored value exactly.
public struct StoredVersion: Sendable, Hashable {
    public var version: CalendarVersionRow
    public var source: CalendarVersionSourceRow
    /// In calendar order, each with its copies, remarks and items. A backend inserts each rule's
    /// row before its dependents', so a repeated rule number fails on that rule's own row.
    public var rules: [StoredRule]
    public var diagnostics: [CalendarDiagnosticRow]

    /// A rule's row and the rows that belong to it.
    public struct StoredRule: Sendable, Hashable {
        public var rule: CalendarRuleRow
        public var copies: [CalendarCopyRuleRow]
        public var remarks: [CalendarRemarkRow]
        public var items: [CalendarRuleItemRow]
    }

    /// Encodes a new version under the given number, checking what the schema cannot: the
    /// hash against the bytes and the support codes. Throws `StoreError.invalidVersion`.
    public init(number: Int, _ new: NewCalendarVersion) throws {
        let digest = SourceDigest.sha256Hex(new.sourceBytes)
        guard new.sourceSHA256 == digest else {
            throw StoreError.invalidVersion(
                "the SHA-256 given for \(new.sourceFile) (\(new.sourceSHA256)) is not that of its bytes (\(digest))")
        }
        let calendar = new.calendar
        version = CalendarVersionRow(
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
        source = CalendarVersionSourceRow(version: number, bytes: new.sourceBytes)
        rules = []
        rules.reserveCapacity(calendar.rules.count)
        for (position, rule) in calendar.rules.enumerated() {
            guard rule.principal.kind == .principal, rule.secondaire.map({ $0.kind == .secondaire }) ?? true else {
                throw StoreError.invalidVersion("rule \(rule.number): its principal and secondary copies are not of their own kinds")
            }
            var stored = StoredRule(rule: CalendarRuleRow(version: number, position: position, rule: rule), copies: [], remarks: [], items: [])
            for copy in rule.copies {
                stored.copies.append(try CalendarCopyRuleRow(version: number, ruleNumber: rule.number, copy: copy))
            }
            for (index, remark) in rule.remarks.enumerated() {
                stored.remarks.append(CalendarRemarkRow(version: number, ruleNumber: rule.number, position: index, remark: remark))
            }
            let lists: [(CalendarRuleItemRow.Kind, [String])] = [
                (.classification, rule.classificationCodes), (.documentType, rule.documentTypes),
                (.process, rule.processes), (.legalReference, rule.legalReferences),
            ]
            for (kind, values) in lists {
                for (index, value) in values.enumerated() {
                    stored.items.append(CalendarRuleItemRow(version: number, ruleNumber: rule.number, kind: kind, position: index, value: value))
                }
            }
            rules.append(stored)
        }
        diagnostics = new.diagnostics.enumerated().map { CalendarDiagnosticRow(version: number, position: $0, diagnostic: $1) }
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

    /// The whole calendar; `rules` in any order (they are sorted by position), the other rows
    /// belonging to those rules.
    public static func calendar(
        version: CalendarVersionRow,
        rules: [CalendarRuleRow],
        copies: [CalendarCopyRuleRow],
        remarks: [CalendarRemarkRow],
        items: [CalendarRuleItemRow]
    ) throws -> RetentionCalendar {
        let copiesByRule = Dictionary(grouping: copies, by: \.ruleNumber)
        let remarksByRule = Dictionary(grouping: remarks, by: \.ruleNumber)
        let itemsByRule = Dictionary(grouping: items, by: \.ruleNumber)
        return RetentionCalendar(
            organisation: version.organisation,
            banqOrganisationID: version.banqOrganisationID,
            versionLabel: version.versionLabel,
            adoptedOn: try version.adoptedOn.map { try StoredCode.civilDate($0, column: "adopted_on") },
            approvedOn: try version.approvedOn.map { try StoredCode.civilDate($0, column: "approved_on") },
            yearEnd: try StoredCode.monthDay(version.yearEnd),
            rules: try rules.sorted { $0.position < $1.position }.map { row in
                try rule(
                    row,
                    copies: copiesByRule[row.number] ?? [],
                    remarks: remarksByRule[row.number] ?? [],
                    items: itemsByRule[row.number] ?? []
                )
            }
        )
    }

    /// One rule from its row and the rows of its copies, remarks and items (in any order).
    public static func rule(
        _ row: CalendarRuleRow,
        copies: [CalendarCopyRuleRow],
        remarks: [CalendarRemarkRow],
        items: [CalendarRuleItemRow]
    ) throws -> Rule {
        var principal: CopyRule?
        var secondaire: CopyRule?
        for copyRow in copies {
            let copy = try StoredVersion.copy(copyRow)
            switch copy.kind {
            case .principal: principal = copy
            case .secondaire: secondaire = copy
            }
        }
        guard let principal else { throw CorruptValue("rule \(row.number) has no principal copy") }
        var lists: [String: [(Int, String)]] = [:]
        for item in items {
            guard CalendarRuleItemRow.Kind(rawValue: item.kind) != nil else { throw CorruptValue.code(item.kind, column: "kind") }
            lists[item.kind, default: []].append((item.position, item.value))
        }
        func list(_ kind: CalendarRuleItemRow.Kind) -> [String] {
            (lists[kind.rawValue] ?? []).sorted { $0.0 < $1.0 }.map(\.1)
        }
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
            documentTypes: list(.documentType),
            processes: list(.process),
            classificationCodes: list(.classification),
            holderUnit: row.holderUnit,
            legalReferences: list(.legalReference),
            recueil: row.recueil,
            recueilRuleNumber: row.recueilRuleNumber,
            essentialDocuments: row.essential,
            confidentialDocuments: row.confidential,
            personalInformation: personalInformation,
            countStart: try StoredCode.countStart(row.countStart, event: row.countStartEvent),
            principal: principal,
            secondaire: secondaire,
            remarks: remarks.sorted { $0.position < $1.position }.map { Remark(id: RemarkID(number: $0.remarkNumber), text: $0.text) },
            generalRemark: row.generalRemark,
            galaRequestNumber: row.galaRequestNumber,
            galaGrilleChan: row.galaGrilleChan
        )
    }

    static func copy(_ row: CalendarCopyRuleRow) throws -> CopyRule {
        guard let kind = CopyKind(rawValue: row.copy) else { throw CorruptValue.code(row.copy, column: "copy") }
        var disposition: Disposition?
        if let code = row.disposition {
            guard let value = Disposition(rawValue: code) else { throw CorruptValue.code(code, column: "disposition") }
            disposition = value
        }
        return CopyRule(
            kind: kind,
            supports: row.supports.isEmpty ? [] : row.supports.split(separator: ",", omittingEmptySubsequences: false).map { Support(code: $0) },
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

/// The codes the tables spell enumerations, dates and instants with.
enum StoredCode {
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

    static func civilDate(_ text: String, column: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw CorruptValue("column \(column) holds '\(text)', not a YYYY-MM-DD date") }
        return date
    }

    static func monthDay(_ text: String) throws -> MonthDay {
        guard let day = MonthDay(text: text) else { throw CorruptValue("column year_end holds '\(text)', not a MM-DD day") }
        return day
    }

    /// The instant in whole microseconds since the Unix epoch, as `imported_at` keeps it.
    static func microseconds(_ date: Date) -> Int {
        Int((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func date(microseconds: Int) -> Date {
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
