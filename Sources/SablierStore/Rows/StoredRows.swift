public import SablierCore

/// The rows of the store's tables as plain structs, column for column (as GRDB records are):
/// what every backend inserts and fetches. `StoredVersion` maps them to and from the domain.
///
/// `write(to:)` and `init(reading:)` are inlinable, so that a backend's binder and reader are
/// called directly, specialised, for every row of a large calendar.
///
/// Each row writes its values in its table's column order to any backend's statement through
/// `StoreRowWriting`, and reads itself back, in the same order, from any backend's row through
/// `StoreRowReading`: one place per table says which value goes in which column.
public protocol StoredRow: Sendable, Hashable {
    static var table: StoreTable { get }
    /// Hands the row's values to `row`, one per column of `table`, in order.
    func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure)
    /// Reads the row back from its columns, in `table` order.
    init(reading row: inout some StoreRowReading) throws
}

extension StoredRow {
    /// The row's values in its table's column order.
    public var values: [StoreValue] {
        var list = StoreValueList()
        write(to: &list)
        return list.values
    }
}

/// A row of `calendar_version`.
public struct CalendarVersionRow: StoredRow {
    public var number: Int
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var importedAt: Int
    public var importedBy: String
    public var sourceFile: String
    public var sourceFormat: String
    public var sourceSHA256: String
    public var organisation: String?
    public var banqOrganisationID: String?
    public var versionLabel: String?
    /// `YYYY-MM-DD`.
    public var adoptedOn: String?
    public var approvedOn: String?
    /// `MM-DD`.
    public var yearEnd: String
    public var ruleCount: Int
    public var warningCount: Int

    public static let table = StoreTable("calendar_version", columns: [
        "number", "imported_at", "imported_by", "source_file", "source_format", "source_sha256",
        "organisation", "banq_organisation_id", "version_label", "adopted_on", "approved_on",
        "year_end", "rule_count", "warning_count",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(number)
        try row.integer(importedAt)
        try row.text(importedBy)
        try row.text(sourceFile)
        try row.text(sourceFormat)
        try row.text(sourceSHA256)
        try row.text(organisation)
        try row.text(banqOrganisationID)
        try row.text(versionLabel)
        try row.text(adoptedOn)
        try row.text(approvedOn)
        try row.text(yearEnd)
        try row.integer(ruleCount)
        try row.integer(warningCount)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        number = try row.integer(required: "number")
        importedAt = try row.integer(required: "imported_at")
        importedBy = try row.text(required: "imported_by")
        sourceFile = try row.text(required: "source_file")
        sourceFormat = try row.text(required: "source_format")
        sourceSHA256 = try row.text(required: "source_sha256")
        organisation = try row.text("organisation")
        banqOrganisationID = try row.text("banq_organisation_id")
        versionLabel = try row.text("version_label")
        adoptedOn = try row.text("adopted_on")
        approvedOn = try row.text("approved_on")
        yearEnd = try row.text(required: "year_end")
        ruleCount = try row.integer(required: "rule_count")
        warningCount = try row.integer(required: "warning_count")
    }

    public init(
        number: Int, importedAt: Int, importedBy: String, sourceFile: String, sourceFormat: String,
        sourceSHA256: String, organisation: String?, banqOrganisationID: String?, versionLabel: String?,
        adoptedOn: String?, approvedOn: String?, yearEnd: String, ruleCount: Int, warningCount: Int
    ) {
        self.number = number
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.sourceFile = sourceFile
        self.sourceFormat = sourceFormat
        self.sourceSHA256 = sourceSHA256
        self.organisation = organisation
        self.banqOrganisationID = banqOrganisationID
        self.versionLabel = versionLabel
        self.adoptedOn = adoptedOn
        self.approvedOn = approvedOn
        self.yearEnd = yearEnd
        self.ruleCount = ruleCount
        self.warningCount = warningCount
    }
}

/// A row of `calendar_version_source`: the imported file's bytes.
public struct CalendarVersionSourceRow: StoredRow {
    public var version: Int
    public var bytes: [UInt8]

    public static let table = StoreTable("calendar_version_source", columns: ["version", "bytes"])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(version)
        try row.bytes(bytes)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        version = try row.integer(required: "version")
        guard let bytes = try row.bytes("bytes") else { throw CorruptValue.null("bytes") }
        self.bytes = bytes
    }

    public init(version: Int, bytes: [UInt8]) {
        self.version = version
        self.bytes = bytes
    }
}

/// A row of `calendar_rule`: a rule's own fields; lists and copies have their own tables.
public struct CalendarRuleRow: StoredRow {
    public var version: Int
    public var number: String
    public var position: Int
    public var title: String
    public var description: String
    public var holderUnit: String?
    public var recueil: String?
    public var recueilRuleNumber: String?
    public var essential: Bool?
    public var confidential: Bool?
    public var personalInformation: Bool?
    /// `detruire`, `anonymiser`.
    public var piMeasure: String?
    /// `closing_date`, `opening_date`, `event`.
    public var countStart: String
    public var countStartEvent: String?
    public var generalRemark: String?
    public var galaRequestNumber: String?
    public var galaGrilleChan: Bool?

