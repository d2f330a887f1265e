import Foundation
import SablierCore
import SablierTestSupport
import SablierXML
import Testing

@Suite("Concurrent use")
struct ConcurrencyTests {
    @Test("many reads and writes at once, sharing the compiled schemas, give the same results as one")
    func parallelReads() async throws {
        let udem = try Data(contentsOf: Fixtures.udemGALA)
        let hb = try Data(contentsOf: Fixtures.hbGALA)
        let example = try Data(contentsOf: Fixtures.exampleNative)
        let hostile = Data(Hostile.billionLaughs.utf8)
        let expected = [
            GALACalendarReader.read(bytes: udem, file: "u").rules.map(\.rule),
            GALACalendarReader.read(bytes: hb, file: "h").rules.map(\.rule),
            NativeCalendarReader.read(bytes: example, file: "e").rules.map(\.rule),
        ]
        let results = try await withThrowingTaskGroup(of: (Int, [Rule], Bool).self) { group in
            for round in 0..<48 {
                group.addTask {
                    let kind = round % 4
                    switch kind {
                    case 0: return (0, GALACalendarReader.read(bytes: udem, file: "u").rules.map(\.rule), true)
                    case 1:
                        let read = GALACalendarReader.read(bytes: hb, file: "h")
                        let written = try GALACalendarWriter.write(XMLTest.calendar(read))
                        return (1, GALACalendarReader.read(bytes: written.data, file: "w").rules.map(\.rule), !written.diagnostics.hasErrors)
                    case 2:
                        let read = NativeCalendarReader.read(bytes: example, file: "e")
                        let written = try NativeCalendarWriter.write(XMLTest.calendar(read))
                        return (2, NativeCalendarReader.read(bytes: written.data, file: "w").rules.map(\.rule), written.diagnostics.isEmpty)
                    default:
                        let refused = GALACalendarReader.read(bytes: hostile, file: "x")
                        return (3, [], refused.diagnostics.hasErrors)
                    }
                }
            }
            var collected: [(Int, [Rule], Bool)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 48)
        for (kind, rules, ok) in results {
            #expect(ok)
            if kind < 3 { #expect(rules == expected[kind]) }
        }
    }
}
