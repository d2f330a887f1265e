import SablierCore

/// The spreadsheet calendar layouts Sablier reads: one row per rule, in one of two column sets.
public enum SpreadsheetLayout: String, Sendable, Hashable, CaseIterable {
    /// The ADMQ municipal spreadsheet (Valcourt 2015): `regle`, `titre`, `princ_actif`, `sec_df`, …
    case admq
    /// GALA element names as columns (HB archivistes' `gala-csv2xml` input): the rule's elements,
    /// then the `DELAI_ROW` columns once per copy, `TYPEDOSS` telling P or S.
    case galaColumns

    /// The layout a header row belongs to, or nil when it is neither.
    ///
    /// ADMQ: `regle` and one of `princ_actif`, `princ_sa`, `princ_df`. GALA columns: `NUMREGLE`
    /// and one of `TYPEDOSS`, `PERIOACTIF`. Names are trimmed and case-insensitive.
    public static func detect(header: CSVHeader) -> SpreadsheetLayout? {
        if header.contains("regle"), ["princ_actif", "princ_sa", "princ_df"].contains(where: header.contains) {
            return .admq
        }
        if header.contains("NUMREGLE"), header.contains("TYPEDOSS") || header.contains("PERIOACTIF") {
            return .galaColumns
        }
        return nil
    }

    public static func detect(header names: [String]) -> SpreadsheetLayout? {
        detect(header: CSVHeader(names))
    }

    /// Every column the layout knows, in the usual order (for GALA columns, the `DELAI_ROW`
    /// columns are listed once and repeat per copy).
    public var columns: [String] {
        switch self {
        case .admq: return ADMQColumns.all
        case .galaColumns: return GALAColumns.rule + GALAColumns.delay
        }
    }

    /// The columns without which no rule can be read.
    public var requiredColumns: [String] {
        switch self {
        case .admq: return ADMQColumns.required
        case .galaColumns: return GALAColumns.required
        }
    }

    public var label: String {
        switch self {
        case .admq: return "ADMQ spreadsheet"
        case .galaColumns: return "GALA columns"
        }
    }
}

enum ADMQColumns {
    static let organisation = "Nom_organisme"
    static let number = "regle"
    static let recueil = "recueil"
    static let title = "titre"
    static let processes = "processus"
    static let classification = "code_classification"
    static let description = "description"
    static let documentTypes = "type_document"
    static let holder = "detenteur"
    static let remarks = "remarques"
    static let legal = "rem_juridique"
    static let general = "rem_generales"

    /// Value and remark columns of each copy; the secondary copy has no remark column for its
    /// semi-active period nor for its disposition.
    static let principal: (values: [CopyField: String], remarks: [CopyField: String]) = (
        [.supports: "princ_support", .active: "princ_actif", .semiActive: "princ_sa", .disposition: "princ_df"],
        [.supports: "princ_support_rm", .active: "princ_actif_rem", .semiActive: "princ_sa_rem", .disposition: "princ_df_rem"]
    )
    static let secondaire: (values: [CopyField: String], remarks: [CopyField: String]) = (
        [.supports: "sec_support", .active: "sec_actif", .semiActive: "sec_sa", .disposition: "sec_df"],
        [.supports: "sec_support_rm", .active: "sec_actif_rem"]
    )

    static let all = [
        "Nom_organisme", "regle", "recueil", "titre", "processus", "code_classification", "description",
        "type_document", "detenteur", "princ_support", "princ_support_rm", "princ_actif", "princ_actif_rem",
        "princ_sa", "princ_sa_rem", "princ_df", "princ_df_rem", "sec_actif", "sec_actif_rem", "sec_sa",
        "sec_df", "sec_support", "sec_support_rm", "remarques", "rem_juridique", "rem_generales",
    ]
    static let required = ["regle", "titre", "princ_support", "princ_actif", "princ_sa", "princ_df"]
}

enum GALAColumns {
    static let rule = [
        "ID_ORGANISME", "NUMDEMANDE", "NUMREGLE", "TYPE_TRANS", "RECUEIL", "TITRESER", "REFLEGALE", "CODECLASS",
        "NO_RECUEIL", "PROCACTIVI", "NOMUNITE", "DESCSERIE", "TYPESDOC", "DOCUMESSEN", "DOCUMCONFI", "REMARQDELA",
        "REMARQGEN", "GRILLECHAN",
    ]
    static let delay = [
        "NUMDELAI", "NUMREGLE", "TYPEDOSS", "SUPPDOSS", "REM_SUPPDOSS", "PERIOACTIF", "REM_PERIOACTIF",
        "PERIOSMACT", "REM_PERIOSMACT", "ID_REF_DISPOSITION", "REM_DISPOINACT",
    ]
    static let required = ["NUMREGLE", "TYPE_TRANS", "TITRESER", "TYPEDOSS", "PERIOACTIF", "PERIOSMACT", "ID_REF_DISPOSITION"]
}
