import SablierCore

/// A header row: column names mapped to field indexes, trimmed and case-insensitive, with
/// repeated names told apart by occurrence (`NUMREGLE` #1, #2, #3 in a GALA-columns sheet).
public struct CSVHeader: Sendable, Hashable {
    /// The names as written, trimmed.
    public let names: [String]
    /// The line of the header record.
    public let line: Int
    private let indexesByKey: [String: [Int]]

    public init(_ names: [String], line: Int = 1) {
        self.names = names.map { $0.trimmingSpaces() }
        self.line = line
        var map: [String: [Int]] = [:]
        for (index, name) in names.enumerated() {
            map[CSVHeader.key(name), default: []].append(index)
        }
        indexesByKey = map
    }

    /// The form names are compared in: trimmed (no-break spaces included) and lower-cased.
    public static func key(_ name: some StringProtocol) -> String {
        name.trimmingSpaces().lowercased()
    }

    public var count: Int { names.count }

    /// The index of the `occurrence`-th column (1-based) with this name, or nil.
    public func index(of name: String, occurrence: Int = 1) -> Int? {
        guard occurrence >= 1, let all = indexesByKey[CSVHeader.key(name)], occurrence <= all.count else { return nil }
        return all[occurrence - 1]
    }

    /// The indexes of every column with this name, left to right.
    public func indexes(of name: String) -> [Int] {
        indexesByKey[CSVHeader.key(name)] ?? []
    }

    public func contains(_ name: String) -> Bool {
        indexesByKey[CSVHeader.key(name)] != nil
    }

    /// How many columns have this name.
    public func occurrences(of name: String) -> Int {
        indexesByKey[CSVHeader.key(name)]?.count ?? 0
    }

    /// The required names the header lacks, in the order given.
    public func missing(_ required: [String]) -> [String] {
        required.filter { !contains($0) }
    }

    /// Names that occur more than once, in order of first occurrence, with their counts.
    public var duplicates: [(name: String, count: Int)] {
        var seen: Set<String> = []
        var result: [(String, Int)] = []
        for name in names {
            let key = CSVHeader.key(name)
            guard !seen.contains(key), let count = indexesByKey[key]?.count, count > 1 else { continue }
            seen.insert(key)
            result.append((name, count))
        }
        return result
    }
}