    public static let table = StoreTable("calendar_rule", columns: [
        "version", "number", "position", "title", "description", "holder_unit", "recueil",
        "recueil_rule_number", "essential", "confidential", "personal_information", "pi_measure",
        "count_start", "count_start_event", "general_remark", "gala_request_number", "gala_grille_chan",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(version)
        try row.text(number)
        try row.integer(position)
        try row.text(title)
        try row.text(description)
        try row.text(holderUnit)
        try row.text(recueil)
        try row.text(recueilRuleNumber)
        try row.boolean(essential)
        try row.boolean(confidential)
        try row.boolean(personalInformation)
        try row.text(piMeasure)
        try row.text(countStart)
        try row.text(countStartEvent)
        try row.text(generalRemark)
        try row.text(galaRequestNumber)
        try row.boolean(galaGrilleChan)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        version = try row.integer(required: "version")
        number = try row.text(required: "number")
        position = try row.integer(required: "position")
        title = try row.text(required: "title")
        description = try row.text(required: "description")
        holderUnit = try row.text("holder_unit")
        recueil = try row.text("recueil")
        recueilRuleNumber = try row.text("recueil_rule_number")
        essential = try row.boolean("essential")
        confidential = try row.boolean("confidential")
        personalInformation = try row.boolean("personal_information")
        piMeasure = try row.text("pi_measure")
        countStart = try row.text(required: "count_start")
        countStartEvent = try row.text("count_start_event")
        generalRemark = try row.text("general_remark")
        galaRequestNumber = try row.text("gala_request_number")
        galaGrilleChan = try row.boolean("gala_grille_chan")
    }

    init(version: Int, position: Int, rule: Rule) {
        self.version = version
        self.number = rule.number
        self.position = position
        self.title = rule.title
        self.description = rule.description
        self.holderUnit = rule.holderUnit
        self.recueil = rule.recueil
        self.recueilRuleNumber = rule.recueilRuleNumber
        self.essential = rule.essentialDocuments
        self.confidential = rule.confidentialDocuments
        self.personalInformation = rule.personalInformation?.present
        self.piMeasure = rule.personalInformation?.measure?.rawValue
        self.countStart = StoredCode.countStart(rule.countStart)
        if case .event(let name) = rule.countStart { self.countStartEvent = name } else { self.countStartEvent = nil }
        self.generalRemark = rule.generalRemark
        self.galaRequestNumber = rule.galaRequestNumber
        self.galaGrilleChan = rule.galaGrilleChan
    }
}

/// A row of `calendar_copy_rule`: one copy's supports, periods and disposition.
public struct CalendarCopyRuleRow: StoredRow {
    public var version: Int
    public var ruleNumber: String
    /// `principal`, `secondaire`.
    public var copy: String
    /// The support codes in calendar order, joined by `,`.
    public var supports: String
    public var supportsRemark: Int?
    /// `none`, `years`, `open`, `until_replaced`; `activeYears` is set for `years` only.
    public var activeKind: String
    public var activeYears: Int?
    public var activeRemark: Int?
    public var activeEvent: String?
    public var semiActiveKind: String
    public var semiActiveYears: Int?
    public var semiActiveRemark: Int?
    public var semiActiveEvent: String?
    /// `C`, `D`, `T`; NULL for `-`.
    public var disposition: String?
    public var dispositionRemark: Int?

    public static let table = StoreTable("calendar_copy_rule", columns: [
        "version", "rule_number", "copy", "supports", "supports_remark", "active_kind", "active_years",
        "active_remark", "active_event", "semi_active_kind", "semi_active_years", "semi_active_remark",
        "semi_active_event", "disposition", "disposition_remark",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(version)
        try row.text(ruleNumber)
        try row.text(copy)
        try row.text(supports)
        try row.integer(supportsRemark)
        try row.text(activeKind)
        try row.integer(activeYears)
        try row.integer(activeRemark)
        try row.text(activeEvent)
        try row.text(semiActiveKind)
        try row.integer(semiActiveYears)
        try row.integer(semiActiveRemark)
        try row.text(semiActiveEvent)
        try row.text(disposition)
        try row.integer(dispositionRemark)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        version = try row.integer(required: "version")
        ruleNumber = try row.text(required: "rule_number")
        copy = try row.text(required: "copy")
        supports = try row.text(required: "supports")
        supportsRemark = try row.integer("supports_remark")
        activeKind = try row.text(required: "active_kind")
        activeYears = try row.integer("active_years")
        activeRemark = try row.integer("active_remark")
        activeEvent = try row.text("active_event")
        semiActiveKind = try row.text(required: "semi_active_kind")
        semiActiveYears = try row.integer("semi_active_years")
        semiActiveRemark = try row.integer("semi_active_remark")
        semiActiveEvent = try row.text("semi_active_event")
        disposition = try row.text("disposition")
        dispositionRemark = try row.integer("disposition_remark")
    }

    init(version: Int, ruleNumber: String, copy: CopyRule) throws {
        self.version = version
        self.ruleNumber = ruleNumber
        self.copy = copy.kind.rawValue
        for support in copy.supports where support.code.isEmpty || support.code.contains(",") {
            throw StoreError.invalidVersion("rule \(ruleNumber), \(copy.kind.rawValue) copy: support code '\(support.code)' cannot be stored (empty or with a comma)")
        }
        self.supports = copy.supports.map(\.code).joined(separator: ",")
        self.supportsRemark = copy.supportsRemark?.number
        (self.activeKind, self.activeYears) = StoredCode.period(copy.active)
        self.activeRemark = copy.activeRemark?.number
        self.activeEvent = copy.activeEvent
        (self.semiActiveKind, self.semiActiveYears) = StoredCode.period(copy.semiActive)
        self.semiActiveRemark = copy.semiActiveRemark?.number
        self.semiActiveEvent = copy.semiActiveEvent
        self.disposition = copy.disposition?.rawValue
        self.dispositionRemark = copy.dispositionRemark?.number
    }
}

/// A row of `calendar_remark`: one numbered remark of a rule, at its place in the rule's list.
public struct CalendarRemarkRow: StoredRow {
    public var version: Int
    public var ruleNumber: String
    public var position: Int
    public var remarkNumber: Int
    public var text: String

