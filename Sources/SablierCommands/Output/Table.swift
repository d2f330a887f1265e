import Foundation
import SablierCSV

/// A listing with named columns, printed as an aligned text table or as CSV.
struct Table {
    var columns: [String]
    var rows: [[String]]

    /// Aligned columns separated by two spaces; cells keep their first line only, capped in width.
    func renderText(maxCellWidth: Int = 60) -> String {
        let cells = rows.map { $0.map { Table.clip($0, maxCellWidth) } }
        var widths = columns.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ values: [String]) -> String {
            var text = ""
            for (index, value) in values.enumerated() {
                let isLast = index == values.count - 1
                text += isLast ? value : value + String(repeating: " ", count: widths[index] - value.count + 2)
            }
            return text
        }
        var lines = [line(columns), line(widths.map { String(repeating: "-", count: $0) })]
        lines += cells.map(line)
        return lines.joined(separator: "\n")
    }

    /// The table as a CSV file with a header row, in `format`: its separator, line ends and BOM;
    /// cells with separators, quotes or line breaks quoted, formulas neutralised.
    func renderCSV(_ format: CSVFormat) -> String {
        var writer = CSVWriter(format: format)
        writer.row(columns)
        for row in rows { writer.row(row) }
        return writer.text
    }

    static func clip(_ value: String, _ width: Int) -> String {
        let firstLine = value.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let more = firstLine.count < value.count
        if firstLine.count > width { return String(firstLine.prefix(width - 1)) + "…" }
        return more && !firstLine.isEmpty ? firstLine + " …" : firstLine
    }
}
