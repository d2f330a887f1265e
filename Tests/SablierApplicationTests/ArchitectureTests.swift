import Foundation
import SablierTestSupport
import Testing

/// docs/ARCHITECTURE.md's module table is the package's: every module, each with exactly the
/// dependencies Package.swift gives it.
@Suite("docs/ARCHITECTURE.md and Package.swift agree")
struct ArchitectureTests {
    /// Target name → the names it depends on (targets, and products by their product name).
    static func packageTargets() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: Set<String>] = [:]
        // Each `.target(`, `.executableTarget(` or `.systemLibrary(` up to the next one.
        let starts = ["\n        .target(", "\n        .executableTarget(", "\n        .systemLibrary("]
        var positions: [String.Index] = []
        for start in starts {
            var from = text.startIndex
            while let range = text.range(of: start, range: from..<text.endIndex) {
                positions.append(range.lowerBound)
                from = range.upperBound
            }
        }
        positions.sort()
        let testStart = text.range(of: "\n        .testTarget(")?.lowerBound ?? text.endIndex
        for (index, position) in positions.enumerated() where position < testStart {
            let end = index + 1 < positions.count ? min(positions[index + 1], testStart) : testStart
            let block = String(text[position..<end])
            guard let name = Self.quoted(after: "name: ", in: block) else { continue }
            var dependencies: Set<String> = []
            if let open = block.range(of: "dependencies: [") {
                var depth = 1
                var cursor = open.upperBound
                var inside = ""
                while cursor < block.endIndex, depth > 0 {
                    let character = block[cursor]
                    if character == "[" { depth += 1 }
                    if character == "]" { depth -= 1 }
                    if depth > 0 { inside.append(character) }
                    cursor = block.index(after: cursor)
                }
                // A product's name is its first quoted string; `package:` names where it comes from.
                let withoutPackages = inside.replacingOccurrences(of: #", package: "[^"]*""#, with: "", options: .regularExpression)
                for match in withoutPackages.matches(of: /"([^"]+)"/) { dependencies.insert(String(match.1)) }
            }
            targets[name] = dependencies
        }
        return targets
    }

    static func quoted(after label: String, in text: String) -> String? {
        guard let range = text.range(of: label + "\"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Module → the dependencies its row in docs/ARCHITECTURE.md names (last column, in backticks).
    static func documentedModules() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        var modules: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let columns = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard columns.count >= 5, let name = columns[1].matches(of: /`([^`]+)`/).first.map({ String($0.1) }) else { continue }
            let dependencies = columns[columns.count - 2].matches(of: /`([^`]+)`/).map { String($0.1) }
            modules[name] = Set(dependencies)
        }
        return modules
    }

    @Test("every module of Package.swift has its row, with exactly its dependencies, and no row names a module that is not there")
    func table() throws {
        let package = try Self.packageTargets()
        let documented = try Self.documentedModules()
        #expect(package.count > 10, "Package.swift was not read: \(package.keys.sorted())")
        #expect(Set(documented.keys) == Set(package.keys))
        for (name, dependencies) in package {
            #expect(documented[name] == dependencies, "\(name): Package.swift says \(dependencies.sorted())")
        }
    }

    @Test("the command line names each backend in one file, where the store is opened; the server, the pages and the use cases name none",
          arguments: ["SablierSQLite", "SablierPostgres"])
    func oneBackendImport(backend: String) throws {
        var importing: [String] = []
        for module in ["SablierCommands", "SablierServer", "SablierWeb", "SablierApplication"] {
            let folder = Fixtures.root.appendingPathComponent("Sources/\(module)")
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL])
            importing += try files.filter { $0.pathExtension == "swift" }.filter {
                try String(contentsOf: $0, encoding: .utf8).contains("import \(backend)")
            }.map { "\(module)/\($0.lastPathComponent)" }
        }
        #expect(importing == ["SablierCommands/StoreOptions.swift"])
    }
}
