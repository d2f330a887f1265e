import Foundation
import SablierCore
import SablierStore
import Testing

@Suite("Backend-neutral schema and encoding")
struct StoreSchemaTests {
    @Test("migrations have distinct names and use the binary placeholder only")
    func migrationNames() {
        let names = StoreSchema.migrationNames
        #expect(names.first == "v1-calendars")
        #expect(Set(names).count == names.count)
        let all = StoreSchema.migrations.flatMap(\.statements).joined(separator: "\n")
        #expect(all.contains(StoreSchema.binaryType))
        #expect(!all.uppercased().contains("BLOB"))
        #expect(!all.uppercased().contains("AUTOINCREMENT"))
    }

    @Test("each dialect gets its own binary type", arguments: [("BLOB", SQLDialect.sqlite), ("BYTEA", SQLDialect.postgresql)])
    func dialects(type: String, dialect: SQLDialect) {
        let sql = StoreSchema.migrations.flatMap { $0.statements(for: dialect) }.joined(separator: "\n")
        #expect(sql.contains("bytes \(type) NOT NULL"))
        #expect(!sql.contains(StoreSchema.binaryType))
    }

    @Test("statements are written with each dialect's parameters")
    func statements() {
        let table = StoreTable("t", columns: ["a", "b", "c"])
        #expect(table.insert(.sqlite) == "INSERT INTO t (a, b, c) VALUES (?, ?, ?)")
        #expect(table.insert(.postgresql) == "INSERT INTO t (a, b, c) VALUES ($1, $2, $3)")
        #expect(table.select(.postgresql, where: ["a", "b"], orderBy: ["c"]) == "SELECT a, b, c FROM t WHERE a = $1 AND b = $2 ORDER BY c")
    }

    @Test("an insert of several rows numbers its parameters on from row to row")
    func multiRowInsert() {
        let table = StoreTable("t", columns: ["a", "b"])
        #expect(table.insert(.sqlite, rows: 3) == "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)")
        #expect(table.insert(.postgresql, rows: 3) == "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)")
        #expect(table.insert(.postgresql, rows: 1) == table.insert(.postgresql))
    }

    @Test("a calendar is read back in rule-number order, dependents grouped the same way")
    func calendarQueries() {
        let queries = StoredVersion.CalendarQueries(.postgresql)
        #expect(queries.rules == CalendarRuleRow.table.select(.postgresql, where: ["version"], orderBy: ["number"]))
        #expect(queries.copies.hasSuffix("FROM calendar_copy_rule WHERE version = $1 ORDER BY rule_number, copy"))
        #expect(queries.remarks.hasSuffix("FROM calendar_remark WHERE version = $1 ORDER BY rule_number, position"))
        #expect(queries.items.hasSuffix("FROM calendar_rule_item WHERE version = $1 ORDER BY rule_number, kind, position"))
    }

    @Test("rows out of rule order, or of no rule, are reported as corrupt")
    func strayRows() throws {
        let stored = try StoredVersion(number: 1, Samples.version(Samples.rich))
        let rules = stored.rules.map(\.rule).sorted { Array($0.number.utf8).lexicographicallyPrecedes(Array($1.number.utf8)) }
        func copies(_ order: [String]) -> [CalendarCopyRuleRow] {
            order.flatMap { number in stored.rules.first { $0.rule.number == number }!.copies }
        }
        let remarks = stored.rules.flatMap(\.remarks), items = stored.rules.flatMap(\.items)
        let ordered = try StoredVersion.calendar(
            version: stored.version, rules: rules, copies: copies(rules.map(\.number)), remarks: remarks, items: items)
        #expect(ordered == Samples.rich)
        #expect(throws: CorruptValue.self) {
            try StoredVersion.calendar(
                version: stored.version, rules: rules, copies: copies(rules.map(\.number).reversed()), remarks: remarks, items: items)
        }
        #expect(throws: CorruptValue.self) {
            // The last rule's copies belong to no rule given.
            try StoredVersion.calendar(
                version: stored.version, rules: Array(rules.dropLast()), copies: copies(rules.map(\.number)), remarks: remarks, items: items)
        }
    }

    @Test("every row gives one value per column of its table")
    func rowWidths() throws {
        let stored = try StoredVersion(number: 1, Samples.version(Samples.rich, diagnostics: Samples.diagnostics))
        #expect(stored.version.values.count == CalendarVersionRow.table.columns.count)
        #expect(stored.source.values.count == CalendarVersionSourceRow.table.columns.count)
        let rule = try #require(stored.rules.first)
        #expect(rule.rule.values.count == CalendarRuleRow.table.columns.count)
        #expect(rule.copies.map(\.values.count) == [15, 15])
        #expect(CalendarCopyRuleRow.table.columns.count == 15)
        #expect(rule.remarks.first?.values.count == CalendarRemarkRow.table.columns.count)
        #expect(rule.items.first?.values.count == CalendarRuleItemRow.table.columns.count)
        #expect(stored.diagnostics.first?.values.count == CalendarDiagnosticRow.table.columns.count)
        #expect(rule.copies[0].supports == "DM,PA,AV")
        #expect(rule.items.filter { $0.kind == "document_type" }.map(\.value) == Samples.richRule.documentTypes)
    }

    @Test("support codes that cannot be joined are refused")
    func unstorableSupport() {
        var calendar = Samples.bare
        calendar.rules[0].principal.supports = [Support(code: "PA,DM")]
        let error = #expect(throws: StoreError.self) { try StoredVersion(number: 1, Samples.version(calendar)) }
        #expect(error?.code == .invalidVersion)
        #expect(error?.description.contains("'PA,DM'") == true)
    }

    @Test("copies must be of their own kinds")
    func copyKinds() {
        var calendar = Samples.bare
        calendar.rules[0].secondaire = CopyRule(kind: .principal)
        #expect(throws: StoreError.self) { try StoredVersion(number: 1, Samples.version(calendar)) }
    }

    @Test("instants are kept to the microsecond")
    func instants() {
        let date = Date(timeIntervalSince1970: 1_750_000_000.123_456_7)
        let stored = StoredVersion.storedInstant(date)
        #expect(abs(stored.timeIntervalSince(date)) < 0.000_001)
        #expect(StoredVersion.storedInstant(stored) == stored)
    }

    @Test("SHA-256 matches the FIPS 180-4 examples", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func sha256(text: String, digest: String) {
        #expect(SourceDigest.sha256Hex(Array(text.utf8)) == digest)
    }
}
