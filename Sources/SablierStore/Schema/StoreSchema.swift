/// The tables every backend stores, as plain SQL both SQLite and PostgreSQL accept.
///
/// Conventions, so later SQL (due lists, reports) can rely on them:
/// - a version's rows are keyed by `version` (`calendar_version.number`) and deleted with it;
/// - order is kept in `position` columns (0-based), never implied by insertion;
/// - booleans are BOOLEAN, NULL when the calendar does not say;
/// - enumerations are TEXT codes under a CHECK (`StoredVersion` spells them; dispositions keep
///   BAnQ's `C`/`D`/`T`);
/// - `imported_at` is BIGINT microseconds since 1970-01-01T00:00:00Z (UTC);
/// - dates are TEXT `YYYY-MM-DD`, the year end TEXT `MM-DD`;
/// - supports are the codes in calendar order joined by `,` (codes never contain a comma).
///
/// Migrations are append-only: once released, a migration is never edited, only followed.
public enum StoreSchema {
    /// Written where a column holds raw bytes; `Migration.statements(for:)` replaces it with
    /// the dialect's type (`BLOB`, `BYTEA`).
    public static let binaryType = "{{BINARY}}"

    /// The migrations, in the order they are applied.
    public static let migrations: [Migration] = [
        v1Calendars, v2Register, v3Disposition, v4Accountability, v5Privacy, v6DispositionCancellation, v7CalendarChecks,
        v8Credentials, v9FileRoots, v10KeyedAudit, v11RegisterCorrections, v12Loans, v13Notices, v14PublicAddresses,
        v15Anonymization, v16ScanClaims, v17Identities, v18TextByteOrder,
    ]

    /// The migration names, in order: what a store created by this Sablier may have applied.
    public static var migrationNames: [String] { migrations.map(\.name) }

    static let v1Calendars = Migration(name: "v1-calendars", statements: [
        """
        CREATE TABLE calendar_version (
            number INTEGER NOT NULL PRIMARY KEY CHECK (number > 0),
            imported_at BIGINT NOT NULL,
            imported_by TEXT NOT NULL,
            source_file TEXT NOT NULL,
            source_format TEXT NOT NULL,
            source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
            organisation TEXT,
            banq_organisation_id TEXT,
            version_label TEXT,
            adopted_on TEXT CHECK (length(adopted_on) = 10),
            approved_on TEXT CHECK (length(approved_on) = 10),
            year_end TEXT NOT NULL CHECK (length(year_end) = 5),
            rule_count INTEGER NOT NULL CHECK (rule_count >= 0),
            warning_count INTEGER NOT NULL CHECK (warning_count >= 0)
        )
        """,
        """
        CREATE TABLE calendar_version_source (
            version INTEGER NOT NULL PRIMARY KEY REFERENCES calendar_version (number) ON DELETE CASCADE,
            bytes \(binaryType) NOT NULL
        )
        """,
        """
        CREATE TABLE calendar_rule (
            version INTEGER NOT NULL REFERENCES calendar_version (number) ON DELETE CASCADE,
            number TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            title TEXT NOT NULL,
            description TEXT NOT NULL,
            holder_unit TEXT,
            recueil TEXT,
            recueil_rule_number TEXT,
            essential BOOLEAN,
            confidential BOOLEAN,
            personal_information BOOLEAN,
            pi_measure TEXT CHECK (pi_measure IN ('detruire', 'anonymiser')),
            count_start TEXT NOT NULL CHECK (count_start IN ('closing_date', 'opening_date', 'event')),
            count_start_event TEXT,
            general_remark TEXT,
            gala_request_number TEXT,
            gala_grille_chan BOOLEAN,
            PRIMARY KEY (version, number),
            UNIQUE (version, position),
            CHECK (pi_measure IS NULL OR personal_information IS NOT NULL),
            CHECK ((count_start = 'event' AND count_start_event IS NOT NULL)
                OR (count_start <> 'event' AND count_start_event IS NULL))
        )
        """,
        """
        CREATE TABLE calendar_copy_rule (
            version INTEGER NOT NULL,
            rule_number TEXT NOT NULL,
            copy TEXT NOT NULL CHECK (copy IN ('principal', 'secondaire')),
            supports TEXT NOT NULL,
            supports_remark INTEGER,
            active_kind TEXT NOT NULL CHECK (active_kind IN ('none', 'years', 'open', 'until_replaced')),
            active_years INTEGER,
            active_remark INTEGER,
            active_event TEXT,
            semi_active_kind TEXT NOT NULL CHECK (semi_active_kind IN ('none', 'years', 'open', 'until_replaced')),
            semi_active_years INTEGER,
            semi_active_remark INTEGER,
            semi_active_event TEXT,
            disposition TEXT CHECK (disposition IN ('C', 'D', 'T')),
            disposition_remark INTEGER,
            PRIMARY KEY (version, rule_number, copy),
            FOREIGN KEY (version, rule_number) REFERENCES calendar_rule (version, number) ON DELETE CASCADE,
            CHECK ((active_kind = 'years' AND active_years IS NOT NULL)
                OR (active_kind <> 'years' AND active_years IS NULL)),
            CHECK ((semi_active_kind = 'years' AND semi_active_years IS NOT NULL)
                OR (semi_active_kind <> 'years' AND semi_active_years IS NULL))
        )
        """,
        // Due lists select a version's copies by what happens to them.
        "CREATE INDEX calendar_copy_rule_by_disposition ON calendar_copy_rule (version, disposition, copy)",
        """
        CREATE TABLE calendar_remark (
            version INTEGER NOT NULL,
            rule_number TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            remark_number INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (version, rule_number, position),
            FOREIGN KEY (version, rule_number) REFERENCES calendar_rule (version, number) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE calendar_rule_item (
            version INTEGER NOT NULL,
            rule_number TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('classification', 'document_type', 'process', 'legal_reference')),
            position INTEGER NOT NULL CHECK (position >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (version, rule_number, kind, position),
            FOREIGN KEY (version, rule_number) REFERENCES calendar_rule (version, number) ON DELETE CASCADE
        )
        """,
        // Finding the rules of a classification code.
        "CREATE INDEX calendar_rule_item_by_value ON calendar_rule_item (version, kind, value)",
        """
        CREATE TABLE calendar_version_diagnostic (
            version INTEGER NOT NULL REFERENCES calendar_version (number) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            severity TEXT NOT NULL CHECK (severity IN ('warning', 'error')),
            file TEXT NOT NULL,
            line_number INTEGER NOT NULL,
            column_number INTEGER NOT NULL,
            message TEXT NOT NULL,
            rule TEXT,
            field TEXT,
            PRIMARY KEY (version, position)
        )
        """,
    ])
}
