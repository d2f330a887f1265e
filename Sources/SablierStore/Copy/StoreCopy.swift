import SablierCore

/// Moves an installation from one store to another, whatever their backends: every row of
/// every table, in one transaction on the target, then checked by counts.
///
/// The target must be empty (its migrations applied, no row): a copy never merges two
/// registers nor two audit trails. Both stores must have the same tables and columns, which
/// they do once both are opened by this Sablier (opening applies every migration). The target's
/// audit trail is then verified by the caller with the key the source's was written with.
public enum StoreCopy {
    /// How many rows a table held on each side once copied.
    public struct TableCount: Sendable, Hashable, Codable {
        public var table: String
        public var source: Int
        public var target: Int
    }

    /// Rows read and inserted at a time: a bounded number of parameters per statement
    /// (500 rows of the widest table, 22 columns, stay far below PostgreSQL's 65,535).
    public static let batchSize = 500

    /// Copies every table of `source` into `target`, in an order that satisfies the foreign
    /// keys, and returns the counts per table in that order. Refused (`.storeNotEmpty`) when
    /// the target holds a row, and (`.copyMismatch`) when the tables differ or a count does
    /// not match once copied: then nothing is committed.
    public static func copy(from source: any StoreTableSource, to target: any StoreTableTarget,
                            batchSize: Int = batchSize) async throws -> [TableCount] {
        let targetLocation = target.copyLocation
        return try await source.unloading { unloader in
            try await target.loading { loader in
                let tables = try await loader.tables()
                for table in tables.sorted(by: { $0.name < $1.name }) {
                    let rows = try await loader.rowCount(of: table.name)
                    guard rows == 0 else {
                        throw Refusal(.storeNotEmpty, ["location": targetLocation, "table": table.name, "rows": "\(rows)"])
                    }
                }
                try check(source: try await unloader.tables(), target: tables)
                let order = try dependencyOrder(tables)
                for table in order {
                    try await unloader.forEachBatch(of: table.name, columns: table.columns, batchSize: batchSize) { rows in
                        try await loader.insert(rows, into: table.name, columns: table.columns)
                    }
                }
                var counts: [TableCount] = []
                for table in order {
                    let count = TableCount(table: table.name, source: try await unloader.rowCount(of: table.name),
                                           target: try await loader.rowCount(of: table.name))
                    guard count.source == count.target else {
                        throw Refusal(.copyMismatch, [
                            "detail": "\(table.name): \(count.source) row(s) in the source, \(count.target) in the copy",
                        ])
                    }
                    counts.append(count)
                }
                return counts
            }
        }
    }

    /// Refuses two stores whose tables or columns differ: a row would not fit, or be lost.
    static func check(source: [StoreTableShape], target: [StoreTableShape]) throws {
        let sourceTables = Dictionary(source.map { ($0.name, Set($0.columns)) }, uniquingKeysWith: { a, _ in a })
        let targetTables = Dictionary(target.map { ($0.name, Set($0.columns)) }, uniquingKeysWith: { a, _ in a })
        var differences: [String] = []
        for name in Set(sourceTables.keys).union(targetTables.keys).sorted() {
            switch (sourceTables[name], targetTables[name]) {
            case (nil, _): differences.append("\(name) only in the target")
            case (_, nil): differences.append("\(name) only in the source")
            case let (from?, to?) where from != to:
                let columns = from.symmetricDifference(to).sorted().joined(separator: ", ")
                differences.append("\(name) has other columns (\(columns))")
            default: break
            }
        }
        guard differences.isEmpty else {
            throw Refusal(.copyMismatch, ["detail": "the schemas differ: " + differences.joined(separator: "; ")])
        }
    }

    /// `tables` ordered so each comes after the tables it references: inserting in that order
    /// satisfies every foreign key checked at once. Ties keep alphabetical order, so the copy
    /// and its printed counts are the same from run to run.
    public static func dependencyOrder(_ tables: [StoreTableShape]) throws -> [StoreTableShape] {
        var remaining = tables.sorted { $0.name < $1.name }
        let names = Set(tables.map(\.name))
        var placed: Set<String> = []
        var order: [StoreTableShape] = []
        while !remaining.isEmpty {
            guard let next = remaining.firstIndex(where: { $0.references.intersection(names).isSubset(of: placed) }) else {
                let cycle = remaining.map(\.name).joined(separator: ", ")
                throw Refusal(.copyMismatch, ["detail": "the foreign keys of \(cycle) reference each other in a cycle"])
            }
            let table = remaining.remove(at: next)
            placed.insert(table.name)
            order.append(table)
        }
        return order
    }
}
