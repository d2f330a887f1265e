import Foundation

/// Prints values as JSON with sorted keys and ISO 8601 dates, so output is stable across runs.
enum JSONOutput {
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Prints a listing in the chosen format: the table for people, JSON from `json`, CSV from the table.
enum Listing {
    static func print(_ output: OutputOptions, table: Table, json: some Encodable) throws {
        switch output.format {
        case .table: Console.out(table.renderText())
        case .csv: Console.out(table.renderCSV(output.csvFormat))
        case .json: Console.out(try JSONOutput.render(json))
        }
    }
}

extension Listing {
    /// Says on standard error how many rows were left out because the reader may not see them.
    static func withheld(_ count: Int) {
        guard count > 0 else { return }
        Console.error("withheld: \(count) (rows you may not see)")
    }
}
