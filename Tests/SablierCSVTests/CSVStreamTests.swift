import Foundation
import SablierCore
import SablierCSV
import SablierTestSupport
import Testing

/// `CSVStream` reads row by row what `CSVTable` reads whole: the same header, rows and
/// diagnostics.
@Suite("CSV stream: CSVTable row by row")
struct CSVStreamTests {
    static let inputs: [String] = [
        "a,b,c\n1,2,3\n4,5,6\n",
        "a,b,c\r\n1,2\r\n4,5,6,7\r\n8,9,10,,\r\n\r\n11,\"x\ny\",12\r\n",
        "a,b\n1,2\n3,\"open\n4,5\n",
        "a,b\n1,2\n3,x\"y\n5,6\n",
        "a,\"b\nc\"\n1,2\n",
        "",
        "\n\n",
        "\"a,b\n",
        "a;b;c\n1;2;3\n",
        "x,y\n1,2\n",
    ]

    @Test("header, rows, their lines and every diagnostic are CSVTable's", arguments: inputs)
    func sameAsTable(text: String) {
        let bytes = Array(text.utf8)
        let dialect = CSVDialect.guess(from: bytes)
        let table = CSVTable(bytes: bytes, file: "f.csv", dialect: dialect, required: ["a", "b"])
        let stream = CSVStream(bytes: bytes, file: "f.csv", dialect: dialect, required: ["a", "b"])
        #expect(stream.header == table.header)
        var rows: [CSVRecord] = []
        var diagnostics = stream.diagnostics
        let error = stream.forEachRow { (record, shape) in
            rows.append(record.record)
            if let shape { diagnostics.append(shape) }
        }
        if let error { diagnostics.append(error) }
        #expect(rows == (table.header.line > 0 ? table.rows : []))
        #expect(diagnostics.sortedByLocation == table.diagnostics)
    }

    @Test("the real spreadsheet reads the same")
    func valcourt() throws {
        let bytes = Array(try Data(contentsOf: Fixtures.valcourtCSV))
        let table = CSVTable(bytes: bytes, file: "v.csv", dialect: .guess(from: bytes))
        let stream = CSVStream(bytes: bytes, file: "v.csv", dialect: .guess(from: bytes))
        var lines: [Int] = []
        let error = stream.forEachRow { (record, _) in lines.append(record.line) }
        #expect(error == nil && lines == table.rows.map(\.line))
        #expect(stream.estimatedRowCount > 0)
    }
}
