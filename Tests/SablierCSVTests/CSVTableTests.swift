import Foundation
import Testing
import SablierCore
import SablierCSV
import SablierTestSupport

@Suite struct CSVHeaderTests {
    @Test func namesAreTrimmedAndCaseInsensitive() {
        let header = CSVHeader([" Regle ", "TITRE", "princ_actif\u{00A0}"])
        #expect(header.names == ["Regle", "TITRE", "princ_actif"])
        #expect(header.index(of: "regle") == 0)
        #expect(header.index(of: "Titre") == 1)
        #expect(header.index(of: "PRINC_ACTIF") == 2)
        #expect(header.index(of: "princ_sa") == nil)
        #expect(header.missing(["regle", "princ_sa", "titre", "sec_df"]) == ["princ_sa", "sec_df"])
    }

    @Test func duplicateNamesByOccurrenceInTheHBFile() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.hbCSV))
        let table = CSVTable(bytes: bytes, file: "hb.csv")
        let header = table.header
        #expect(header.count == 38)
        #expect(header.occurrences(of: "NUMREGLE") == 3)
        #expect(header.indexes(of: "numregle") == [2, 18, 28])
        #expect(header.index(of: "NUMREGLE", occurrence: 2) == 18)
        #expect(header.index(of: "NUMREGLE", occurrence: 4) == nil)
        #expect(header.index(of: "NUMREGLE", occurrence: 0) == nil)
        #expect(header.indexes(of: "CODECLASS") == [7, 10])
        #expect(header.duplicates.map(\.name) == ["NUMREGLE", "CODECLASS", "TYPEDOSS", "SUPPDOSS", "REM_SUPPDOSS", "PERIOACTIF",
                                                 "REM_PERIOACTIF", "PERIOSMACT", "REM_PERIOSMACT", "ID_REF_DISPOSITION", "REM_DISPOINACT"])
        #expect(header.duplicates.first?.count == 3)
        let row = try #require(table.rows.first)
        #expect(table.value(row, "TYPEDOSS", occurrence: 1) == "P")
        #expect(table.value(row, "TYPEDOSS", occurrence: 2) == "S")
        #expect(table.value(row, "ID_REF_DISPOSITION", occurrence: 2) == "D")
        #expect(table.value(row, "NOPE") == nil)
        #expect(table.diagnostics.isEmpty)
    }
}

@Suite struct CSVTableTests {
    private func table(_ text: String, required: [String] = []) -> CSVTable {
        CSVTable(bytes: Array(text.utf8), file: "t.csv", required: required)
    }

    @Test func headerAndRows() throws {
        let t = table("a,b\n1,2\n\"3\n4\",5\n")
        #expect(t.header.names == ["a", "b"])
        #expect(t.header.line == 1)
        try #require(t.rows.count == 2)
        #expect(t.rows.map(\.line) == [2, 3])
        #expect(t.diagnostics.isEmpty)
        #expect(t.location(t.rows[1], column: 1) == SourceLocation(file: "t.csv", line: 3, column: 2))
    }

    @Test func wrongFieldCounts() {
        let t = table("a,b,c\n1,2\n1,2,3\n1,2,3,,\n1,2,3,4\n")
        #expect(t.diagnostics.map(\.description) == [
            "t.csv:2: error: the record has 2 fields but the header has 3; the missing fields are read as empty",
            "t.csv:4: warning: the record has 5 fields but the header has 3; the extra empty fields are ignored",
            "t.csv:5: error: the record has 4 fields but the header has 3",
        ])
        #expect(t.rows.first.map { t.value($0, "c") } == .some(nil))
    }

    @Test func missingRequiredColumns() {
        let t = table("a,b\n1,2\n", required: ["a", "c", "d"])
        #expect(t.diagnostics.map(\.description) == ["t.csv:1: error: the header lacks the required columns 'c', 'd'"])
    }

    @Test func emptyFile() {
        #expect(table("").diagnostics.map(\.description) == ["t.csv: error: the file is empty: a header row is expected"])
    }

    @Test func malformedCSVBecomesADiagnosticAndEarlierRowsAreKept() {
        let t = table("a,b\n1,2\n3,\"4\n5\n")
        #expect(t.rows.map(\.fields) == [["1", "2"]])
        #expect(t.diagnostics.count == 1)
        #expect(t.diagnostics.first?.severity == .error)
        #expect(t.diagnostics.first?.location == SourceLocation(file: "t.csv", line: 3, column: 2))
        #expect(t.diagnostics.first?.message.contains("never closed") == true)
    }
}
