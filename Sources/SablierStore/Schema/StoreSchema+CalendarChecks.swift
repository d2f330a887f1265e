extension StoreSchema {
    /// The calendar tables' enumeration checks written as `x = 'a' OR x = 'b' OR …` instead of
    /// `x IN ('a', 'b', …)`: the same rule, but SQLite builds a temporary table for every row
    /// it checks against a list of three values or more, which cost about 75 ms of a 5,000-rule
    /// import (45,000 rows). Lists of two values (`copy`, `pi_measure`) are left as they are.
    ///
    /// A CHECK cannot be altered in SQLite, so the four rule tables are rebuilt as SQLite's
    /// documentation describes (new tables, rows copied, old tables dropped, new ones renamed;
    /// foreign keys are off during migrations and checked at their end). The columns, keys,
    /// indexes and the other checks are v1's, unchanged; children are dropped before their
    /// parent, so PostgreSQL accepts the same statements.
    static let v7CalendarChecks = Migration(name: "v7-calendar-checks", statements: [
        """
        CREATE TABLE calendar_rule_v7 (
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
            count_start TEXT NOT NULL CHECK (count_start = 'closing_date' OR count_start = 'opening_date' OR count_start = 'event'),
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
        CREATE TABLE calendar_copy_rule_v7 (
            version INTEGER NOT NULL,
            rule_number TEXT NOT NULL,
            copy TEXT NOT NULL CHECK (copy IN ('principal', 'secondaire')),
            supports TEXT NOT NULL,
            supports_remark INTEGER,
            active_kind TEXT NOT NULL
                CHECK (active_kind = 'none' OR active_kind = 'years' OR active_kind = 'open' OR active_kind = 'until_replaced'),
            active_years INTEGER,
            active_remark INTEGER,
            active_event TEXT,
            semi_active_kind TEXT NOT NULL
                CHECK (semi_active_kind = 'none' OR semi_active_kind = 'years' OR semi_active_kind = 'open'
                       OR semi_active_kind = 'until_replaced'),
            semi_active_years INTEGER,
            semi_active_remark INTEGER,
            semi_active_event TEXT,
            disposition TEXT CHECK (disposition = 'C' OR disposition = 'D' OR disposition = 'T'),
            disposition_remark INTEGER,
            PRIMARY KEY (version, rule_number, copy),
            FOREIGN KEY (version, rule_number) REFERENCES calendar_rule_v7 (version, number) ON DELETE CASCADE,
            CHECK ((active_kind = 'years' AND active_years IS NOT NULL)
                OR (active_kind <> 'years' AND active_years IS NULL)),
            CHECK ((semi_active_kind = 'years' AND semi_active_years IS NOT NULL)
                OR (semi_active_kind <> 'years' AND semi_active_years IS NULL))
        )
        """,
        """
        CREATE TABLE calendar_remark_v7 (
            version INTEGER NOT NULL,
            rule_number TEXT NOT NULL,
            position INTEGER NOT NULL CHECK (position >= 0),
            remark_number INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (version, rule_number, position),
            FOREIGN KEY (version, rule_number) REFERENCES calendar_rule_v7 (version, number) ON DELETE CASCADE
        )
        """,
        """
        CREATE TABLE calendar_rule_item_v7 (
            version INTEGER NOT NULL,
            rule_number TEXT NOT NULL,
            kind TEXT NOT NULL
                CHECK (kind = 'classification' OR kind = 'document_type' OR kind = 'process' OR kind = 'legal_reference'),
            position INTEGER NOT NULL CHECK (position >= 0),
            value TEXT NOT NULL,
            PRIMARY KEY (version, rule_number, kind, position),
            FOREIGN KEY (version, rule_number) REFERENCES calendar_rule_v7 (version, number) ON DELETE CASCADE
        )
        """,
        // The columns are v1's, in v1's order.
        "INSERT INTO calendar_rule_v7 SELECT * FROM calendar_rule",
        "INSERT INTO calendar_copy_rule_v7 SELECT * FROM calendar_copy_rule",
        "INSERT INTO calendar_remark_v7 SELECT * FROM calendar_remark",
        "INSERT INTO calendar_rule_item_v7 SELECT * FROM calendar_rule_item",
        "DROP TABLE calendar_rule_item",
        "DROP TABLE calendar_remark",
        "DROP TABLE calendar_copy_rule",
        "DROP TABLE calendar_rule",
        // Renaming the parent renames the children's references to it.
        "ALTER TABLE calendar_rule_v7 RENAME TO calendar_rule",
        "ALTER TABLE calendar_copy_rule_v7 RENAME TO calendar_copy_rule",
        "ALTER TABLE calendar_remark_v7 RENAME TO calendar_remark",
        "ALTER TABLE calendar_rule_item_v7 RENAME TO calendar_rule_item",
        // v1's indexes, dropped with their tables.
        "CREATE INDEX calendar_copy_rule_by_disposition ON calendar_copy_rule (version, disposition, copy)",
        "CREATE INDEX calendar_rule_item_by_value ON calendar_rule_item (version, kind, value)",
    ])
}