    public static let table = StoreTable("calendar_remark", columns: [
        "version", "rule_number", "position", "remark_number", "text",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(version)
        try row.text(ruleNumber)
        try row.integer(position)
        try row.integer(remarkNumber)
        try row.text(text)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        version = try row.integer(required: "version")
        ruleNumber = try row.text(required: "rule_number")
        position = try row.integer(required: "position")
        remarkNumber = try row.integer(required: "remark_number")
        text = try row.text(required: "text")
    }

    init(version: Int, ruleNumber: String, position: Int, remark: Remark) {
        self.version = version
        self.ruleNumber = ruleNumber
        self.position = position
        self.remarkNumber = remark.id.number
        self.text = remark.text
    }
}

/// A row of `calendar_rule_item`: one entry of a rule's text lists.
public struct CalendarRuleItemRow: StoredRow {
    /// The list an item belongs to, as `calendar_rule_item.kind` spells it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case classification
        case documentType = "document_type"
        case process
        case legalReference = "legal_reference"
    }

    public var version: Int
    public var ruleNumber: String
    public var kind: String
    public var position: Int
    public var value: String

    public static let table = StoreTable("calendar_rule_item", columns: [
        "version", "rule_number", "kind", "position", "value",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(version)
        try row.text(ruleNumber)
        try row.text(kind)
        try row.integer(position)
        try row.text(value)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        version = try row.integer(required: "version")
        ruleNumber = try row.text(required: "rule_number")
        kind = try row.text(required: "kind")
        position = try row.integer(required: "position")
        value = try row.text(required: "value")
    }

    init(version: Int, ruleNumber: String, kind: Kind, position: Int, value: String) {
        self.version = version
        self.ruleNumber = ruleNumber
        self.kind = kind.rawValue
        self.position = position
        self.value = value
    }
}

/// A row of `calendar_version_diagnostic`: one warning of the import.
public struct CalendarDiagnosticRow: StoredRow {
    public var version: Int
    public var position: Int
    public var severity: String
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var rule: String?
    public var field: String?

    public static let table = StoreTable("calendar_version_diagnostic", columns: [
        "version", "position", "severity", "file", "line_number", "column_number", "message", "rule", "field",
    ])

    @inlinable
    public func write<W: StoreRowWriting>(to row: inout W) throws(W.Failure) {
        try row.integer(version)
        try row.integer(position)
        try row.text(severity)
        try row.text(file)
        try row.integer(line)
        try row.integer(column)
        try row.text(message)
        try row.text(rule)
        try row.text(field)
    }

    @inlinable
    public init(reading row: inout some StoreRowReading) throws {
        version = try row.integer(required: "version")
        position = try row.integer(required: "position")
        severity = try row.text(required: "severity")
        file = try row.text(required: "file")
        line = try row.integer(required: "line_number")
        column = try row.integer(required: "column_number")
        message = try row.text(required: "message")
        rule = try row.text("rule")
        field = try row.text("field")
    }

    init(version: Int, position: Int, diagnostic: Diagnostic) {
        self.version = version
        self.position = position
        self.severity = diagnostic.severity.rawValue
        self.file = diagnostic.location.file
        self.line = diagnostic.location.line
        self.column = diagnostic.location.column
        self.message = diagnostic.message
        self.rule = diagnostic.rule
        self.field = diagnostic.field
    }

    /// The diagnostic the row holds.
    public func diagnostic() throws -> Diagnostic {
        guard let severity = Severity(rawValue: severity) else { throw CorruptValue.code(severity, column: "severity") }
        return Diagnostic(severity, at: SourceLocation(file: file, line: line, column: column), message, rule: rule, field: field)
    }
}
